// Chromium: Debian's /usr/bin/chromium through playwright-core (DevTools protocol). Touch goes through the
// protocol's Input.dispatchTouchEvent (real touch events with several fingers), text through
// Input.insertText, and the device (locale, viewport, touch screen, pixel ratio) through Playwright's
// emulation.
//
// WebGL: by default a window on this process's Xvfb with ANGLE on Mesa's llvmpipe, the software OpenGL
// Firefox and WebKit use here too (--ignore-gpu-blocklist: Chromium blocklists llvmpipe). The whole
// Chromium suite takes about 40 % less time than with headless SwiftShader (measured: 221 s instead of
// 381 s for the 18 tests, one at a time), because every key press and click draws a frame at once.
// MAPATHY_CHROMIUM_GL=swiftshader runs headless with SwiftShader instead (no X display needed), with
// exactly the flags tools/bench-browser.mjs uses.
import { chromium } from 'playwright-core';
import { xDisplay } from './display.mjs';
import { Page } from './page.mjs';

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

// The same with ANGLE on the X display's OpenGL (Mesa).
const MESA_FLAGS = [
  '--no-sandbox',
  '--use-gl=angle',
  '--use-angle=gl',
  '--ignore-gpu-blocklist',
  ...CHROMIUM_FLAGS.slice(4),
];

export const capabilities = {
  // Chromium on Linux writes PDFs (page.pdf) and reports downloads and file pickers to the driver.
  pdf: true, downloads: true, fileChooser: true, ime: true, driverConsole: true,
  // hasTouch makes the page a touch-screen device: (pointer: coarse), touch events.
  touchDevice: true,
  // openApp({fakeCamera: file.y4m}): a camera that films the file.
  fakeCamera: true,
};

// The function whose source is `source`, made here only to be sent on (its toString() is `source`).
const asFunction = (source) => new Function(`return (${source});`)();

class ChromiumPage extends Page {
  constructor(page) {
    super('chromium');
    this.page = page;
    this.driverProblems = [];
    // Chromium fetches the manifest's icon itself; a reload during that fetch makes it warn "Error while
    // trying to use the following icon from the Manifest" although the icon is fine. Only within 2 s of a
    // later navigation (a reload, a new address) is that warning ignored: a broken icon warns on the first
    // load too, and that still counts.
    let navigations = 0;
    let navigatedAt = 0;
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      navigations += 1;
      navigatedAt = Date.now();
    });
    page.on('console', (message) => {
      if (message.text().startsWith('Error while trying to use the following icon from the Manifest') &&
          navigations > 1 && Date.now() - navigatedAt < 2000) {
        return;
      }
      if (message.type() === 'error' || message.type() === 'warning') {
        this.driverProblems.push(`browser console ${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => this.driverProblems.push(`page error: ${error.message}`));
  }

  // Playwright takes the function itself (its source goes to the page through the DevTools protocol,
  // which the page's Content-Security-Policy does not apply to; a string would be eval'ed in the page).
  async _evaluate(source, arg) {
    return this.page.evaluate(asFunction(source), arg);
  }

  async _waitForFunction(source, arg, timeout, polling) {
    const handle = await this.page.waitForFunction(asFunction(source), arg, { timeout, polling });
    return handle.jsonValue();
  }

  async _goto(url) { await this.page.goto(url); }
  async _reload() { await this.page.reload(); }
  async url() { return this.page.url(); }
  viewportSize() { return this.page.viewportSize(); }
  _setViewportSize(size) { return this.page.setViewportSize(size); }
  _screenshot(fullPage) { return this.page.screenshot({ fullPage, timeout: 60000 }); }

  _mouseMove(x, y) { return this.page.mouse.move(x, y); }
  _mouseDown() { return this.page.mouse.down(); }
  _mouseUp() { return this.page.mouse.up(); }
  _doubleClick(x, y) { return this.page.mouse.dblclick(x, y); }
  async _wheel(x, y, dx, dy) {
    await this.page.mouse.move(x, y);
    await this.page.mouse.wheel(dx, dy);
  }

  _keyDown(key) { return this.page.keyboard.down(key); }
  _keyUp(key) { return this.page.keyboard.up(key); }
  _type(text, delay) { return this.page.keyboard.type(text, { delay }); }
  _insertText(text) { return this.page.keyboard.insertText(text); }

  async _touch(type, fingers) {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    const eventType = { start: 'touchStart', move: 'touchMove', end: 'touchEnd' }[type];
    await this.cdp.send('Input.dispatchTouchEvent', {
      type: eventType,
      touchPoints: fingers.map(({ id, x, y }) => ({ x, y, id, radiusX: 5, radiusY: 5, force: 1 })),
    });
  }

  // IME composition (dead keys, Asian input methods): only Chromium's protocol can compose.
  async imeSetComposition(text) {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    await this.cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
  async imeCommit(text) {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    await this.cdp.send('Input.insertText', { text });
  }

  _bringToFront() { return this.page.bringToFront(); }
  _close() { return this.page.close(); }

  // Chromium only: a PDF of the page as printed, and downloads.
  pdf(options) { return this.page.pdf(options); }
  async download(action) {
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 15000 }), action()]);
    const { readFileSync } = await import('node:fs');
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  }
  async chooseFile(action, file) {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), action()]);
    await chooser.setFiles(file);
  }
}

// A camera that films a file: getUserMedia returns the frames of `file` (a y4m video, looped), with the
// permission granted without a prompt. Chromium reads the file when the camera starts, so a test may write
// it after the launch. Only Chromium has such a camera (capabilities.fakeCamera).
function fakeCameraFlags(file) {
  if (!file) return [];
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`];
}

// options: { profile (a fresh directory), locale, viewport, deviceScaleFactor, hasTouch, isMobile,
//            fakeCamera (a y4m file the camera films) }
export async function launch(options) {
  const gl = process.env.MAPATHY_CHROMIUM_GL || 'mesa';
  if (gl !== 'mesa' && gl !== 'swiftshader') throw new Error(`MAPATHY_CHROMIUM_GL=${gl}: expected mesa or swiftshader`);
  const mesa = gl === 'mesa';
  const context = await chromium.launchPersistentContext(options.profile, {
    executablePath: CHROMIUM,
    headless: !mesa,
    env: mesa ? { ...process.env, DISPLAY: await xDisplay() } : undefined,
    args: [...(mesa ? MESA_FLAGS : CHROMIUM_FLAGS), ...fakeCameraFlags(options.fakeCamera)],
    locale: options.locale,
    viewport: options.viewport,
    deviceScaleFactor: options.deviceScaleFactor,
    hasTouch: options.hasTouch,
    isMobile: options.isMobile,
    // The clipboard API, allowed without a gesture, is how the tests fill and read the clipboard here
    // (setClipboard/readClipboard below): headless Chromium has no system clipboard of its own.
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const first = new ChromiumPage(context.pages()[0] || await context.newPage());
  return {
    page: first,
    async newPage() { return new ChromiumPage(await context.newPage()); },
    // The tab `action` opens (window.open), loaded.
    async waitForPopup(action) {
      const [tab] = await Promise.all([context.waitForEvent('page', { timeout: 10000 }), action()]);
      await tab.waitForLoadState('load');
      return new ChromiumPage(tab);
    },
    setClipboard: (text) => first.page.evaluate((t) => navigator.clipboard.writeText(t), text),
    readClipboard: () => first.page.evaluate(() => navigator.clipboard.readText()),
    close: () => context.close(),
  };
}
