// Mapathy's service worker: after one visit the app opens offline, share links included (the board is in
// the URL fragment, which never reaches a server, so the cached shell page serves every link).
// The build (cmake/stamp_service_worker.cmake) writes the site's version (a hash of every file) and the
// file list into the copy in the site; a new build is a new worker with a new cache, and the old caches
// are retired when it activates. Every URL is relative to the worker, so the site works from a sub-path.
'use strict';

const VERSION = '@MAPATHY_SITE_VERSION@';
const FILES = [@MAPATHY_SITE_FILES@];
const PREFIX = 'mapathy-';
const CACHE = PREFIX + VERSION;
// The editor's module as this engine loads it (web/platform.js, oneModule): JavaScriptCore whole, every other
// engine in two parts; the precache leaves out what this browser never asks for. (index.html preloads
// mapathy.wasm in every engine, so that stays: offline, the preload finds it here.)
const ONE_MODULE = /AppleWebKit\//.test(self.navigator.userAgent) && !/Chrome\//.test(self.navigator.userAgent);
const UNUSED = ONE_MODULE ? ['mapathy-late.wasm'] : ['mapathy-whole.wasm'];

self.addEventListener('install', (event) => {
  // cache: 'reload' skips the HTTP cache, so the precache holds exactly this version.
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(['./', ...FILES.filter((file) => !UNUSED.includes(file))].map((file) => new Request(file, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Pages (the app's address with or without index.html, any query) are the shell page.
    const cached = request.mode === 'navigate'
      ? await cache.match('./') || await cache.match('index.html')
      : await cache.match(request, { ignoreSearch: true });
    return cached || fetch(request);
  })());
});
