// Firefox: Debian's firefox-esr through puppeteer-core over WebDriver BiDi (no geckodriver, no downloaded
// browser), with a window on this process's Xvfb: headless Firefox has no WebGL on this kind of machine.
// Touch is BiDi's touch pointer (real touch events, several fingers); text that an on-screen keyboard
// would insert in one go goes in as one `insertText` input event (document.execCommand, which is what
// puppeteer itself does for Firefox); the device is set through preferences (language, touch screen,
// coarse pointer) and BiDi's viewport emulation (size, pixel ratio).
import puppeteer from 'puppeteer-core';
import { readXClipboard, setXClipboard, xDisplay } from './display.mjs';
import { Page } from './page.mjs';

export const FIREFOX = process.env.MAPATHY_FIREFOX || '/usr/bin/firefox-esr';

export const capabilities = {
  pdf: false, downloads: false, fileChooser: false, ime: false, driverConsole: true,
  // hasTouch makes the page a touch-screen device (preferences): (pointer: coarse), touch events.
  touchDevice: true,
};

const expression = (source, arg) => `(${source})(${arg === undefined ? '' : JSON.stringify(arg)})`;

// Puppeteer's key names for the DOM key names the tests use.
const KEY_NAMES = { Control: 'Control', Shift: 'Shift', Alt: 'Alt', Meta: 'Meta' };

class FirefoxPage extends Page {
  constructor(page, browser) {
    super('firefox');
    this.page = page;
    this.browser = browser;
    this.driverProblems = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn' || message.type() === 'warning') {
        this.driverProblems.push(`browser console ${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => this.driverProblems.push(`page error: ${error.message}`));
  }

  // Evaluated by BiDi's script.evaluate (privileged: the page's Content-Security-Policy does not apply).
  _evaluate(source, arg) { return this.page.evaluate(expression(source, arg)); }

  async _waitForFunction(source, arg, timeout, polling) {
    const handle = await this.page.waitForFunction(expression(source, arg), { timeout, polling });
    return handle.jsonValue();
  }

  async _goto(url) { await this.page.goto(url, { waitUntil: 'load' }); }
  async _reload() { await this.page.reload({ waitUntil: 'load' }); }
  async url() { return this.page.url(); }
  viewportSize() {
    const { width, height } = this.page.viewport();
    return { width, height };
  }
  async _setViewportSize({ width, height }) {
    await this.page.setViewport({ ...this.page.viewport(), width, height });
  }
  _screenshot(fullPage) { return this.page.screenshot({ type: 'png', fullPage }); }

  _mouseMove(x, y) { return this.page.mouse.move(x, y); }
  _mouseDown() { return this.page.mouse.down(); }
  _mouseUp() { return this.page.mouse.up(); }
  _doubleClick(x, y) { return this.page.mouse.click(x, y, { count: 2 }); }
  async _wheel(x, y, dx, dy) {
    await this.page.mouse.move(x, y);
    await this.page.mouse.wheel({ deltaX: dx, deltaY: dy });
  }

  _keyDown(key) { return this.page.keyboard.down(KEY_NAMES[key] || key); }
  _keyUp(key) { return this.page.keyboard.up(KEY_NAMES[key] || key); }
  _type(text, delay) { return this.page.keyboard.type(text, { delay }); }
  _insertText(text) {
    return this.page.evaluate(expression(((t) => document.execCommand('insertText', false, t)).toString(), text));
  }

  // One BiDi touch pointer per finger, all fingers that change in one input.performActions call, so
  // they move in the same tick as real fingers do (puppeteer's touch handles move one finger per call:
  // a pinch would then be a series of lopsided one-finger steps). The call goes through puppeteer's
  // browsing context, the one its own touch handles use.
  async _touch(type, fingers, changed) {
    const action = (finger) => {
      if (type === 'start') {
        return [{ type: 'pointerMove', x: Math.round(finger.x), y: Math.round(finger.y) },
          { type: 'pointerDown', button: 0, width: 1, height: 1, pressure: 0.5 }];
      }
      if (type === 'move') return [{ type: 'pointerMove', x: Math.round(finger.x), y: Math.round(finger.y) }];
      return [{ type: 'pointerUp', button: 0 }];
    };
    await this.page.mainFrame().browsingContext.performActions(changed.map((finger) => ({
      type: 'pointer', id: `mapathy-finger-${finger.id}`, parameters: { pointerType: 'touch' }, actions: action(finger),
    })));
  }

  _bringToFront() { return this.page.bringToFront(); }
  _close() { return this.page.close(); }
}

// Preferences for the device a test asks for. Every value here is an ordinary user preference or one of
// Firefox's own testing switches, named where it is used.
function preferences(options) {
  const language = options.locale || 'en-US';
  const prefs = {
    // navigator.languages (what the app reads) and the language of Firefox's own UI.
    'intl.accept_languages': language.startsWith('de') ? 'de-DE, de' : `${language}, en`,
    'intl.locale.requested': language,
    // No first-run pages, no updates, no telemetry: nothing that would take focus or phone home.
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'datareporting.policy.dataSubmissionEnabled': false,
    'app.update.enabled': false,
    'browser.aboutwelcome.enabled': false,
  };
  if (options.hasTouch) {
    prefs['dom.w3c_touch_events.enabled'] = 1;  // touch events on, as on a touch screen
    prefs['ui.primaryPointerCapabilities'] = 1;  // (pointer: coarse), (hover: none): a tablet
    prefs['ui.allPointerCapabilities'] = 1;
  }
  return prefs;
}

// options: { profile, locale, viewport, deviceScaleFactor, hasTouch, isMobile }
export async function launch(options) {
  const display = await xDisplay();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: false,
    userDataDir: options.profile,
    extraPrefsFirefox: preferences(options),
    args: ['--width=1920', '--height=1200'],
    env: { ...process.env, DISPLAY: display, MOZ_CRASHREPORTER_DISABLE: '1' },
    defaultViewport: null,
    protocolTimeout: 120000,
  });
  const viewport = {
    width: options.viewport.width, height: options.viewport.height,
    deviceScaleFactor: options.deviceScaleFactor, hasTouch: Boolean(options.hasTouch),
    isMobile: false,
  };
  const setUp = async (page) => {
    await page.setViewport(viewport);
    return new FirefoxPage(page, browser);
  };
  const pages = await browser.pages();
  const first = await setUp(pages[0] || await browser.newPage());
  return {
    page: first,
    async newPage() { return setUp(await browser.newPage()); },
    async waitForPopup(action) {
      const opened = new Promise((resolve) => browser.once('targetcreated', resolve));
      await action();
      const target = await Promise.race([opened,
        new Promise((_, reject) => setTimeout(() => reject(new Error('no new tab opened within 10 s')), 10000))]);
      const tab = await target.page();
      await tab.waitForFunction(() => document.readyState === 'complete', { timeout: 10000 });
      return new FirefoxPage(tab, browser);
    },
    // The system clipboard: X's, which Firefox pastes from and copies to.
    setClipboard: setXClipboard,
    readClipboard: readXClipboard,
    close: () => browser.close(),
  };
}
