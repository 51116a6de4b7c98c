// Shared helpers for Mapathy's real-browser tests: serve the built site, open it in Debian's Chromium
// through playwright-core, find widgets by label through window.mapathy.widgets(), and act like a person
// (click or tap a widget's rectangle, type text). Each *.test.mjs here is one ctest test (CMakeLists.txt).
//
// Environment (set by ctest; defaults for running a test by hand with `node smoke.test.mjs`):
//   MAPATHY_SITE_DIR       the built site (default: build/web/site in the source tree)
//   MAPATHY_ARTIFACTS_DIR  where screenshots go (default: build/browser-artifacts)
//   MAPATHY_CHROMIUM       the browser (default: /usr/bin/chromium)
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';

const SOURCE_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const SITE_DIR = resolve(process.env.MAPATHY_SITE_DIR || join(SOURCE_DIR, 'build/web/site'));
export const ARTIFACTS_DIR = resolve(process.env.MAPATHY_ARTIFACTS_DIR || join(SOURCE_DIR, 'build/browser-artifacts'));
export const CHROMIUM = process.env.MAPATHY_CHROMIUM || '/usr/bin/chromium';

// Exactly these flags: WebGL2 through SwiftShader, nothing that phones home.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

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

// Serves the site and opens it in a fresh Chromium profile.
// options: { locale ('en-US'), viewport ({width: 1280, height: 800}), deviceScaleFactor (1), hasTouch,
//            isMobile, base ('/'), hash (''), permissions ([]), waitForFrames (2) }
// Returns { page, context, server, url, errors, close() }; `errors` collects console errors and page
// errors as they happen.
export async function openApp(options = {}) {
  requireSite();
  const server = await startServer({ root: SITE_DIR, base: options.base || '/' });
  const profile = mkdtempSync(join(tmpdir(), 'mapathy-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      locale: options.locale || 'en-US',
      viewport: options.viewport || { width: 1280, height: 800 },
      deviceScaleFactor: options.deviceScaleFactor || 1,
      hasTouch: Boolean(options.hasTouch),
      isMobile: Boolean(options.isMobile),
      permissions: options.permissions || [],
    });
  } catch (error) {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  const url = server.url + (options.hash ? '#' + options.hash.replace(/^#/, '') : '');
  const close = async () => {
    await context.close().catch(() => {});
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    await page.goto(url);
    await waitForApp(page, options.waitForFrames ?? 2);
  } catch (error) {
    await close();
    throw new Error(`${error.message}\n${errors.join('\n')}`);
  }
  return { page, context, server, url, errors, close };
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
// function of the item, e.g. byId('section.add.says')), waiting up to `timeout` ms for it to appear.
// Throws with the labels on screen when there is none.
export async function findWidget(page, label, { timeout = 5000 } = {}) {
  const matches = (item) => (typeof label === 'function' ? label(item)
    : label instanceof RegExp ? label.test(item.label) : item.label === label);
  const deadline = Date.now() + timeout;
  let items = [];
  for (;;) {
    items = await widgets(page);
    const found = items.find((item) => item.visible && item.w > 0 && item.h > 0 && matches(item));
    if (found) return found;
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

export const centre = (item) => ({ x: item.x + item.w / 2, y: item.y + item.h / 2 });

// Matches a widget by the stable ID part of its label ("Notiz hinzufügen###section.add.says" → byId(
// 'section.add.says')), the same in both UI languages.
export const byId = (id) => {
  const matcher = (item) => item.rawLabel.endsWith('###' + id) || item.label === id;
  matcher.toString = () => `byId(${id})`;
  return matcher;
};

// Raw touch events through the DevTools protocol (Playwright's touchscreen only taps). `points` is a list
// of [x, y] fingers; an empty list on touchEnd lifts every finger.
const cdpSessions = new WeakMap();
export async function touchEvent(page, type, points) {
  if (!cdpSessions.has(page)) cdpSessions.set(page, await page.context().newCDPSession(page));
  await cdpSessions.get(page).send('Input.dispatchTouchEvent', {
    type, touchPoints: points.map(([x, y], id) => ({ x, y, id, radiusX: 5, radiusY: 5, force: 1 })),
  });
}

// One finger from `from` to `to` ({x, y}) in `steps` moves, like a person dragging a card or a point.
export async function touchDrag(page, from, to, { steps = 12, pause = 25 } = {}) {
  await touchEvent(page, 'touchStart', [[from.x, from.y]]);
  for (let step = 1; step <= steps; ++step) {
    const t = step / steps;
    await touchEvent(page, 'touchMove', [[from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t]]);
    await page.waitForTimeout(pause);
  }
  await touchEvent(page, 'touchEnd', []);
  await page.waitForTimeout(200);
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
  await page.mouse.up();
  await page.waitForTimeout(200);
}

// The open board as an object ({board, …} as the app saves it), null on the start screen.
export async function board(page) {
  const text = await documentJson(page);
  return text === null ? null : JSON.parse(text);
}

// Clicks the middle of the widget labelled `label` with the mouse.
export async function click(page, label, options) {
  const item = await findWidget(page, label, options);
  const { x, y } = centre(item);
  await page.mouse.click(x, y);
  return item;
}

// Taps the middle of the widget labelled `label` (the page must be opened with hasTouch).
export async function tap(page, label, options) {
  const item = await findWidget(page, label, options);
  const { x, y } = centre(item);
  await page.touchscreen.tap(x, y);
  return item;
}

// Types like a keyboard into whatever has focus (the hidden textarea while a text field is active).
export async function typeText(page, text, { delay = 10 } = {}) {
  await page.keyboard.type(text, { delay });
}

// Saves a screenshot under ARTIFACTS_DIR and returns { path, png }.
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  const png = await page.screenshot();
  writeFileSync(path, png);
  return { path, png };
}

// Number of distinct colours in a PNG (8-bit RGB or RGBA, not interlaced, as Chromium writes them),
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
