// engines: webkit
// JavaScriptCore loads the editor's module whole (mapathy-whole.wasm; web/platform.js, oneModule says why), not
// in the two parts Chromium and Firefox load. Walked as a person in Safari or GNOME Web meets it: a German map
// opened from its link, a note typed with umlauts at once, undo and redo; the page never asks for the late part
// and reports no late part; a reload (the service worker's cache now) keeps the note; the worker's cache holds
// the whole module and not the late part.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { openApp, screenshot, settle, typeNewNote, undoThenRedo, waitForApp } from './lib.mjs';

const LINK_TEXT = readFileSync(new URL('../fixtures/links/v1-typical-german-empathy-map.txt', import.meta.url), 'utf8').trim();
const LINK = LINK_TEXT.slice(LINK_TEXT.indexOf('#') + 1);
const NOTE = 'Öffnungszeiten prüfen – täglich grüßen';
const hasText = (page, text) => page.evaluate((t) => (window.mapathy.document() || '').includes(t), text);
const requested = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((entry) => new URL(entry.name).pathname.split('/').pop()));

test('WebKit runs the module whole: a German note at once, undo and redo, a reload keeps it, no late part', async () => {
  const app = await openApp({ locale: 'de-DE', hash: LINK });
  try {
    const { page } = app;
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 10000 });
    const notes = await typeNewNote(page, 'says', NOTE);
    assert.ok(notes.before > 10, 'the board from the link is open');
    assert.equal(notes.after, notes.before + 1);
    await undoThenRedo(page, NOTE);
    await settle(page);
    await screenshot(page, 'one-module-note-typed');

    await page.waitForTimeout(1500);  // past the moment the two-part pages fetch their late part
    assert.equal(await page.evaluate(() => window.mapathy.lateModule()), 'none', 'no late part: the module is whole');
    const files = await requested(page);
    assert.ok(files.includes('mapathy-whole.wasm'), `the whole module was fetched: ${files}`);
    assert.ok(!files.includes('mapathy-late.wasm'), `the late part never: ${files}`);

    // A reload, from the service worker's cache once it controls the page: the note is still there.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    await page.evaluate(() => window.mapathy.flush());
    await page.reload();
    await waitForApp(page);
    assert.ok(await hasText(page, NOTE), 'the note survived the reload');
    assert.equal(await page.evaluate(() => window.mapathy.lateModule()), 'none');
    const cached = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((name) => name.startsWith('mapathy-'));
      const urls = (await (await caches.open(names[0])).keys()).map((request) => new URL(request.url).pathname.split('/').pop());
      return { caches: names.length, urls };
    });
    assert.equal(cached.caches, 1);
    assert.ok(cached.urls.includes('mapathy-whole.wasm'), `the worker keeps the whole module: ${cached.urls}`);
    assert.ok(!cached.urls.includes('mapathy-late.wasm'), `and not the late part: ${cached.urls}`);
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});
