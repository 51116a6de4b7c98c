// WebKit: WebKitGTK's MiniBrowser driven by /usr/bin/WebKitWebDriver (Debian's webkit2gtk-driver) over
// plain W3C WebDriver HTTP — node's own fetch, no npm package — on this process's Xvfb (WebKitGTK has no
// headless mode). One driver process and one browser session per profile; a session starts with empty
// storage, so every launch is a fresh profile. What this driver cannot do, and how the tests do it instead:
//   - touch: WebKitWebDriver turns touch actions into mouse events, so touch events are made in the page
//     (document.createTouch / createTouchList, the calls WebKit offers; `new Touch()` is not allowed) and
//     dispatched where the fingers are, as the browser would. Such events are not trusted: they carry no
//     user activation, so copying to the clipboard after a tap would be refused. MiniBrowser runs with
//     WebKit's javascript-can-access-clipboard setting, so the app's execCommand('copy') fallback works
//     there (as Chromium runs with the clipboard permissions granted). WebKitGTK under Xvfb has no touch
//     screen, so the page reports (pointer: fine) and the app keeps its mouse layout
//     (capabilities.touchDevice is false);
//   - console: there is no log endpoint; the page's own capture (tests/browser/capture.js) is what counts
//     on every engine anyway;
//   - language and pixel ratio come from the browser process's environment: LANG (with a de_DE locale
//     built by localedef) and GDK_SCALE.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { germanLocale, killTree, ownProcess, readXClipboard, setXClipboard, xDisplay } from './display.mjs';
import { DRIVER_NO_ANSWER, PAGE_LOST } from './hang.mjs';
import { Page } from './page.mjs';

export const WEBKIT_DRIVER = process.env.MAPATHY_WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MAPATHY_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export const capabilities = {
  pdf: false, downloads: false, fileChooser: false, ime: false, driverConsole: false, touchDevice: false,
};

// W3C WebDriver key codes for the DOM key names the tests use.
const KEYS = {
  Backspace: '\uE003', Tab: '\uE004', Enter: '\uE007', Shift: '\uE008', Control: '\uE009', Alt: '\uE00A',
  Escape: '\uE00C', PageUp: '\uE00E', PageDown: '\uE00F', End: '\uE010', Home: '\uE011', ArrowLeft: '\uE012',
  ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Delete: '\uE017', Meta: '\uE03D',
};
const keyValue = (key) => {
  if (KEYS[key]) return KEYS[key];
  if ([...key].length !== 1) throw new Error(`no WebDriver key for ${key}`);
  return key;
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// How long one WebDriver command may take. The longest wait a test asks for is 30 s (scripts time out
// after SCRIPT_TIMEOUT_MS); a command with no answer after this is the driver or the browser process
// hanging — seen about once in a few hundred WebKit launches on a loaded machine. It fails with
// DRIVER_NO_ANSWER in its message, which tests/browser/run.mjs recognises: it runs the test once more in
// a fresh browser and says so, so one hung browser does not sink a run while every real failure still
// fails.
const SCRIPT_TIMEOUT_MS = 45000;
const COMMAND_TIMEOUT_MS = Number(process.env.MAPATHY_DRIVER_COMMAND_TIMEOUT_MS) || 60000;

async function request(url, init, what, log) {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(COMMAND_TIMEOUT_MS) });
  } catch (error) {
    if (error.name !== 'TimeoutError') throw error;
    throw new Error(`WebKitWebDriver: ${DRIVER_NO_ANSWER} (${what}) within ${COMMAND_TIMEOUT_MS / 1000} s; its last output: ${log()}`);
  }
}

class Session {
  constructor(base, id, log) {
    this.base = base;
    this.id = id;
    this.log = log;
    this.current = null;  // the window handle commands go to
    this.queue = Promise.resolve();
  }

  // One command at a time (WebDriver is serial per session), to the right window.
  command(method, path, body, handle) {
    const run = async () => {
      if (handle && handle !== this.current) {
        await this.raw('POST', '/window', { handle });
        this.current = handle;
      }
      return this.raw(method, path, body);
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => {});
    return result;
  }

  async raw(method, path, body) {
    const response = await request(`${this.base}/session/${this.id}${path}`, {
      method, headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }, `${method} ${path}`, this.log);
    const reply = await response.json();
    if (!response.ok || (reply.value && reply.value.error)) {
      const error = reply.value || {};
      const message = error.message || '';
      // WebKit's web process crashed or hung (drivers/hang.mjs).
      const lost = /page crash or hang/.test(message)
        ? ` (${PAGE_LOST}; the driver's last output: ${this.log().slice(-1500) || 'none'})` : '';
      throw new Error(`WebKitWebDriver ${method} ${path}: ${error.error || response.status}: ${message}${lost}`);
    }
    return reply.value;
  }
}

class WebKitPage extends Page {
  constructor(session, handle) {
    super('webkit');
    this.session = session;
    this.handle = handle;
    this.driverProblems = [];
    this.size = null;
    this.wheels = 0;
  }

  send(method, path, body) { return this.session.command(method, path, body, this.handle); }

  // The result travels wrapped: a page value that happens to have an `error` field (e.g. {ok: false,
  // error}) must not look like a WebDriver error reply.
  async _evaluate(source, arg) {
    const reply = await this.send('POST', '/execute/sync', {
      script: `return Promise.resolve((${source}).call(null, arguments[0])).then((result) => ({ result }));`,
      args: [arg === undefined ? null : arg],
    });
    return reply ? reply.result : reply;
  }

  // Polls in the page (one WebDriver call), so a busy page is not interrupted by a round trip per try.
  async _waitForFunction(source, arg, timeout, polling) {
    const result = await this.send('POST', '/execute/sync', {
      script: `const fn = (${source}); const arg = arguments[0];
        const deadline = Date.now() + ${Number(timeout)};
        return new Promise((resolve, reject) => {
          const tick = async () => {
            let value;
            try { value = await fn(arg); } catch (error) { reject(error); return; }
            if (value) { resolve({ value }); return; }
            if (Date.now() > deadline) { resolve({ timedOut: true }); return; }
            setTimeout(tick, ${Number(polling)});
          };
          tick();
        });`,
      args: [arg === undefined ? null : arg],
    });
    if (!result || result.timedOut) throw new Error(`Timeout ${timeout} ms exceeded waiting for ${source.slice(0, 200)}`);
    return result.value;
  }

  async waitForLoad() {
    await this._waitForFunction('() => document.readyState === "complete"', undefined, 30000, 20);
  }

  async _goto(url) {
    await this.send('POST', '/url', { url });
    await this.waitForLoad();
  }

  async _reload() {
    await this.send('POST', '/refresh', {});
    await this.waitForLoad();
  }

  url() { return this.send('GET', '/url'); }

  viewportSize() { return { ...this.size }; }

  // The window is sized so that the page (innerWidth × innerHeight) is exactly `size`.
  async _setViewportSize(size) {
    let rect = await this.send('GET', '/window/rect');
    for (let attempt = 0; attempt < 4; ++attempt) {
      const inner = await this._evaluate('() => ({ width: innerWidth, height: innerHeight })');
      if (inner.width === size.width && inner.height === size.height) {
        this.size = { width: size.width, height: size.height };
        return;
      }
      rect = await this.send('POST', '/window/rect', {
        x: 0, y: 0, width: rect.width + size.width - inner.width, height: rect.height + size.height - inner.height,
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const inner = await this._evaluate('() => ({ width: innerWidth, height: innerHeight })');
    throw new Error(`WebKit: could not size the page to ${size.width}×${size.height} (it is ${inner.width}×${inner.height})`);
  }

  // The viewport: WebKitWebDriver has no whole-document screenshot (an element's is clipped to the
  // viewport too), so fullPage gives what is on screen.
  async _screenshot() {
    return Buffer.from(await this.send('GET', '/screenshot'), 'base64');
  }

  actions(sources) { return this.send('POST', '/actions', { actions: sources }); }

  _mouseMove(x, y) {
    return this.actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
      actions: [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0 }] }]);
  }
  _mouseDown() {
    return this.actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
      actions: [{ type: 'pointerDown', button: 0 }] }]);
  }
  // One action sequence: WebKit counts the second press as a double-click.
  _doubleClick(x, y) {
    return this.actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
      actions: [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0 },
        { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 },
        { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }]);
  }
  _mouseUp() {
    return this.actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
      actions: [{ type: 'pointerUp', button: 0 }] }]);
  }
  // A new wheel input source for every scroll: WebKitWebDriver performs a wheel source's first scroll
  // only (later ones on the same source never reach the page).
  _wheel(x, y, dx, dy) {
    return this.actions([{ type: 'wheel', id: `wheel${++this.wheels}`,
      actions: [{ type: 'scroll', x: Math.round(x), y: Math.round(y), deltaX: Math.round(dx), deltaY: Math.round(dy),
        origin: 'viewport', duration: 0 }] }]);
  }

  _keyDown(key) { return this.actions([{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: keyValue(key) }] }]); }
  _keyUp(key) { return this.actions([{ type: 'key', id: 'keyboard', actions: [{ type: 'keyUp', value: keyValue(key) }] }]); }

  _type(text, delay) {
    const actions = [];
    for (const char of text) {
      const value = char === '\n' ? KEYS.Enter : char;
      actions.push({ type: 'keyDown', value });
      if (delay > 0) actions.push({ type: 'pause', duration: delay });
      actions.push({ type: 'keyUp', value });
    }
    return this.actions([{ type: 'key', id: 'keyboard', actions }]);
  }

  _insertText(text) {
    return this._evaluate(((t) => document.execCommand('insertText', false, t)).toString(), text);
  }

  // Touch events made in the page (see the top of this file), with every finger as a Touch.
  _touch(type, fingers, changed) {
    return this._evaluate(((e) => {
      const make = (finger, target) => document.createTouch(window, target, finger.id, finger.x, finger.y,
        finger.x, finger.y);
      window.__mapathyTouchTargets ??= new Map();
      const targets = window.__mapathyTouchTargets;
      for (const finger of e.changed) {
        if (e.type === 'start') targets.set(finger.id, document.elementFromPoint(finger.x, finger.y) || document.body);
      }
      const target = targets.get(e.changed[0].id);
      const touches = e.fingers.map((finger) => make(finger, targets.get(finger.id)));
      const changedTouches = e.changed.map((finger) => make(finger, targets.get(finger.id)));
      const event = new TouchEvent(`touch${e.type}`, {
        bubbles: true, cancelable: true, composed: true, view: window,
        touches: document.createTouchList(...touches),
        targetTouches: document.createTouchList(...touches.filter((t) => t.target === target)),
        changedTouches: document.createTouchList(...changedTouches),
      });
      target.dispatchEvent(event);
      if (e.type === 'end') for (const finger of e.changed) targets.delete(finger.id);
    }).toString(), { type, fingers, changed });
  }

  _bringToFront() { return this.send('POST', '/window', { handle: this.handle }); }
  async _close() { await this.send('DELETE', '/window'); this.session.current = null; }
}

// options: { locale, viewport, deviceScaleFactor, hasTouch, isMobile }
export async function launch(options) {
  const display = await xDisplay();
  const env = { ...process.env, DISPLAY: display };
  if ((options.locale || 'en-US').startsWith('de')) {
    env.LOCPATH = germanLocale();
    env.LANG = 'de_DE.UTF-8';
    env.LANGUAGE = 'de_DE:de';
  } else {
    env.LANG = 'C.UTF-8';
    env.LANGUAGE = 'en_US:en';
  }
  delete env.LC_ALL;
  if (options.deviceScaleFactor && options.deviceScaleFactor !== 1) env.GDK_SCALE = String(options.deviceScaleFactor);
  const port = await freePort();
  const driver = ownProcess(spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] }));
  let driverLog = '';
  driver.stdout.on('data', (chunk) => { driverLog = (driverLog + chunk).slice(-4000); });
  driver.stderr.on('data', (chunk) => { driverLog = (driverLog + chunk).slice(-4000); });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => killTree(driver.pid);
  try {
    for (let attempt = 0; ; ++attempt) {
      try {
        const status = await (await fetch(`${base}/status`)).json();
        if (status.value && status.value.ready !== false) break;
      } catch { /* not listening yet */ }
      if (attempt > 100) throw new Error(`WebKitWebDriver did not start: ${driverLog}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const args = ['--automation', '--javascript-can-access-clipboard=true'];
    const response = await request(`${base}/session`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ capabilities: { alwaysMatch: {
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args },
        timeouts: { script: SCRIPT_TIMEOUT_MS, pageLoad: 45000, implicit: 0 },
      } } }),
    }, 'a new session (MiniBrowser starting)', () => driverLog);
    const reply = await response.json();
    if (!response.ok || !reply.value || !reply.value.sessionId) {
      throw new Error(`WebKitWebDriver: no session: ${JSON.stringify(reply).slice(0, 500)} ${driverLog}`);
    }
    const session = new Session(base, reply.value.sessionId, () => driverLog);
    const handle = await session.command('GET', '/window');
    session.current = handle;
    const setUp = async (page) => {
      await page._setViewportSize(options.viewport);
      return page;
    };
    const first = await setUp(new WebKitPage(session, handle));
    return {
      page: first,
      async newPage() {
        // A window, not a tab: MiniBrowser keeps a new tab in the background, where pages draw no frames.
        const { handle: tab } = await session.command('POST', '/window/new', { type: 'window' }, first.handle);
        return setUp(new WebKitPage(session, tab));
      },
      async waitForPopup(action) {
        const before = new Set(await session.command('GET', '/window/handles'));
        await action();
        for (let attempt = 0; attempt < 100; ++attempt) {
          const now = await session.command('GET', '/window/handles');
          const added = now.find((h) => !before.has(h));
          if (added) {
            const tab = new WebKitPage(session, added);
            await tab.waitForLoad();
            tab.size = await tab._evaluate('() => ({ width: innerWidth, height: innerHeight })');
            return tab;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new Error('no new tab opened within 10 s');
      },
      // The system clipboard: X's, which WebKitGTK pastes from and copies to.
      setClipboard: setXClipboard,
      readClipboard: readXClipboard,
      async close() {
        try {
          await fetch(`${base}/session/${session.id}`, { method: 'DELETE', signal: AbortSignal.timeout(10000) });
        } catch { /* the driver is gone already, or hangs: it is killed next */ }
        stop();
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}
