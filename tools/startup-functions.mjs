#!/usr/bin/env node
// Which of the editor module's functions the start needs: the list cmake/startup_functions.txt that splits
// the module in two (CMakeLists.txt: mapathy.wasm keeps these, mapathy-late.wasm gets the rest, fetched after
// the first frame by web/platform.js).
//
//   node tools/startup-functions.mjs [--build build/web]
//       profiles the start: binaryen's wasm-split instruments BUILD/mapathy-whole.wasm (the unsplit module
//       with its function names), a copy of the site with that module is opened in Chromium in each start
//       below (an English and a German browser without a board; a German empathy map, an English journey
//       board, a 300-note and a 2,000-note map from their share links; two boards on a phone; an empathy map and a journey
//       board restored from the library after a reload; a broken link),
//       with the mouse moved and the wheel turned once the board is there and 2.5 s more, and the page's
//       automation API read (window.mapathy); every function that ran is written to the list. Rebuild afterwards.
//   node tools/startup-functions.mjs --keep-names LIST WHOLE_WASM OUT     (the build runs this)
//       writes the names of WHOLE_WASM's functions that LIST holds, in wasm-split's spelling, one per line.
//
// The list holds a 64-bit FNV-1a hash of each function's name rather than the name (C++ names run to hundreds
// of characters: 420 KB of names against 27 KB of hashes). A function the list does not know (new code, a
// renamed one) goes to the late part: it still works, loaded when first called. When the start calls one,
// tests/browser/size_budget.test.mjs fails (the late part is then fetched before the first frame): run this
// tool again.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LIST = join(ROOT, 'cmake/startup_functions.txt');
// Measured on the 1,647 listed functions: keeping every function of at most 32 bytes as well adds 461
// functions and 2.8 KB gzip to mapathy.wasm (64 bytes: 654 functions, 6.3 KB).
const SMALL_FUNCTION_BYTES = Number(process.env.MAPATHY_SMALL_FUNCTION_BYTES ?? 32);

// ---- names: the function names of a module's "name" section, spelled as binaryen spells them (every
// character outside the WebAssembly text format's identifier characters as \xx, lower-case hex).
// Also each function's code size in bytes (sizes: index → bytes), when asked for.
function functionNames(bytes, sizes = null) {
  let p = 8;
  const leb = () => { let r = 0, s = 0, x; do { x = bytes[p++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; };
  const text = () => { const n = leb(); const t = bytes.subarray(p, p + n); p += n; return t; };
  const names = new Map();
  let importedFunctions = 0;
  while (p < bytes.length) {
    const id = bytes[p++];
    const size = leb();
    const end = p + size;
    if (id === 2) {  // imports: functions imported come first in the index space
      for (let count = leb(); count > 0; --count) {
        text();
        text();
        const kind = bytes[p++];
        if (kind === 0) { leb(); importedFunctions += 1; } else if (kind === 1) { p += 1; const flags = leb(); leb(); if (flags & 1) leb(); } else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); } else { p += 2; }
      }
    } else if (id === 10 && sizes) {
      for (let count = leb(), i = 0; i < count; ++i) {
        const bodySize = leb();
        sizes.set(importedFunctions + i, bodySize);
        p += bodySize;
      }
    } else if (id === 0 && Buffer.from(text()).toString('latin1') === 'name') {
      while (p < end) {
        const sub = bytes[p++];
        const subSize = leb();
        const subEnd = p + subSize;
        if (sub === 1) {
          for (let count = leb(); count > 0; --count) {
            const index = leb();
            names.set(index, escapeName(text()));
          }
        }
        p = subEnd;
      }
    }
    p = end;
  }
  return names;
}

const ID_CHARS = /[0-9A-Za-z!#$%&'*+\-./:<=>?@^_`|~]/;
function escapeName(raw) {
  const plain = Buffer.from(raw).toString('latin1');
  if ([...plain].every((ch) => ID_CHARS.test(ch))) return plain;
  let out = '';
  for (const byte of raw) {
    const ch = String.fromCharCode(byte);
    out += ID_CHARS.test(ch) ? ch : '\\' + (byte >> 4).toString(16) + (byte & 15).toString(16);
  }
  return out;
}

export function nameHash(name) {  // FNV-1a, 64 bits, as 16 hex digits
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(name, 'latin1')) h = BigInt.asUintN(64, (h ^ BigInt(byte)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

function readList(file) {
  return new Set(readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter((line) => /^[0-9a-f]{16}$/.test(line)));
}

const args = process.argv.slice(2);
if (args[0] === '--keep-names') {
  const [, listFile, wholeWasm, out] = args;
  const keep = readList(listFile);
  const sizes = new Map();
  const names = functionNames(readFileSync(wholeWasm), sizes);
  // Small functions stay too, listed or not: helpers such as the digits of a number ≥ 1000 run only for some
  // boards, and a call that loads the late part at start costs more than their bytes.
  const small = (index) => (sizes.get(index) ?? Infinity) <= SMALL_FUNCTION_BYTES;
  const listed = [...names.entries()].filter(([, name]) => keep.has(nameHash(name)));
  const kept = [...names.entries()].filter(([index, name]) => keep.has(nameHash(name)) || small(index)).map(([, name]) => name);
  writeFileSync(out, kept.join('\n') + '\n');
  console.log(`startup functions: ${kept.length} of ${names.size} kept in mapathy.wasm (${listed.length} listed, the list has ` +
    `${keep.size}; the others of at most ${SMALL_FUNCTION_BYTES} bytes)`);
  process.exit(0);
}

// ---- profiling
const buildDir = args.includes('--build') ? resolve(args[args.indexOf('--build') + 1]) : join(ROOT, 'build/web');
const whole = join(buildDir, 'mapathy-whole.wasm');
if (!existsSync(whole)) throw new Error(`${whole} is missing: build the web app first (cmake --build ${buildDir})`);
const work = mkdtempSync(join(tmpdir(), 'mapathy-startup-'));
const site = join(work, 'site');
cpSync(join(buildDir, 'site'), site, { recursive: true });
rmSync(join(site, 'mapathy-late.wasm'), { force: true });
rmSync(join(site, 'sw.js'), { force: true });  // no service worker: every load fetches the instrumented module
execFileSync('wasm-split', ['--instrument', '--enable-mutable-globals', whole, '-o', join(site, 'mapathy.wasm')]);

const { CHROMIUM, CHROMIUM_FLAGS } = await import('../tests/browser/drivers/chromium.mjs');
const { chromium } = await import('../tests/browser/node_modules/playwright-core/index.mjs');
const { startServer } = await import('./serve.mjs');
const link = (file) => readFileSync(join(ROOT, 'tests/fixtures/links', file), 'utf8').trim().replace(/^[^#]*#/, '');
const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const STARTS = [
  { name: 'English browser, no board', device: DESKTOP, locale: 'en-US', hash: '' },
  { name: 'German browser, no board', device: DESKTOP, locale: 'de-DE', hash: '' },
  { name: 'German empathy map from its link', device: DESKTOP, locale: 'de-DE', hash: link('v1-typical-german-empathy-map.txt') },
  { name: 'English journey board from its link', device: DESKTOP, locale: 'en-US', hash: link('v1-journey-lifecycle-en.txt') },
  { name: 'phone, German empathy map', device: PHONE, locale: 'de-DE', hash: link('phone-german-empathy-map-38.txt') },
  { name: 'phone, German journey board', device: PHONE, locale: 'de-DE', hash: link('phone-german-journey-4-stages.txt') },
  { name: 'empathy map restored after a reload', device: DESKTOP, locale: 'de-DE', hash: link('v3-typical-german-empathy-map.txt'), reload: true },
  { name: 'journey board restored after a reload', device: DESKTOP, locale: 'en-US', hash: link('v1-journey-lifecycle-en.txt'), reload: true },
  { name: 'a large board from its link', device: DESKTOP, locale: 'de-DE', hash: link('v2-large-german-empathy-map-300.txt') },
  { name: 'a 2,000-note board from its link', device: DESKTOP, locale: 'de-DE', hash: link('../large-links/v3-german-empathy-map-2000.txt') },
  { name: 'a broken link', device: DESKTOP, locale: 'de-DE', hash: link('v1-typical-german-empathy-map.txt').slice(0, 60) },
  // A new board at once from the start screen (a quick person, and every test that starts from a new board).
  { name: 'a new empathy map from the start screen', device: DESKTOP, locale: 'de-DE', hash: '', create: '###start.newEmpathy.main' },
  { name: 'a new journey board from the start screen', device: DESKTOP, locale: 'en-US', hash: '', create: '###start.newJourney.main' },
  { name: 'phone, a new empathy map from the start screen', device: PHONE, locale: 'de-DE', hash: '', create: '###start.newEmpathy.main' },
];

const server = await startServer({ root: site });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
const profiles = [];
try {
  for (const [i, start] of STARTS.entries()) {
    const context = await browser.newContext({ ...start.device, locale: start.locale });
    // The instance, to ask it for its profile.
    await context.addInitScript(() => {
      const instantiate = WebAssembly.instantiate;
      WebAssembly.instantiate = async function (...rest) {
        const result = await instantiate.apply(this, rest);
        window.__mapathyInstance = result.instance || result;
        return result;
      };
    });
    const page = await context.newPage();
    const ready = () => page.waitForFunction(() => window.mapathy && window.mapathy.frames() >= 3, null, { timeout: 60000 });
    await page.goto(server.url + (start.hash ? '#' + start.hash : ''));
    await ready();
    if (start.create) {
      const item = await page.evaluate((suffix) => window.mapathy.widgets().find((w) => w.visible && w.rawLabel.endsWith(suffix)), start.create);
      if (!item) throw new Error(`${start.name}: no ${start.create} on the start screen`);
      const x = item.x + item.w / 2;
      const y = item.y + item.h / 2;
      if (start.device.hasTouch) await page.touchscreen.tap(x, y);
      else await page.mouse.click(x, y);
      await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 10000 });
      await page.waitForFunction((n) => window.mapathy.frames() > n + 2, await page.evaluate(() => window.mapathy.frames()));
    }
    if (start.reload) {
      await page.evaluate(() => window.mapathy.flush());
      await page.goto(server.url);
      await ready();
    }
    // What a person's first moments do before the late part can have arrived: the pointer moves over the board.
    if (!start.device.hasTouch) {
      for (let step = 0; step < 8; ++step) await page.mouse.move(200 + step * 90, 150 + step * 60);
      await page.mouse.wheel(0, 120);
      await page.waitForFunction((n) => window.mapathy.frames() > n, await page.evaluate(() => window.mapathy.frames()));
    }
    // And what runs in the seconds after (timers: the library's save, the semibold face's arrival), while the
    // late part may still be on its way on a slow connection.
    await page.waitForTimeout(2500);
    // The page's automation API (window.mapathy: the tests and tools read the app through it, from the first
    // frame on) is part of the start too.
    await page.evaluate(() => {
      const m = window.mapathy;
      m.widgets(); m.frames(); m.document(); m.zoom(); m.atlas(); m.messages(); m.library(); m.boldFont();
      m.lateModule(); m.persistentStorage(); m.noteLines('none');
    });
    const bytes = await page.evaluate(() => {
      const exports = window.__mapathyInstance.exports;
      const size = 1 << 20;
      const pointer = window.Module._malloc(size);
      const length = exports.__write_profile(pointer, size);
      return Array.from(window.Module.HEAPU8.subarray(pointer, pointer + length));
    });
    const file = join(work, `start-${i}.prof`);
    writeFileSync(file, Buffer.from(bytes));
    profiles.push(file);
    console.log(`profiled: ${start.name}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

execFileSync('wasm-split', ['--merge-profiles', ...profiles, '-o', join(work, 'start.prof')]);
const verbose = execFileSync('wasm-split', ['--enable-mutable-globals', '--profile=' + join(work, 'start.prof'), '-v', whole,
  '-o1', join(work, 'primary.wasm'), '-o2', join(work, 'secondary.wasm')], { encoding: 'utf8', maxBuffer: 64 << 20 });
const line = verbose.split('\n').find((l) => l.startsWith('Keeping functions: '));
const kept = line.slice('Keeping functions: '.length).split(', ').filter(Boolean);
const hashes = [...new Set(kept.map(nameHash))].sort();
writeFileSync(LIST, [
  '# The editor module\'s functions the start runs (64-bit FNV-1a hashes of their names), written by',
  '# `node tools/startup-functions.mjs`: they stay in mapathy.wasm, every other function goes to mapathy-late.wasm.',
  ...hashes, ''].join('\n'));
rmSync(work, { recursive: true, force: true });
console.log(`${LIST}: ${hashes.length} functions of ${functionNames(readFileSync(whole)).size}`);
