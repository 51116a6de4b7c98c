// engines: chromium firefox webkit
// Smoke test: the built site loads in a real browser without console errors, draws a real interface,
// reports its start-screen buttons through window.mapathy.widgets(), and clicking one (by its rectangle,
// like a person) changes what is on screen.
import assert from 'node:assert/strict';
import test from 'node:test';
import { click, distinctColours, documentJson, findWidget, openApp, screenshot, widgets } from './lib.mjs';

const START_BUTTONS = ['New empathy map', 'New journey board'];

test('the start screen renders, lists its buttons and reacts to a click', async () => {
  const app = await openApp({ locale: 'en-US' });
  try {
    const { page } = app;
    for (const label of START_BUTTONS) await findWidget(page, label);
    const before = await screenshot(page, 'smoke-start');
    assert.ok(distinctColours(before.png) > 10, 'the canvas shows more than a flat colour');
    assert.equal(await documentJson(page), null, 'no board is open on the start screen');

    const labelsBefore = (await widgets(page)).map((item) => item.label).join('|');
    await click(page, START_BUTTONS[0]);
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    await page.waitForTimeout(300);
    const labelsAfter = (await widgets(page)).map((item) => item.label).join('|');
    assert.notEqual(labelsAfter, labelsBefore, 'the screen changed after the click');
    const after = await screenshot(page, 'smoke-board');
    assert.notDeepEqual(after.png, before.png, 'the picture changed after the click');

    const board = JSON.parse(await documentJson(page));
    assert.equal(typeof board, 'object');
    assert.deepEqual(await app.problems(), [], 'no console errors or warnings');
  } finally {
    await app.close();
  }
});
