#!/usr/bin/env node
// Runs every Mapathy benchmark and writes BENCHMARKS.md at the repository root. Nothing in that
// file is typed by hand: it is this script's output. Not part of CI (only the size budget is:
// tests/browser/size_budget.test.mjs).
//
//   node tools/bench.mjs [--site SITE_DIR] [--build-dir DIR] [--web-build-dir DIR] [--no-browser]
//                        [--runs N] [--out FILE] [--jobs N] [--peer DIR] [--startup-runs N] [--startup-rounds N]
//
// 1. Configures and builds a native Release tree (default build/h-bench) with the Google Benchmark programs
//    (bench/): mapathy_bench_core and mapathy_bench_ui, and runs them.
// 2. Builds the web site (MinSizeRel, Emscripten; default build/web-bench) unless --site names an already
//    built site.
// 3. Link sizes: every board of bench/bench_boards.hpp encoded by us, by deflate-9 + base64url
//    (mermaid.live style) and by lz-string's compressToEncodedURIComponent (TypeScript-playground style).
// 4. Download size of what loads before the first frame (tools/sitesize.mjs) of that site.
// 5. The browser benchmark (tools/bench-browser.mjs) on that site in Chromium; the trace of a pan
//    (tools/bench-trace.mjs: does the main thread wait for the GPU?); the start-up breakdown and, with
//    --peer DIR (a built copy of ../shared/peers/excalidraw), the side-by-side start-up figures with the
//    Excalidraw peer, measured by the peer's own probe in the same run (tools/bench-startup.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { baselineSizes } from './linksize.mjs';
import { BUDGET_GZIP_BYTES, afterFirstFrameFiles, formatTable, kb, measureSite } from './sitesize.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    'build-dir': { type: 'string', default: join(ROOT, 'build/h-bench') },
    'web-build-dir': { type: 'string', default: join(ROOT, 'build/web-bench') },
    'no-browser': { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: join(ROOT, 'BENCHMARKS.md') },
    jobs: { type: 'string', default: '2' },
    peer: { type: 'string' },
    'startup-runs': { type: 'string', default: '5' },
    'startup-rounds': { type: 'string', default: '2' },
  },
});
const buildDir = resolve(values['build-dir']);
const webBuildDir = resolve(values['web-build-dir']);
const started = Date.now();
const loadAtStart = (() => { try { return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '); } catch { return '?'; } })();
const command = ['node', 'tools/bench.mjs', ...process.argv.slice(2)].join(' ');
const log = (text) => process.stderr.write(`bench: ${text}\n`);
const run = (file, args, options = {}) => execFileSync(file, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
const tryRun = (file, args) => { try { return run(file, args, { stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return null; } };

// ---- 1. native benchmarks
log(`building the benchmarks in ${buildDir}`);
run('cmake', ['-S', ROOT, '-B', buildDir, '-G', 'Ninja', '-DCMAKE_BUILD_TYPE=Release', '-DMAPATHY_TESTS=OFF',
  // GCC 12 reports a false -Wrestrict inside libstdc++ at -O2/-O3 (GCC bug 105329), and a false
  // -Wmaybe-uninitialized inside std::string's small buffer when a struct with strings is filled field by
  // field (src/ui/text_box.cpp, Host::TextField); -Werror would stop the build.
  '-DCMAKE_CXX_FLAGS=-Wno-restrict -Wno-maybe-uninitialized'], { stdio: ['ignore', 'ignore', 'inherit'] });
run('cmake', ['--build', buildDir, '-j', values.jobs, '--target', 'mapathy_benchmarks'], { stdio: ['ignore', 'ignore', 'inherit'] });

// ---- 2. the web site (unless one is given)
let site = values.site ? resolve(values.site) : null;
if (!site) {
  log(`building the web site in ${webBuildDir}`);
  const env = { ...process.env, NODE_PATH: process.env.NODE_PATH || '/usr/share/nodejs' };
  try {
    run('cmake', ['-S', ROOT, '-B', webBuildDir, '-G', 'Ninja', `-DCMAKE_TOOLCHAIN_FILE=${join(ROOT, 'cmake/emscripten-toolchain.cmake')}`,
      '-DCMAKE_BUILD_TYPE=MinSizeRel', '-DMAPATHY_TESTS=OFF', '-DCMAKE_EXE_LINKER_FLAGS='], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    run('cmake', ['--build', webBuildDir, '-j', values.jobs], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (error) {
    log(`the web build failed (${error.message.split('\n')[0]}); size and browser figures skipped`);
  }
  site = join(webBuildDir, 'site');
}

function runBenchmark(program) {
  const path = join(buildDir, 'bench', program);
  if (!existsSync(path)) return null;
  log(`running ${program}`);
  // 0.2 s per figure keeps the whole run short; the slowest (a 1,000-note link) still gets repeated.
  const report = JSON.parse(run(path, ['--benchmark_format=json', '--benchmark_min_time=0.2'],
    { stdio: ['ignore', 'pipe', 'inherit'] }));
  return report;
}
const core = runBenchmark('mapathy_bench_core');
const ui = runBenchmark('mapathy_bench_ui');
if (!core) throw new Error('mapathy_bench_core was not built (is libbenchmark-dev installed?)');

// ---- 3. link sizes
const linkDir = mkdtempSync(join(tmpdir(), 'mapathy-links-'));
run(join(buildDir, 'bench', 'mapathy_bench_core'), ['--dump-boards', linkDir]);
const PAGE = 'https://example.github.io/mapathy/';  // a typical GitHub Pages address (34 characters)
const links = readFileSync(join(linkDir, 'boards.tsv'), 'utf8').trim().split('\n').map((line) => {
  const [name, notes, description, format1, format2, format3, binary] = line.split('\t');
  const json = readFileSync(join(linkDir, `${name}.json`), 'utf8');
  const ours = readFileSync(join(linkDir, `${name}.link`), 'utf8').trim();
  return { name, notes: Number(notes), description, ...baselineSizes(json), ours: ours.length, format: ours[0],
    format1: Number(format1), format2: Number(format2), format3: Number(format3), binary: Number(binary),
    url: PAGE.length + 1 + ours.length };
});

// ---- 4. site size
let siteSizes = null;
let laterSizes = null;
if (existsSync(join(site, 'mapathy.wasm'))) {
  siteSizes = measureSite(site);
  const later = afterFirstFrameFiles(site);
  if (later.length) laterSizes = measureSite(site, later);
} else {
  log(`no built site in ${site}: size and browser figures skipped`);
}

// ---- 5. browser
let browser = null;
let trace = null;
let startup = null;
if (siteSizes && !values['no-browser']) {
  log('running the browser benchmark (Chromium)');
  browser = JSON.parse(run('node', [join(ROOT, 'tools/bench-browser.mjs'), '--links', linkDir, '--site', site,
    '--runs', values.runs], { stdio: ['ignore', 'pipe', 'inherit'] }));
  log('tracing a pan (Chromium)');
  trace = JSON.parse(run('node', [join(ROOT, 'tools/bench-trace.mjs'), '--site', site, '--runs', values.runs],
    { stdio: ['ignore', 'pipe', 'inherit'] }));
  log(`measuring the start-up${values.peer ? ' side by side with the Excalidraw peer' : ''} (Chromium)`);
  startup = JSON.parse(run('node', [join(ROOT, 'tools/bench-startup.mjs'), '--site', site,
    '--runs', values['startup-runs'], '--rounds', values['startup-rounds'], ...(values.peer ? ['--peer', resolve(values.peer)] : [])],
    { stdio: ['ignore', 'pipe', 'inherit'] }));
}
rmSync(linkDir, { recursive: true, force: true });

// ---- the report
const machine = [
  `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} logical cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
  `${tryRun('sh', ['-c', '. /etc/os-release && echo "$PRETTY_NAME"']) ?? 'Linux'} (kernel ${release()}), ` +
    `load average at start ${loadAtStart}, at the end ${tryRun('cut', ['-d', ' ', '-f', '1-3', '/proc/loadavg']) ?? '?'}`,
  `native compiler: ${tryRun('sh', ['-c', `grep -m1 '^CMAKE_CXX_COMPILER:' '${buildDir}/CMakeCache.txt' | cut -d= -f2`]) ?? '?'} ` +
    `(${(tryRun('c++', ['--version']) ?? '?').split('\n')[0]}), Release (-O3), Google Benchmark ${core.context.library_version ?? ''}`.trim(),
  `browser: ${browser ? (tryRun(browser.browser, ['--version']) ?? browser.browser) : 'not run'}` +
    (browser ? ', headless, WebGL2 through SwiftShader (software rendering)' : ''),
  `node ${process.version}`,
];

// CPU time of the benchmark's thread: on a shared machine wall-clock time also counts other programs.
const us = (b, key = 'cpu_time') => (b.time_unit === 'us' ? b[key] : b.time_unit === 'ms' ? b[key] * 1000 : b[key] / 1000);
const fmt = (x, digits = 1) => (x === null || x === undefined ? '—' : Number(x).toFixed(digits));
const byName = (report) => new Map(report.benchmarks.filter((b) => b.run_type !== 'aggregate').map((b) => [b.name, b]));

const out = [];
out.push('# Mapathy benchmarks', '');
out.push('Generated by `tools/bench.mjs`; do not edit by hand, run it again. See issues 7 and 17 for the targets.', '');
out.push(`- command: \`${command}\``);
out.push(`- date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`);
out.push(`- source: ${tryRun('git', ['-C', ROOT, 'describe', '--always', '--dirty']) ??
  (tryRun('git', ['-C', ROOT, 'rev-parse', '--git-dir']) ? 'git checkout without a commit yet' : 'not a git checkout')}`);
out.push(`- whole run: ${((Date.now() - started) / 1000).toFixed(0)} s (builds included)`);
for (const line of machine) out.push(`- ${line}`);
out.push('', 'The machine is shared (other builds run at the same time), so single figures can be noisy.', '');

// Core
const c = byName(core);
out.push('## Core (native, Google Benchmark)', '');
out.push('Boards: the German sample empathy map of the share-link tests (40 notes) and the same texts spread to 1,000 notes.', '');
out.push('Times are CPU time per operation (µs); wall-clock time in brackets.', '');
out.push('| operation | 40 notes: µs | 40 notes: bytes | 1,000 notes: µs | 1,000 notes: bytes |', '|---|---:|---:|---:|---:|');
const ops = [['BM_LinkEncode', 'share link encode'], ['BM_LinkDecode', 'share link decode (validated board)'],
  ['BM_LinkRoundTrip', 'share link encode + decode'], ['BM_JsonSave', 'JSON save (compact)'],
  ['BM_JsonLoad', 'JSON load (restore, migrate, validate)'], ['BM_MarkdownExport', 'Markdown export'],
  ['BM_MarkdownImport', 'Markdown import']];
for (const [key, label] of ops) {
  const small = c.get(`${key}/40`);
  const large = c.get(`${key}/1000`);
  const cell = (b) => (b ? `${fmt(us(b))} (${fmt(us(b, 'real_time'))})` : '—');
  out.push(`| ${label} | ${cell(small)} | ${small?.bytes ?? '—'} | ${cell(large)} | ${large?.bytes ?? '—'} |`);
}
out.push('', 'Each link format on the same boards (encode + decode, µs; the last row: 1,000 notes whose texts all differ):', '');
out.push('| board | format 1 µs | format 2 µs | format 3 µs | format 1 chars | format 2 chars | format 3 chars |', '|---|---:|---:|---:|---:|---:|---:|');
for (const [label, notes, distinct] of [['40 notes', 40, 0], ['1,000 notes', 1000, 0], ['1,000 notes, distinct texts', 1000, 1]]) {
  const cells = [1, 2, 3].map((f) => c.get(`BM_LinkRoundTripInFormat/notes:${notes}/format:${f}/distinct:${distinct}`));
  out.push(`| ${label} | ${cells.map((b) => (b ? fmt(us(b)) : '—')).join(' | ')} | ${cells.map((b) => b?.bytes ?? '—').join(' | ')} |`);
}
const roundTrip = c.get('BM_LinkRoundTrip/1000');
if (roundTrip) {
  const ms = us(roundTrip) / 1000;
  out.push('', `Target: encode + decode of 1,000 notes under 5 ms — measured ${fmt(ms, 2)} ms: **${ms < 5 ? 'met' : 'NOT met'}**.`);
}
out.push('');

// UI
out.push('## One UI frame (native, headless Dear ImGui, no renderer)', '');
if (ui) {
  out.push('NewFrame → App::frame → Render in a 1280×800 window with the embedded Inter fonts; "fit" is the zoom the app ' +
    'reaches with the toolbar\'s fit button (zoom stops at 15 %), "100 %" zooms in around the middle of the window. *cards* = cards drawn in the frame.', '');
  out.push('| board | notes | view | zoom | µs per frame (CPU) | wall clock µs | cards drawn | cached layouts | vertices |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const b of ui.benchmarks.filter((x) => x.run_type !== 'aggregate')) {
    const m = b.name.match(/notes:(\d+)\/zoomedIn:(\d)\/journey:(\d)/);
    if (!m) continue;
    out.push(`| ${m[3] === '1' ? 'journey' : 'empathy map'} | ${m[1]} | ${m[2] === '1' ? '100 %' : 'fit'} | ` +
      `${fmt(b.zoom * 100, 0)} % | ${fmt(us(b))} | ${fmt(us(b, 'real_time'))} | ${b.cards ?? '—'} | ${b.layouts ?? '—'} | ${b.vertices ?? '—'} |`);
  }
  const target = ui.benchmarks.find((b) => /notes:5000\/zoomedIn:1\/journey:0/.test(b.name));
  if (target) {
    const ms = us(target) / 1000;
    out.push('', `Target: under 2 ms per frame at 5,000 notes zoomed in — measured ${fmt(ms, 2)} ms: **${ms < 2 ? 'met' : 'NOT met'}**.`);
  }
} else {
  out.push('Not built (Dear ImGui missing: run ./emsdk-setup.sh).');
}
out.push('');

// Links
out.push('## Share-link size (characters)', '');
out.push('Fragment lengths for the same board: ours (link format 3 — the context-mixing coder primed with generic vocabulary — ' +
  'while the binary form of the board is at most 8 KiB; above, format 2, or format 3 when it is shorter and the board at most 16 KiB), ' +
  'deflate level 9 + base64url of the compact JSON (mermaid.live style) and lz-string `compressToEncodedURIComponent` of it ' +
  '(TypeScript-playground style). *format 1* is what the old priming text (which held phrases of the first board) makes of it, ' +
  `for comparison only. *URL* is the whole link with the page address \`${PAGE}\`. ` +
  'The *fresh* boards are written from words of another topic (garden, kitchen, travel) that share not a single word with either ' +
  'priming text (tests/core/sample_boards.hpp, checked by tests/core/share_link_test.cpp): what priming cannot help with.', '');
out.push('| board | notes | binary bytes | JSON bytes | deflate-9 + base64url | lz-string | ours | format | ours vs smaller baseline | format 1 | format 2 | URL |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const l of links) {
  const best = Math.min(l.deflate, l.lzString);
  out.push(`| ${l.name} — ${l.description} | ${l.notes} | ${l.binary} | ${l.jsonBytes} | ${l.deflate} | ${l.lzString} | ${l.ours} | ${l.format} | ` +
    `${fmt(100 * (l.ours - best) / best)} % | ${l.format1} | ${l.format2} | ${l.url} |`);
}
const fresh = links.find((l) => l.name === 'fresh-de-40');
if (fresh) {
  const best = Math.min(fresh.deflate, fresh.lzString);
  out.push('', `A fresh 40-note German board (no word in common with the priming): ${fresh.ours} characters, ` +
    `${fmt(100 * (1 - fresh.ours / best))} % shorter than the smaller baseline.`);
}
const typical = links.find((l) => l.name === 'empathy-de-40');
if (typical) {
  const best = Math.min(typical.deflate, typical.lzString);
  const saving = 100 * (1 - typical.ours / best);
  out.push('', `Targets for the typical German map: whole URL ≤ 2,000 characters — ${typical.url}: ` +
    `**${typical.url <= 2000 ? 'met' : 'NOT met'}**; fragment ≥ 25 % shorter than both baselines — ${fmt(saving)} % shorter: ` +
    `**${saving >= 25 ? 'met' : 'NOT met'}**.`);
}
out.push('');

// Site
out.push('## Download before the first frame', '');
if (siteSizes) {
  out.push(`Site: \`${relative(ROOT, site) || site}\`. Every file the shell page makes the browser fetch before the app can draw ` +
    '(tools/sitesize.mjs; the size-budget test tests/browser/size_budget.test.mjs checks the same figure).', '');
  out.push(formatTable(siteSizes), '');
  out.push(`Budget: ${kb(BUDGET_GZIP_BYTES)} KB gzip — used ${kb(siteSizes.total.gzip)} KB ` +
    `(${fmt(100 * siteSizes.total.gzip / BUDGET_GZIP_BYTES)} %): **${siteSizes.total.gzip <= BUDGET_GZIP_BYTES ? 'met' : 'NOT met'}**.`);
  if (laterSizes) {
    out.push('', 'Fetched after the first frame (not in the budget): the semibold face, and the tools module (Markdown, SVG/HTML/CSV, ' +
      'QR codes, merges; src/app/tools.hpp) that web/platform.js loads when the page is idle; the service worker precaches both.', '');
    out.push(formatTable(laterSizes));
  }
} else {
  out.push(`Not measured: no built site in \`${site}\`.`);
}
out.push('');

// Browser
out.push('## In the browser (Chromium)', '');
if (browser) {
  const e = browser.results.empty;
  const big = browser.results['2000'];
  out.push(`Each board opened from its share link in a fresh profile, ${browser.viewport} viewport, median of ${e.runs} runs ` +
    '(tools/bench-browser.mjs). Frame work = main-thread time of the app\'s requestAnimationFrame callback (UI, draw ' +
    'lists and WebGL calls); pan = a 60-step mouse drag on empty canvas.', '');
  out.push('| figure | empty board | 2,000-note board |', '|---|---:|---:|');
  const row = (label, key, digits = 1) => out.push(`| ${label} | ${fmt(e[key], digits)} | ${fmt(big[key], digits)} |`);
  out.push(`| notes on the board | ${e.notes} | ${big.notes} |`);
  out.push(`| share-link characters | ${e.linkChars} | ${big.linkChars} |`);
  row('navigation → first frame (ms)', 'firstFrameMs');
  row('navigation → board on screen (ms)', 'boardMs');
  row('frames per idle second', 'idleFps', 2);
  row('frames drawn during the pan', 'panFrames', 0);
  row('frame work while panning, median (ms)', 'frameWorkMedianMs', 2);
  row('frame work while panning, 95th percentile (ms)', 'frameWorkP95Ms', 2);
  row('interval between frames while panning, median (ms)', 'frameIntervalMedianMs', 2);
  if (trace) {
    out.push('', '### Does the page wait for the GPU?', '');
    out.push(`A Chrome trace (categories gpu, viz, devtools.timeline) of a ${trace.steps}-step pan on the 40-note German map, ` +
      `median of ${trace.runs} run(s) (tools/bench-trace.mjs): time the renderer's main thread spent blocked in ` +
      'CommandBufferHelper::Finish (waiting until the GPU process has run everything sent before — what a synchronous GL ' +
      'query costs) and in GL getters, per frame the app drew.', '');
    out.push('| figure | value |', '|---|---:|');
    out.push(`| frames drawn during the pan | ${trace.frames} |`);
    out.push(`| main thread blocked in CommandBufferHelper::Finish, per frame (ms) | ${fmt(trace.blockedMsPerFrame, 2)} |`);
    out.push(`| … in GL queries (GetIntegerv …), per frame (ms) | ${fmt(trace.queryMsPerFrame, 2)} |`);
    out.push(`| blocking calls during the pan | ${trace.blockedCalls} |`);
    out.push(`| animation-frame callbacks, per frame (ms) | ${fmt(trace.frameMsPerFrame, 2)} |`);
  }
  if (startup) {
    const b = startup.breakdown;
    out.push('', '### Start-up', '');
    out.push(`Where the time to ready goes: the 40-note German map opened from its share link in fresh browser contexts, median of ${startup.runs} ` +
      'loads, ms since navigation start (tools/bench-startup.mjs; marks set by web/platform.js and src/platform/web/web_platform.cpp). ' +
      '*Ready* as the Excalidraw peer\'s probe defines it: the app has drawn a frame with the board open, then 2 more animation frames.', '');
    out.push('| moment | ms |', '|---|---:|');
    const moments = [
      ['index.html received', 'index.html'], ['mapathy.wasm received (preloaded, like the scripts)', 'mapathy.wasm'],
      ['platform.js runs: the module\'s fetch is under way', 'mapathy-platform-js'],
      ['WebGL2 context created (once the module\'s bytes are here, while it compiles on other threads; or after 40 ms of download; then the renderer\'s shaders are linked)', 'mapathy-gl-context'],
      ['module compiled (on the engine\'s threads, while the context was created)', 'mapathy-wasm-compiled'], ['module instantiated', 'mapathy-wasm-instantiated'],
      ['main() starts', 'mapathy-main'], ['renderer set up (buffers, texture; the program linked by platform.js)', 'mapathy-gl-ready'],
      ['UI texts read (the reader\'s language file, fetched with the module)', 'mapathy-texts-ready'], ['app created', 'mapathy-app-ready'],
      ['local library read', 'mapathy-library-read'],
      ['board opened from the link (decoded: the first decode also primes the link coder\'s model)', 'mapathy-board-ready'],
      ['first-frame font atlas built and uploaded (ASCII and the characters of the texts and the board)', 'mapathy-fonts-ready'],
      ['renderer warmed up (the first frame\'s pipeline drawn once, invisibly; waits for the shaders\' link)', 'mapathy-gl-warm'],
      ['first frame starts (in the same task as main(), no wait for an animation frame)', 'mapathy-first-frame-start'], ['first frame: UI and draw lists done', 'mapathy-first-frame-ui'],
      ['first frame drawn', 'mapathy-first-frame'], ['ready', 'ready'],
      ['late part of the module in place (mapathy-late.wasm, fetched three animation frames after the first frame)', 'mapathy-late-ready'],
      ['semibold face in use (fetched three animation frames after the first frame; handed over when idle)', 'mapathy-bold-font'],
    ];
    for (const [label, key] of moments) if (b[key] !== undefined && b[key] !== null) out.push(`| ${label} | ${b[key]} |`);
    if (startup.sideBySide) {
      out.push('', 'Side by side with the Excalidraw 0.18 peer (../shared/peers/excalidraw, a 40-note empathy map): both measured by the ' +
        `peer's own probe (measure.js: fresh contexts, median of ${startup.runs} loads; bytes = gzip -9 of everything fetched before ready), ` +
        `alternately in the same run, ${startup.sideBySide.length} round(s). Target: Mapathy's time to ready at most half the peer's.`, '');
      out.push('| round | Excalidraw ready (ms) | Mapathy ready (ms) | ratio | Excalidraw KB before ready | Mapathy KB before ready | Excalidraw rAF in 3 s idle | Mapathy rAF in 3 s idle |',
        '|---|---:|---:|---:|---:|---:|---:|---:|');
      startup.sideBySide.forEach((r, i) => out.push(`| ${i + 1} | ${r.peer.ready_ms} (${r.peer.ready_ms_runs.join(', ')}) | ` +
        `${r.mapathy.ready_ms} (${r.mapathy.ready_ms_runs.join(', ')}) | ${fmt(r.ratio, 2)} | ${kb(r.peer.gzip9_bytes)} | ${kb(r.mapathy.gzip9_bytes)} | ` +
        `${r.peer.raf_idle_3s} | ${r.mapathy.raf_idle_3s} |`));
      const ratios = startup.sideBySide.map((r) => r.ratio).sort((x, y) => x - y);
      const middle = ratios.length >> 1;
      const medianRatio = ratios.length % 2 ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2;
      out.push('', `Median ratio over the rounds: ${fmt(medianRatio, 2)} (target ≤ 0.50): **${medianRatio <= 0.5 ? 'met' : 'NOT met'}**.`);
    } else {
      out.push('', 'The side-by-side figures need a built copy of the Excalidraw peer: `--peer DIR`.');
    }
  }
} else {
  out.push('Not run' + (values['no-browser'] ? ' (--no-browser).' : ' (no built site).'));
}
out.push('');

writeFileSync(values.out, out.join('\n'));
log(`wrote ${values.out}`);
