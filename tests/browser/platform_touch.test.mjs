// engines: chromium firefox webkit
// Browser platform, touch: a tap works the first time and leaves no hover behind, two-finger pinch zooms
// the board around the fingers' centre, one finger on empty canvas pans, a long press opens a context
// menu, and the page itself never scrolls or zooms. Chromium and Firefox are touch-screen devices here
// (their drivers send real touch events); WebKit's driver cannot send touch, so there the fingers are
// touch events made in the page (drivers/webkit.mjs) and the page reports a fine pointer.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { centre, documentJson, dropFile, findWidget, openApp, pinch, screenshot, tap } from './lib.mjs';

const FIXTURE = new URL('../fixtures/v1/empathy_classic_de.json', import.meta.url);

test('tap, pinch zoom, one-finger pan and long press on a touch screen', async () => {
  const app = await openApp({ hasTouch: true, isMobile: true, viewport: { width: 1024, height: 768 } });
  try {
    const { page } = app;
    assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), app.capabilities.touchDevice,
      'a touch device where the engine can be one');

    // A tap works the first time.
    await tap(page, 'New empathy map');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    await page.waitForTimeout(500);
    const hovered = await page.evaluate(() => window.mapathy.widgets().filter((w) => w.visible && (w.flags & 1)).length);
    assert.equal(hovered, 0, 'no widget stays hovered after the finger lifted');

    // Open a board with notes (dropped file), then pinch.
    await dropFile(page, 'board.json', readFileSync(FIXTURE, 'utf8'));
    await page.waitForFunction(() => (window.mapathy.document() || '').includes('Sabine'), null, { timeout: 5000 });
    await page.waitForTimeout(500);
    const zoomBefore = await page.evaluate(() => window.mapathy.zoom());
    const cx = 512, cy = 450;
    const personaBefore = centre(await findWidget(page, 'Edit persona'));
    await pinch(page, { x: cx, y: cy }, 80, 240);
    await page.waitForTimeout(400);
    const zoomAfter = await page.evaluate(() => window.mapathy.zoom());
    assert.ok(zoomAfter > zoomBefore * 1.5, `pinching out zooms in (${zoomBefore} → ${zoomAfter})`);
    // Around the fingers' centre: what was there stays there, the rest moves away from it by the factor.
    const personaAfter = centre(await findWidget(page, 'Edit persona', { timeout: 100 }).catch(() => ({ x: NaN, y: NaN, w: 0, h: 0 })));
    const factor = zoomAfter / zoomBefore;
    if (!Number.isNaN(personaAfter.x)) {
      assert.ok(Math.abs(personaAfter.x - (cx + (personaBefore.x - cx) * factor)) < 12 &&
        Math.abs(personaAfter.y - (cy + (personaBefore.y - cy) * factor)) < 12,
        `zoomed around the centre: ${JSON.stringify(personaBefore)} → ${JSON.stringify(personaAfter)} (×${factor})`);
    }
    assert.equal(await page.evaluate(() => visualViewport.scale), 1, 'the page itself did not zoom');
    await screenshot(page, 'platform-touch-pinched');

    // Pinching in again zooms out.
    await pinch(page, { x: cx, y: cy }, 320, -240);
    await page.waitForTimeout(400);
    const zoomIn = await page.evaluate(() => window.mapathy.zoom());
    assert.ok(zoomIn < zoomAfter / 1.5, `pinching in zooms out (${zoomAfter} → ${zoomIn})`);

    // One finger on empty canvas pans the board: what was drawn moves with the finger.
    await screenshot(page, 'platform-touch-before-pan');
    const title = await findWidget(page, 'Edit persona');
    const from = [900, 700];
    await page.touch('start', [from]);
    for (let step = 1; step <= 10; ++step) {
      await page.touch('move', [[from[0] - step * 10, from[1] - step * 6]]);
      await page.waitForTimeout(30);
    }
    await page.touch('end', []);
    await page.waitForTimeout(400);
    const moved = await findWidget(page, 'Edit persona');
    assert.ok(Math.abs(moved.x - (title.x - 100)) < 3 && Math.abs(moved.y - (title.y - 60)) < 3,
      `the board followed the finger (${title.x},${title.y} → ${moved.x},${moved.y})`);
    assert.equal(await page.evaluate(() => scrollX + scrollY), 0, 'the page did not scroll');

    // A long press on a note opens its context menu (new items appear, nothing was edited).
    const note = await findWidget(page, /^note\./);
    const before = new Set((await page.evaluate(() => window.mapathy.widgets())).map((w) => w.label));
    const at = centre(note);
    await page.touch('start', [[at.x, at.y]]);
    await page.waitForTimeout(900);
    await page.touch('end', []);
    await page.waitForTimeout(400);
    const menu = (await page.evaluate(() => window.mapathy.widgets()))
      .filter((w) => w.visible && w.label && !before.has(w.label) && w.window !== 'Mapathy###mapathy-main')
      .map((w) => w.label);
    await screenshot(page, 'platform-touch-longpress');
    assert.ok(menu.length >= 2, `a context menu opened: ${JSON.stringify(menu)}`);
    await page.keyboard.press('Escape');

    const board = JSON.parse(await documentJson(page));
    assert.equal(board.board.notes.length, 5, 'gestures did not change the board');
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});
