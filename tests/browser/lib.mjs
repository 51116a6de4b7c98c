// Shared helpers for Mapathy's real-browser tests: serve the built site, open it in one of three engines
// (Chromium, Firefox, WebKit: drivers/*.mjs behind one page API, drivers/page.mjs), find widgets by label
// through window.mapathy.widgets(), and act like a person (click or tap a widget's rectangle, type text).
// Each *.test.mjs here is one ctest test per engine its first line names (`// engines: chromium firefox
// webkit`; CMakeLists.txt reads it): browser.<engine>.<name>, with MAPATHY_ENGINE set to the engine.
//
// Environment (set by ctest; defaults for running a test by hand with `node smoke.test.mjs`):
//   MAPATHY_ENGINE         chromium (default), firefox or webkit
//   MAPATHY_SITE_DIR       the built site (default: build/web/site in the source tree)
//   MAPATHY_ARTIFACTS_DIR  where screenshots go (default: build/browser-artifacts), in a folder per engine
//   MAPATHY_CHROMIUM, MAPATHY_FIREFOX, MAPATHY_WEBKIT_DRIVER, MAPATHY_MINIBROWSER   the browsers
//   MAPATHY_CHROMIUM_GL    mesa (default: a window on Xvfb) or swiftshader (headless); drivers/chromium.mjs
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { startServer } from '../../tools/serve.mjs';

const SOURCE_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const SITE_DIR = resolve(process.env.MAPATHY_SITE_DIR || join(SOURCE_DIR, 'build/web/site'));
export const ENGINES = ['chromium', 'firefox', 'webkit'];
export const ENGINE = process.env.MAPATHY_ENGINE || 'chromium';
if (!ENGINES.includes(ENGINE)) throw new Error(`MAPATHY_ENGINE=${ENGINE}: expected one of ${ENGINES.join(', ')}`);
export const ARTIFACTS_DIR = join(resolve(process.env.MAPATHY_ARTIFACTS_DIR || join(SOURCE_DIR, 'build/browser-artifacts')), ENGINE);
// The console capture every page gets in test mode (tools/serve.mjs serves it as __test/console.js).
export const CAPTURE_SCRIPT = fileURLToPath(new URL('./capture.js', import.meta.url));

const driverModule = (engine) => import(`./drivers/${engine}.mjs`);
// What the engine's driver can do beyond the common page API (drivers/*.mjs: pdf, downloads, …).
export const capabilities = (await driverModule(ENGINE)).capabilities;

// Console messages an engine prints that the app cannot avoid, by exact text, each with the reason.
// Nothing else is ever dropped: every other error or warning fails the test.
const ALLOWED_PROBLEMS = new Map([
]);

// Fails with a clear message (never skips) when the site has not been built.
export function requireSite(dir = SITE_DIR) {
  for (const file of ['index.html', 'mapathy.js', 'mapathy.wasm']) {
    if (!existsSync(join(dir, file))) {
      throw new Error(`The web site is missing ${join(dir, file)}. Build it first: cmake --workflow --preset web ` +
        '(or set MAPATHY_SITE_DIR).');
    }
  }
  return dir;
}

// The test server: the site (or `root`) below `base`, with the console capture (test mode).
export function startTestServer({ root = SITE_DIR, base = '/', port = 0, hold = null } = {}) {
  return startServer({ root, base, port, testScript: CAPTURE_SCRIPT, hold });
}

// Serves the site and opens it in a fresh profile of the engine under test (MAPATHY_ENGINE).
// options: { locale ('en-US'), viewport ({width: 1280, height: 800}), deviceScaleFactor (1), hasTouch
//            (a touch screen: touch events and, where the engine can say so, a coarse pointer), isMobile,
//            base ('/'), hash (''), server (serve with this one instead of starting one),
//            waitForFrames (2), engine (MAPATHY_ENGINE), fakeCamera (a y4m file the camera films: Chromium
//            only, capabilities.fakeCamera; see writeY4m) }
// Returns { engine, capabilities, page, server, url, newPage(), waitForPopup(action), setClipboard(text),
//           readClipboard(), problems(), close() }. The clipboard is the system's as the browser sees it.
//   problems(): the console errors and warnings, uncaught errors, failed loads and CSP violations of
//   every page so far (tests/browser/capture.js, plus the driver's own log where it has one), and any call
//   of navigator.storage.persist() (the app never asks for persistent storage on its own).
export async function openApp(options = {}) {
  requireSite();
  const engine = options.engine || ENGINE;
  const driver = await driverModule(engine);
  const ownServer = !options.server;
  const server = options.server || await startTestServer({ base: options.base || '/' });
  const profile = mkdtempSync(join(tmpdir(), `mapathy-${engine}-`));
  let browser;
  try {
    browser = await driver.launch({
      profile,
      locale: options.locale || 'en-US',
      viewport: options.viewport || { width: 1280, height: 800 },
      deviceScaleFactor: options.deviceScaleFactor || 1,
      hasTouch: Boolean(options.hasTouch),
      isMobile: Boolean(options.isMobile),
      fakeCamera: options.fakeCamera,
    });
  } catch (error) {
    if (ownServer) await server.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const pages = [browser.page];
  const track = (page) => { pages.push(page); return page; };
  const url = server.url + (options.hash ? '#' + options.hash.replace(/^#/, '') : '');
  const app = {
    engine,
    capabilities: driver.capabilities,
    page: browser.page,
    server,
    url,
    newPage: async () => track(await browser.newPage()),
    waitForPopup: async (action) => track(await browser.waitForPopup(action)),
    setClipboard: (text) => browser.setClipboard(text),
    readClipboard: () => browser.readClipboard(),
    problems: () => problemsOf(pages),
    async close() {
      await browser.close().catch(() => {});
      if (ownServer) await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  try {
    await app.page.goto(url);
    await waitForApp(app.page, options.waitForFrames ?? 2);
  } catch (error) {
    const problems = await app.problems().catch(() => []);
    await app.close();
    throw new Error(`${error.message}\n${problems.join('\n')}`);
  }
  return app;
}

// What every page reported (see openApp), minus ALLOWED_PROBLEMS. Pages without the capture (a text view
// in its own tab) report through the driver's log where the engine has one.
async function problemsOf(pages) {
  const found = [];
  for (const page of pages) {
    let captured = null;
    try {
      captured = await page.evaluate(() => (window.__mapathyTest ? window.__mapathyTest.read() : null));
    } catch { /* the tab is closed */ }
    const own = captured ? captured.problems : [];
    found.push(...own);
    if (captured && captured.persistCalls > 0) {
      found.push(`navigator.storage.persist() was called ${captured.persistCalls} time(s): the app asked for ` +
        'persistent storage on its own (Firefox shows a prompt for it)');
    }
    // The driver's log repeats what the page's console calls said: only what the capture did not see.
    for (const problem of page.driverProblems || []) {
      const text = problem.replace(/^browser console \w+: /, '');
      if (!own.some((entry) => entry.endsWith(': ' + text))) found.push(problem);
    }
  }
  return found.filter((problem) => !ALLOWED_PROBLEMS.has(problem));
}

// Waits until window.mapathy exists, at least `frames` frames have been drawn and the semibold face
// (fetched after the first frame) has arrived or failed, so headings no longer change width under a test.
export async function waitForApp(page, frames = 2, timeout = 30000) {
  await page.waitForFunction((n) => window.mapathy && window.mapathy.frames() >= n &&
    (!window.mapathy.boldFont || window.mapathy.boldFont() !== 'pending'), frames, { timeout });
}

export const widgets = (page) => page.evaluate(() => window.mapathy.widgets());
export const frames = (page) => page.evaluate(() => window.mapathy.frames());
export const documentJson = (page) => page.evaluate(() => window.mapathy.document());
export const shareLink = (page) => page.evaluate(() => window.mapathy.shareLink());
export const openLink = (page, url) => page.evaluate((u) => window.mapathy.openLink(u), url);

// The first visible widget whose label is `label` (a string, a RegExp tested against the label, or a
// function of the item, e.g. byId('section.add.says') or byRawSuffix('###toolbar.share')), waiting up to
// `timeout` ms for it to appear. Throws with the labels on screen when there is none.
// settled: also wait until it stays where it is (a window or dialog takes a frame or two to measure and
// place itself; a person clicks what has come to rest, not the first frame of it).
export async function findWidget(page, label, { timeout = 5000, settled = false } = {}) {
  const matches = (item) => (typeof label === 'function' ? label(item)
    : label instanceof RegExp ? label.test(item.label) : item.label === label);
  const deadline = Date.now() + timeout;
  let items = [];
  let last = null;
  let quiet = 0;
  for (;;) {
    const framesBefore = settled ? await frames(page) : 0;
    items = await widgets(page);
    const found = items.find((item) => item.visible && item.w > 0 && item.h > 0 && matches(item));
    if (found && !settled) return found;
    if (found) {
      const same = last && found.id === last.id && found.x === last.x && found.y === last.y && found.w === last.w &&
        found.h === last.h;
      // At rest: unchanged over a frame the app drew, and either the app drew nothing since (idle) or the
      // place held for two rounds.
      if (same && (framesBefore === last.frames || ++quiet >= 2)) return found;
      if (!same) quiet = 0;
      last = { ...found, frames: framesBefore };
      if (Date.now() > deadline + 2000) return found;
      await settle(page);
      continue;
    }
    if (Date.now() > deadline) break;
    await page.waitForTimeout(50);
  }
  const labels = [...new Set(items.filter((item) => item.label).map((item) => item.label))];
  throw new Error(`No visible widget labelled ${label}; on screen: ${JSON.stringify(labels)}`);
}

// Drops a file on the canvas like a person dragging it from the desktop.
export async function dropFile(page, name, text, type = 'application/json') {
  await page.evaluate(({ name: n, text: t, type: m }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([t], n, { type: m }));
    const canvas = document.getElementById('canvas');
    canvas.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { name, text, type });
}

// Drops a file on the canvas and waits until the open document contains `contains` (a text of the file).
export async function openDroppedFile(page, name, text, contains, type = 'application/json') {
  await dropFile(page, name, text, type);
  await page.waitForFunction((c) => (window.mapathy.document() || '').includes(c), contains, { timeout: 5000 });
}

// Waits until the element with this id has the focus: 'note-editor' (the textarea over a card while a note
// is typed, web/platform.js) or 'text-input' (the hidden field behind Dear ImGui's fields). `timeout` as
// waitForFunction's (its default when not given).
export function waitForFocus(page, id, timeout) {
  return page.waitForFunction((i) => document.activeElement && document.activeElement.id === i, id,
    timeout === undefined ? undefined : { timeout });
}

export const centre = (item) => ({ x: item.x + item.w / 2, y: item.y + item.h / 2 });

// Matches a widget by the stable ID part of its label ("Notiz hinzufügen###section.add.says" → byId(
// 'section.add.says')), the same in both UI languages.
export const byId = (id) => {
  const matcher = (item) => item.rawLabel.endsWith('###' + id) || item.label === id;
  matcher.toString = () => `byId(${id})`;
  return matcher;
};

// Clicks the widget whose raw label ends with `suffix` until one whose raw label ends with `doneSuffix`
// shows (a click on a button that is still disabled — pasted text not yet arrived on a busy machine — does
// nothing; a person would click again).
export async function clickRawUntil(page, suffix, doneSuffix, { tries = 6, wait = 2000 } = {}) {
  for (let attempt = 1; ; ++attempt) {
    const item = (await widgets(page)).find((w) => w.visible && w.w > 0 && w.rawLabel.endsWith(suffix));
    if (item) await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
    try {
      return await page.waitForFunction((d) => window.mapathy.widgets().find((w) => w.visible && w.w > 0 &&
        w.rawLabel.endsWith(d)), doneSuffix, { timeout: wait, polling: 100 });
    } catch (error) {
      if (attempt >= tries) throw new Error(`clicked ${suffix} ${tries} times; ${doneSuffix} never showed`);
    }
  }
}

// Puts `text` on the system clipboard and presses Ctrl+V in the focused field, until the page's paste event
// carries exactly that text. On a busy machine the X clipboard can hand Firefox or WebKit nothing (xclip has
// not answered in time): the field then gets no text, as when a person's paste misses, and they press Ctrl+V
// again. A listener of the test's own (capturing, read-only) sees each paste event before the app does.
export async function pasteText(app, text, { tries = 4 } = {}) {
  const page = app.page;
  await page.evaluate(() => {
    if (window.__testPastes) return;
    window.__testPastes = [];
    window.addEventListener('paste', (event) => {
      window.__testPastes.push(event.clipboardData ? event.clipboardData.getData('text/plain') : null);
    }, true);
  });
  let last = '';
  for (let attempt = 1; ; ++attempt) {
    const before = await page.evaluate(() => window.__testPastes.length);
    await app.setClipboard(text);
    await page.keyboard.press('Control+V');
    try {
      await page.waitForFunction((n) => window.__testPastes.length > n, before, { timeout: 2000, polling: 50 });
      const got = await page.evaluate(() => window.__testPastes[window.__testPastes.length - 1]);
      if (got === text) {
        if (attempt > 1) console.error(`pasteText: the paste arrived on try ${attempt} (before: ${last})`);
        return attempt;
      }
      last = `the paste event carried ${JSON.stringify(got)}`;
    } catch (error) {
      last = 'no paste event';
    }
    if (attempt >= tries) throw new Error(`Ctrl+V pasted nothing usable in ${tries} tries (${last})`);
  }
}

// Matches a widget whose raw label (with its ###id) ends with `suffix`.
export const byRawSuffix = (suffix) => {
  const matcher = (item) => item.rawLabel.endsWith(suffix);
  matcher.toString = () => `byRawSuffix(${suffix})`;
  return matcher;
};

// Undo, then redo, with the toolbar's buttons, as a person checks that an edit can be taken back: `text`
// (the edit's text) leaves the board and comes back.
export async function undoThenRedo(page, text) {
  await click(page, byId('toolbar.undo'));
  await page.waitForFunction((t) => !window.mapathy.document().includes(t), text, { timeout: 5000 });
  await click(page, byId('toolbar.redo'));
  await page.waitForFunction((t) => window.mapathy.document().includes(t), text, { timeout: 5000 });
}

// A person adds a note to the section `section` (its "+"), types `text` and leaves the card with Escape; waits
// until the text is on the board. Returns the number of notes before and after.
export async function typeNewNote(page, section, text) {
  const before = (await board(page)).board.notes.length;
  await click(page, byId(`section.add.${section}`));
  await waitForFocus(page, 'note-editor', 10000);
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Escape');
  await page.waitForFunction((t) => (window.mapathy.document() || '').includes(t), text, { timeout: 10000 });
  return { before, after: (await board(page)).board.notes.length };
}

// Clicks the visible item whose raw label (with its "###id") ends with `suffix`, like a person, and gives the
// app a moment to react.
export async function clickRaw(page, suffix) {
  const item = await click(page, byRawSuffix(suffix));
  await page.waitForTimeout(150);
  return item;
}

// Before a drag ends: the app has drawn a frame since the last move, as when a hand rests for a moment.
// (A mouse release right after moves no frame has seen is handled by the platform since the quick-drag fix,
// tested in editor_quick_drag.test.mjs; the tests that drag slowly keep this pause, like a person would.)
// Two animation frames: the app draws the frame that input asked for in the first.
export async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

// One finger from `from` to `to` ({x, y}) in `steps` moves, like a person dragging a card or a point.
export async function touchDrag(page, from, to, { steps = 12, pause = 25 } = {}) {
  await page.touch('start', [[from.x, from.y]]);
  for (let step = 1; step <= steps; ++step) {
    const t = step / steps;
    await page.touch('move', [[from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t]]);
    await page.waitForTimeout(pause);
  }
  await settle(page);
  await page.touch('end', []);
  await page.waitForTimeout(200);
}

// Two fingers `distance` px apart around `centre`, moving apart (by > 0) or together (by < 0) in steps.
export async function pinch(page, centre, distance, by, { steps = 8, pause = 30 } = {}) {
  const { x, y } = centre;
  await page.touch('start', [[x - distance / 2, y]]);
  await page.touch('start', [[x - distance / 2, y], [x + distance / 2, y]]);
  for (let step = 1; step <= steps; ++step) {
    const half = (distance + (by * step) / steps) / 2;
    await page.touch('move', [[x - half, y], [x + half, y]]);
    await page.waitForTimeout(pause);
  }
  await page.touch('end', []);
}

// The same with the mouse (left button).
export async function mouseDrag(page, from, to, { steps = 12, pause = 20 } = {}) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let step = 1; step <= steps; ++step) {
    const t = step / steps;
    await page.mouse.move(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
    await page.waitForTimeout(pause);
  }
  await settle(page);
  await page.mouse.up();
  await page.waitForTimeout(200);
}

// The open board as an object ({board, …} as the app saves it), null on the start screen.
export async function board(page) {
  const text = await documentJson(page);
  return text === null ? null : JSON.parse(text);
}

// Clicks the middle of the widget labelled `label` with the mouse, once it has come to rest.
export async function click(page, label, options) {
  const item = await findWidget(page, label, { settled: true, ...options });
  const { x, y } = centre(item);
  await page.mouse.click(x, y);
  return item;
}

// Taps the middle of the widget labelled `label` with a finger, once it has come to rest (open the page
// with hasTouch).
export async function tap(page, label, options) {
  const item = await findWidget(page, label, { settled: true, ...options });
  const { x, y } = centre(item);
  await page.touchscreen.tap(x, y);
  return item;
}

// Types like a keyboard into whatever has focus (the hidden textarea while a text field is active).
export async function typeText(page, text, { delay = 10 } = {}) {
  await page.keyboard.type(text, { delay });
}

// Saves a screenshot under ARTIFACTS_DIR (a folder per engine) and returns { path, png }.
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  const png = await page.screenshot();
  writeFileSync(path, png);
  return { path, png };
}

// Number of distinct colours in a PNG (8-bit RGB or RGBA, not interlaced, as the drivers write them),
// counting at most `limit`.
export function distinctColours(png, limit = 1000) {
  const { width, height, channels, pixels } = decodePng(png);
  const seen = new Set();
  for (let i = 0; i < width * height && seen.size < limit; ++i) {
    const o = i * channels;
    seen.add((pixels[o] << 16) | (pixels[o + 1] << 8) | pixels[o + 2]);
  }
  return seen.size;
}

// A small PNG decoder for screenshots: enough to look at pixels without another dependency.
export function decodePng(png) {
  const signature = '89504e470d0a1a0a';
  if (png.subarray(0, 8).toString('hex') !== signature) throw new Error('not a PNG');
  let offset = 8;
  let width = 0, height = 0, channels = 0;
  const data = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [bitDepth, colourType, , , interlace] = body.subarray(8, 13);
      if (bitDepth !== 8 || interlace !== 0 || (colourType !== 2 && colourType !== 6)) {
        throw new Error(`unsupported PNG (depth ${bitDepth}, colour type ${colourType}, interlace ${interlace})`);
      }
      channels = colourType === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; ++y) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : null;
    for (let x = 0; x < stride; ++x) {
      const a = x >= channels ? out[x - channels] : 0;
      const b = prev ? prev[x] : 0;
      const c = prev && x >= channels ? prev[x - channels] : 0;
      let value = line[x];
      switch (filter) {
        case 0: break;
        case 1: value += a; break;
        case 2: value += b; break;
        case 3: value += (a + b) >> 1; break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          value += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: throw new Error(`bad PNG filter ${filter}`);
      }
      out[x] = value & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

// A video for Chromium's fake camera (openApp({fakeCamera})): `scenes` is a list of {modules, size, frames}
// (a QR code as the app encodes it: window.mapathy.tools.run({op: 'qr', text}) — `modules` row by row,
// '1' dark) or {blank: true, frames}, each shown for `frames` frames at 10 frames per second; the camera
// loops the file. y4m: one header line, then per frame "FRAME\n" and the I420 planes (Y: W×H bytes, then U
// and V at half resolution, 128 = no colour).
export function writeY4m(path, scenes, { width = 640, height = 480 } = {}) {
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const parts = [Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`)];
  for (const scene of scenes) {
    const luma = Buffer.alloc(width * height, 235);  // white paper
    if (!scene.blank) {
      const quiet = 4;
      const scale = Math.floor(Math.min(width, height) * 0.9 / (scene.size + 2 * quiet));
      const side = scale * scene.size;
      const left = Math.floor((width - side) / 2);
      const top = Math.floor((height - side) / 2);
      for (let row = 0; row < scene.size; ++row) {
        for (let col = 0; col < scene.size; ++col) {
          if (scene.modules[row * scene.size + col] !== '1') continue;
          for (let y = 0; y < scale; ++y) luma.fill(16, (top + row * scale + y) * width + left + col * scale, (top + row * scale + y) * width + left + (col + 1) * scale);
        }
      }
    }
    for (let i = 0; i < scene.frames; ++i) parts.push(Buffer.from('FRAME\n'), luma, chroma);
  }
  writeFileSync(path, Buffer.concat(parts));
}
