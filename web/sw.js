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

self.addEventListener('install', (event) => {
  // cache: 'reload' skips the HTTP cache, so the precache holds exactly this version.
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(['./', ...FILES].map((file) => new Request(file, { cache: 'reload' }))))
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
