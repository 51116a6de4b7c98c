// engines: chromium firefox webkit
// Workshops without a server, in a real browser: a participant opens the facilitator's
// link, adds notes and sends them back as a contribution link (the send-back dialog shows it as a QR
// code); the facilitator pastes that link into "Merge links…", sees the summary and the new notes on
// the board; the share dialog shows the board's link as a QR code that an independent decoder
// (zbarimg, Debian's zbar-tools) reads back from a screenshot of the page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import test from 'node:test';
import { byRawSuffix, click, clickRaw, clickRawUntil, documentJson, findWidget, openApp, pasteText, screenshot, shareLink, typeText, waitForFocus } from './lib.mjs';

const ZBARIMG = '/usr/bin/zbarimg';

const widgetByRawLabel = (page, suffix) => findWidget(page, byRawSuffix(suffix));


// A text field has the keyboard: the hidden textarea of Dear ImGui's fields, or the note editor over a card.
// The document is the file format's envelope: {"board": {…}, …}.
const notesOf = async (page) => {
  const doc = JSON.parse(await documentJson(page));
  return (doc.board || doc).notes || [];
};

// Reads every QR code zbarimg finds in a PNG file; [] when there is none.
function zbarRead(path) {
  try {
    return execFileSync(ZBARIMG, ['--raw', '-q', '-Sbinary', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n').filter((line) => line.length > 0);
  } catch (error) {
    return [];
  }
}

// Screenshots until zbarimg reads `text` from one (at most `tries`), as a person holds a phone up a moment longer:
// WebKitGTK's screenshot shows the page as it was last composited, which can be a frame or two behind.
async function screenshotReading(page, name, text, tries = 6) {
  let shot = null;
  for (let attempt = 1; attempt <= tries; ++attempt) {
    shot = await screenshot(page, name);
    if (zbarRead(shot.path).includes(text)) return { shot, read: true };
    await page.waitForTimeout(300);
  }
  return { shot, read: false };
}

test('a participant sends notes back, the facilitator merges the link and shares a scannable QR code', async () => {
  assert.ok(existsSync(ZBARIMG), 'zbarimg is needed to read the QR code back (Debian package zbar-tools)');
  const viewport = { width: 1280, height: 900 };
  const facilitator = await openApp({ locale: 'de-DE', viewport });
  let participant;
  try {
    const fpage = facilitator.page;
    await click(fpage, 'Neue Empathy Map');
    await fpage.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    const roomLink = await shareLink(fpage);
    const fragment = roomLink.slice(roomLink.indexOf('#') + 1);

    // ---- the participant opens the room's link and adds two notes
    participant = await openApp({ locale: 'de-DE', viewport, hash: fragment });
    const ppage = participant.page;
    await ppage.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    for (const text of ['Wartet zu lange am Telefon', 'Will einen Rückruf, keine Warteschleife']) {
      await clickRaw(ppage, '###section.add.says');
      await waitForFocus(ppage, 'note-editor', 5000);
      await typeText(ppage, text, { delay: 5 });
      await ppage.keyboard.press('Escape');
      await ppage.waitForTimeout(200);
    }
    assert.equal((await notesOf(ppage)).length, 2);
    await clickRaw(ppage, '###workshop.toolbar');
    await clickRaw(ppage, '###workshop.send');
    const sendQr = await findWidget(ppage, 'workshop.sendQr');
    assert.ok(sendQr.w >= 220, `the send-back QR code is ${sendQr.w} px wide`);
    await ppage.waitForTimeout(200);
    const sendShot = await screenshot(ppage, 'workshop-send-back');
    await clickRaw(ppage, '###workshop.sendCopy');
    await ppage.waitForTimeout(200);
    const contribution = await participant.readClipboard();
    assert.match(contribution, /#/);
    assert.ok(contribution.length <= 400, `a contribution of two notes is short (${contribution.length} characters)`);
    // The dialog stays open after copying: when the first picture came too early, look again.
    assert.ok(zbarRead(sendShot.path).includes(contribution) ||
      (await screenshotReading(ppage, 'workshop-send-back', contribution)).read,
    'zbarimg reads the contribution link from the screen');

    // ---- the facilitator merges it
    await clickRaw(fpage, '###workshop.toolbar');
    await clickRaw(fpage, '###workshop.merge');
    await waitForFocus(fpage, 'text-input', 5000);
    await pasteText(facilitator, contribution);
    await fpage.waitForTimeout(300);
    await clickRawUntil(fpage, '###workshop.mergeRun', '###workshop.mergeDone');
    const merged = await notesOf(fpage);
    assert.deepEqual(merged.map((n) => n.text).sort(),
      ['Wartet zu lange am Telefon', 'Will einen Rückruf, keine Warteschleife'].sort());
    const summaryShot = await screenshot(fpage, 'workshop-merge-summary');
    await clickRaw(fpage, '###workshop.mergeDone');
    await fpage.waitForTimeout(200);
    await screenshot(fpage, 'workshop-merged-board');

    // One undo takes the merge back.
    await clickRaw(fpage, '###toolbar.undo');
    assert.equal((await notesOf(fpage)).length, 0);
    await clickRaw(fpage, '###toolbar.redo');
    assert.equal((await notesOf(fpage)).length, 2);

    // ---- the share dialog shows the room's link as a QR code a phone can read
    await clickRaw(fpage, '###toolbar.share');
    const qr = await findWidget(fpage, 'share.qr');
    assert.ok(qr.w >= 300, `the QR code is ${qr.w} px wide`);
    await fpage.waitForTimeout(200);
    const link = await shareLink(fpage);
    assert.ok((await screenshotReading(fpage, 'workshop-share-qr', link)).read,
      'zbarimg reads the share link from the screenshot');
    assert.ok(summaryShot.png.length > 0);

    assert.deepEqual(await facilitator.problems(), [], 'no console errors or warnings (facilitator)');
    assert.deepEqual(await participant.problems(), [], 'no console errors or warnings (participant)');
  } finally {
    if (participant) await participant.close();
    await facilitator.close();
  }
});
