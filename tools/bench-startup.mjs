#!/usr/bin/env node
// Where Mapathy's start-up time goes, and how it compares with the Excalidraw peer in the same run.
//
// 1. Breakdown: N loads of the site in fresh browser contexts (Debian's Chromium, SwiftShader, 1280×800),
//    each opening a board from its share link (default: the 40-note German empathy map of the link
//    fixtures). Reads the page's resource timings and the marks web/platform.js and the app set
//    (mapathy-platform-js, -gl-context, -wasm-compiled, -wasm-instantiated, -main, -gl-ready, -texts-ready, -app-ready, -library-read, -board-ready, -fonts-ready, -gl-warm,
//    -first-frame-ui (the first frame's UI and draw lists done, its GL calls next),
//    -board-ready, -first-frame-start, -first-frame, -bold-font: the semibold face in use) and "ready" as the peer's probe defines it (below);
//    prints the median of each moment, in ms since navigation start.
// 2. Side by side (with --peer DIR, a built copy of ../shared/peers/excalidraw): the peer's own probe,
//    measure.js, measures the peer and then Mapathy, the same way (fresh contexts, median of --runs loads,
//    ready = the ready expression true in an animation frame, then 2 more frames; bytes fetched before
//    ready, gzip -9). Both are served by tools/serve.mjs.
//
//   node tools/bench-startup.mjs [--site SITE_DIR] [--link FILE] [--runs 5] [--peer DIR] [--rounds 1]
// Prints one JSON object (tools/bench.mjs puts it into BENCHMARKS.md).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    link: { type: 'string', default: join(ROOT, 'tests/fixtures/links/v1-typical-german-empathy-map.txt') },
    runs: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '1' },
    peer: { type: 'string' },
  },
});
if (values.site) process.env.MAPATHY_SITE_DIR = resolve(values.site);
const lib = await import('../tests/browser/lib.mjs');
// Chromium and its flags (SwiftShader: the same software rendering as the peer's probe).
const { CHROMIUM, CHROMIUM_FLAGS } = await import('../tests/browser/drivers/chromium.mjs');
const { chromium } = await import('../tests/browser/node_modules/playwright-core/index.mjs');
const { startServer } = await import('./serve.mjs');

// Mapathy is ready when it has drawn a frame with the board open (the board comes from the link in the
// page's first task, so that frame shows it). The peer's probe then waits 2 more frames.
export const MAPATHY_READY = 'window.mapathy && window.mapathy.frames() >= 1 && window.mapathy.document() !== null';
// The peer's own definition (its run.sh): static canvas, all 94 elements, Excalifont loaded.
const PEER_READY = '!!document.querySelector(".excalidraw canvas.static") && !!(window.__peer && window.__peer.api) && ' +
  'window.__peer.api.getSceneElements().length === window.__peer.elements && ' +
  '[...document.fonts].some(f => f.family.replace(/"/g, "") === "Excalifont" && f.status === "loaded")';

const hash = readFileSync(values.link, 'utf8').trim().replace(/^[^#]*#/, '');
const runs = Math.max(1, Number(values.runs));
const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x) => (x === null ? null : Math.round(x));

// ---- 1. the breakdown
const MARKS = ['mapathy-platform-js', 'mapathy-gl-context', 'mapathy-wasm-compiled', 'mapathy-wasm-instantiated',
  'mapathy-main', 'mapathy-gl-ready', 'mapathy-texts-ready', 'mapathy-app-ready', 'mapathy-library-read', 'mapathy-board-ready', 'mapathy-fonts-ready', 'mapathy-gl-warm', 'mapathy-first-frame-start', 'mapathy-first-frame-ui',
  'mapathy-first-frame', 'mapathy-late-ready', 'mapathy-bold-font'];
async function breakdownOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await context.addInitScript((expression) => {
    const raf = window.requestAnimationFrame.bind(window);
    const ready = new Function(`return (${expression});`);
    window.__startup = new Promise((resolvePromise) => {
      const poll = () => {
        let ok = false;
        try { ok = !!ready(); } catch { ok = false; }
        if (!ok) return raf(poll);
        let left = 2;
        const settle = () => (left-- > 0 ? raf(settle) : resolvePromise(performance.now()));
        settle();
      };
      raf(poll);
    });
  }, MAPATHY_READY);
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const readyMs = await page.evaluate(() => window.__startup);
    await page.waitForTimeout(1500);  // moments after ready (the semibold face) are recorded too
    return await page.evaluate(({ readyMs: ready, marks }) => {
      const out = { ready };
      for (const name of marks) out[name] = performance.getEntriesByName(name)[0]?.startTime ?? null;
      const navigation = performance.getEntriesByType('navigation')[0];
      out['index.html'] = navigation ? navigation.responseEnd : null;
      for (const entry of performance.getEntriesByType('resource')) {
        const file = new URL(entry.name).pathname.split('/').pop();
        if (/\.(js|wasm|css)$/.test(file) && out[file] === undefined) {
          out[`${file} start`] = entry.startTime;
          out[file] = entry.responseEnd;
        }
      }
      return out;
    }, { readyMs, marks: MARKS });
  } finally {
    await context.close();
  }
}

async function breakdown() {
  const server = await startServer({ root: lib.requireSite() });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  try {
    const samples = [];
    for (let i = 0; i < runs; ++i) samples.push(await breakdownOnce(browser, `${server.url}#${hash}`));
    const keys = [...new Set(samples.flatMap((s) => Object.keys(s)))];
    const result = {};
    for (const key of keys) result[key] = round(median(samples.map((s) => s[key])));
    result.readyRuns = samples.map((s) => round(s.ready));
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}

// ---- 2. side by side with the peer, through its own probe
// Asynchronous: the servers run in this process and must keep answering while the probe loads pages.
async function probe(peerDir, url, ready, label) {
  const { stdout } = await promisify(execFile)('node', [join(peerDir, 'measure.js'), url, ready, '--runs', String(runs),
    '--label', label], { cwd: peerDir, encoding: 'utf8', maxBuffer: 16 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop());
}

async function sideBySide(peerDir) {
  if (!existsSync(join(peerDir, 'dist/index.html')) || !existsSync(join(peerDir, 'node_modules/playwright-core'))) {
    throw new Error(`${peerDir} is not a built peer: copy ../shared/peers/excalidraw somewhere writable and run its ./run.sh once`);
  }
  const peerServer = await startServer({ root: join(peerDir, 'dist') });
  const siteServer = await startServer({ root: lib.requireSite() });
  try {
    const rounds = [];
    for (let i = 0; i < Math.max(1, Number(values.rounds)); ++i) {
      const peer = await probe(peerDir, `${peerServer.url}index.html`, PEER_READY, 'excalidraw-0.18.0');
      const mapathy = await probe(peerDir, `${siteServer.url}#${hash}`, MAPATHY_READY, 'mapathy');
      rounds.push({ peer, mapathy, ratio: Number((mapathy.ready_ms / peer.ready_ms).toFixed(3)) });
    }
    return rounds;
  } finally {
    await peerServer.close();
    await siteServer.close();
  }
}

const result = { site: lib.SITE_DIR, link: values.link, runs, breakdown: await breakdown() };
if (values.peer) result.sideBySide = await sideBySide(resolve(values.peer));
console.log(JSON.stringify(result, null, 2));
