// engines: chromium firefox
// The editor's module comes in two parts (CMakeLists.txt, web/platform.js): mapathy.wasm with what the start
// runs, mapathy-late.wasm with the rest, fetched after the first frame. (Not in WebKit, which loads the module
// whole: one_module.test.mjs.) Walked as people meet it:
// - a German board opened from its link, the late part slow to come (its request hangs for a while): the
//   person adds a note at once; the page waits for the part and puts it in place on the spot, the German
//   note is typed, undo and redo work, nothing on the console; a reload gets the late part as usual (or from
//   the service worker's cache with the start) and keeps the note;
// - the late part cannot be had at all (offline before the service worker cached it): the board still opens
//   from its link and can be read; the first action that needs the late part stops the app with a clear
//   message in both languages instead of a bare crash, and a reload with the network back opens the board.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { SITE_DIR, board, byId, click, openApp, screenshot, settle, startTestServer, undoThenRedo, waitForApp, waitForFocus } from './lib.mjs';

const LINK_TEXT = readFileSync(new URL('../fixtures/links/v1-typical-german-empathy-map.txt', import.meta.url), 'utf8').trim();
const LINK = LINK_TEXT.slice(LINK_TEXT.indexOf('#') + 1);
const NOTE = 'Öffnungszeiten prüfen – täglich grüßen';
const lateState = (page) => page.evaluate(() => window.mapathy.lateModule());
const hasText = (page, text) => page.evaluate((t) => (window.mapathy.document() || '').includes(t), text);

test('the late part slow to come: the first note typed loads it on the spot, and a reload keeps the note', async () => {
  let requests = 0;
  // The first request for the late part (the page's own, after the first frame) hangs until released. (The
  // service worker's precache asks for it too, later, and gets it.)
  const server = await startTestServer({ hold: (path) => path === 'mapathy-late.wasm' && ++requests === 1 });
  const app = await openApp({ locale: 'de-DE', hash: LINK, server });
  try {
    const { page } = app;
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 10000 });
    assert.ok(requests >= 1, 'the page asked for the late part after its first frame');
    assert.equal(await lateState(page), 'pending', 'and it has not arrived');
    assert.equal(await page.evaluate(() => window.mapathy.lateFirstCall()), null, 'nothing needed it yet');
    const notes = (await board(page)).board.notes.length;

    // A note, at once: the late part is needed and loaded then. The page waits for it (the browsers let the
    // second request wait for the first, which is still on its way); the network delivers after 2 s.
    const slowNetwork = setTimeout(() => server.release(), 2000);
    await click(page, byId('section.add.says'));
    await waitForFocus(page, 'note-editor', 10000);
    await page.keyboard.type(NOTE, { delay: 5 });
    await page.keyboard.press('Escape');
    await page.waitForFunction((t) => window.mapathy.document().includes(t), NOTE, { timeout: 10000 });
    clearTimeout(slowNetwork);
    assert.equal(await lateState(page), 'loaded on call');
    assert.notEqual(await page.evaluate(() => window.mapathy.lateFirstCall()), null);
    assert.equal((await board(page)).board.notes.length, notes + 1);

    await undoThenRedo(page, NOTE);
    await settle(page);
    await screenshot(page, 'late-module-note-typed');
    assert.deepEqual(await app.problems(), []);

    // The first request has ended too: nothing changed (the part is not put in place twice).
    await page.waitForTimeout(500);
    assert.equal(await lateState(page), 'loaded on call');
    assert.ok(await hasText(page, NOTE));

    // A reload: the late part after the first frame, as meant; the note is still there.
    await page.evaluate(() => window.mapathy.flush());
    await page.reload();
    await waitForApp(page);
    await page.waitForFunction(() => /^loaded(| with the start)$/.test(window.mapathy.lateModule()), null, { timeout: 20000 });
    assert.ok(await hasText(page, NOTE), 'the note survived the reload');
    // The whole module (WebKit's, one_module.test.mjs) is neither fetched nor cached by this engine.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    const seen = await page.evaluate(async () => {
      const files = performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname.split('/').pop());
      const names = (await caches.keys()).filter((name) => name.startsWith('mapathy-'));
      const cached = (await (await caches.open(names[0])).keys()).map((request) => new URL(request.url).pathname.split('/').pop());
      return { files, cached };
    });
    assert.ok(!seen.files.includes('mapathy-whole.wasm'), `not fetched: ${seen.files}`);
    assert.ok(seen.cached.includes('mapathy-late.wasm') && !seen.cached.includes('mapathy-whole.wasm'),
      `the worker keeps the late part, not the whole module: ${seen.cached}`);
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
    await server.close();
  }
});

test('the late part missing: the board opens and reads; the first edit stops with a clear message, a reload recovers', async () => {
  const site = mkdtempSync(join(tmpdir(), 'mapathy-site-'));
  cpSync(SITE_DIR, site, { recursive: true });
  renameSync(join(site, 'mapathy-late.wasm'), join(site, 'mapathy-late.wasm.away'));
  const server = await startTestServer({ root: site });
  const app = await openApp({ locale: 'de-DE', hash: LINK, server });
  try {
    const { page } = app;
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 10000 });
    await page.waitForFunction(() => window.mapathy.lateModule() === 'failed', null, { timeout: 10000 });
    const before = await board(page);
    assert.ok(before.board.notes.length > 10, 'the board from the link is open');
    await settle(page);
    await screenshot(page, 'late-module-missing-board-open');

    await click(page, byId('section.add.says'));
    await page.waitForFunction(() => !document.getElementById('loading').hidden, null, { timeout: 10000 });
    const message = await page.evaluate(() => {
      const loading = document.getElementById('loading');
      return { text: loading.textContent, role: loading.getAttribute('role') };
    });
    assert.equal(message.role, 'alert');
    assert.match(message.text, /Mapathy konnte einen Teil von sich nicht laden/);
    assert.match(message.text, /Mapathy could not load part of itself/);
    assert.match(message.text, /lade die Seite neu/);
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('canvas')).display), 'none',
      'the message stands alone, not over the board');
    await page.waitForTimeout(500);  // the app draws no more frames; give the page its repaint
    await screenshot(page, 'late-module-missing-message');
    const problems = await app.problems();
    assert.ok(problems.some((p) => /could not be loaded yet/.test(p)), `the failed fetch is reported: ${problems}`);
    assert.ok(problems.every((p) => /mapathy-late\.wasm|could not be loaded yet|404|Not Found/i.test(p)),
      `nothing else went wrong: ${JSON.stringify(problems)}`);

    // The network back: a reload opens the board from its link again, and edits work.
    renameSync(join(site, 'mapathy-late.wasm.away'), join(site, 'mapathy-late.wasm'));
    await page.reload();
    await waitForApp(page);
    await page.waitForFunction(() => /^loaded(| with the start)$/.test(window.mapathy.lateModule()), null, { timeout: 20000 });
    assert.equal((await board(page)).board.notes.length, before.board.notes.length);
    await click(page, byId('section.add.says'));
    await waitForFocus(page, 'note-editor', 10000);
    await page.keyboard.type(NOTE, { delay: 5 });
    await page.keyboard.press('Escape');
    await page.waitForFunction((t) => window.mapathy.document().includes(t), NOTE, { timeout: 10000 });
  } finally {
    await app.close();
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});
