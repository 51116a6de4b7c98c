// engines: chromium firefox webkit
// Two tabs of one browser on one board (core/session/session.hpp): edits made in both, interleaved — notes,
// a rename, a deletion — all survive, whichever tab saves when; the other tab's changes come in with a
// short note; a fresh tab afterwards shows every edit. Then the same with one tab reloading in the middle.
// The second tab is a second page of the same browser profile (same localStorage, real 'storage' events).
import assert from 'node:assert/strict';
import test from 'node:test';
import { byRawSuffix, centre, documentJson, findWidget, openApp, screenshot, waitForApp, waitForFocus, widgets } from './lib.mjs';

// The open board; lists the app writes only when not empty are filled in.
const boardOf = async (page) => {
  const b = JSON.parse(await documentJson(page)).board;
  return Object.assign({ notes: [] }, b);
};
const texts = async (page) => (await boardOf(page)).notes.map((n) => n.text).sort();

// The visible widget whose raw label ends with `suffix` (lib.mjs's findWidget does the waiting).
const widgetByRawLabel = (page, suffix) => findWidget(page, byRawSuffix(suffix));

// A person types only into the tab in front: every step brings its tab to the front first (Firefox gives
// a tab in the background no keyboard focus).
async function clickRaw(page, suffix) {
  await page.bringToFront();
  const item = await widgetByRawLabel(page, suffix);
  const { x, y } = centre(item);
  await page.mouse.click(x, y);
  await page.waitForTimeout(150);
}

async function addNote(page, section, text) {
  // The other tab's changes may come in just then, with a note above the board that moves it down: a click
  // that landed beside the "+" is made again, as a person would.
  for (let attempt = 1; ; ++attempt) {
    await clickRaw(page, `###section.add.${section}`);
    try {
      await waitForFocus(page, 'note-editor', 2500);
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  await page.keyboard.insertText(text);  // one input event, as an on-screen keyboard's suggestion would
  await page.keyboard.press('Escape');
  // (Counting notes would not do: the other tab's changes may come in meanwhile, deletions included.)
  await page.waitForFunction((t) => (JSON.parse(window.mapathy.document()).board.notes || []).some((n) => n.text === t),
    text);
  await page.waitForTimeout(150);
}

async function deleteNote(page, text) {
  const note = (await boardOf(page)).notes.find((n) => n.text === text);
  assert.ok(note, `"${text}" is on the board`);
  await clickRaw(page, `note.${note.id}`);
  await page.keyboard.press('Delete');
  await page.waitForFunction((id) => !(JSON.parse(window.mapathy.document()).board.notes || []).some((n) => n.id === id),
    note.id);
}

async function setTitle(page, text) {
  await page.bringToFront();
  const item = await widgetByRawLabel(page, '##toolbar.title');
  const { x, y } = centre(item);
  await page.mouse.click(x, y);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => JSON.parse(window.mapathy.document()).board.title === t, text);
}

// A second tab of the same browser, showing the board that was open last.
async function openTab(app) {
  const page = await app.newPage();
  await page.goto(app.url);
  await waitForApp(page);
  await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
  return page;
}

// Waits until `page` shows every text in `want` (events and saves are asynchronous).
async function expectNotes(page, want, message) {
  try {
    await page.waitForFunction((w) => {
      const have = (JSON.parse(window.mapathy.document()).board.notes || []).map((n) => n.text);
      return w.every((t) => have.includes(t));
    }, want, { timeout: 8000, polling: 100 });
  } catch {
    assert.deepEqual(await texts(page), [...want].sort(), message);
  }
}

const flush = (page) => page.evaluate(() => window.mapathy.flush());

async function runTwoTabs({ reloadInTheMiddle }) {
  const app = await openApp({ locale: 'de-DE', viewport: { width: 1100, height: 760 } });
  try {
    const a = app.page;
    await clickRaw(a, '###start.newEmpathy.main');
    await a.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    await addNote(a, 'says', 'Wird gelöscht');
    await addNote(a, 'says', 'A: erste Notiz');
    await flush(a);
    const id = (await boardOf(a)).id;

    let b = await openTab(app);
    assert.equal((await boardOf(b)).id, id, 'the second tab opens the same board');
    await expectNotes(b, ['Wird gelöscht', 'A: erste Notiz'], 'the second tab starts from what the first saved');

    // Interleaved, without waiting for saves or events in between.
    await addNote(b, 'thinks', 'B: Gedanke');
    await addNote(a, 'does', 'A: zweite Notiz');
    await setTitle(b, 'Umzug – aus Tab B benannt');
    await deleteNote(a, 'Wird gelöscht');
    if (reloadInTheMiddle) {
      await b.reload();
      await waitForApp(b);
      await b.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
      assert.equal((await boardOf(b)).id, id, 'the reloaded tab reopens the board');
    }
    await addNote(b, 'feels', 'B: nach dem Neuladen?');
    await addNote(a, 'says', 'A: dritte Notiz');
    await flush(a);
    await flush(b);
    await a.waitForTimeout(600);
    await flush(a);
    await flush(b);

    const all = ['A: erste Notiz', 'A: zweite Notiz', 'A: dritte Notiz', 'B: Gedanke', 'B: nach dem Neuladen?'];
    // Both open tabs come to show everything, through storage events.
    await expectNotes(a, all, 'tab A shows every edit');
    await expectNotes(b, all, 'tab B shows every edit');
    const told = await a.evaluate(() => window.mapathy.messages().map((m) => m.text));
    assert.ok(told.some((t) => t.includes('Änderungen aus einem anderen Tab')), `tab A said so: ${JSON.stringify(told)}`);
    await screenshot(a, reloadInTheMiddle ? 'session-tabs-reload-a' : 'session-tabs-a');

    // A fresh tab reads what is stored: every edit of both tabs.
    const fresh = await openTab(app);
    const stored = await boardOf(fresh);
    assert.deepEqual(stored.notes.map((n) => n.text).sort(), [...all].sort(), 'a fresh tab shows every note');
    assert.ok(!stored.notes.some((n) => n.text === 'Wird gelöscht'), 'the deletion stays');
    assert.equal(stored.title, 'Umzug – aus Tab B benannt', 'the rename stays');
    await fresh.close();
    if (b !== a) await b.close();
    b = null;
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
}

test('two tabs, interleaved notes, a rename and a deletion: a fresh tab shows every edit', async () => {
  await runTwoTabs({ reloadInTheMiddle: false });
});

test('the same with one tab reloading in the middle', async () => {
  await runTwoTabs({ reloadInTheMiddle: true });
});
