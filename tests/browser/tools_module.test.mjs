// engines: chromium firefox webkit
// The tools module (mapathy-tools.js + mapathy-tools.wasm, src/app/tools.hpp): fetched only after the first
// frame and loaded when the page is idle; its outputs are byte for byte those of the editor's own export
// buttons; Markdown goes out and comes back; its QR codes scan; a contribution made with it merges back;
// bad requests get a message; it works offline once the service worker has cached the site (the editor's
// own export button and QR code too); a click before the module is there shows "preparing…" and completes
// by itself once it arrives; and it never touches the app's own module. The byte-for-byte comparison with the editor's download buttons needs a
// driver that reports downloads (Chromium here); every engine runs the rest.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { ARTIFACTS_DIR, byId, capabilities, centre, click, documentJson, findWidget, openApp, startTestServer,
  waitForApp, widgets } from './lib.mjs';

const ZBARIMG = '/usr/bin/zbarimg';
const LINKS = fileURLToPath(new URL('../fixtures/links/', import.meta.url));
const germanMap = readFileSync(join(LINKS, 'v1-typical-german-empathy-map.txt'), 'utf8').trim().replace(/^[^#]*#/, '');
// Short enough for the share dialog's QR code (the German map's link is not).
const journey = readFileSync(join(LINKS, 'v1-journey-lifecycle-en.txt'), 'utf8').trim().replace(/^[^#]*#/, '');

const run = (page, request) => page.evaluate((r) => window.mapathy.tools.run(r), request);

// The editor's downloads, caught in the page on every engine (not every driver reports downloads): the
// files the app hands to web/platform.js, as text.
async function catchDownloads(page) {
  await page.evaluate(() => {
    window.__downloads = [];
    window.MapathyWeb.download = (name, mime, bytes) => {
      const data = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
      window.__downloads.push({ name, mime, text: data });
    };
  });
}
const caught = (page) => page.evaluate(() => window.__downloads);
const messageTexts = (page) => page.evaluate(() => window.mapathy.messages().map((m) => m.text));

async function downloadOf(page, id) {
  const { bytes } = await page.download(async () => {
    const item = (await widgets(page)).find((w) => w.visible && w.w > 0 && w.rawLabel.endsWith('###' + id));
    assert.ok(item, `the ${id} button is on screen`);
    const { x, y } = centre(item);
    await page.mouse.click(x, y);
  });
  return bytes;
}

test('loaded after the first frame, when idle; the same outputs as the editor; Markdown round trip', async () => {
  const app = await openApp({ locale: 'de-DE', hash: germanMap });
  try {
    const { page } = app;
    // Nobody asked for it: the page loads it by itself once idle after the first frame.
    await page.waitForFunction(() => performance.getEntriesByName('mapathy-tools-ready').length > 0, null,
      { timeout: 30000 });
    const timing = await page.evaluate(() => ({
      firstFrame: performance.getEntriesByName('mapathy-first-frame')[0].startTime,
      tools: performance.getEntriesByType('resource').filter((e) => /mapathy-tools\.(js|wasm)$/.test(e.name))
        .map((e) => ({ name: e.name.split('/').pop(), start: e.startTime })),
    }));
    assert.deepEqual(timing.tools.map((t) => t.name).sort(), ['mapathy-tools.js', 'mapathy-tools.wasm']);
    for (const file of timing.tools) assert.ok(file.start > timing.firstFrame, `${file.name} is fetched after the first frame`);
    // Its loader defines only its factory: the app's module is untouched and keeps drawing.
    assert.equal(await page.evaluate(() => typeof window.createMapathyTools), 'function');
    assert.equal(await page.evaluate(() => typeof window.Module._mapathy_frames), 'function');

    const board = await documentJson(page);
    const notes = JSON.parse(board).board.notes;
    assert.equal(notes.length, 40);

    // SVG and CSV: byte for byte what the share dialog's buttons download (the editor asks the module too).
    await page.mouse.click(...Object.values(centre(await findWidget(page, byId('toolbar.share')))));
    await findWidget(page, byId('share.copy'));
    const svg = await run(page, { op: 'svg', board });
    assert.equal(svg.ok, true, JSON.stringify(svg).slice(0, 200));
    assert.match(svg.text, /^<\?xml/);
    const csv = await run(page, { op: 'csvNotes', board, delimiter: ';', bom: true });
    assert.equal(csv.ok, true);
    const markdown = await run(page, { op: 'markdownExport', board });
    assert.equal(markdown.ok, true);
    if (capabilities.downloads) {
      assert.equal(svg.text, (await downloadOf(page, 'export.svg')).toString('utf8'), 'the same SVG as the export button');
      assert.deepEqual(Buffer.from(csv.text, 'utf8'), await downloadOf(page, 'export.csvNotes'), 'the same CSV');
      assert.equal(markdown.text, (await downloadOf(page, 'share.downloadMarkdown')).toString('utf8'), 'the same Markdown');
    }

    // Markdown back in: a board with every note's text.
    const imported = await run(page, { op: 'markdownImport', text: markdown.text });
    assert.equal(imported.ok, true, imported.error);
    const importedNotes = JSON.parse(imported.board).board.notes;
    assert.deepEqual(importedNotes.map((n) => n.text).sort(), notes.map((n) => n.text).sort());

    // The text view and the print page are whole HTML documents in the asked language.
    const textView = await run(page, { op: 'textView', board, lang: 'de' });
    assert.match(textView.text, /^<!DOCTYPE html>/i);
    assert.match(textView.text, /<html lang="de"/);
    for (const note of notes.slice(0, 5)) assert.ok(textView.text.includes(note.text.replace(/"/g, '&quot;')) ||
      textView.text.includes(note.text), `the text view shows ${note.text}`);
    const print = await run(page, { op: 'print', board, lang: 'en', paper: 'letter' });
    assert.match(print.text, /size:\s*letter landscape/i);
    assert.ok(print.scale > 0 && print.scale <= 1, `a fit scale: ${print.scale}`);
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});

test('QR codes scan; a contribution link made by the module merges back; bad requests get a message', async () => {
  assert.ok(existsSync(ZBARIMG), 'zbarimg is needed to read the QR code back (Debian package zbar-tools)');
  const app = await openApp({ locale: 'en-US', hash: germanMap });
  try {
    const { page } = app;
    const board = await documentJson(page);
    const link = await page.evaluate(() => window.mapathy.shareLink());

    // QR: level M when it fits, modules as a string; drawn into a PNG here and read back by zbarimg.
    const qr = await run(page, { op: 'qr', text: link });
    assert.equal(qr.ok, true, qr.error);
    assert.equal(qr.size, 17 + 4 * qr.version);
    assert.equal(qr.modules.length, qr.size * qr.size);
    assert.equal(qr.ecc, 'M');
    const png = await page.evaluate(({ size, modules }) => {
      const scale = 4, quiet = 4;
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = (size + 2 * quiet) * scale;
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.fillStyle = '#000';
      for (let y = 0; y < size; ++y) {
        for (let x = 0; x < size; ++x) {
          if (modules[y * size + x] === '1') context.fillRect((x + quiet) * scale, (y + quiet) * scale, scale, scale);
        }
      }
      return canvas.toDataURL('image/png').split(',')[1];
    }, qr);
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const path = join(ARTIFACTS_DIR, 'tools-module-qr.png');
    writeFileSync(path, Buffer.from(png, 'base64'));
    const read = execFileSync(ZBARIMG, ['--raw', '-q', '-Sbinary', path], { encoding: 'utf8' }).trim();
    assert.equal(read, link, 'zbarimg reads the link back');
    const tooLong = await run(page, { op: 'qr', text: 'x'.repeat(4000) });
    assert.equal(tooLong.ok, false);
    assert.ok(tooLong.error.length > 10, tooLong.error);

    // A participant's copy with one more note and a dot; the module makes the contribution link …
    const changed = JSON.parse(board);
    const first = changed.board.notes[0];
    changed.board.notes.push({ ...first, id: 'tools-new-note', text: 'Neu aus dem Workshop', votes: 0,
      created: changed.board.clock + 1, modified: changed.board.clock + 1 });
    changed.board.clock += 1;
    const delta = await run(page, { op: 'delta', base: board, board: JSON.stringify(changed), voter: 'v-tools',
      baseUrl: 'https://example.org/mapathy/' });
    assert.equal(delta.ok, true, delta.error);
    assert.match(delta.link, /^https:\/\/example\.org\/mapathy\/#[123]/);
    assert.ok(delta.link.length < link.length, 'a contribution is shorter than the whole board');
    // … and merging it into the facilitator's board brings exactly that note in.
    const merged = await run(page, { op: 'merge', board, incoming: [delta.link] });
    assert.equal(merged.ok, true, merged.error);
    assert.deepEqual(merged.summary.addedNotes, ['tools-new-note']);
    assert.deepEqual(merged.conflicts, []);
    const mergedNotes = JSON.parse(merged.board).board.notes;
    assert.equal(mergedNotes.length, 41);
    assert.ok(mergedNotes.some((n) => n.id === 'tools-new-note' && n.text === 'Neu aus dem Workshop'));

    // Bad requests: a message, never a crash; the app keeps running.
    const framesBefore = await page.evaluate(() => window.mapathy.frames());
    const unknown = await run(page, { op: 'nope' });
    assert.equal(unknown.ok, false);
    assert.equal(unknown.error, 'Unknown op "nope".');
    assert.equal(unknown.code, 'tools.unknownOp', 'a code the editor words in the reader\'s language');
    const badBoard = await run(page, { op: 'svg', board: '{"format": "mapathy", "version": 99}' });
    assert.equal(badBoard.ok, false);
    assert.match(badBoard.error, /newer|version/i);
    const badLink = await run(page, { op: 'merge', board, incoming: ['https://example.org/#1AAAA'] });
    assert.equal(badLink.ok, false);
    assert.match(badLink.error, /^Incoming item 1: /);
    const noText = await run(page, { op: 'markdownImport' });
    assert.equal(noText.ok, false);
    await page.mouse.move(400, 400);
    await page.waitForFunction((n) => window.mapathy.frames() > n, framesBefore);
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});

test('offline: the service worker precached the module, so it loads and runs without a network', async () => {
  const server = await startTestServer();
  let app = null;
  try {
    app = await openApp({ server, hash: journey });
    const { page } = app;
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    const cached = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((name) => name.startsWith('mapathy-'));
      const cache = await caches.open(names[0]);
      return (await cache.keys()).map((request) => request.url.split('/').pop());
    });
    for (const file of ['mapathy-tools.js', 'mapathy-tools.wasm']) assert.ok(cached.includes(file), `${file} is precached`);
    // The tests' console capture is not part of the site: cache it by hand so the offline page is watched too.
    await page.evaluate(async () => {
      for (const name of await caches.keys()) await (await caches.open(name)).add('__test/console.js');
    });

    // Offline, as on a train: the server is out of reach.
    await server.close();
    await page.reload();
    await waitForApp(page);
    const board = await documentJson(page);
    assert.ok(board, 'the board reopened offline');
    const svg = await run(page, { op: 'svg', board });
    assert.equal(svg.ok, true, svg.error);
    assert.match(svg.text, /^<\?xml/);
    // The editor's own buttons work offline too: the share dialog's QR code and the SVG export.
    await catchDownloads(page);
    await click(page, byId('toolbar.share'));
    await findWidget(page, 'share.qr', { timeout: 15000 });
    await app.setClipboard('');
    await click(page, byId('share.copy'));
    await page.waitForTimeout(300);
    assert.equal(await app.readClipboard(), await page.evaluate(() => window.mapathy.shareLink()),
      'once made, the copied link is the share link');
    await click(page, byId('export.svg'));
    await page.waitForFunction(() => window.__downloads.length > 0, null, { timeout: 15000 });
    const [file] = await caught(page);
    assert.match(file.name, /\.svg$/);
    assert.equal(file.text, svg.text, 'the export button downloads what the tools module makes');
    assert.deepEqual(await app.problems(), []);
  } finally {
    if (app) await app.close();
    await server.close().catch(() => {});
  }
});

test('a click before the tools module is there shows "preparing…" and completes by itself', async () => {
  // A slow network for the tools module only: its files wait until the test lets them through.
  const server = await startTestServer({ hold: (path) => /^mapathy-tools\.(js|wasm)$/.test(path) });
  let app = null;
  try {
    app = await openApp({ server, hash: journey });
    const { page } = app;
    assert.equal(await page.evaluate(() => performance.getEntriesByName('mapathy-tools-ready').length), 0);
    await catchDownloads(page);
    await click(page, byId('toolbar.share'));
    // The link (and so its QR code) is made by the tools module: until it is there the dialog says
    // "Preparing…" where the link goes, offers nothing to copy, and the files and outputs meanwhile.
    await findWidget(page, 'Download Markdown');
    const before = await page.evaluate(() => window.mapathy.widgets().map((w) => w.rawLabel));
    assert.ok(!before.some((l) => l.endsWith('##share.link') || l.endsWith('###share.copy')), 'no link yet');
    await click(page, byId('share.downloadMarkdown'));
    await page.waitForFunction(() => window.mapathy.messages().some((m) => m.text === 'Preparing…'), null,
      { timeout: 10000 });
    assert.deepEqual(await caught(page), [], 'nothing downloaded before the module is there');

    server.release();  // the module arrives
    await page.waitForFunction(() => window.__downloads.length > 0, null, { timeout: 30000 });
    const [file] = await caught(page);
    assert.match(file.name, /\.md$/);
    assert.equal(file.mime, 'text/markdown');
    const expected = await run(page, { op: 'markdownExport', board: await documentJson(page) });
    assert.equal(file.text, expected.text, 'the Markdown of the open board');
    await findWidget(page, 'share.qr', { timeout: 15000 });
    await page.waitForFunction(() => !window.mapathy.messages().some((m) => m.text === 'Preparing…'), null,
      { timeout: 10000 });
    assert.ok(!(await messageTexts(page)).includes('Preparing…'));
    assert.deepEqual(await app.problems(), []);
  } finally {
    if (app) await app.close();
    await server.close().catch(() => {});
  }
});
