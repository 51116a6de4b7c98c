// engines: chromium firefox webkit
// The frame budget while facilitating: a running countdown changes its display once a second, so the app
// draws at most one frame per second (plus input) — measured with window.mapathy.frames() over 5 s while
// the timer runs, with no input: at most 1.5 frames per second, and at least one every 2 s (it does count).
import assert from 'node:assert/strict';
import test from 'node:test';
import { byRawSuffix, click, findWidget, frames, openApp, screenshot } from './lib.mjs';

const clickRaw = (page, suffix) => click(page, byRawSuffix(suffix));

test('the countdown draws at most 1.5 frames per second while it runs', async () => {
  const app = await openApp({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  try {
    const page = app.page;
    await clickRaw(page, '###start.newEmpathy.main');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    await clickRaw(page, '###workshop.toolbar');
    // The timer is near the end of the panel: scroll the panel down to it, as a person would.
    const panel = await findWidget(page, byRawSuffix('###workshop.send'));
    await page.mouse.move(panel.x + 10, panel.y + 10);
    for (let i = 0; i < 10; ++i) {
      const items = await page.evaluate(() => window.mapathy.widgets());
      const start = items.find((w) => w.rawLabel.endsWith('###workshop.timer.start') && w.visible);
      if (start && start.y + start.h < 860) break;
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(150);
    }
    await clickRaw(page, '###workshop.timer.start');
    const display = await findWidget(page, byRawSuffix('###workshop.timerDisplay'));
    assert.match(display.label, /^[45]:\d\d$/, `the countdown shows on the board (${display.label})`);
    // The pointer rests away from every widget (hover effects would be input).
    await page.mouse.move(640, 880);
    await page.waitForTimeout(1500);  // the frames that input asked for have been drawn

    const before = await frames(page);
    const shownBefore = (await findWidget(page, byRawSuffix('###workshop.timerDisplay'))).label;
    await page.waitForTimeout(5000);
    const after = await frames(page);
    const shownAfter = (await findWidget(page, byRawSuffix('###workshop.timerDisplay'))).label;
    const perSecond = (after - before) / 5;
    console.log(`countdown: ${after - before} frames in 5 s (${perSecond.toFixed(2)}/s), ${shownBefore} → ${shownAfter}`);
    assert.ok(perSecond <= 1.5, `at most 1.5 frames per second while the countdown runs (${perSecond}/s)`);
    assert.ok(after - before >= 3, `the display still counts down (${after - before} frames in 5 s)`);
    assert.notEqual(shownAfter, shownBefore, 'the time shown went on');
    await screenshot(page, 'workshop-countdown');

    // Idle again once paused: no frames at all.
    await clickRaw(page, '###workshop.timer.pause');
    await page.mouse.move(640, 880);
    await page.waitForTimeout(1500);
    const paused = await frames(page);
    await page.waitForTimeout(3000);
    assert.equal(await frames(page), paused, 'a paused countdown draws nothing');
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});
