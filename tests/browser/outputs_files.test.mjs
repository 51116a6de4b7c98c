// engines: chromium
// Outputs as files, in Chromium: the print page prints to landscape A4 PDF pages; the PNG
// download is the rasterised SVG; the SVG is well-formed for the browser's XML parser and holds every
// note; the notes CSV parses back with Python's csv module. Chromium only: its driver reports downloads
// and prints PDFs; the Firefox and WebKit drivers used here do neither (README: what is not covered).
// The views themselves (text view, print page) are tested on every engine in outputs.test.mjs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { ARTIFACTS_DIR, byRawSuffix, click, decodePng, distinctColours, openApp } from './lib.mjs';
import { JOURNEY, openBoard } from './outputs_boards.mjs';

// Clicks the visible widget whose raw label (with its ###id) ends with `suffix`, once it has come to rest.
const clickRaw = (page, suffix) => click(page, byRawSuffix(suffix));

test('outputs: PDF, PNG, SVG and CSV from a real Chromium', async () => {
  const app = await openApp({ locale: 'en-US', viewport: { width: 1280, height: 860 } });
  const { page } = app;
  try {
    const journey = await openBoard(page, JOURNEY);
    const journeyNotes = journey.board.notes;

    // ---- the print page prints to two landscape A4 pages
    await clickRaw(page, '###toolbar.share');
    const print = await app.waitForPopup(() => clickRaw(page, '###export.printA4'));
    const pdf = await print.pdf({ preferCSSPageSize: true, printBackground: true });
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(join(ARTIFACTS_DIR, 'outputs-print-journey.pdf'), pdf);
    const pdfText = pdf.toString('latin1');
    const pdfPages = (pdfText.match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pdfPages, 2, 'two printed pages');
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdfText);
    assert.ok(box, 'PDF has a media box');
    assert.ok(Math.abs(+box[1] - 841.9) < 2 && Math.abs(+box[2] - 595.3) < 2, `A4 landscape, got ${box[1]} x ${box[2]}`);
    await print.close();

    // ---- PNG: the SVG rasterised in the browser at twice its size
    const png = await page.download(() => clickRaw(page, '###export.png'));
    assert.match(png.name, /^switching-electricity-provider\.png$/);
    const image = decodePng(png.bytes);
    const svg = await page.download(() => clickRaw(page, '###export.svg'));
    assert.equal(svg.name, 'switching-electricity-provider.svg');
    const svgText = svg.bytes.toString('utf8');
    const [, svgWidth, svgHeight] = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svgText);
    assert.equal(image.width, Math.floor(2 * svgWidth));
    assert.equal(image.height, Math.floor(2 * svgHeight));
    assert.ok(distinctColours(png.bytes) > 50, 'the PNG is a picture, not a blank');
    writeFileSync(join(ARTIFACTS_DIR, 'outputs-journey.png'), png.bytes);
    // The browser's strict XML parser accepts the SVG, and every note is a card with its full text.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror') !== null, root: doc.documentElement.localName,
        titles: [...doc.querySelectorAll('g > title')].map((e) => e.textContent) };
    }, svgText);
    assert.equal(parsed.error, false);
    assert.equal(parsed.root, 'svg');
    for (const note of journeyNotes) assert.ok(parsed.titles.includes(note.text), `SVG card for: ${note.text}`);

    // ---- CSV of the notes: Python's csv module reads back every text exactly
    const csv = await page.download(() => clickRaw(page, '###export.csvNotes'));
    assert.equal(csv.name, 'switching-electricity-provider-notes.csv');
    const python = spawnSync('python3', ['-c', [
      'import csv, io, json, sys',
      'data = sys.stdin.buffer.read().decode("utf-8-sig")',
      'print(json.dumps(list(csv.reader(io.StringIO(data, newline=""), strict=True))))',
    ].join('\n')], { input: csv.bytes });
    assert.equal(python.status, 0, python.stderr.toString());
    const rows = JSON.parse(python.stdout.toString());
    assert.deepEqual(rows[0], ['Board', 'Stage', 'Lane', 'Text', 'Colour', 'Tags', 'Votes', 'Evidence', 'Author', 'ID']);
    assert.equal(rows.length, journeyNotes.length + 1);
    for (const note of journeyNotes) {
      const row = rows.find((r) => r[9] === note.id);
      assert.ok(row, `CSV row for ${note.id}`);
      assert.equal(row[3], note.text);
      assert.equal(row[6], String(note.votes || 0));
    }
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});
