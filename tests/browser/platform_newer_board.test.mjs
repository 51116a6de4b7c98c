// engines: chromium firefox webkit
// Browser platform, nothing lost: a board in the local library that a newer Mapathy saved (a
// format version this app cannot read) is reported by a message naming its version, listed on the start
// screen as made by a newer Mapathy, and left byte for byte as it is: not opened, not replaced by its older
// stored version, not saved over, not deleted, while the other boards work as usual.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { centre, click, documentJson, findWidget, openApp, screenshot, waitForApp } from './lib.mjs';

const fixture = (name) => readFileSync(new URL(`../fixtures/v1/${name}`, import.meta.url), 'utf8');

const NORMAL_ID = 'b-4f7kq2';  // tests/fixtures/v1/empathy_classic_de.json
const FUTURE_ID = 'future-board-1';
const FUTURE_TITLE = 'Reise aus der Zukunft';

// The same journey board twice: stored as format 1 (the version before) and as format 2 (the newest, with
// a field this app has never heard of).
function futureVersions() {
  const older = JSON.parse(fixture('journey_lifecycle_en.json'));
  older.board.id = FUTURE_ID;
  older.board.title = FUTURE_TITLE;
  const newer = structuredClone(older);
  newer.version = 2;
  newer.board.hologram = { depth: 3, layers: ['ä', 'ß'] };
  return { older: JSON.stringify(older), newer: JSON.stringify(newer, null, 1) };
}

function seed({ normal, older, newer, normalId, futureId, futureTitle }) {
  localStorage.clear();
  localStorage.setItem(`mapathy:board:${normalId}:1`, normal);
  localStorage.setItem(`mapathy:board:${futureId}:6`, older);
  localStorage.setItem(`mapathy:board:${futureId}:7`, newer);
  localStorage.setItem('mapathy:library', JSON.stringify({
    version: 1,
    open: normalId,
    boards: {
      [futureId]: { gen: 7, title: futureTitle, savedAt: 1763890300000, madeBy: 'Mapathy 2.0' },
      [normalId]: { gen: 1, title: 'Kundin der Stadtwerke: Umzug melden', savedAt: 1763890212345 },
    },
  }));
}

// Everything stored about the future board: its versions and its index entry.
const futureBytes = (page) => page.evaluate((id) => {
  const keys = Object.keys(localStorage).filter((key) => key.startsWith(`mapathy:board:${id}:`)).sort();
  const index = JSON.parse(localStorage.getItem('mapathy:library'));
  return JSON.stringify({ entry: index.boards[id] ?? null, versions: keys.map((key) => [key, localStorage.getItem(key)]) });
}, FUTURE_ID);

const board = async (page) => JSON.parse(await documentJson(page)).board;
const messages = (page) => page.evaluate(() => window.mapathy.messages());

async function setTitle(page, text) {
  const item = await findWidget(page, (w) => w.rawLabel === '##toolbar.title');
  const { x, y } = centre(item);
  await page.mouse.click(x, y);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
}

async function expectNewerReported(page, when) {
  const errors = (await messages(page)).filter((m) => m.kind === 'error').map((m) => m.text);
  assert.ok(errors.some((text) => text.includes(FUTURE_TITLE) && /newer Mapathy/.test(text) &&
    /format version 2/.test(text)), `${when}: a message names the board and its version: ${JSON.stringify(errors)}`);
  // Listed on the start screen, not silently dropped.
  await click(page, 'Boards');
  await page.mouse.move(640, 400);  // "Boards on this device" is below the templates
  await page.mouse.wheel(0, 3000);
  await page.waitForTimeout(400);
  const row = await findWidget(page, (w) => w.rawLabel.endsWith('###library.unopenable'));
  assert.match(row.label, new RegExp(`^${FUTURE_TITLE} · made by a newer Mapathy \\(format version 2\\)`), when);
  await screenshot(page, 'platform-newer-board');
}

test('a board from a newer Mapathy is reported, listed and never touched', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    const { older, newer } = futureVersions();
    await page.evaluate(seed, { normal: fixture('empathy_classic_de.json'), older, newer, normalId: NORMAL_ID,
      futureId: FUTURE_ID, futureTitle: FUTURE_TITLE });
    const before = await futureBytes(page);
    await page.reload();
    await waitForApp(page);

    // The other board opens as usual; the newer one is not opened, nor its older stored version.
    assert.equal((await board(page)).id, NORMAL_ID);
    await expectNewerReported(page, 'after load');
    assert.equal(await futureBytes(page), before, 'after load');

    // Work on the other board: saved as usual, the newer board stays as it was.
    await click(page, 'Continue');
    await setTitle(page, 'Umzug melden, überarbeitet');
    await page.waitForFunction((id) => JSON.parse(localStorage.getItem('mapathy:library')).boards[id].title ===
      'Umzug melden, überarbeitet', NORMAL_ID, { timeout: 5000 });
    await page.evaluate(() => window.mapathy.flush());
    assert.equal(await futureBytes(page), before, 'after editing the other board');

    // A new board: the library's index is written again, the newer board's entry stays as it was.
    await click(page, 'Boards');
    await click(page, 'New journey board');
    await page.waitForFunction((id) => JSON.parse(window.mapathy.document()).board.id !== id, NORMAL_ID);
    await page.waitForFunction(() => window.mapathy.library().boards.length === 3, null, { timeout: 5000 });
    assert.equal(await futureBytes(page), before, 'after a new board');

    await page.reload();
    await waitForApp(page);
    await expectNewerReported(page, 'after reload');
    assert.equal(await futureBytes(page), before, 'after reload');
    const titles = (await page.evaluate(() => window.mapathy.library().boards.map((b) => b.title))).sort();
    assert.ok(titles.includes('Umzug melden, überarbeitet'), `the edit was kept: ${titles}`);
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});

test('a library index from a newer Mapathy is never rewritten, and the person is told', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await page.evaluate(() => {
      localStorage.clear();
      localStorage.setItem('mapathy:library', JSON.stringify({ version: 3, shelves: { main: ['x1'] }, open: 'x1' }));
      localStorage.setItem('mapathy:board:x1:1', '{"format":"mapathy","version":3,"board":{"id":"x1"}}');
    });
    // The library's keys (other per-device values, e.g. the workshop's voter id, are not the library).
    const everything = () => page.evaluate(() => JSON.stringify(Object.keys(localStorage)
      .filter((key) => key === 'mapathy:library' || key.startsWith('mapathy:board:')).sort()
      .map((key) => [key, localStorage.getItem(key)])));
    const before = await everything();
    await page.reload();
    await waitForApp(page);
    const shown = (await messages(page)).filter((m) => m.kind === 'error').map((m) => m.text).join(' ');
    assert.match(shown, /saved by a newer Mapathy \(library version 3\)/);
    assert.match(shown, /Download/);

    // Work goes on in memory; nothing is written over the newer library.
    await click(page, 'New empathy map');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    await setTitle(page, 'Nur im Speicher');
    await page.waitForTimeout(800);
    await page.evaluate(() => window.mapathy.flush());
    assert.equal((await board(page)).title, 'Nur im Speicher');
    assert.equal(await everything(), before, 'the newer library is byte for byte as it was');
    await page.reload();
    await waitForApp(page);
    assert.equal(await everything(), before, 'after a reload too');
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});
