// engines: chromium firefox webkit
// Nothing lost: bad links opened one after another — as a person would, by changing the address — each
// show a clear, dismissible message, and the board that was open stays open and unchanged (on screen and
// in the local library).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { centre, documentJson, findWidget, openApp, openDroppedFile, screenshot } from './lib.mjs';

const FIXTURE = new URL('../fixtures/v1/empathy_classic_de.json', import.meta.url);

test('bad links leave the open board alone and say what is wrong', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    // The board that must survive: dropped as a file.
    await openDroppedFile(page, 'board.json', readFileSync(FIXTURE, 'utf8'), 'Sabine');
    const before = await documentJson(page);
    const good = (await page.evaluate(() => window.mapathy.shareLink())).split('#')[1];
    await page.waitForFunction(() => window.mapathy.library().boards.length === 1);
    const storedBefore = await page.evaluate(() => JSON.stringify(window.mapathy.library()));

    const badLinks = [
      ['truncated', good.slice(0, Math.floor(good.length / 2)), /cut|incomplete|short|truncat|damaged/i],
      ['cut by one character', good.slice(0, -1), /cut|incomplete|short|truncat|damaged/i],
      ['unknown version prefix', '9' + good.slice(1), /version|newer|prefix|unknown/i],
      ['wrong prefix', 'x' + good.slice(1), /not a Mapathy board link \(it starts with 'x'; expected '1', '2', '3' or 'json='\)/],
      ['garbage', '1!!!%%%***', /character|position/i],
      ['damaged bytes', good.slice(0, 20) + (good[20] === 'A' ? 'B' : 'A') + good.slice(21), /damaged|checksum|cut|incomplete|invalid|not/i],
      ['bad JSON', 'json=%7B%22format%22%3A', /json|invalid|parse|unexpected/i],
      // A board from a newer Mapathy is refused, and nothing is touched (board, library).
      ['newer format version', 'json=' + encodeURIComponent(JSON.stringify({ ...JSON.parse(before), version: 2 })),
        /made by a newer Mapathy \(format version 2; this app reads up to 1\)/],
      ['empty json= form', 'json=', /no board in it \(nothing follows 'json='\)/],
      // The app clears the fragment once it has read it, and a browser fires no hashchange for an
      // empty fragment on a page without one: "…/#" goes in through the app's link entry (the same
      // decodeLink → message path as a pasted link).
      ['empty fragment', '', /no board in it \(nothing follows '#'\)/, 'openLink'],
    ];
    for (const [name, fragment, expected, via] of badLinks) {
      const count = (await page.evaluate(() => window.mapathy.messages())).length;
      if (via === 'openLink') {
        const opened = await page.evaluate((hash) => window.mapathy.openLink(location.href.split('#')[0] + '#' + hash),
          fragment);
        assert.equal(opened, false, `${name}: not opened`);
      } else {
        await page.evaluate((hash) => { location.hash = hash; }, fragment);
      }
      await page.waitForFunction((n) => {
        const messages = window.mapathy.messages();
        return messages.length > 0 && messages[messages.length - 1].kind === 'error' &&
          (messages.length > n || window.__lastMessage !== messages[messages.length - 1].text);
      }, count, { timeout: 5000 }).catch(() => {});
      const messages = await page.evaluate(() => window.mapathy.messages());
      const last = messages[messages.length - 1];
      assert.ok(last && last.kind === 'error', `${name}: an error message (${JSON.stringify(messages)})`);
      assert.match(last.text, expected, `${name}: the message names the problem: ${last.text}`);
      assert.match(last.text, /unchanged/, `${name}: the message says the board is unchanged`);
      assert.equal(await documentJson(page), before, `${name}: the open board is unchanged`);
      // Dismiss it, like a person would.
      await page.waitForTimeout(300);
      // Once the banner has come to rest: a new message's banner takes a frame to size itself to its text
      // (an auto-sized window), and on a busy machine the 300 ms can end before that frame.
      const dismiss = await findWidget(page, 'Dismiss', { settled: true });
      const { x, y } = centre(dismiss);
      await page.mouse.click(x, y);
      await page.waitForFunction(() => window.mapathy.messages().length === 0, null, { timeout: 5000 });
      if (name === 'garbage') await screenshot(page, 'platform-badlink');
    }
    await page.waitForTimeout(800);
    assert.equal(await page.evaluate(() => JSON.stringify(window.mapathy.library())), storedBefore,
      'the library holds the same board, not saved again');
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});
