// engines: chromium firefox webkit
// Messages in the reader's language: a German browser opening a cut-off or otherwise bad link reads the
// whole message in German — the app's frame sentence and the core's reason alike (the core gives a code
// and parameters; the UI words them) — and the open board stays as it was.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { centre, documentJson, findWidget, openApp, openDroppedFile, screenshot } from './lib.mjs';

const FIXTURE = new URL('../fixtures/v1/empathy_classic_de.json', import.meta.url);

// Common English words that never belong in a German sentence (German shares Link, Board, Text, Chat, App).
const ENGLISH = ['the', 'is', 'are', 'not', 'must', 'be', 'has', 'have', 'this', 'that', 'with', 'of', 'to',
  'from', 'too', 'many', 'more', 'than', 'limit', 'could', 'cannot', 'please', 'update', 'unknown', 'valid',
  'expected', 'at', 'line', 'no', 'nothing', 'follows', 'made', 'by', 'newer', 'empty', 'incomplete', 'damaged',
  'cut', 'off', 'email', 'your', 'current', 'unchanged', 'and', 'or', 'it', 'its', 'character'];

function englishIn(text) {
  const unquoted = text.replace(/"[^"]*"|„[^“]*“|'[^']*'/g, ' ');
  return unquoted.split(/[^A-Za-zÄÖÜäöüß]+/).filter((w) => ENGLISH.includes(w.toLowerCase()));
}

test('a German browser reads bad-link messages in German only', async () => {
  const app = await openApp({ locale: 'de-DE' });
  try {
    const { page } = app;
    await openDroppedFile(page, 'board.json', readFileSync(FIXTURE, 'utf8'), 'Sabine');
    const before = await documentJson(page);
    const good = (await page.evaluate(() => window.mapathy.shareLink())).split('#')[1];

    const cases = [
      ['cut off', good.slice(0, Math.floor(good.length / 2)),
        /^Dieser Link ließ sich nicht öffnen: Der Link ist unvollständig – vielleicht hat ihn eine Chat-App oder ein E-Mail-Programm abgeschnitten\. Dein aktuelles Board ist unverändert\.$/],
      ['damaged', good.slice(0, 20) + (good[20] === 'A' ? 'B' : 'A') + good.slice(21), /beschädigt|unvollständig/],
      ['wrong character', '1!!!%%%***', /Der Link enthält ein Zeichen, das nicht hineingehört: '!' an Position 2\./],
      ['newer format', 'json=' + encodeURIComponent(JSON.stringify({ ...JSON.parse(before), version: 2 })),
        /Dieses Board stammt von einer neueren Mapathy \(Formatversion 2; diese App liest bis 1\)/],
      ['broken JSON', 'json=%7B%22format%22%3A', /Das Board ist abgeschnitten: das JSON endet zu früh in Zeile 1, Spalte 11\.|JSON/],
    ];
    for (const [name, fragment, expected] of cases) {
      await page.evaluate((hash) => { location.hash = hash; }, fragment);
      await page.waitForFunction(() => window.mapathy.messages().some((m) => m.kind === 'error'), null,
        { timeout: 5000 });
      const messages = await page.evaluate(() => window.mapathy.messages());
      const last = messages[messages.length - 1];
      assert.equal(last.kind, 'error', `${name}: an error (${JSON.stringify(messages)})`);
      assert.match(last.text, expected, `${name}: ${last.text}`);
      assert.deepEqual(englishIn(last.text), [], `${name}: no English in "${last.text}"`);
      assert.equal(await documentJson(page), before, `${name}: the open board is unchanged`);
      if (name === 'cut off') await screenshot(page, 'writing-message-de');
      await page.waitForTimeout(300);
      // Once the banner has come to rest: a new message's banner takes a frame to size itself to its text
      // (an auto-sized window), and on a busy machine the 300 ms can end before that frame.
      const { x, y } = centre(await findWidget(page, 'Ausblenden', { settled: true }));
      await page.mouse.click(x, y);
      await page.waitForFunction(() => window.mapathy.messages().length === 0, null, { timeout: 5000 });
    }
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});

test('a cut-off link opened as the page address is worded in German too', async () => {
  // The link comes first: no board is open yet, the start screen shows the message.
  const first = await openApp({ locale: 'en-US' });
  let good;
  try {
    const { page } = first;
    await openDroppedFile(page, 'board.json', readFileSync(FIXTURE, 'utf8'), 'Sabine');
    good = (await page.evaluate(() => window.mapathy.shareLink())).split('#')[1];
  } finally {
    await first.close();
  }
  const app = await openApp({ locale: 'de-DE', hash: good.slice(0, good.length - 9) });
  try {
    const { page } = app;
    await page.waitForFunction(() => window.mapathy.messages().some((m) => m.kind === 'error'), null,
      { timeout: 5000 });
    const text = (await page.evaluate(() => window.mapathy.messages())).find((m) => m.kind === 'error').text;
    assert.match(text, /Der Link ist unvollständig/, text);
    assert.deepEqual(englishIn(text), [], `no English in "${text}"`);
    assert.equal(await page.evaluate(() => window.mapathy.document()), null, 'nothing was opened');
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});
