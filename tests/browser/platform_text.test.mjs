// engines: chromium firefox webkit
// Browser platform, text: typing reaches ImGui through the hidden textarea (what on-screen keyboards and
// IMEs type into), including umlauts, ß, typographic quotes and an emoji inserted in one go as an
// on-screen keyboard or emoji picker does; the textarea has focus only while a text field is being edited;
// paste comes from the system clipboard and copy and cut go to it. (IME composition: platform_ime.)
import assert from 'node:assert/strict';
import test from 'node:test';
import { centre, click, documentJson, openApp } from './lib.mjs';

async function widgetByRawLabel(page, rawLabel, timeout = 5000) {
  return page.waitForFunction((raw) =>
    window.mapathy.widgets().find((w) => w.rawLabel === raw && w.visible && w.w > 0), rawLabel, { timeout });
}

const boardTitle = async (page) => JSON.parse(await documentJson(page)).board.title ?? '';
const activeElementId = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);

test('German text and an emoji arrive through the hidden textarea', async () => {
  const app = await openApp({ locale: 'de-DE' });
  try {
    const { page } = app;
    await click(page, 'Neue Empathy Map');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });

    const title = await widgetByRawLabel(page, '##toolbar.title');
    const { x, y } = centre(title);
    await page.mouse.click(x, y);
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input',
      null, { timeout: 3000 });
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');

    // Ordinary typing with umlauts, ß and typographic punctuation (key presses: keydown + input events).
    await page.keyboard.type('Größe ändern: „Spaß“ für Übermütige – sofort’s', { delay: 15 });
    // A word from an on-screen keyboard's suggestion bar and an emoji from its emoji page: one input
    // event each, no key events.
    await page.keyboard.insertText(' naïve');
    await page.keyboard.insertText(' 🙂');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.getElementById('text-input').value.trim()), '',
      'the textarea hands text over and stays empty');

    // Backspace deletes the last character (the emoji), as on every keyboard.
    await page.keyboard.press('Backspace');
    await page.keyboard.insertText('🙂');

    // Leaving the field (Enter) ends editing: the textarea gives up focus, so keyboards close.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await page.mouse.click(640, 500);
    await page.waitForFunction(() => !document.activeElement || document.activeElement.id !== 'text-input',
      null, { timeout: 3000 });
    assert.equal(await boardTitle(page), 'Größe ändern: „Spaß“ für Übermütige – sofort’s naïve 🙂');
    assert.notEqual(await activeElementId(page), 'text-input');
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});

test('paste comes from the system clipboard, copy and cut go to it', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    await click(page, 'New empathy map');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    await app.setClipboard('Übersicht aus der Zwischenablage');

    const title = await widgetByRawLabel(page, '##toolbar.title');
    const { x, y } = centre(title);
    await page.mouse.click(x, y);
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal(await boardTitle(page), 'Übersicht aus der Zwischenablage');

    // Copy: select the field's text and copy it; the system clipboard has it.
    await app.setClipboard('something else');
    await page.mouse.click(x, y);
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    await page.waitForTimeout(300);
    assert.equal(await app.readClipboard(), 'Übersicht aus der Zwischenablage');

    // Cut empties the field and fills the clipboard.
    await app.setClipboard('');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+X');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal(await app.readClipboard(), 'Übersicht aus der Zwischenablage');
    assert.equal(await boardTitle(page), '');
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});
