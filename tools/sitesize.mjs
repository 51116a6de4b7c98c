#!/usr/bin/env node
// What the browser loads before Mapathy's first frame, and how big it is raw, gzip- and brotli-compressed
// (the budget: at most 300 KB gzip in total). Used by tests/browser/size_budget.test.mjs and
// tools/bench.mjs; also a command:
//
//   node tools/sitesize.mjs [SITE_DIR]      (default build/web/site) prints the table, exit 1 over budget;
//                                           then the files fetched after the first frame, counted apart
//
// The files: the shell page, every script, stylesheet and icon it links, the WebAssembly module the
// Emscripten loader fetches (<script>.wasm next to each script that has one) and any web font in the
// site except those the page fetches only after its first frame (AFTER_FIRST_FRAME) or on demand (ON_DEMAND). The web app manifest
// is counted too (Chromium fetches it while the page loads); the service worker is registered after the
// first frame and is not.
// tests/browser/size_budget.test.mjs checks in Chromium that the first frame really needs nothing else.
// gzip at zlib's default level 6 (what static hosts such as GitHub Pages serve) and at 9; brotli at 11.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// 340 KB (decimal: the stricter reading): 347.4 KB measured once the web build dropped exceptions and
// sscanf; 352.6 KB with the note editor (+2.7 KB) and sharp zoomed text and emoji (+2.5 KB); 357.8 KB with
// the board's other texts edited in the platform's field (+3.7 KB) and emoji sequences (+1.5 KB); 351.4 KB
// once the share and "send back" links are made by the tools module (−5.3 KB); 349.9 KB with the Markdown
// importer's and QR encoder's refusals worded in the tools module (−1.1 KB) and the renderer's frame bytes kept
// in an ImVector (−0.6 KB); 345.6 KB with the C library's vsnprintf and sscanf replaced at link time
// (src/platform/web/libc_shims.cpp, core/base/printf.hpp: −4.3 KB); 339.0 KB with strtod replaced too
// (core/base/read_double.hpp: −6.6 KB, musl's software long-double arithmetic gone with it); 332.3 KB with the UI's
// texts in one language file per language instead of both languages compiled in (src/ui/ui_texts.hpp:
// module −15.7 KB, German file +8.7 KB); 331.6 KB without ImGui's dark palette (−0.7 KB); 327.9 KB with sinf and cosf
// replaced at link time (core/base/sin_cos.hpp: −3.7 KB; musl's bring __rem_pio2f and its table of 2/π).
// 324.2 KB with every JSON read going through one parser (parseJson in core/io/format.hpp: −3.7 KB, nlohmann's
// DOM parsers and a second lexer for another input type leave); 323.7 KB with qsort replaced at link time
// (core/base/sort.hpp, a heap sort: −0.5 KB); 265.7 KB with the editor's module split in two (CMakeLists.txt,
// tools/startup-functions.mjs): mapathy.wasm keeps the 1,648 functions the start runs and 460 more of at most 32
// bytes each, the other 844 go to mapathy-late.wasm, fetched after the first frame (−58.0 KB); 268.1 KB with the start
// paths of a new board from the start screen in the list, the renderer's warm-up and the lean first-frame atlas (+2.4 KB);
// 258.9 KB with wasm-opt's inlining limited for one-caller functions and widened for tiny ones (CMakeLists.txt: −9.3 KB)
// and memcpy/memmove/memset of our own (src/platform/web/memory_shims.cpp: +0.1 KB).
// JavaScriptCore loads mapathy-whole.wasm instead (web/platform.js, oneModule; printed apart). The budget is the
// issue's target, 300 KB.
export const BUDGET_GZIP_BYTES = 300 * 1000;
export const DEFAULT_SITE = fileURLToPath(new URL('../build/web/site/', import.meta.url));

const FONT = /\.(woff2?|ttf|otf)$/i;
// What web/platform.js fetches once the first frame is on screen: the semibold face (src/platform/fonts.hpp
// says why) and the tools module (src/app/tools.hpp). Counted separately (afterFirstFrameFiles).
export const AFTER_FIRST_FRAME = ['mapathy-late.wasm', 'mapathy-bold.otf', 'mapathy-tools.js', 'mapathy-tools.wasm'];

// Relative URLs of what index.html makes the browser fetch before the app can draw.
export function firstFrameFiles(siteDir) {
  const html = readFileSync(join(siteDir, 'index.html'), 'utf8');
  const files = ['index.html'];
  const add = (url) => {
    if (!url || /^[a-z]+:/i.test(url) || url.startsWith('//')) return;  // only files of the site itself
    const clean = url.replace(/[?#].*$/, '').replace(/^\.\//, '');
    if (!files.includes(clean)) files.push(clean);
  };
  for (const tag of html.match(/<script\b[^>]*>/gi) || []) add(attribute(tag, 'src'));
  for (const tag of html.match(/<link\b[^>]*>/gi) || []) {
    const rel = (attribute(tag, 'rel') || '').toLowerCase().split(/\s+/);
    if (rel.includes('stylesheet') || rel.includes('icon') || rel.includes('preload') ||
        rel.includes('modulepreload') || rel.includes('manifest')) add(attribute(tag, 'href'));
  }
  for (const file of [...files]) {
    const wasm = file.replace(/\.js$/, '.wasm');
    if (wasm !== file && existsSync(join(siteDir, wasm))) add(wasm);
  }
  for (const name of readdirSync(siteDir)) if (FONT.test(name) && !AFTER_FIRST_FRAME.includes(name)) add(name);
  // web/platform.js fetches the UI's texts in the reader's language with the module (src/ui/ui_texts.hpp):
  // one of the language files, counted as the larger of them.
  const languages = LANGUAGE_FILES.filter((file) => existsSync(join(siteDir, file)));
  if (languages.length > 0) {
    const gzipOf = (file) => gzipSync(readFileSync(join(siteDir, file)), { level: 6 }).length;
    add(languages.reduce((larger, file) => (gzipOf(file) > gzipOf(larger) ? file : larger)));
  }
  return files;
}

// The UI's texts, one file per language: the reader's is fetched before the first frame, the other one only
// when the reader switches language.
export const LANGUAGE_FILES = ['strings-de.txt', 'strings-en.txt'];

// What web/platform.js fetches only when the person asks for it: the camera scanner and its QR decoder
// (web/scanner.js, jsQR), loaded when "Scan QR codes" starts. Not in the budget; printed apart.
export const ON_DEMAND = ['scanner.js', 'jsqr.js'];

// The editor's module whole, which JavaScriptCore loads instead of mapathy.wasm and mapathy-late.wasm.
export const ONE_MODULE = 'mapathy-whole.wasm';

// Relative URLs of what the page fetches after its first frame (those of AFTER_FIRST_FRAME the site has).
export function afterFirstFrameFiles(siteDir) {
  return AFTER_FIRST_FRAME.filter((file) => existsSync(join(siteDir, file)));
}

function attribute(tag, name) {
  const match = tag.match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return match ? (match[2] ?? match[3] ?? match[4]) : null;
}

// [{file, raw, gzip, gzip9, brotli}] plus a total row, of `files` (default: what loads before the first frame).
export function measureSite(siteDir = DEFAULT_SITE, files = firstFrameFiles(siteDir)) {
  const rows = files.map((file) => {
    const path = join(siteDir, file);
    if (!existsSync(path)) throw new Error(`index.html refers to ${file}, which is not in ${siteDir}`);
    const bytes = readFileSync(path);
    return {
      file,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 6 }).length,
      gzip9: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
    };
  });
  const total = { file: 'total' };
  for (const key of ['raw', 'gzip', 'gzip9', 'brotli']) total[key] = rows.reduce((sum, row) => sum + row[key], 0);
  return { rows, total };
}

export const kb = (bytes) => (bytes / 1000).toFixed(1);

export function formatTable({ rows, total }) {
  const lines = ['| file | raw KB | gzip-6 KB | gzip-9 KB | brotli-11 KB |', '|---|---:|---:|---:|---:|'];
  for (const row of [...rows, total]) {
    const name = row === total ? '**total**' : `\`${row.file}\``;
    lines.push(`| ${name} | ${kb(row.raw)} | ${kb(row.gzip)} | ${kb(row.gzip9)} | ${kb(row.brotli)} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const site = resolve(process.argv[2] || DEFAULT_SITE);
  const sizes = measureSite(site);
  console.log(`Loaded before the first frame (${site}):\n`);
  console.log(formatTable(sizes));
  const over = sizes.total.gzip > BUDGET_GZIP_BYTES;
  console.log(`\nBudget: ${kb(BUDGET_GZIP_BYTES)} KB gzip; used ${kb(sizes.total.gzip)} KB ` +
    `(${(100 * sizes.total.gzip / BUDGET_GZIP_BYTES).toFixed(1)} %)${over ? ' — OVER BUDGET' : ''}`);
  const later = afterFirstFrameFiles(site);
  if (later.length) {
    console.log('\nFetched after the first frame (not in the budget):\n');
    console.log(formatTable(measureSite(site, later)));
  }
  if (existsSync(join(site, ONE_MODULE))) {
    console.log(`\nJavaScriptCore (Safari, browsers on iOS, GNOME Web) before the first frame: the module whole instead of its ` +
      `two parts (web/platform.js, oneModule), plus the preloaded start part it does not use (not in the budget):\n`);
    console.log(formatTable(measureSite(site, [...firstFrameFiles(site), ONE_MODULE])));
  }
  const counted = firstFrameFiles(site);
  const otherLanguage = LANGUAGE_FILES.filter((file) => existsSync(join(site, file)) && !counted.includes(file));
  if (otherLanguage.length) {
    console.log('\nFetched only when the reader switches language (not in the budget):\n');
    console.log(formatTable(measureSite(site, otherLanguage)));
  }
  const onDemand = ON_DEMAND.filter((file) => existsSync(join(site, file)));
  if (onDemand.length) {
    console.log('\nFetched only when scanning QR codes starts (not in the budget):\n');
    console.log(formatTable(measureSite(site, onDemand)));
  }
  process.exit(over ? 1 : 0);
}
