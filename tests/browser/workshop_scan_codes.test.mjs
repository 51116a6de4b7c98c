// engines: chromium
// Scanning in English: the camera films one code after another — another site's QR code, a cut-off
// contribution, a contribution for another board on this device, one from a newer Mapathy, then a good
// contribution. Each bad code gets its message (naming the other board) and changes nothing; the good one
// is merged at once as one undo step, and when it comes round again it is "already merged".
// Chromium only: it is the one engine here with a camera that films a file (--use-file-for-fake-video-capture,
// drivers/chromium.mjs); Firefox and WebKit have no fake camera. The German messages and the paste path in
// both languages are checked in tests/ui/workshop_room_test.cpp, the German scan in workshop_room.test.mjs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { byRawSuffix, click, findWidget, openApp, screenshot, typeText, waitForFocus, writeY4m } from './lib.mjs';

const clickRaw = (page, suffix) => click(page, byRawSuffix(suffix));
const docOf = async (page) => JSON.parse(await page.evaluate(() => window.mapathy.document())).board;

async function addNote(page, text) {
  await clickRaw(page, '###section.add.says');
  await waitForFocus(page, 'note-editor');
  await typeText(page, text, { delay: 5 });
  await page.keyboard.press('Escape');
  await page.waitForFunction((t) => JSON.parse(window.mapathy.document()).board.notes.some((n) => n.text === t), text);
}

test('bad codes get a message and change nothing; a good one merges once', async () => {
  const temp = mkdtempSync(join(tmpdir(), 'mapathy-scan-'));
  const camera = join(temp, 'camera.y4m');
  writeY4m(camera, [{ blank: true, frames: 10 }]);
  const app = await openApp({ locale: 'en-US', viewport: { width: 1280, height: 900 }, fakeCamera: camera });
  try {
    const page = app.page;
    // Another board on this device, named, with a contribution made for it.
    await clickRaw(page, '###start.newEmpathy.main');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    await addNote(page, 'Other board note');
    const otherDoc = await page.evaluate(() => window.mapathy.document());
    const otherTitle = JSON.parse(otherDoc).board.title;
    const codes = await page.evaluate(async (other) => {
      const board = JSON.parse(other);
      const changed = JSON.parse(other);
      changed.board.notes.push({ id: 'zz9-1', text: 'For the other board', section: 'says', created: 99, modified: 99 });
      changed.board.clock = 99;
      const r = await window.mapathy.tools.run({ op: 'delta', base: JSON.stringify(board), board: JSON.stringify(changed), baseUrl: location.href.split('#')[0] });
      if (!r.ok) throw new Error(r.error);
      return { otherBoard: r.link };
    }, otherDoc);

    // The room: a new board (the other one is put aside), and a participant's contribution for it.
    await clickRaw(page, '###toolbar.back');
    await clickRaw(page, '###start.newEmpathy.main');
    const otherId = JSON.parse(otherDoc).board.id;
    await page.waitForFunction((id) => {
      const d = window.mapathy.document();
      return d !== null && JSON.parse(d).board.id !== id;
    }, otherId, { timeout: 5000 });
    const roomDoc = await page.evaluate(() => window.mapathy.document());
    const good = await page.evaluate(async (room) => {
      const changed = JSON.parse(room);
      changed.board.notes = changed.board.notes || [];
      changed.board.notes.push({ id: 'pp7-1', text: 'Wants a call back', section: 'says', created: 50, modified: 50 });
      changed.board.clock = 50;
      const r = await window.mapathy.tools.run({ op: 'delta', base: room, board: JSON.stringify(changed), voter: 'pp7', baseUrl: location.href.split('#')[0] });
      if (!r.ok) throw new Error(r.error);
      return r.link;
    }, roomDoc);
    const texts = [
      'https://example.com/menu',            // another site's QR code
      good.slice(0, good.length - 20),        // cut off
      codes.otherBoard,                       // for the other board
      good.replace('#3', '#4'),               // a newer Mapathy's link format
      good,
    ];
    const scenes = [];
    for (const text of texts) {
      const qr = await page.evaluate(async (t) => window.mapathy.tools.run({ op: 'qr', text: t }), text);
      assert.ok(qr.ok, qr.error);
      scenes.push({ size: qr.size, modules: qr.modules, frames: 25 }, { blank: true, frames: 10 });
    }
    writeY4m(camera, scenes);

    const before = await docOf(page);
    await clickRaw(page, '###workshop.toolbar');
    await clickRaw(page, '###workshop.merge');
    await clickRaw(page, '###workshop.scan');
    // Read what the last code did, as it changes, until the good code has come round twice.
    const seen = new Set();
    const deadline = Date.now() + 60000;
    let merged = false;
    let already = false;
    while (Date.now() < deadline && !(merged && already && seen.size >= 6)) {
      const items = await page.evaluate(() => window.mapathy.widgets());
      const message = items.find((w) => w.rawLabel.endsWith('###workshop.scanMessage'));
      if (message) {
        if (!seen.has(message.label)) {
          seen.add(message.label);
          if (message.label.startsWith('This contribution belongs to another board')) await screenshot(page, 'workshop-scan-other-board');
        }
        merged = merged || message.label.startsWith('Merged: 1 new note.');
        already = already || (merged && message.label.startsWith('Already merged'));
      }
      await page.waitForTimeout(100);
    }
    const messages = [...seen];
    const has = (start) => messages.some((m) => m.startsWith(start));
    assert.ok(has('This is not a Mapathy link'), JSON.stringify(messages));
    assert.ok(has('This contribution is incomplete or damaged'), JSON.stringify(messages));
    assert.ok(messages.some((m) => m.startsWith('This contribution belongs to another board') && m.includes(otherTitle)),
      `names the other board: ${JSON.stringify(messages)}`);
    assert.ok(has('This contribution was made by a newer Mapathy'), JSON.stringify(messages));
    assert.ok(merged, JSON.stringify(messages));
    assert.ok(already, 'the good code shown again is "already merged"');
    const count = await findWidget(page, byRawSuffix('###workshop.scanCount'));
    assert.equal(count.label, '1 contribution merged');

    const after = await docOf(page);
    assert.deepEqual(after.notes.map((n) => n.text), ['Wants a call back'], 'only the good code changed the board');
    assert.equal((before.notes || []).length, 0);
    await clickRaw(page, '###workshop.scanStop');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
    await clickRaw(page, '###toolbar.undo');
    assert.equal(((await docOf(page)).notes || []).length, 0, 'one undo takes the scanned code back');
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
    rmSync(temp, { recursive: true, force: true });
  }
});
