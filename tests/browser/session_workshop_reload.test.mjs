// engines: chromium firefox webkit
// A participant's contribution survives a reload (tablets discard tabs all the time): they open the
// facilitator's link, add a note with umlauts, the tab reloads, and "Zurücksenden" still makes a
// contribution link that decodes to the note — because the session keeps the board as it arrived (the
// workshop base) with the board on the device. The same from a fresh tab (a discarded tab comes back
// without its page). The facilitator merges the link twice and gets the note once.
import assert from 'node:assert/strict';
import test from 'node:test';
import { byRawSuffix, centre, clickRawUntil, documentJson, findWidget, openApp, pasteText, screenshot, shareLink, typeText, waitForApp, waitForFocus, widgets } from './lib.mjs';

const NOTE = 'Ruft lieber an, als Anträge über das Portal zu schicken – „zu umständlich“';

// The visible widget whose raw label ends with `suffix` (lib.mjs's findWidget does the waiting).
const widgetByRawLabel = (page, suffix) => findWidget(page, byRawSuffix(suffix));

async function clickRaw(page, suffix) {
  const item = await widgetByRawLabel(page, suffix);
  const { x, y } = centre(item);
  await page.mouse.click(x, y);
  await page.waitForTimeout(150);
}

const notesOf = async (page) => JSON.parse(await documentJson(page)).board.notes;

test('after a reload, "Send back" still sends what the participant added', async () => {
  const viewport = { width: 1280, height: 900 };
  const facilitator = await openApp({ locale: 'de-DE', viewport });
  let participant;
  try {
    const fpage = facilitator.page;
    await clickRaw(fpage, '###start.newEmpathy.main');
    await fpage.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    const roomLink = await shareLink(fpage);

    participant = await openApp({ locale: 'de-DE', viewport, hash: roomLink.slice(roomLink.indexOf('#') + 1) });
    const ppage = participant.page;
    await ppage.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    await clickRaw(ppage, '###section.add.says');
    await waitForFocus(ppage, 'note-editor');
    await typeText(ppage, NOTE, { delay: 5 });
    await ppage.keyboard.press('Escape');
    await ppage.waitForFunction((t) => JSON.parse(window.mapathy.document()).board.notes.some((n) => n.text === t), NOTE);

    // The tab reloads (the page is hidden first, which saves).
    await ppage.reload();
    await waitForApp(ppage);
    await ppage.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    assert.ok((await notesOf(ppage)).some((n) => n.text === NOTE), 'the note is still there after the reload');

    await clickRaw(ppage, '###workshop.toolbar');
    await screenshot(ppage, 'session-workshop-after-reload');
    await clickRaw(ppage, '###workshop.send');
    await widgetByRawLabel(ppage, '###workshop.sendCopy');
    await clickRaw(ppage, '###workshop.sendCopy');
    await ppage.waitForTimeout(200);
    const contribution = await participant.readClipboard();
    assert.match(contribution, /#/, 'a contribution link, not "nothing to send back"');
    assert.ok(contribution.length <= 400, `one note makes a short link (${contribution.length} characters)`);

    // The contribution link decodes to the note (the tools module merges it into an empty copy of the room).
    const decoded = await fpage.evaluate(async ({ room, link }) => {
      const result = await window.mapathy.tools.run({ op: 'merge', board: room, incoming: [link] });
      return result.ok ? JSON.parse(result.board) : result;
    }, { room: await documentJson(fpage), link: contribution });
    assert.deepEqual((decoded.board || decoded).notes.map((n) => n.text), [NOTE], JSON.stringify(decoded).slice(0, 300));

    // A discarded tab: the app opens again in a fresh tab, without the link, and can still send back.
    const fresh = await participant.newPage();
    await fresh.goto(participant.server.url);
    await waitForApp(fresh);
    await fresh.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    await clickRaw(fresh, '###workshop.toolbar');
    await clickRaw(fresh, '###workshop.send');
    await widgetByRawLabel(fresh, '###workshop.sendCopy');
    await clickRaw(fresh, '###workshop.sendCopy');
    await fresh.waitForTimeout(200);
    const again = await participant.readClipboard();
    assert.match(again, /#/, 'the fresh tab sends back too');

    // The facilitator merges it and has the note; sending twice merges once.
    await clickRaw(fpage, '###workshop.toolbar');
    await clickRaw(fpage, '###workshop.merge');
    await fpage.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input');
    await pasteText(facilitator, contribution + '\n' + again);
    await fpage.waitForTimeout(200);
    await clickRawUntil(fpage, '###workshop.mergeRun', '###workshop.mergeDone');
    assert.deepEqual((await notesOf(fpage)).map((n) => n.text), [NOTE]);

    assert.deepEqual(await facilitator.problems(), []);
    assert.deepEqual(await participant.problems(), []);
  } finally {
    if (participant) await participant.close();
    await facilitator.close();
  }
});
