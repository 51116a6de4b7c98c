// engines: chromium firefox webkit
// The UI's texts come from one language file per language (src/ui/ui_texts.hpp): the reader's is fetched
// with the module, the other one only when the reader switches. Walked as people meet it:
// - a German browser: German from the first frame, and the English file is never fetched until "EN" is
//   tapped; tapped while that file is still on the way (a slow network), the UI stays German, then switches
//   when it arrives; back to German at once, without a second fetch; the board is untouched throughout;
// - a site whose German file cannot be had (offline before the service worker cached it): a German browser
//   still gets a working app, in English, and tapping "DE" says why it stays English instead of failing
//   silently or showing keys.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { SITE_DIR, board, byId, click, findWidget, openApp, screenshot, startTestServer, widgets } from './lib.mjs';

// What the page fetched so far, by file name: [{name, start}] (ms since navigation).
const fetched = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((entry) => ({ name: new URL(entry.name).pathname.split('/').pop(), start: entry.startTime })));
const count = (list, name) => list.filter((entry) => entry.name === name).length;
const labelOf = async (page, id) => {
  const item = (await widgets(page)).find((widget) => widget.visible && widget.rawLabel.endsWith('###' + id));
  return item ? item.label : null;
};
const waitForLabel = (page, id, label, timeout = 10000) => page.waitForFunction(([key, text]) =>
  window.mapathy.widgets().some((item) => item.visible && item.rawLabel.endsWith('###' + key) && item.label === text),
[id, label], { timeout });

test('a German reader: German from the first frame, English fetched only when asked for, even on a slow network', async () => {
  let holdEnglish = true;
  const server = await startTestServer({ hold: (path) => holdEnglish && path === 'strings-en.txt' });
  const app = await openApp({ locale: 'de-DE', server });
  try {
    const { page } = app;
    await findWidget(page, 'Neue Empathy Map');
    let files = await fetched(page);
    const firstFrame = await page.evaluate(() => performance.getEntriesByName('mapathy-first-frame')[0].startTime);
    const german = files.filter((entry) => entry.name === 'strings-de.txt');
    assert.equal(german.length, 1, 'the German texts are fetched once');
    assert.ok(german[0].start < firstFrame, 'before the first frame');
    assert.equal(count(files, 'strings-en.txt'), 0, 'the English texts are not fetched for a German reader');

    await click(page, 'Neue Empathy Map');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    const before = await board(page);
    assert.equal(await labelOf(page, 'toolbar.undo'), 'Rückgängig');

    // "EN" while the English file is slow to come: the UI stays German (no keys, no half-English UI).
    await click(page, byId('lang.en'));
    await page.waitForTimeout(800);
    assert.equal(await labelOf(page, 'toolbar.undo'), 'Rückgängig', 'still German while the English texts are on the way');
    assert.ok(!(await widgets(page)).some((item) => item.visible && /^toolbar\.|^start\./.test(item.label)),
      'no text shows as its key');

    // It arrives: English.
    holdEnglish = false;
    server.release();
    await waitForLabel(page, 'toolbar.undo', 'Undo');
    await waitForLabel(page, 'toolbar.share', 'Share');
    files = await fetched(page);
    assert.equal(count(files, 'strings-en.txt'), 1, 'the English texts are fetched once');
    await screenshot(page, 'language-switched-to-english');

    // Back to German: at once, from what the page has.
    await click(page, byId('lang.de'));
    await waitForLabel(page, 'toolbar.undo', 'Rückgängig', 3000);
    files = await fetched(page);
    assert.equal(count(files, 'strings-de.txt'), 1, 'no second fetch of the German texts');
    assert.equal(count(files, 'strings-en.txt'), 1);
    assert.deepEqual(await board(page), before, 'switching language changed nothing on the board');
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
    await server.close();
  }
});

test('without the German texts (offline, not cached): a German browser gets the app in English, and "DE" says why', async () => {
  const site = mkdtempSync(join(tmpdir(), 'mapathy-site-'));
  cpSync(SITE_DIR, site, { recursive: true });
  rmSync(join(site, 'strings-de.txt'));
  const server = await startTestServer({ root: site });
  const app = await openApp({ locale: 'de-DE', server });
  try {
    const { page } = app;
    await findWidget(page, 'New empathy map');
    await click(page, 'New empathy map');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    const before = await board(page);
    assert.equal(before.board.lang, 'en', 'a new board speaks the UI\'s language (the start screen offers "in German" too)');
    assert.equal(await labelOf(page, 'toolbar.undo'), 'Undo');

    await click(page, byId('lang.de'));
    await page.waitForFunction(() => window.mapathy.messages().some((message) => message.kind === 'error'), null,
      { timeout: 10000 });
    const messages = await page.evaluate(() => window.mapathy.messages());
    assert.deepEqual(messages.filter((message) => message.kind === 'error').map((message) => message.text),
      ['The German texts could not be loaded (no connection?). Mapathy stays in English; try again later.']);
    assert.equal(await labelOf(page, 'toolbar.undo'), 'Undo', 'the UI stays English');
    assert.deepEqual(await board(page), before, 'the board is untouched');
    await screenshot(page, 'language-german-texts-missing');
    // What the page reported is the missing file itself (and, in some engines, the offline cache that could
    // not be filled without it); nothing else.
    const problems = (await app.problems()).filter((problem) => !/strings-de\.txt|404|offline|sw\.js|service ?worker/i.test(problem));
    assert.deepEqual(problems, []);
  } finally {
    await app.close();
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});
