#!/usr/bin/env node
// Runs every Mapathy benchmark and writes BENCHMARKS.md at the repository root (issue 7). Nothing in that
// file is typed by hand: it is this script's output. Not part of CI (only the size budget is:
// tests/browser/size_budget.test.mjs).
//
//   node tools/bench.mjs [--site SITE_DIR] [--build-dir DIR] [--web-build-dir DIR] [--no-browser]
//                        [--runs N] [--out FILE] [--jobs N]
//
// 1. Configures and builds a native Release tree (default build/h-bench) with the Google Benchmark programs
//    (bench/): mapathy_bench_core and mapathy_bench_ui, and runs them.
// 2. Builds the web site (MinSizeRel, Emscripten; default build/web-bench) unless --site names an already
//    built site.
// 3. Link sizes: every board of bench/bench_boards.hpp encoded by us, by deflate-9 + base64url
//    (mermaid.live style) and by lz-string's compressToEncodedURIComponent (TypeScript-playground style).
// 4. Download size of what loads before the first frame (tools/sitesize.mjs) of that site.
// 5. The browser benchmark (tools/bench-browser.mjs) on that site in Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { baselineSizes } from './linksize.mjs';
import { BUDGET_GZIP_BYTES, formatTable, kb, measureSite } from './sitesize.mjs';

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
  // GCC 12 reports a false -Wrestrict inside libstdc++ at -O2/-O3 (GCC bug 105329); -Werror would stop the build.
  '-DCMAKE_CXX_FLAGS=-Wno-restrict'], { stdio: ['ignore', 'ignore', 'inherit'] });
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
  const [name, notes, description] = line.split('\t');
  const json = readFileSync(join(linkDir, `${name}.json`), 'utf8');
  const ours = readFileSync(join(linkDir, `${name}.link`), 'utf8').trim();
  return { name, notes: Number(notes), description, ...baselineSizes(json), ours: ours.length,
    url: PAGE.length + 1 + ours.length };
});

// ---- 4. site size
let siteSizes = null;
if (existsSync(join(site, 'mapathy.wasm'))) siteSizes = measureSite(site);
else log(`no built site in ${site}: size and browser figures skipped`);

// ---- 5. browser
let browser = null;
if (siteSizes && !values['no-browser']) {
  log('running the browser benchmark (Chromium)');
  browser = JSON.parse(run('node', [join(ROOT, 'tools/bench-browser.mjs'), '--links', linkDir, '--site', site,
    '--runs', values.runs], { stdio: ['ignore', 'pipe', 'inherit'] }));
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
out.push('Generated by `tools/bench.mjs`; do not edit by hand, run it again. See issue 7 for the targets.', '');
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
out.push('Fragment lengths for the same board: ours (link format 1, or 2 when the binary form of the board is over 8 KiB), deflate level 9 + base64url of the compact JSON ' +
  '(mermaid.live style) and lz-string `compressToEncodedURIComponent` of it (TypeScript-playground style). ' +
  `*URL* is the whole link with the page address \`${PAGE}\`.`, '');
out.push('| board | notes | JSON bytes | deflate-9 + base64url | lz-string | ours | ours vs smaller baseline | URL |',
  '|---|---:|---:|---:|---:|---:|---:|---:|');
for (const l of links) {
  const best = Math.min(l.deflate, l.lzString);
  out.push(`| ${l.name} — ${l.description} | ${l.notes} | ${l.jsonBytes} | ${l.deflate} | ${l.lzString} | ${l.ours} | ` +
    `${fmt(100 * (l.ours - best) / best)} % | ${l.url} |`);
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
} else {
  out.push('Not run' + (values['no-browser'] ? ' (--no-browser).' : ' (no built site).'));
}
out.push('');

writeFileSync(values.out, out.join('\n'));
log(`wrote ${values.out}`);
