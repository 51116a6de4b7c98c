// engines: chromium firefox webkit
// Browser platform, the local library: every change is saved on the device within a second, a reload
// restores the open board, saving is crash-safe (an interrupted save leaves the previous version), a full
// storage is said plainly, the list on the start screen renames, duplicates and deletes, and a good link
// never replaces work without keeping it. Saving never makes the app ask for persistent storage (a browser
// prompt nobody asked for).
import assert from 'node:assert/strict';
import test from 'node:test';
import { centre, click, documentJson, findWidget, openApp, screenshot, waitForApp } from './lib.mjs';

const board = async (page) => JSON.parse(await documentJson(page)).board;
const library = (page) => page.evaluate(() => window.mapathy.library());
const messages = (page) => page.evaluate(() => window.mapathy.messages());

async function setTitle(page, text) {
  const item = await page.waitForFunction(() =>
    window.mapathy.widgets().find((w) => w.rawLabel === '##toolbar.title' && w.visible));
  const { x, y } = centre(item);
  await page.mouse.click(x, y);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);  // one input event, as an on-screen keyboard's suggestion would
  await page.keyboard.press('Enter');
}

// Waits (the machine may be busy) until the library holds boards with exactly these titles.
async function expectStoredTitles(page, expected, message) {
  const want = JSON.stringify([...expected].sort());
  try {
    await page.waitForFunction((w) => JSON.stringify(window.mapathy.library().boards.map((b) => b.title).sort()) === w,
      want, { timeout: 8000, polling: 100 });
  } catch {
    const stored = (await library(page)).boards.map((b) => b.title).sort();
    assert.deepEqual(stored, [...expected].sort(), message);
  }
}

// Clicks a widget once its rectangle has stopped moving (a dialog settles on its second frame, after
// ImGui measured its size).
async function clickSettled(page, label) {
  let last = await findWidget(page, label);
  for (let i = 0; i < 20; ++i) {
    await page.waitForTimeout(150);
    const now = await findWidget(page, label);
    if (now.x === last.x && now.y === last.y && now.w === last.w && now.h === last.h) break;
    last = now;
  }
  const { x, y } = centre(last);
  await page.mouse.click(x, y);
}

// "Boards on this device" is below the templates: scroll the start screen down to it.
async function scrollToList(page) {
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, 3000);
  await page.waitForTimeout(400);
}

// The stored title of board `id`, read straight from localStorage (what a reload would load).
const storedTitle = (page, id) => page.evaluate((boardId) => {
  const index = JSON.parse(localStorage.getItem('mapathy:library'));
  const entry = index.boards[boardId];
  return entry ? JSON.parse(localStorage.getItem(`mapathy:board:${boardId}:${entry.gen}`)).board.title : null;
}, id);

test('saved within a second, restored after reload, crash-safe, storage full said plainly', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await click(page, 'New empathy map');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    await setTitle(page, 'Kundin Übersicht');
    const started = Date.now();
    const { id } = await board(page);
    await page.waitForFunction((boardId) => {
      const index = JSON.parse(localStorage.getItem('mapathy:library') || 'null');
      return index && index.boards[boardId] && index.boards[boardId].title === 'Kundin Übersicht';
    }, id, { timeout: 3000, polling: 20 });
    const savedAfter = Date.now() - started;
    assert.ok(savedAfter < 1000, `saved ${savedAfter} ms after the edit`);
    assert.equal((await library(page)).open, id);
    // Saving is not a reason for a browser prompt: the app never asks for persistent storage on its own
    // (Firefox would ask "Allow … to store data in persistent storage?"), and says so truthfully.
    assert.equal(await page.evaluate(() => window.__mapathyTest.read().persistCalls), 0,
      'navigator.storage.persist() was not called while editing and saving');
    assert.match(await page.evaluate(() => window.mapathy.persistentStorage()), /^(not asked|unsupported)$/);

    await page.reload();
    await waitForApp(page);
    assert.equal((await board(page)).title, 'Kundin Übersicht', 'the reload restored the open board');
    assert.equal((await board(page)).id, id);

    // A save interrupted between writing the new version and switching the index to it (the page crashes
    // there): after a reload the previous version is back.
    await page.evaluate(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key === 'mapathy:library') throw new Error('simulated crash');
        return original.call(this, key, value);
      };
    });
    await setTitle(page, 'Halb gespeichert');
    await page.waitForTimeout(800);
    assert.equal(await storedTitle(page, id), 'Kundin Übersicht', 'the index still points at the previous version');
    await page.reload();
    await waitForApp(page);
    assert.equal((await board(page)).title, 'Kundin Übersicht', 'the previous version survived');

    // Storage full: the person is told, nothing is silently dropped, and the board stays open.
    await page.evaluate(() => {
      Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    });
    await setTitle(page, 'Passt nicht mehr');
    await page.waitForFunction(() => window.mapathy.messages().some((m) => m.kind === 'error'), null, { timeout: 3000 });
    const shown = (await messages(page)).map((m) => m.text).join(' ');
    assert.match(shown, /storage is full/);
    assert.match(shown, /Download/);
    assert.equal((await board(page)).title, 'Passt nicht mehr');
    await screenshot(page, 'platform-library-full');
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});

test('the list of boards: open, rename, duplicate, delete after confirmation; links keep work', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await click(page, 'New empathy map');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    await setTitle(page, 'Erstes Board');
    const first = await board(page);
    const firstLink = await page.evaluate(() => window.mapathy.shareLink());

    // A good link of another board replaces the open one; the open one stays in the library.
    await click(page, 'Boards');
    await click(page, 'New journey board');
    await page.waitForFunction((id) => JSON.parse(window.mapathy.document()).board.id !== id, first.id);
    await setTitle(page, 'Zweites Board');
    const second = await board(page);
    assert.equal(await page.evaluate((link) => window.mapathy.openLink(link), firstLink), true);
    assert.equal((await board(page)).id, first.id);
    await expectStoredTitles(page, ['Erstes Board', 'Zweites Board']);

    // The same board changed here and in the link: the local version is kept as its own board.
    await setTitle(page, 'Erstes Board, hier weiter bearbeitet');
    assert.equal(await page.evaluate((link) => window.mapathy.openLink(link), firstLink), true);
    assert.equal((await board(page)).title, 'Erstes Board');
    await expectStoredTitles(page, ['Erstes Board', 'Erstes Board, hier weiter bearbeitet', 'Zweites Board']);

    // On the start screen: rename the open board, duplicate it, delete the duplicate after confirming.
    await click(page, 'Boards');
    await scrollToList(page);
    await clickSettled(page, 'Rename');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('Umbenannt');
    await page.keyboard.press('Enter');
    await expectStoredTitles(page, ['Erstes Board, hier weiter bearbeitet', 'Umbenannt', 'Zweites Board']);

    await clickSettled(page, 'Duplicate');
    await expectStoredTitles(page, ['Erstes Board, hier weiter bearbeitet', 'Umbenannt', 'Umbenannt (copy)', 'Zweites Board']);
    await screenshot(page, 'platform-library-list');

    // The duplicate is listed right after the open board: its Delete is the second one.
    const deletes = await page.evaluate(() => window.mapathy.widgets()
      .filter((w) => w.label === 'Delete' && w.visible).sort((a, b) => a.y - b.y));
    await page.mouse.click(deletes[1].x + deletes[1].w / 2, deletes[1].y + deletes[1].h / 2);
    await clickSettled(page, 'Cancel');
    await page.waitForTimeout(800);
    assert.equal((await library(page)).boards.length, 4, 'cancel keeps the board');
    await page.mouse.click(deletes[1].x + deletes[1].w / 2, deletes[1].y + deletes[1].h / 2);
    await clickSettled(page, 'Delete for good');
    await expectStoredTitles(page, ['Erstes Board, hier weiter bearbeitet', 'Umbenannt', 'Zweites Board']);

    // Open a board from the list, and everything is still there after a reload.
    const continues = await page.evaluate(() => window.mapathy.widgets()
      .filter((w) => w.label === 'Continue' && w.visible).sort((a, b) => a.y - b.y));
    await page.mouse.click(continues[2].x + continues[2].w / 2, continues[2].y + continues[2].h / 2);
    await page.waitForTimeout(800);
    const opened = await board(page);
    await page.reload();
    await waitForApp(page);
    assert.equal((await board(page)).id, opened.id, 'the board opened from the list is open after a reload');
    await expectStoredTitles(page, ['Erstes Board, hier weiter bearbeitet', 'Umbenannt', 'Zweites Board']);
    void second;
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});
