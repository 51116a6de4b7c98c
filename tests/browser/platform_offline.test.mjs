// engines: chromium firefox webkit
// Browser platform, deployment and offline use: the site works from a sub-path (GitHub Pages' /repo/)
// with relative URLs only; the service worker precaches the versioned site, so after one visit a reload
// and a share link open offline; a new version retires the old caches; the shell page's
// Content-Security-Policy allows no eval and is never violated.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import {
  SITE_DIR, byRawSuffix, click, documentJson, findWidget, openApp, requireSite, screenshot, startTestServer, waitForApp,
} from './lib.mjs';

test('the shell page uses relative URLs and a strict Content-Security-Policy', () => {
  requireSite();
  const html = readFileSync(join(SITE_DIR, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /\s(src|href)="(\/|https?:)/, 'no absolute URLs in index.html');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(csp, 'a CSP meta element');
  assert.doesNotMatch(csp[1], /'unsafe-eval'|'unsafe-inline'/);
  assert.match(csp[1], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(csp[1], /object-src 'none'/);
  const manifest = JSON.parse(readFileSync(join(SITE_DIR, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url, './');
  assert.ok(manifest.icons.every((icon) => !icon.src.startsWith('/')));
  const worker = readFileSync(join(SITE_DIR, 'sw.js'), 'utf8');
  assert.match(worker, /const VERSION = '[0-9a-f]{16}';/, 'the build stamped the site version into sw.js');
  assert.match(worker, /'mapathy\.wasm'/, 'the worker precaches the WebAssembly');
  for (const file of ['platform.js', 'sw.js']) {
    const text = readFileSync(join(SITE_DIR, file), 'utf8');
    assert.doesNotMatch(text, /innerHTML|eval\(|new Function/, `${file} uses no innerHTML or eval`);
  }
});

test('from /repo/: offline reload, an offline share link, old caches retired, no CSP violations', async () => {
  requireSite();
  // A copy of the site, so the test can publish a "new version" of it later.
  const root = mkdtempSync(join(tmpdir(), 'mapathy-site-'));
  cpSync(SITE_DIR, root, { recursive: true });
  let server = await startTestServer({ root, base: '/repo/' });
  const port = server.port;
  let app = null;
  try {
    app = await openApp({ server, viewport: { width: 1024, height: 700 } });
    const { page } = app;
    assert.match(server.url, /\/repo\/$/);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    const cachesOnline = await page.evaluate(() => caches.keys());
    assert.equal(cachesOnline.filter((name) => name.startsWith('mapathy-')).length, 1, JSON.stringify(cachesOnline));
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
    assert.equal(scope, server.url, 'the worker serves the sub-path');
    // The tests' console capture is not part of the site, so the worker does not precache it: put it into
    // the worker's cache by hand, so the pages opened offline are watched as well.
    await page.evaluate(async () => {
      for (const name of await caches.keys()) await (await caches.open(name)).add('__test/console.js');
    });

    await click(page, 'New empathy map');
    await page.waitForFunction(() => window.mapathy.document() !== null);
    const opened = JSON.parse(await documentJson(page)).board;
    const link = await page.evaluate(() => window.mapathy.shareLink());
    assert.ok(link.startsWith(server.url + '#'), `the share link keeps the sub-path: ${link.slice(0, 60)}`);
    await page.waitForFunction(() => window.mapathy.library().boards.length === 1);

    // Offline, as on a train: the server is out of reach (every engine's driver can do this; not every
    // one can switch the browser itself offline). A reload opens the app and the board that was open.
    await server.close();
    await page.reload();
    await waitForApp(page);
    assert.equal(JSON.parse(await documentJson(page)).board.id, opened.id);
    await screenshot(page, 'platform-offline-reload');
    // Still offline, the reader switches to German: that language's texts (never fetched by this English
    // browser) come from the worker's precache, and back to English.
    await click(page, byRawSuffix('###lang.de'));
    await page.waitForFunction(() => window.mapathy.widgets().some((item) => item.visible &&
      item.rawLabel.endsWith('###toolbar.undo') && item.label === 'Rückgängig'), null, { timeout: 10000 });
    assert.deepEqual(await page.evaluate(() => window.mapathy.messages().filter((m) => m.kind === 'error')), []);
    await click(page, byRawSuffix('###lang.en'));
    await findWidget(page, 'Undo');

    // Offline: a share link (another board) opens from a fresh navigation.
    await click(page, 'Boards');
    await click(page, 'New journey board');
    await page.waitForFunction((id) => JSON.parse(window.mapathy.document()).board.id !== id, opened.id);
    const journeyLink = await page.evaluate(() => window.mapathy.shareLink());
    await page.goto('about:blank');
    await page.goto(journeyLink);
    await waitForApp(page);
    assert.match(JSON.parse(await documentJson(page)).kind, /journey/, 'the journey board from the link is open');
    assert.equal(await page.evaluate(() => location.hash), '', 'the opened link left the address bar');

    // Online again, with a new version of the site: its worker takes over and the old cache is gone.
    server = await startTestServer({ root, base: '/repo/', port });
    const worker = readFileSync(join(root, 'sw.js'), 'utf8');
    writeFileSync(join(root, 'sw.js'), worker.replace(/const VERSION = '[0-9a-f]+';/, "const VERSION = 'feedc0de00000000';"));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForFunction(async () => {
      const names = await caches.keys();
      return names.length === 1 && names[0] === 'mapathy-feedc0de00000000';
    }, null, { timeout: 30000, polling: 200 });

    // Content-Security-Policy violations are among the problems the capture reports.
    assert.deepEqual(await app.problems(), []);
  } finally {
    if (app) await app.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
});
