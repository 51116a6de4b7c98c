// engines: chromium
// Size budget: everything the browser loads before the first frame (shell page, scripts,
// stylesheet, icon, the WebAssembly module, any separate font, the UI's texts in one language), gzip-compressed,
// is at most 300 KB
// (tools/sitesize.mjs BUDGET_GZIP_BYTES). The editor's module is split (CMakeLists.txt): mapathy.wasm holds what
// the start runs, mapathy-late.wasm the rest; the page tests below check that each start fetches the late part
// only after its first frame and that nothing in the start needed it sooner (when something does, the list of
// start functions is out of date: run `node tools/startup-functions.mjs` and rebuild).
// Prints raw, gzip and brotli sizes of every file. Fails (never skips) when the site has not been built.
// The count is static (tools/sitesize.mjs reads index.html), so a real page load in Chromium checks that
// it is complete: nothing else is fetched before the first frame, and the semibold face comes after it.
import assert from 'node:assert/strict';
import test from 'node:test';
import { BUDGET_GZIP_BYTES, LANGUAGE_FILES, firstFrameFiles, formatTable, kb, measureSite } from '../../tools/sitesize.mjs';
import { readFileSync } from 'node:fs';
import { SITE_DIR, clickRaw, openApp, requireSite, settle, startTestServer, waitForFocus } from './lib.mjs';

// The late part of the module: fetched once, after the first frame, and in place without any call having
// needed it sooner ('loaded', not 'loaded on call').
async function lateAfterFirstFrame(page, firstFrame, file) {
  await page.waitForFunction(() => window.mapathy.lateModule() !== 'pending', null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => window.mapathy.lateModule()), 'loaded',
    'the start needed no function of the late part (else: node tools/startup-functions.mjs, and rebuild)');
  const late = (await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => ({ url: entry.name,
    start: entry.startTime })))).filter((entry) => file(entry.url) === 'mapathy-late.wasm');
  assert.equal(late.length, 1, 'the late part is fetched once');
  assert.ok(late[0].start >= firstFrame, 'after the first frame');
  assert.ok(!firstFrameFiles(SITE_DIR).includes('mapathy-late.wasm'), 'so it is not counted');
}

// Measured once (brotli at quality 11 takes seconds on a busy machine).
let measured = null;
const sizesOfSite = () => (measured ??= measureSite(requireSite()));

test(`what loads before the first frame fits in ${kb(BUDGET_GZIP_BYTES)} KB gzip`, () => {
  const sizes = sizesOfSite();
  const files = firstFrameFiles(SITE_DIR);
  for (const needed of ['index.html', 'mapathy.js', 'mapathy.wasm', 'platform.js']) {
    assert.ok(files.includes(needed), `${needed} is counted (found: ${files.join(', ')})`);
  }
  console.log(`${SITE_DIR}\n${formatTable(sizes)}`);
  console.log(`budget ${kb(BUDGET_GZIP_BYTES)} KB gzip, used ${kb(sizes.total.gzip)} KB`);
  assert.ok(sizes.total.gzip <= BUDGET_GZIP_BYTES,
    `the first frame needs ${kb(sizes.total.gzip)} KB gzip, over the ${kb(BUDGET_GZIP_BYTES)} KB budget ` +
    `(largest: ${[...sizes.rows].sort((a, b) => b.gzip - a.gzip)[0].file})`);
});

test('the measurement counts what index.html links and compresses for real', () => {
  const { rows, total } = sizesOfSite();
  for (const row of rows) {
    assert.ok(row.raw > 0, `${row.file} is not empty`);
    assert.ok(row.gzip < row.raw || row.raw < 200, `${row.file}: gzip makes it smaller`);
  }
  assert.equal(total.gzip, rows.reduce((sum, row) => sum + row.gzip, 0));
  // The wasm module is the bulk; if it were missing from the list the budget would mean nothing.
  const wasm = rows.find((row) => row.file === 'mapathy.wasm');
  assert.ok(wasm.gzip > total.gzip / 2, 'mapathy.wasm is most of the download');
});

test('in Chromium the first frame needs only the counted files; the bold face follows after it', async () => {
  const counted = firstFrameFiles(SITE_DIR);
  const app = await openApp({ waitForFrames: 1 });
  try {
    const { page } = app;
    await page.waitForFunction(() => window.mapathy.boldFont() !== 'pending', null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => window.mapathy.boldFont()), 'loaded', 'the semibold face is in use');
    const { firstFrame, resources } = await page.evaluate(() => ({
      firstFrame: performance.getEntriesByName('mapathy-first-frame')[0]?.startTime ?? null,
      resources: performance.getEntriesByType('resource').map((entry) => ({ url: entry.name, start: entry.startTime })),
    }));
    assert.ok(firstFrame !== null, 'the page marks its first frame');
    const site = new URL(app.url);
    const file = (url) => new URL(url).pathname.slice(site.pathname.length) || 'index.html';
    const before = resources.filter((entry) => entry.start < firstFrame).map((entry) => file(entry.url));
    // The tests' console capture (tests/browser/capture.js, served in test mode only) is not part of the site.
    const ofSite = before.filter((name) => name !== '__test/console.js');
    assert.equal(ofSite.length, before.length - 1, `the test server's capture script is loaded once: ${before}`);
    // One language file (the reader's; this browser is English) is fetched before the first frame; the budget
    // counts the larger of them (tools/sitesize.mjs), whichever the reader needs.
    const languages = ofSite.filter((name) => LANGUAGE_FILES.includes(name));
    assert.deepEqual(languages, ['strings-en.txt'], 'an English browser fetches the English texts, and only those');
    assert.ok(counted.some((name) => LANGUAGE_FILES.includes(name)), 'a language file is counted');
    for (const name of ofSite) {
      assert.ok(counted.includes(name) || LANGUAGE_FILES.includes(name), `${name} is fetched before the first frame but not counted`);
    }
    assert.ok(before.includes('mapathy.wasm'), `the module is among the files before the first frame: ${before}`);
    const bold = resources.filter((entry) => file(entry.url) === 'mapathy-bold.otf');
    assert.equal(bold.length, 1, 'the semibold face is fetched once');
    assert.ok(bold[0].start >= firstFrame, 'the semibold face is fetched after the first frame');
    assert.ok(!counted.includes('mapathy-bold.otf'), 'so it is not counted');
    await lateAfterFirstFrame(page, firstFrame, file);
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});

// Other starts the list of start functions was made from: a German empathy map and a 2,000-note map from their
// links on a laptop, a German journey board from its link on a phone (touch, pixel ratio 3).
for (const start of [
  { name: 'a German empathy map from its link', link: 'v1-typical-german-empathy-map.txt', options: {} },
  { name: 'a 2,000-note map from its link', link: '../large-links/v3-german-empathy-map-2000.txt', options: {} },
  { name: 'a German journey board from its link on a phone', link: 'phone-german-journey-4-stages.txt',
    options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true } },
]) {
  test(`${start.name}: the late part comes after the first frame, and the start did not need it`, async () => {
    const link = readFileSync(new URL(`../fixtures/links/${start.link}`, import.meta.url), 'utf8').trim();
    const hash = link.slice(link.indexOf('#') + 1);
    const app = await openApp({ locale: 'de-DE', hash, waitForFrames: 1, ...start.options });
    try {
      const { page } = app;
      await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 10000 });
      const firstFrame = await page.evaluate(() => performance.getEntriesByName('mapathy-first-frame')[0].startTime);
      const site = new URL(app.url.split('#')[0]);
      const file = (url) => new URL(url).pathname.slice(site.pathname.length) || 'index.html';
      await lateAfterFirstFrame(page, firstFrame, file);
      assert.deepEqual(await app.problems(), []);
    } finally {
      await app.close();
    }
  });
}

// A quick person (and every test that starts from a new board): "Neue Empathy Map" at once, while the late
// part is still on its way. That may not need the late part: it stays pending until the network delivers it and
// is then put in place as usual, and the first note goes onto the new board.
test('a new empathy map at once from the start screen, before the late part has arrived', async () => {
  let requests = 0;
  const server = await startTestServer({ hold: (path) => path === 'mapathy-late.wasm' && ++requests === 1 });
  const app = await openApp({ locale: 'de-DE', server, waitForFrames: 1 });
  try {
    const { page } = app;
    await clickRaw(page, '###start.newEmpathy.main');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 10000 });
    // Four frames of the new board at least: the pointer moving over it draws them (the app draws only when
    // something changes; the late part, held back, brings no frame of its own).
    const framesBefore = await page.evaluate(() => window.mapathy.frames());
    for (let step = 0; step < 6; ++step) {
      await page.mouse.move(500 + 12 * step, 420);
      await settle(page);
    }
    await page.waitForFunction((n) => window.mapathy.frames() > n + 3, framesBefore, { timeout: 10000 });
    assert.equal(await page.evaluate(() => window.mapathy.lateModule()), 'pending',
      'creating a board needed no function of the late part (else: node tools/startup-functions.mjs, and rebuild)');
    server.release();
    await page.waitForFunction(() => window.mapathy.lateModule() !== 'pending', null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => window.mapathy.lateModule()), 'loaded');
    await clickRaw(page, '###section.add.says');
    await waitForFocus(page, 'note-editor', 5000);
    await page.keyboard.insertText('Öffnungszeiten früh prüfen');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (JSON.parse(window.mapathy.document()).board.notes || []).length === 1);
    const texts = JSON.parse(await page.evaluate(() => window.mapathy.document())).board.notes.map((note) => note.text);
    assert.deepEqual(texts, ['Öffnungszeiten früh prüfen']);
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
    await server.close();
  }
});
