// Browser platform, deployment and offline use: the site works from a sub-path (GitHub Pages' /repo/)
// with relative URLs only; the service worker precaches the versioned site, so after one visit a reload
// and a share link open offline; a new version retires the old caches; the shell page's
// Content-Security-Policy allows no eval and is never violated.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';
import { CHROMIUM, CHROMIUM_FLAGS, SITE_DIR, click, documentJson, requireSite, screenshot, waitForApp } from './lib.mjs';

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
  const server = await startServer({ root, base: '/repo/' });
  const profile = mkdtempSync(join(tmpdir(), 'mapathy-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, locale: 'en-US',
    viewport: { width: 1024, height: 700 },
  });
  const errors = [];
  try {
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const page = context.pages()[0] || await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    assert.match(server.url, /\/repo\/$/);
    await page.goto(server.url);
    await waitForApp(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    const cachesOnline = await page.evaluate(() => caches.keys());
    assert.equal(cachesOnline.filter((name) => name.startsWith('mapathy-')).length, 1, JSON.stringify(cachesOnline));
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
    assert.equal(scope, server.url, 'the worker serves the sub-path');

    await click(page, 'New empathy map');
    await page.waitForFunction(() => window.mapathy.document() !== null);
    const opened = JSON.parse(await documentJson(page)).board;
    const link = await page.evaluate(() => window.mapathy.shareLink());
    assert.ok(link.startsWith(server.url + '#'), `the share link keeps the sub-path: ${link.slice(0, 60)}`);
    await page.waitForFunction(() => window.mapathy.library().boards.length === 1);

    // Offline: a reload opens the app and the board that was open.
    await context.setOffline(true);
    await page.reload();
    await waitForApp(page);
    assert.equal(JSON.parse(await documentJson(page)).board.id, opened.id);
    await screenshot(page, 'platform-offline-reload');

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
    await context.setOffline(false);

    // A new version of the site: its worker takes over and the old cache is gone.
    const worker = readFileSync(join(root, 'sw.js'), 'utf8');
    writeFileSync(join(root, 'sw.js'), worker.replace(/const VERSION = '[0-9a-f]+';/, "const VERSION = 'feedc0de00000000';"));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForFunction(async () => {
      const names = await caches.keys();
      return names.length === 1 && names[0] === 'mapathy-feedc0de00000000';
    }, null, { timeout: 30000, polling: 200 });

    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violations');
    assert.deepEqual(errors, []);
  } finally {
    await context.close().catch(() => {});
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  }
});
