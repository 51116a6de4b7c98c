// engines: chromium firefox webkit
// Browser platform, rendering: frames are drawn on demand only (an idle page draws 0–1 frames a second,
// input wakes it), and the canvas backing store follows devicePixelRatio, resizes and orientation changes.
import assert from 'node:assert/strict';
import test from 'node:test';
import { click, frames, openApp, screenshot } from './lib.mjs';

async function idleFramesPerSecond(page, seconds = 3) {
  await page.waitForTimeout(1500);  // let the frames that follow the last input (and the late frame) pass
  const before = await frames(page);
  await page.waitForTimeout(seconds * 1000);
  return ((await frames(page)) - before) / seconds;
}

const canvasSize = (page) => page.evaluate(() => {
  const canvas = document.getElementById('canvas');
  const rect = canvas.getBoundingClientRect();
  return { width: canvas.width, height: canvas.height, cssWidth: rect.width, cssHeight: rect.height };
});

test('an idle page draws at most one frame a second; input wakes it', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    const startIdle = await idleFramesPerSecond(page);
    assert.ok(startIdle <= 1, `start screen idle: ${startIdle} frames/s`);

    const beforeMove = await frames(page);
    await page.mouse.move(300, 300);
    await page.mouse.move(320, 310);
    await page.waitForFunction((n) => window.mapathy.frames() > n, beforeMove, { timeout: 2000 });

    await click(page, 'New empathy map');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    const boardIdle = await idleFramesPerSecond(page);
    assert.ok(boardIdle <= 1, `board idle: ${boardIdle} frames/s`);

    // A timer wakes it too: after a key press, the late frame comes without further input.
    const beforeKey = await frames(page);
    await page.keyboard.press('Shift');
    await page.waitForTimeout(1200);
    assert.ok((await frames(page)) > beforeKey, 'a key press draws frames');
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});

test('devicePixelRatio 2 gives a canvas twice the CSS size; resizes follow', async () => {
  const app = await openApp({ deviceScaleFactor: 2, viewport: { width: 900, height: 600 } });
  try {
    const { page } = app;
    let size = await canvasSize(page);
    assert.deepEqual(size, { width: 1800, height: 1200, cssWidth: 900, cssHeight: 600 });
    const shot = await screenshot(page, 'platform-dpr2');
    assert.ok(shot.png.length > 10000, 'a real picture');

    // Turning a tablet: the viewport swaps its sides; the next frame picks the new size up.
    await page.setViewportSize({ width: 600, height: 900 });
    await page.waitForFunction(() => document.getElementById('canvas').width === 1200, null, { timeout: 5000 });
    size = await canvasSize(page);
    assert.deepEqual(size, { width: 1200, height: 1800, cssWidth: 600, cssHeight: 900 });
    // ImGui lays out in CSS pixels: widgets stay inside the new, narrower page.
    const right = await page.evaluate(() => Math.max(...window.mapathy.widgets().filter((w) => w.visible).map((w) => w.x + w.w)));
    assert.ok(right <= 600 + 1, `widgets fit into 600 CSS px (rightmost edge ${right})`);
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});
