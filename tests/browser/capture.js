// The browser tests' console capture, the same on every engine (WebKit's driver has no log endpoint).
// tools/serve.mjs, in test mode only, serves this file as __test/console.js and makes it the first script
// of index.html, so it runs before anything of the app. It records, from the first moment of each page:
//   console.error and console.warn calls, uncaught errors, unhandled promise rejections, resources that
//   failed to load, and Content-Security-Policy violations;
//   every call of navigator.storage.persist() (the app must not ask for persistent storage on its own);
//   when the page's first animation-frame callbacks ran (frameTimes()).
// Records are kept in sessionStorage as well, so what a page reported survives its reloads; the driver
// reads them with window.__mapathyTest.read(). Nothing is filtered here: tests/browser/lib.mjs decides.
'use strict';

(function () {
  const KEY = '__mapathyTest';
  // Kept before any page script runs: tests replace Storage.prototype.setItem to simulate a full disk.
  const setItem = Storage.prototype.setItem;
  const getItem = Storage.prototype.getItem;
  let store = null;
  try { store = window.sessionStorage; } catch (e) { /* no session storage: the records stay in memory */ }

  function load() {
    try {
      const saved = store ? JSON.parse(getItem.call(store, KEY)) : null;
      if (saved && Array.isArray(saved.problems)) return saved;
    } catch (e) { /* unreadable: start again */ }
    return { problems: [], persistCalls: 0, loads: 0 };
  }
  const state = load();
  state.loads += 1;
  function save() {
    try { if (store) setItem.call(store, KEY, JSON.stringify(state)); } catch (e) { /* full: memory only */ }
  }

  function text(value) {
    if (value instanceof Error) return value.name + ': ' + value.message;
    if (typeof value === 'string') return value;
    try {
      const json = JSON.stringify(value);
      return json === undefined ? String(value) : json;
    } catch (e) {
      return String(value);
    }
  }
  function record(kind, message) {
    state.problems.push(kind + ': ' + message);
    save();
  }

  for (const level of ['error', 'warn']) {
    const original = console[level];
    console[level] = function (...args) {
      record('console.' + level, args.map(text).join(' '));
      return original.apply(this, args);
    };
  }
  let leaving = false;
  window.addEventListener('pagehide', () => { leaving = true; });
  window.addEventListener('beforeunload', () => { leaving = true; });
  window.addEventListener('error', (event) => {
    const target = event.target;
    if (target && target !== window && (target.src || target.href)) {
      // A load the page's own navigation (a reload) cut short is not a failure anyone sees.
      if (leaving) return;
      record('resource', (target.tagName || '').toLowerCase() + ' ' + (target.src || target.href) + ' failed to load');
    } else {
      const where = event.filename ? ' (' + event.filename + ':' + event.lineno + ')' : '';
      record('error', (event.error ? text(event.error) : event.message) + where);
    }
  }, true);
  window.addEventListener('unhandledrejection', (event) => record('unhandledrejection', text(event.reason)));
  document.addEventListener('securitypolicyviolation', (event) =>
    record('csp', event.violatedDirective + ' ' + event.blockedURI));

  if (navigator.storage && typeof navigator.storage.persist === 'function') {
    const persist = navigator.storage.persist;
    navigator.storage.persist = function () {
      state.persistCalls += 1;
      save();
      return persist.apply(this, arguments);
    };
  }

  // When the page's first animation-frame callbacks ran (performance.now(), the first 200): the start-up order
  // tests compare them with the app's marks. The callbacks themselves are the page's own, unchanged.
  const frameTimes = [];
  const requestFrame = window.requestAnimationFrame;
  window.requestAnimationFrame = function (callback) {
    return requestFrame.call(window, function (time) {
      if (frameTimes.length < 200) frameTimes.push(performance.now());
      return callback(time);
    });
  };

  save();
  Object.defineProperty(window, '__mapathyTest', {
    value: Object.freeze({
      read: () => JSON.parse(JSON.stringify(state)),
      frameTimes: () => frameTimes.slice(),
    }),
  });
})();
