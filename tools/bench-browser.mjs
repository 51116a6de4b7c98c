#!/usr/bin/env node
// Browser benchmark: the built site in Debian's Chromium (playwright-core, the browser tests'
// helpers in tests/browser/lib.mjs). For an empty board and a 2,000-note board, each opened from a share
// link in a fresh profile:
//   - navigation → first frame (performance.now() at the first requestAnimationFrame after the app has
//     drawn frame 1; performance.now() counts from navigation start), and → the board on screen;
//   - frames drawn per idle second (the app draws only when something happens, so this should be ~0);
//   - frame time while panning (a mouse drag on empty canvas, 60 steps): main-thread time of each
//     requestAnimationFrame callback the app ran (its whole frame: UI, draw lists, WebGL calls) and
//     the interval between displayed frames.
// Output: JSON on stdout (tools/bench.mjs turns it into a table).
//
//   node tools/bench-browser.mjs --links DIR [--site SITE_DIR] [--runs N]
//   DIR holds browser-empty.link and browser-2000.link (mapathy_bench_core --dump-boards DIR).
// Chromium renders WebGL through SwiftShader here (software), so absolute times are those of a CPU renderer.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    links: { type: 'string' },
    site: { type: 'string' },
    runs: { type: 'string', default: '3' },
    viewport: { type: 'string', default: '1280x800' },
  },
});
if (!values.links) {
  console.error('usage: node tools/bench-browser.mjs --links DIR [--site SITE_DIR] [--runs N]');
  process.exit(1);
}
if (values.site) process.env.MAPATHY_SITE_DIR = resolve(values.site);
// lib.mjs reads MAPATHY_SITE_DIR when it is imported, so import it after setting it.
const lib = await import('../tests/browser/lib.mjs');
const { CHROMIUM, CHROMIUM_FLAGS } = await import('../tests/browser/drivers/chromium.mjs');
const { chromium } = await import('../tests/browser/node_modules/playwright-core/index.mjs');
const { startServer } = await import('./serve.mjs');
const [width, height] = values.viewport.split('x').map(Number);
const runs = Math.max(1, Number(values.runs));

// Installed before any page script: wraps requestAnimationFrame so every callback's duration is known,
// and records when the app's first frame and the open board first reached the screen.
const INSTRUMENT = () => {
  const stats = { callbacks: [], firstFrameMs: null, boardMs: null, recording: false };
  window.__bench = stats;
  const original = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => original((time) => {
    const start = performance.now();
    try {
      callback(time);
    } finally {
      if (stats.recording) stats.callbacks.push({ start, duration: performance.now() - start });
    }
  });
  const watch = () => {
    const app = window.mapathy;
    if (app && stats.firstFrameMs === null && app.frames() >= 1) stats.firstFrameMs = performance.now();
    if (app && stats.boardMs === null && app.frames() >= 1 && app.document() !== null) stats.boardMs = performance.now();
    if (stats.firstFrameMs === null || stats.boardMs === null) original(watch);
  };
  original(watch);
};

const median = (xs) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs, p) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
};
const round = (x, digits = 2) => (x === null ? null : Number(x.toFixed(digits)));

// A point on the canvas with nothing on it: scans a grid of candidate points for one outside every widget
// rectangle except the window/canvas backgrounds, preferring the lower part of the screen (boards are fit
// into the middle, so the margin below them is empty).
async function emptyCanvasPoint(page) {
  const items = (await lib.widgets(page)).filter((item) => item.visible && item.w > 0 && item.h > 0 &&
    item.w * item.h < width * height * 0.5);
  for (let y = height - 30; y > height / 2; y -= 20) {
    for (let x = 30; x < width - 30; x += 40) {
      if (!items.some((item) => x >= item.x - 4 && x <= item.x + item.w + 4 && y >= item.y - 4 && y <= item.y + item.h + 4)) {
        return { x, y };
      }
    }
  }
  return { x: width / 2, y: height - 20 };
}

// Like lib.openApp on Chromium (same browser, flags and server, without the tests' console capture: the
// site exactly as deployed), with the instrumentation installed before navigation.
async function openInstrumented(hash) {
  lib.requireSite();
  const server = await startServer({ root: lib.SITE_DIR });
  const profile = mkdtempSync(join(tmpdir(), 'mapathy-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, locale: 'de-DE',
    viewport: { width, height }, deviceScaleFactor: 1,
  });
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  await page.addInitScript(INSTRUMENT);
  const close = async () => {
    await context.close().catch(() => {});
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    await page.goto(`${server.url}#${hash}`);
  } catch (error) {
    await close();
    throw error;
  }
  return { page, errors, close };
}

async function measure(hash) {
  const app = await openInstrumented(hash);
  try {
    const { page } = app;
    await page.waitForFunction(() => window.__bench.boardMs !== null, null, { timeout: 60000 });
    const { firstFrameMs, boardMs } = await page.evaluate(() => window.__bench);
    const notes = await page.evaluate(() => JSON.parse(window.mapathy.document()).board.notes?.length ?? 0);
    // Let the start-up frames settle, then count frames over idle seconds (no input at all).
    await page.waitForTimeout(1500);
    const idleSeconds = 3;
    const framesBefore = await lib.frames(page);
    await page.waitForTimeout(idleSeconds * 1000);
    const idleFps = ((await lib.frames(page)) - framesBefore) / idleSeconds;

    // Pan: drag on empty canvas, one step per displayed frame.
    const from = await emptyCanvasPoint(page);
    const steps = 60;
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.evaluate(() => { window.__bench.callbacks = []; window.__bench.recording = true; });
    const panFramesBefore = await lib.frames(page);
    for (let i = 1; i <= steps; ++i) {
      await page.mouse.move(from.x - i * 6, from.y - i * 3);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
    }
    await page.mouse.up();
    const callbacks = await page.evaluate(() => { window.__bench.recording = false; return window.__bench.callbacks; });
    const panFrames = (await lib.frames(page)) - panFramesBefore;
    // Only callbacks that did real work are the app's frames (the page's own tiny callbacks are not).
    const work = callbacks.map((c) => c.duration).filter((d) => d > 0.05);
    const starts = callbacks.map((c) => c.start);
    const intervals = starts.slice(1).map((s, i) => s - starts[i]).filter((d) => d > 1);
    if (app.errors.length) throw new Error(app.errors.join('\n'));
    return {
      notes, firstFrameMs, boardMs, idleFps, panFrames,
      frameWorkMedianMs: median(work), frameWorkP95Ms: percentile(work, 0.95),
      frameIntervalMedianMs: median(intervals),
    };
  } finally {
    await app.close();
  }
}

const results = {};
for (const name of ['empty', '2000']) {
  const hash = readFileSync(join(values.links, `browser-${name}.link`), 'utf8').trim();
  const samples = [];
  for (let i = 0; i < runs; ++i) samples.push(await measure(hash));
  const pick = (key) => round(median(samples.map((s) => s[key]).filter((v) => v !== null)));
  results[name] = {
    notes: samples[0].notes,
    linkChars: hash.length,
    runs,
    firstFrameMs: pick('firstFrameMs'),
    boardMs: pick('boardMs'),
    idleFps: pick('idleFps'),
    panFrames: pick('panFrames'),
    frameWorkMedianMs: pick('frameWorkMedianMs'),
    frameWorkP95Ms: pick('frameWorkP95Ms'),
    frameIntervalMedianMs: pick('frameIntervalMedianMs'),
  };
}
const browser = CHROMIUM;
console.log(JSON.stringify({ browser, viewport: values.viewport, site: lib.SITE_DIR, results }, null, 2));
