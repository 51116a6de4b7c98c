// engines: chromium firefox webkit
// The phone flow of a person who got a link in a chat: open a 38-note German empathy map (390×844) and a
// 4-stage German journey (360×740) from their share links on a phone (touch, pixel ratio 3, German) →
// readable without zooming → tap "+" → type a note with umlauts and a dash → the note is in the document
// and on screen → "Teilen" → the link is copied.
import assert from 'node:assert/strict';
import test from 'node:test';
import { board, byId, centre, findWidget, screenshot, settle, typeText } from './lib.mjs';
import { EMPATHY_LINK, JOURNEY_LINK, PHONES, checkLayout, openPhone } from './phone.mjs';

const TEXT = 'Ruft lieber an – möglichst früh';

async function addAndShare(app, viewport, plusLabel, where) {
  const { page } = app;
  const touch = app.capabilities.touchDevice;
  const { reading } = await checkLayout(page, viewport, { touch });
  assert.equal(reading, true, 'the phone shows the reading layout');
  const count = (await board(page)).board.notes.length;

  const plus = await findWidget(page, plusLabel, { settled: true });
  assert.ok(plus.y + plus.h <= viewport.height && plus.y >= 0, '"+" is on screen without scrolling');
  await page.touchscreen.tap(centre(plus).x, centre(plus).y);
  await page.waitForFunction((n) => JSON.parse(window.mapathy.document()).board.notes.length === n + 1, count,
    { timeout: 5000 });
  await settle(page);
  await typeText(page, TEXT);
  await page.waitForFunction((t) => window.mapathy.document().includes(t), TEXT, { timeout: 5000 });
  const doc = await board(page);
  const added = doc.board.notes.find((n) => n.text === TEXT);
  assert.ok(added, 'the note is in the document, umlauts and dash intact');
  for (const [key, value] of Object.entries(where)) assert.equal(added[key], value, `the note is in ${key} ${value}`);
  const card = await findWidget(page, (w) => w.rawLabel === `note.${added.id}`,
    { settled: true });
  assert.ok(card.x >= 0 && card.x + card.w <= viewport.width + 0.5 && card.y >= 0 &&
    card.y + card.h <= viewport.height + 0.5, `the note is on screen (${JSON.stringify(card)})`);
  await screenshot(page, `phone-flow-${viewport.width}-typed`);

  // "Teilen" → copy: the clipboard holds the board's link, with the new note in it.
  await app.setClipboard('');
  const share = await findWidget(page, byId('toolbar.share'), { settled: true });
  assert.equal(share.label, 'Teilen');
  await page.touchscreen.tap(centre(share).x, centre(share).y);
  const copy = await findWidget(page, byId('share.copy'), { settled: true });
  assert.ok(copy.x >= 0 && copy.x + copy.w <= viewport.width && copy.y + copy.h <= viewport.height,
    'the share dialog fits the phone');
  await page.touchscreen.tap(centre(copy).x, centre(copy).y);
  await page.waitForTimeout(300);
  const copied = await app.readClipboard();
  assert.equal(copied, await page.evaluate(() => window.mapathy.shareLink()), 'the copied link is the share link');
  await screenshot(page, `phone-flow-${viewport.width}-shared`);
  assert.deepEqual(await app.problems(), []);
}

test('empathy map on a 390×844 phone: read, add a note with a thumb, share', async () => {
  const viewport = PHONES[0];
  const app = await openPhone(viewport, EMPATHY_LINK);
  try {
    await addAndShare(app, app.viewport, byId('section.add.says'), { section: 'says' });
  } finally {
    await app.close();
  }
});

test('journey on a 360×740 phone: one stage at a time, add a note, share', async () => {
  const viewport = PHONES[1];
  const app = await openPhone(viewport, JOURNEY_LINK);
  try {
    await addAndShare(app, app.viewport, 'add-note:actions:awareness', { stage: 'awareness', lane: 'actions' });
  } finally {
    await app.close();
  }
});
