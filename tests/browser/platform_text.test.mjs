// Browser platform, text: typing reaches ImGui through the hidden textarea (what on-screen keyboards and
// IMEs type into), including umlauts, ß, dead-key accents, IME composition and emoji; the textarea has
// focus only while a text field is being edited; paste comes from the system clipboard.
import assert from 'node:assert/strict';
import test from 'node:test';
import { centre, click, documentJson, openApp } from './lib.mjs';

async function widgetByRawLabel(page, rawLabel, timeout = 5000) {
  const found = await page.waitForFunction((raw) =>
    window.mapathy.widgets().find((w) => w.rawLabel === raw && w.visible && w.w > 0), rawLabel, { timeout });
  return found.jsonValue();
}

const boardTitle = async (page) => JSON.parse(await documentJson(page)).board.title ?? '';
const activeElementId = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);

test('German text, dead keys, IME and emoji arrive through the hidden textarea', async () => {
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

    // Ordinary typing with umlauts and ß (the keyboard sends keydown + input events).
    await page.keyboard.type('Größe ändern: Spaß für Übermütige', { delay: 15 });
    // A dead key: ´ then e composes to é (composition events, as on a German keyboard layout).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: '´', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.insertText', { text: 'é' });
    // An IME composing in steps, then committing; and an emoji from the on-screen keyboard.
    await cdp.send('Input.imeSetComposition', { text: 'n', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: 'na', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: ' naïve' });
    await cdp.send('Input.insertText', { text: ' 🙂' });
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.getElementById('text-input').value.trim()), '',
      'the textarea hands text over and stays empty');

    // Leaving the field (Enter) ends editing: the textarea gives up focus, so keyboards close.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await page.mouse.click(640, 500);
    await page.waitForFunction(() => !document.activeElement || document.activeElement.id !== 'text-input',
      null, { timeout: 3000 });
    assert.equal(await boardTitle(page), 'Größe ändern: Spaß für Übermütigeé naïve 🙂');
    assert.notEqual(await activeElementId(page), 'text-input');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('paste comes from the system clipboard, copy goes to it', async () => {
  const app = await openApp({ permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    const { page } = app;
    await click(page, 'New empathy map');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    await page.evaluate(() => navigator.clipboard.writeText('Übersicht aus der Zwischenablage'));

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
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    await page.mouse.click(x, y);
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Übersicht aus der Zwischenablage');

    // Cut empties the field and fills the clipboard.
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+X');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Übersicht aus der Zwischenablage');
    assert.equal(await boardTitle(page), '');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
