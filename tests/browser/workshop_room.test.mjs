// engines: chromium firefox webkit
// The whole workshop as people run it in a room, German UI. A facilitator (laptop, mouse) opens a
// template, sets three dots per person, adds a note and shares the room's link; three participants on
// touch tablets open it one after the other, add notes with umlauts and place dots on the facilitator's
// note and their own (the second reloads in the middle); two send back by link, the third by QR code. The
// facilitator pastes the two links, scans the third code with the camera, sees "3 Beiträge
// zusammengeführt", sorts by votes, turns the top note into an action with an owner and exports Markdown.
// Every step is checked in window.mapathy.document(); screenshots go to the artifacts folder.
//
// Scanning needs a camera that films a known picture: Chromium's fake camera plays a y4m file, written
// here from the third participant's contribution as the app encodes it as a QR code (tools module, op
// 'qr'). Firefox and WebKit have no such camera, so there the third participant sends back by link too
// and the Markdown comes from the tools module (their drivers report no downloads); everything else is the
// same on all three engines.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { byRawSuffix, capabilities, centre, click, clickRawUntil, findWidget, openApp, pasteText, screenshot, settle, tap, typeText, waitForApp, waitForFocus, writeY4m } from './lib.mjs';

const clickRaw = (page, suffix) => click(page, byRawSuffix(suffix));
const tapRaw = (page, suffix) => tap(page, byRawSuffix(suffix));
const docOf = async (page) => JSON.parse(await page.evaluate(() => window.mapathy.document())).board;
const TABLET = { width: 1024, height: 768 };
const LAPTOP = { width: 1280, height: 900 };

const FACILITATOR_NOTE = 'Wartezeit am Telefon ist zu lang';
const PARTICIPANTS = [
  ['Möchte den Status online prüfen.', 'Ärger über doppelte Rückfragen…'],
  ['Fühlt sich nicht ernst genommen.', 'Zählt die Tage bis zur Antwort.'],
  ['Bevorzugt Rückruf statt Mail.', 'Übersieht Hinweise im Kleingedruckten.'],
];

// A text field has the keyboard: the hidden textarea of Dear ImGui's fields, or the note editor over a card.
async function addNoteByTouch(page, text) {
  await tapRaw(page, '###section.add.says');
  await waitForFocus(page, 'note-editor', 5000);
  await typeText(page, text, { delay: 5 });
  await page.keyboard.press('Escape');
  await page.waitForFunction((t) => JSON.parse(window.mapathy.document()).board.notes.some((n) => n.text === t), text);
}

async function sendBackLink(app) {
  const page = app.page;
  await tapRaw(page, '###workshop.send');
  await findWidget(page, byRawSuffix('###workshop.sendCopy'), { settled: true });
  await tapRaw(page, '###workshop.sendCopy');
  await page.waitForTimeout(200);
  const link = await app.readClipboard();
  assert.match(link, /#3/, 'a contribution link');
  return link;
}

async function qrModules(page, text) {
  return page.evaluate(async (t) => {
    const r = await window.mapathy.tools.run({ op: 'qr', text: t });
    if (!r.ok) throw new Error(r.error);
    return { size: r.size, modules: r.modules };
  }, text);
}

test('a workshop in the room: three tablets send back, the facilitator merges, sorts, acts and exports', async () => {
  const scanning = Boolean(capabilities.fakeCamera);
  const temp = mkdtempSync(join(tmpdir(), 'mapathy-room-'));
  const camera = join(temp, 'camera.y4m');
  if (scanning) writeY4m(camera, [{ blank: true, frames: 10 }]);  // the camera films this until the code is there
  const facilitator = await openApp({ locale: 'de-DE', viewport: LAPTOP, fakeCamera: scanning ? camera : undefined });
  const participants = [];
  try {
    const fpage = facilitator.page;
    // ---- the facilitator's board: a template, three dots per person, one note of their own
    await clickRaw(fpage, '###start.newEmpathy.main');
    await fpage.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    await clickRaw(fpage, '###workshop.toolbar');
    for (let i = 0; i < 3; ++i) await clickRaw(fpage, '###workshop.dots.more');
    await clickRaw(fpage, '###section.add.says');
    await waitForFocus(fpage, 'note-editor', 5000);
    await typeText(fpage, FACILITATOR_NOTE, { delay: 5 });
    await fpage.keyboard.press('Escape');
    await fpage.waitForFunction((t) => JSON.parse(window.mapathy.document()).board.notes.some((n) => n.text === t), FACILITATOR_NOTE);
    const room = await docOf(fpage);
    assert.equal(room.votesPerPerson, 3, "three dots per person");
    const roomNoteId = room.notes[0].id;
    const roomLink = await fpage.evaluate(() => window.mapathy.shareLink());

    // ---- three participants on tablets, one after the other
    const links = [];
    for (let p = 0; p < 3; ++p) {
      const app = await openApp({ locale: 'de-DE', viewport: TABLET, hasTouch: true, hash: roomLink.slice(roomLink.indexOf('#') + 1) });
      participants.push(app);
      const page = app.page;
      await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
      await addNoteByTouch(page, PARTICIPANTS[p][0]);
      if (p === 1) {  // the tablet reloads in the middle (tabs get discarded)
        await page.reload();
        await waitForApp(page);
        await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
      }
      await addNoteByTouch(page, PARTICIPANTS[p][1]);
      const mine = (await docOf(page)).notes.find((n) => n.text === PARTICIPANTS[p][0]).id;
      await tapRaw(page, '###workshop.toolbar');
      await tapRaw(page, 'vote.add.' + roomNoteId);
      await tapRaw(page, 'vote.add.' + mine);
      await page.waitForFunction((ids) => {
        const notes = JSON.parse(window.mapathy.document()).board.notes;
        return ids.every((id) => notes.find((n) => n.id === id).votes >= 1);
      }, [roomNoteId, mine]);
      const doc = await docOf(page);
      assert.deepEqual(doc.notes.map((n) => n.text).sort(), [FACILITATOR_NOTE, ...PARTICIPANTS[p]].sort());
      links.push(await sendBackLink(app));
      await screenshot(page, `workshop-room-participant-${p + 1}`);
      assert.ok(links[p].length <= 400, `two notes and two dots make ${links[p].length} characters`);
    }

    // ---- the facilitator pastes two links
    await clickRaw(fpage, '###workshop.merge');
    await waitForFocus(fpage, 'text-input', 5000);
    const pasted = scanning ? links.slice(0, 2) : links;
    await pasteText(facilitator, pasted.join('\n'));
    await fpage.waitForTimeout(300);
    await clickRawUntil(fpage, '###workshop.mergeRun', '###workshop.mergeDone');
    let merged = await docOf(fpage);
    assert.equal(merged.notes.length, 1 + 2 * pasted.length);

    if (scanning) {
      // ---- and scans the third participant's code
      await clickRaw(fpage, '###workshop.mergeDone');
      const code = await qrModules(participants[2].page, links[2]);
      writeY4m(camera, [{ ...code, frames: 20 }, { blank: true, frames: 5 }]);
      await clickRaw(fpage, '###workshop.merge');
      await clickRaw(fpage, '###workshop.scan');
      await fpage.waitForFunction(() => window.mapathy.scanner() && window.mapathy.scanner().camera, null, { timeout: 10000 });
      const count = await findWidget(fpage, byRawSuffix('###workshop.scanCount'), { timeout: 20000 });
      assert.ok(count);
      await fpage.waitForFunction(() => window.mapathy.widgets().some((w) => w.rawLabel.endsWith('###workshop.scanCount') &&
        w.label === '1 Beitrag zusammengeführt'), null, { timeout: 20000 });
      const state = await fpage.evaluate(() => window.mapathy.scanner());
      assert.deepEqual(state, { camera: true, decoder: 'jsQR', preview: true }, 'Chromium on Linux has no BarcodeDetector');
      const shot = await screenshot(fpage, 'workshop-room-scanning');
      // With MAPATHY_SCREENSHOTS_DIR=$PWD/docs/screenshots this refreshes the README's picture of scanning.
      if (process.env.MAPATHY_SCREENSHOTS_DIR) {
        writeFileSync(join(process.env.MAPATHY_SCREENSHOTS_DIR, 'workshop-scan-laptop.png'), shot.png);
      }
      await clickRaw(fpage, '###workshop.scanStop');
      assert.equal((await fpage.evaluate(() => window.mapathy.scanner())).camera, false, 'the camera is off again');
      await fpage.keyboard.press('Escape');
      await fpage.waitForTimeout(300);
    } else {
      await clickRaw(fpage, '###workshop.mergeDone');
    }
    merged = await docOf(fpage);
    assert.deepEqual(merged.notes.map((n) => n.text).sort(), [FACILITATOR_NOTE, ...PARTICIPANTS.flat()].sort());
    const total = await findWidget(fpage, byRawSuffix('###workshop.contributions'));
    assert.equal(total.label, '3 Beiträge zusammengeführt');
    const roomNote = merged.notes.find((n) => n.id === roomNoteId);
    assert.equal(roomNote.votes, 3, 'every participant dotted the facilitator\'s note');

    // ---- sort by votes: the facilitator's note (3 dots) comes first
    await clickRaw(fpage, '###workshop.sort');
    await fpage.waitForTimeout(200);
    const sorted = (await docOf(fpage)).notes.filter((n) => n.section === 'says').sort((a, b) => a.order - b.order);
    assert.equal(sorted[0].id, roomNoteId, 'the most dotted note is on top');
    await screenshot(fpage, 'workshop-room-sorted');

    // ---- the top note becomes an action with an owner (a long press opens the card's menu)
    await clickRaw(fpage, '###workshop.close');
    const card = await findWidget(fpage, 'note.' + roomNoteId, { settled: true });
    const at = centre(card);
    await fpage.mouse.move(at.x, at.y);
    await fpage.mouse.down();
    await fpage.waitForTimeout(900);
    await settle(fpage);
    await fpage.mouse.up();
    await clickRaw(fpage, '###note.createAction');
    await fpage.waitForFunction(() => JSON.parse(window.mapathy.document()).board.actions.length === 1);
    await clickRaw(fpage, '##action.owner');
    await waitForFocus(fpage, 'text-input', 5000);
    await typeText(fpage, 'Jörg', { delay: 5 });
    await fpage.keyboard.press('Tab');
    await fpage.waitForFunction(() => JSON.parse(window.mapathy.document()).board.actions[0].owner === 'Jörg');
    const action = (await docOf(fpage)).actions[0];
    assert.deepEqual(action.notes, [roomNoteId]);
    assert.match(action.text, /Wartezeit am Telefon/);
    await screenshot(fpage, 'workshop-room-action');

    // ---- Markdown
    let markdown;
    if (capabilities.downloads) {
      await clickRaw(fpage, '###toolbar.share');
      const file = await fpage.download(() => clickRaw(fpage, '###share.downloadMarkdown'));
      assert.match(file.name, /\.md$/);
      markdown = file.bytes.toString('utf8');
    } else {
      markdown = await fpage.evaluate(async () => {
        const r = await window.mapathy.tools.run({ op: 'markdownExport', board: window.mapathy.document() });
        return r.ok ? r.text : r.error;
      });
    }
    for (const text of [FACILITATOR_NOTE, ...PARTICIPANTS.flat(), 'Jörg']) {
      assert.ok(markdown.includes(text), `the Markdown has „${text}“`);
    }

    assert.deepEqual(await facilitator.problems(), []);
    for (const app of participants) assert.deepEqual(await app.problems(), []);
  } finally {
    for (const app of participants) await app.close();
    await facilitator.close();
    rmSync(temp, { recursive: true, force: true });
  }
});
