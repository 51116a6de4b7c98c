#!/usr/bin/env node
// Runs every Mapathy benchmark and writes BENCHMARKS.md at the repository root (issue 7). Nothing in that
// file is typed by hand: it is this script's output.
//
//   node tools/bench.mjs [--site SITE_DIR] [--build-dir DIR] [--no-browser] [--runs N] [--out FILE]
//
// 1. Configures and builds a native Release tree (default build/bench) with the Google Benchmark programs
//    (bench/): mapathy_bench_core and mapathy_bench_ui, and runs them.
// 2. Link sizes: every board of bench/bench_boards.hpp encoded by us, by deflate-9 + base64url
//    (mermaid.live style) and by lz-string's compressToEncodedURIComponent (TypeScript-playground style).
// 3. Download size of what loads before the first frame (tools/sitesize.mjs) of the built site
//    (default build/web/site: build it first with `cmake --workflow --preset web`).
// 4. The browser benchmark (tools/bench-browser.mjs) on that site in Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { baselineSizes } from './linksize.mjs';
import { BUDGET_GZIP_BYTES, DEFAULT_SITE, formatTable, kb, measureSite } from './sitesize.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    site: { type: 'string', default: process.env.MAPATHY_SITE_DIR || DEFAULT_SITE },
    'build-dir': { type: 'string', default: join(ROOT, 'build/bench') },
    'no-browser': { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: join(ROOT, 'BENCHMARKS.md') },
    jobs: { type: 'string', default: '2' },
  },
});
const site = resolve(values.site);
const buildDir = resolve(values['build-dir']);
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

function runBenchmark(program) {
  const path = join(buildDir, 'bench', program);
  if (!existsSync(path)) return null;
  log(`running ${program}`);
  const report = JSON.parse(run(path, ['--benchmark_format=json'], { stdio: ['ignore', 'pipe', 'inherit'] }));
  return report;
}
const core = runBenchmark('mapathy_bench_core');
const ui = runBenchmark('mapathy_bench_ui');
if (!core) throw new Error('mapathy_bench_core was not built (is libbenchmark-dev installed?)');

// ---- 2. link sizes
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

// ---- 3. site size
let siteSizes = null;
if (existsSync(join(site, 'mapathy.wasm'))) siteSizes = measureSite(site);
else log(`no built site in ${site}: size and browser figures skipped`);

// ---- 4. browser
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
    `load average at start ${tryRun('cut', ['-d', ' ', '-f', '1-3', '/proc/loadavg']) ?? '?'}`,
  `native compiler: ${tryRun('sh', ['-c', `grep -m1 '^CMAKE_CXX_COMPILER:' '${buildDir}/CMakeCache.txt' | cut -d= -f2`]) ?? '?'} ` +
    `(${(tryRun('c++', ['--version']) ?? '?').split('\n')[0]}), Release (-O3), Google Benchmark ${core.context.library_version ?? ''}`.trim(),
  `browser: ${browser ? (tryRun(browser.browser, ['--version']) ?? browser.browser) : 'not run'}` +
    (browser ? ', headless, WebGL2 through SwiftShader (software rendering)' : ''),
  `node ${process.version}`,
];

const us = (b) => (b.time_unit === 'us' ? b.real_time : b.time_unit === 'ms' ? b.real_time * 1000 : b.real_time / 1000);
const fmt = (x, digits = 1) => (x === null || x === undefined ? '—' : Number(x).toFixed(digits));
const byName = (report) => new Map(report.benchmarks.filter((b) => b.run_type !== 'aggregate').map((b) => [b.name, b]));

const out = [];
out.push('# Mapathy benchmarks', '');
out.push('Generated by `tools/bench.mjs`; do not edit by hand, run it again. See issue 7 for the targets.', '');
out.push(`- command: \`${command}\``);
out.push(`- date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`);
out.push(`- source: ${tryRun('git', ['-C', ROOT, 'describe', '--always', '--dirty']) ?? 'not a git checkout'}`);
for (const line of machine) out.push(`- ${line}`);
out.push('', 'The machine is shared (other builds run at the same time), so single figures can be noisy.', '');

// Core
const c = byName(core);
out.push('## Core (native, Google Benchmark)', '');
out.push('Boards: the German sample empathy map of the share-link tests (40 notes) and the same texts spread to 1,000 notes.', '');
out.push('| operation | 40 notes: µs | 40 notes: bytes | 1,000 notes: µs | 1,000 notes: bytes |', '|---|---:|---:|---:|---:|');
const ops = [['BM_LinkEncode', 'share link encode'], ['BM_LinkDecode', 'share link decode (validated board)'],
  ['BM_LinkRoundTrip', 'share link encode + decode'], ['BM_JsonSave', 'JSON save (compact)'],
  ['BM_JsonLoad', 'JSON load (restore, migrate, validate)'], ['BM_MarkdownExport', 'Markdown export'],
  ['BM_MarkdownImport', 'Markdown import']];
for (const [key, label] of ops) {
  const small = c.get(`${key}/40`);
  const large = c.get(`${key}/1000`);
  out.push(`| ${label} | ${fmt(small && us(small))} | ${small?.bytes ?? '—'} | ${fmt(large && us(large))} | ${large?.bytes ?? '—'} |`);
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
    'picks to show the whole board, "100 %" zooms in around the middle of the window. *cards* = cards drawn in the frame.', '');
  out.push('| board | notes | view | zoom | µs per frame | cards drawn | vertices |', '|---|---:|---|---:|---:|---:|---:|');
  for (const b of ui.benchmarks.filter((x) => x.run_type !== 'aggregate')) {
    const m = b.name.match(/notes:(\d+)\/zoomedIn:(\d)\/journey:(\d)/);
    if (!m) continue;
    out.push(`| ${m[3] === '1' ? 'journey' : 'empathy map'} | ${m[1]} | ${m[2] === '1' ? '100 %' : 'fit'} | ` +
      `${fmt(b.zoom * 100, 0)} % | ${fmt(us(b))} | ${b.cards ?? '—'} | ${b.vertices ?? '—'} |`);
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
out.push('Fragment lengths for the same board: ours (format 1), deflate level 9 + base64url of the compact JSON ' +
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
