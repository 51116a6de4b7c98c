// The page every browser test talks to, the same on every engine: a small subset of Playwright's Page
// (the names the tests always used), built on a handful of primitives each engine's driver implements
// (drivers/chromium.mjs, firefox.mjs, webkit.mjs). What is written here once — key combinations,
// clicks, the mouse position a wheel turns at, which fingers are down — therefore behaves alike
// everywhere; only how an event reaches the browser differs.
//
// A driver's page implements:
//   _evaluate(source, arg)                 runs `(source)(arg)` in the page, awaits it, returns JSON data
//   _waitForFunction(source, arg, timeout, polling)  the first truthy value, or throws after `timeout` ms
//   _goto(url), _reload()                  navigate and wait for the load event
//   _screenshot(fullPage)                  the viewport (or the whole document) as a PNG
//   _mouseMove(x, y), _mouseDown(), _mouseUp(), _wheel(x, y, dx, dy)
//   _doubleClick(x, y)                     two clicks the browser counts as one double-click (word selection)
//   _keyDown(key), _keyUp(key)             DOM key names: 'Control', 'Enter', 'a', 'Z', 'ä' …
//   _type(text, delay)                     text, character by character, as key presses
//   _insertText(text)                      text as one input event into the focused element
//   _touch(type, fingers, changed)         type 'start' | 'move' | 'end'; fingers: [{id, x, y}] on the
//                                          screen after the event; changed: the fingers it concerns
//   _close(), _bringToFront(), url(), viewportSize(), _setViewportSize(size)

const MODIFIERS = new Set(['Control', 'Shift', 'Alt', 'Meta']);

export class Page {
  constructor(engine) {
    this.engine = engine;
    this.mousePosition = { x: 0, y: 0 };
    this.fingers = [];  // [{id, x, y}] on the screen now
    const page = this;
    this.mouse = {
      async move(x, y, { steps = 1 } = {}) {
        const from = page.mousePosition;
        for (let i = 1; i <= steps; ++i) {
          await page._mouseMove(from.x + ((x - from.x) * i) / steps, from.y + ((y - from.y) * i) / steps);
        }
        page.mousePosition = { x, y };
      },
      down: () => page._mouseDown(),
      up: () => page._mouseUp(),
      async click(x, y) {
        await page.mouse.move(x, y);
        await page._mouseDown();
        await page._mouseUp();
      },
      async dblclick(x, y) {
        await page.mouse.move(x, y);
        await page._doubleClick(x, y);
      },
      // Like Playwright: at the mouse's position; positive deltaY scrolls down (towards the page's end).
      wheel: (deltaX, deltaY) => page._wheel(page.mousePosition.x, page.mousePosition.y, deltaX, deltaY),
    };
    this.keyboard = {
      down: (key) => page._keyDown(key),
      up: (key) => page._keyUp(key),
      // 'Enter', 'Control+z', 'Control+Shift+z', 'Alt+Shift+A': modifiers down, the key, modifiers up.
      async press(combination) {
        const parts = combination.split('+');
        const key = parts.pop();
        for (const modifier of parts) {
          if (!MODIFIERS.has(modifier)) throw new Error(`unknown modifier ${modifier} in ${combination}`);
          await page._keyDown(modifier);
        }
        await page._keyDown(key);
        await page._keyUp(key);
        for (const modifier of parts.reverse()) await page._keyUp(modifier);
      },
      type: (text, { delay = 0 } = {}) => page._type(text, delay),
      insertText: (text) => page._insertText(text),
    };
    this.touchscreen = {
      async tap(x, y) {
        await page.touch('start', [[x, y]]);
        await page.touch('end', []);
      },
    };
  }

  evaluate(fn, arg) { return this._evaluate(source(fn), arg); }

  // Resolves to the predicate's first truthy value (JSON data, not a handle). polling: ms between tries.
  waitForFunction(fn, arg, { timeout = 30000, polling = 50 } = {}) {
    return this._waitForFunction(source(fn), arg, timeout, polling === 'raf' ? 16 : polling);
  }

  waitForTimeout(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }

  goto(url) { return this._goto(url); }
  reload() { return this._reload(); }

  // The viewport as a PNG Buffer; { fullPage: true }: the whole document (a text view longer than the window).
  async screenshot({ fullPage = false } = {}) { return Buffer.from(await this._screenshot(fullPage)); }

  setViewportSize(size) { return this._setViewportSize(size); }

  bringToFront() { return this._bringToFront(); }
  close() { return this._close(); }

  // Raw touch: `points` are all fingers on the screen after the event, as [x, y] pairs; the n-th pair is
  // finger n. type 'start' adds the fingers beyond those already down, 'move' moves them all, 'end' with
  // fewer points lifts the last ones (an empty list lifts every finger).
  async touch(type, points) {
    const next = points.map(([x, y], id) => ({ id, x, y }));
    let changed;
    if (type === 'start') {
      changed = next.filter((finger) => !this.fingers.some((down) => down.id === finger.id));
    } else if (type === 'move') {
      changed = next;
    } else if (type === 'end') {
      changed = this.fingers.filter((down) => !next.some((finger) => finger.id === down.id));
    } else {
      throw new Error(`unknown touch event type ${type}`);
    }
    if (changed.length === 0) throw new Error(`touch ${type}: no finger changes (${JSON.stringify(points)})`);
    this.fingers = next;
    await this._touch(type, next, changed);
  }
}

function source(fn) {
  if (typeof fn !== 'function') throw new Error('evaluate and waitForFunction take a function');
  const text = fn.toString();
  // A method written as `name() {…}` is not an expression; every function the tests pass is an arrow or
  // a `function`.
  if (!/^(async\s+)?(function\b|\(|[A-Za-z_$][\w$]*\s*=>)/.test(text)) throw new Error(`not a function expression: ${text.slice(0, 60)}`);
  return text;
}
