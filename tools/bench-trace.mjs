#!/usr/bin/env node
// Does the page's main thread wait for the GPU while it draws? A Chrome trace of a pan answers it.
// Opens a board from its share link in Debian's Chromium (SwiftShader, the browser tests' flags), lets it
// settle, then records a trace (categories gpu, viz, devtools.timeline, disabled-by-default-devtools.timeline)
// while the mouse drags the canvas in N steps (one animation frame each), and sums on the renderer's main
// thread:
//   - blocked: time inside CommandBufferHelper::Finish (the thread waits until the GPU process has run
//     everything sent so far: what a synchronous GL query such as glGetIntegerv or glIsEnabled costs);
//   - queries: time inside the GLES2Implementation getters (GetIntegerv, GetBooleanv, IsEnabled, …);
//   - frame: time in the animation-frame callbacks (the app's whole frame: UI, draw lists, GL calls).
// Each is reported in total and per frame the app drew during the pan.
//
//   node tools/bench-trace.mjs [--site SITE_DIR] [--link FILE] [--steps 20] [--runs 1] [--trace OUT.json]
//   (default link: tests/fixtures/links/v1-typical-german-empathy-map.txt, the 40-note German map)
// Prints one JSON object on stdout (tools/bench.mjs puts it into BENCHMARKS.md).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    link: { type: 'string', default: join(ROOT, 'tests/fixtures/links/v1-typical-german-empathy-map.txt') },
    steps: { type: 'string', default: '20' },
    runs: { type: 'string', default: '1' },
    trace: { type: 'string' },
  },
});
if (values.site) process.env.MAPATHY_SITE_DIR = resolve(values.site);
const lib = await import('../tests/browser/lib.mjs');
// Chromium and its flags (SwiftShader: the same software rendering as the peer's probe).
const { CHROMIUM, CHROMIUM_FLAGS } = await import('../tests/browser/drivers/chromium.mjs');
const { chromium } = await import('../tests/browser/node_modules/playwright-core/index.mjs');
const { startServer } = await import('./serve.mjs');

const CATEGORIES = ['gpu', 'viz', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];
const WIDTH = 1280;
const HEIGHT = 800;
const hash = readFileSync(values.link, 'utf8').trim().replace(/^[^#]*#/, '');

// A point on empty canvas (no widget but the window backgrounds), from the lower part of the screen.
async function emptyCanvasPoint(page) {
  const items = (await lib.widgets(page)).filter((item) => item.visible && item.w > 0 && item.h > 0 &&
    item.w * item.h < WIDTH * HEIGHT * 0.5);
  for (let y = HEIGHT - 30; y > HEIGHT / 2; y -= 20) {
    for (let x = 30; x < WIDTH - 30; x += 40) {
      if (!items.some((i) => x >= i.x - 4 && x <= i.x + i.w + 4 && y >= i.y - 4 && y <= i.y + i.h + 4)) return { x, y };
    }
  }
  return { x: WIDTH / 2, y: HEIGHT - 20 };
}

// Sums durations of complete ('X') and begin/end ('B'/'E') events per name on one thread. Nested events of
// the same name are counted once (the outermost).
function threadTimes(events, pid, tid, matchers) {
  const sums = Object.fromEntries(Object.keys(matchers).map((key) => [key, { ms: 0, count: 0 }]));
  const open = new Map();  // name -> [start timestamps] for B/E
  const depth = Object.fromEntries(Object.keys(matchers).map((key) => [key, []]));  // end times of open X events
  const sorted = events.filter((e) => e.pid === pid && e.tid === tid && (e.ph === 'X' || e.ph === 'B' || e.ph === 'E'))
    .sort((a, b) => a.ts - b.ts);
  for (const event of sorted) {
    for (const [key, test] of Object.entries(matchers)) {
      if (!test(event.name)) continue;
      if (event.ph === 'X') {
        const stack = depth[key];
        while (stack.length && stack[stack.length - 1] <= event.ts) stack.pop();
        if (stack.length === 0) {
          sums[key].ms += (event.dur || 0) / 1000;
          sums[key].count += 1;
        }
        stack.push(event.ts + (event.dur || 0));
      } else if (event.ph === 'B') {
        const starts = open.get(key + event.name) || [];
        starts.push(event.ts);
        open.set(key + event.name, starts);
      } else {
        const starts = open.get(key + event.name) || [];
        const start = starts.pop();
        if (start !== undefined && starts.length === 0) {
          sums[key].ms += (event.ts - start) / 1000;
          sums[key].count += 1;
        }
      }
    }
  }
  return sums;
}

async function measureOnce() {
  lib.requireSite();
  const server = await startServer({ root: lib.SITE_DIR });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 1, locale: 'de-DE' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}#${hash}`);
    await page.waitForFunction(() => window.mapathy && window.mapathy.frames() >= 1 && window.mapathy.document() !== null &&
      window.mapathy.boldFont() !== 'pending', null, { timeout: 60000 });
    await page.waitForTimeout(1500);
    const from = await emptyCanvasPoint(page);
    const steps = Number(values.steps);
    await page.mouse.move(from.x, from.y);
    await page.waitForTimeout(300);
    const framesBefore = await lib.frames(page);
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.mouse.down();
    for (let i = 1; i <= steps; ++i) {
      await page.mouse.move(from.x - i * 8, from.y - i * 4);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
    }
    await page.mouse.up();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
    const buffer = await browser.stopTracing();
    const frames = (await lib.frames(page)) - framesBefore;
    if (values.trace) writeFileSync(values.trace, buffer);
    if (errors.length) throw new Error(errors.join('\n'));
    const trace = JSON.parse(buffer.toString('utf8'));
    const events = Array.isArray(trace) ? trace : trace.traceEvents;
    // The page's renderer main thread: a CrRendererMain thread that ran animation frames.
    const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    let best = null;
    for (const main of mains) {
      const animationFrames = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'FireAnimationFrame').length;
      if (!best || animationFrames > best.animationFrames) best = { pid: main.pid, tid: main.tid, animationFrames };
    }
    if (!best) throw new Error('no renderer main thread in the trace');
    const sums = threadTimes(events, best.pid, best.tid, {
      blocked: (name) => /CommandBufferHelper::Finish/.test(name),
      queries: (name) => /^GLES2Implementation::(Get\w+|Is\w+)$/.test(name) || /^GLES2::(Get\w+|Is\w+)$/.test(name),
      frame: (name) => name === 'FireAnimationFrame',
    });
    return { frames, steps, ...Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v])) };
  } finally {
    await browser.close();
    await server.close();
  }
}

const round = (x) => Number(x.toFixed(2));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const samples = [];
for (let i = 0; i < Math.max(1, Number(values.runs)); ++i) samples.push(await measureOnce());
const per = (key) => median(samples.map((s) => s[key].ms / Math.max(1, s.frames)));
console.log(JSON.stringify({
  site: lib.SITE_DIR,
  link: values.link,
  runs: samples.length,
  steps: Number(values.steps),
  frames: median(samples.map((s) => s.frames)),
  blockedMsPerFrame: round(per('blocked')),
  queryMsPerFrame: round(per('queries')),
  frameMsPerFrame: round(per('frame')),
  blockedMsTotal: round(median(samples.map((s) => s.blocked.ms))),
  blockedCalls: median(samples.map((s) => s.blocked.count)),
  queryCalls: median(samples.map((s) => s.queries.count)),
  frameMsTotal: round(median(samples.map((s) => s.frame.ms))),
}, null, 2));
