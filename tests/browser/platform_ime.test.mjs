// engines: chromium
// Browser platform, IME: a dead key (´ then e gives é, as on a German keyboard layout) and an input
// method composing in steps reach ImGui through the hidden textarea's composition events. Only Chromium's
// driver can compose (the DevTools protocol's Input.imeSetComposition); Firefox's and WebKit's drivers
// type keys and insert text but have no IME, so this runs on Chromium alone (README: what is not covered).
import assert from 'node:assert/strict';
import test from 'node:test';
import { centre, click, documentJson, openApp } from './lib.mjs';

test('dead keys and IME composition arrive through the hidden textarea', async () => {
  const app = await openApp({ locale: 'de-DE' });
  try {
    const { page } = app;
    await click(page, 'Neue Empathy Map');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    const title = await page.waitForFunction(() =>
      window.mapathy.widgets().find((w) => w.rawLabel === '##toolbar.title' && w.visible && w.w > 0));
    const { x, y } = centre(title);
    await page.mouse.click(x, y);
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Caf', { delay: 15 });
    // A dead key: ´ then e composes to é.
    await page.imeSetComposition('´');
    await page.imeCommit('é');
    // An IME composing in steps, then committing.
    await page.imeSetComposition('n');
    await page.imeSetComposition('na');
    await page.imeCommit(' naïve');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.getElementById('text-input').value.trim()), '',
      'the textarea hands text over and stays empty');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal(JSON.parse(await documentJson(page)).board.title, 'Café naïve');
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});
