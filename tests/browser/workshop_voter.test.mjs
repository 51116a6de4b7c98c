// engines: chromium firefox webkit
// Dot voting across a reload: the participant's anonymous voter id is kept on the device
// (localStorage "mapathy:device:voter"), so reloading the page does not hand out fresh dots — the dots
// already placed still count against the budget, and new ones go on the same ballot.
import assert from 'node:assert/strict';
import test from 'node:test';
import { byRawSuffix, click, documentJson, openApp, typeText, waitForApp, waitForFocus, widgets, clickRaw } from './lib.mjs';


const boardOf = async (page) => {
  const doc = JSON.parse(await documentJson(page));
  return doc.board || doc;
};
const voterOf = (page) => page.evaluate(() => localStorage.getItem('mapathy:device:voter'));
const dotsOf = (note, voter) => (note.ballots && note.ballots[voter] ? note.ballots[voter].count : 0);

test('the voter id survives a reload: no fresh dots, new ones go on the same ballot', async () => {
  const app = await openApp({ viewport: { width: 1280, height: 900 } });
  try {
    const { page } = app;
    const voter = await voterOf(page);
    assert.match(voter || '', /^[0-9a-z]{4,16}$/, 'a voter id is stored on the first visit');

    await clickRaw(page, '###start.newEmpathy.classic.en');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    await clickRaw(page, '###section.add.says');
    await waitForFocus(page, 'note-editor', 5000);
    await typeText(page, 'Wartet zu lange', { delay: 5 });
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
    const noteId = (await boardOf(page)).notes[0].id;

    await clickRaw(page, '###workshop.toolbar');
    for (let i = 0; i < 3; ++i) await clickRaw(page, '###workshop.dots.more');
    await clickRaw(page, 'vote.add.' + noteId);
    await clickRaw(page, 'vote.add.' + noteId);
    let note = (await boardOf(page)).notes.find((n) => n.id === noteId);
    assert.equal(dotsOf(note, voter), 2, 'two dots on the ballot of the stored voter');

    // Reload: the local library restores the board, and the voter is the same.
    await page.evaluate(() => window.mapathy.flush());
    await page.reload();
    await waitForApp(page);
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    assert.equal(await voterOf(page), voter, 'same device, same voter id');
    note = (await boardOf(page)).notes.find((n) => n.id === noteId);
    assert.equal(dotsOf(note, voter), 2);

    // One dot is left, not three: the third lands on the same ballot and then the budget is spent.
    const panelOpen = (await widgets(page)).some((w) => w.rawLabel.endsWith('###workshop.dots.more'));
    if (!panelOpen) await clickRaw(page, '###workshop.toolbar');
    await clickRaw(page, 'vote.add.' + noteId);
    await clickRaw(page, 'vote.add.' + noteId);
    note = (await boardOf(page)).notes.find((n) => n.id === noteId);
    assert.equal(dotsOf(note, voter), 3, 'the budget of three is spent');
    assert.equal(Object.keys(note.ballots).length, 1, 'no second, fresh voter after the reload');
    assert.equal(note.votes, 3);
    assert.deepEqual(await app.problems(), [], 'no console errors or warnings');
  } finally {
    await app.close();
  }
});
