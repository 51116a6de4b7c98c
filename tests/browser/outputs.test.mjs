// engines: chromium firefox webkit
// Outputs in a real browser: the accessible text view and the print page open in a new tab and
// pass a structural check (headings, lists, a table with header cells) with their own CSS applied (the
// Content-Security-Policy a Blob page inherits would block an inline style: the page links its CSS as a
// Blob stylesheet). The canvas carries an aria-label that says where the text view is, and the page's own
// "Open text view" button is the first thing Tab reaches; Alt+Shift+A opens the view too. Screenshots of
// each view go to the artifacts folder (and, with MAPATHY_SCREENSHOTS_DIR set, their first screen to that
// folder: that is how docs/screenshots/outputs-*.png are made). The files (PNG, SVG, CSV, the printed
// PDF) are outputs_files.test.mjs. Console problems of the new tabs count where the engine's driver
// reports them (Chromium, Firefox; the tabs run no script of ours, so nothing captures them in WebKit).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { ARTIFACTS_DIR, byRawSuffix, click, distinctColours, openApp, waitForApp } from './lib.mjs';
import { EMPATHY, JOURNEY, openBoard } from './outputs_boards.mjs';

// Clicks the visible widget whose raw label (with its ###id) ends with `suffix`, once it has come to rest.
const clickRaw = (page, suffix) => click(page, byRawSuffix(suffix));

// The whole page goes to the artifacts folder (to be looked at); with MAPATHY_SCREENSHOTS_DIR set (e.g.
// docs/screenshots), its first screen goes there as well, for the README.
const SCREENSHOTS_DIR = process.env.MAPATHY_SCREENSHOTS_DIR;
async function fullScreenshot(page, name) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  // A new tab may be shot before its first paint (seen in WebKit): shoot again for up to 5 s until it shows.
  let png = await page.screenshot({ fullPage: true });
  for (let tries = 0; distinctColours(png) <= 20 && tries < 25; ++tries) {
    await page.waitForTimeout(200);
    png = await page.screenshot({ fullPage: true });
  }
  assert.ok(distinctColours(png) > 20, `${name}: a page, not a blank`);
  writeFileSync(path, png);
  if (SCREENSHOTS_DIR) {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOTS_DIR, `${name}.png`), await page.screenshot());
  }
  return path;
}

// Structure of an HTML view as a screen reader meets it.
const structure = (tab) => tab.evaluate(() => {
  const texts = (selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent.trim());
  const table = document.querySelector('table');
  return {
    lang: document.documentElement.lang,
    title: document.title,
    h1: texts('h1'),
    h2: texts('h2'),
    h3: texts('h3'),
    listItems: texts('li'),
    lists: document.querySelectorAll('ul').length,
    caption: table && table.caption ? table.caption.textContent.trim() : null,
    // Header cells of the first table (the journey; the print page's action items have a table of their own).
    colHeaders: table ? [...table.querySelectorAll('th[scope=col]')].map((e) => e.textContent.trim()) : [],
    rowHeaders: table ? [...table.querySelectorAll('th[scope=row]')].map((e) => e.textContent.trim()) : [],
    tables: document.querySelectorAll('table').length,
    bodyText: document.body.innerText,
    scripts: document.scripts.length,
    images: document.images.length,
    // The page's own inline CSS applied (not blocked by a Content-Security-Policy).
    styled: getComputedStyle(document.body).fontFamily.includes('Inter'),
    pageRule: [...document.styleSheets].flatMap((s) => [...s.cssRules]).filter((r) => r instanceof CSSPageRule)
      .map((r) => r.style.getPropertyValue('size')),
    pages: document.querySelectorAll('.page').length,
  };
});

const lines = (text) => text.split('\n');

test('outputs: text view and print page, by mouse, shortcut and keyboard', async () => {
  const app = await openApp({ locale: 'en-US', viewport: { width: 1280, height: 860 } });
  const { page } = app;
  try {
    // The tools module makes these pages. Asked for before it has loaded, the page comes a moment after the
    // click, and WebKit then offers it as a file instead of a tab (it opens tabs only in the click's frame;
    // tests/browser/tools_module.test.mjs covers that moment). Here: once it is loaded, as a second later.
    await page.evaluate(() => window.mapathy.tools.load());
    // ---- the page tells screen readers what the canvas is and where the text view is
    const shell = await page.evaluate(() => {
      const canvas = document.getElementById('canvas');
      const button = document.getElementById('text-view');
      return { label: canvas.getAttribute('aria-label'), role: canvas.getAttribute('role'),
        button: button && button.textContent, buttonIsFirst: document.querySelector('button, [tabindex="0"], a[href], textarea, input') === button };
    });
    assert.equal(shell.role, 'img');
    assert.match(shell.label, /text view/i);
    assert.match(shell.label, /Textansicht/);
    assert.match(shell.label, /Alt\+Shift\+A/);
    assert.match(shell.button, /Open the board's text view/);
    assert.ok(shell.buttonIsFirst, 'the text-view button comes before every other control');

    // ---- journey board: text view from the toolbar button
    const journey = await openBoard(page, JOURNEY);
    const journeyNotes = journey.board ? journey.board.notes : journey.notes;
    const stages = (journey.board || journey).stages;
    const lanes = (journey.board || journey).lanes;
    const textView = await app.waitForPopup(() => clickRaw(page, '###export.textView'));
    assert.match(await textView.url(), /^blob:/, 'opened from a Blob URL, not written into the app page');
    const t = await structure(textView);
    assert.equal(t.h1.length, 1);
    assert.equal(t.h1[0], 'Switching electricity provider');
    assert.ok(t.h2.includes('Persona') && t.h2.includes('Customer journey') && t.h2.includes('Action items'), t.h2.join('|'));
    assert.deepEqual(t.h3, stages.map((s) => s.name), 'one heading per stage');
    assert.equal(t.caption, 'Customer journey: lanes by stage');
    assert.deepEqual(t.colHeaders, ['Lane', ...stages.map((s) => s.name)]);
    assert.deepEqual(t.rowHeaders, lanes.map((l) => l.name));
    assert.ok(t.lists >= stages.length, 'notes are lists');
    for (const note of journeyNotes) {
      for (const line of lines(note.text)) assert.ok(t.bodyText.includes(line), `text view shows: ${line}`);
    }
    assert.equal(t.scripts, 0);
    assert.equal(t.images, 0, 'the <img> note stayed text');
    assert.ok(t.styled, 'its own CSS applies');
    console.log('text view (journey):', await fullScreenshot(textView, 'outputs-textview-journey'));
    await textView.close();

    // ---- the print page from the share dialog: landscape A4, one board per page
    await clickRaw(page, '###toolbar.share');
    const print = await app.waitForPopup(() => clickRaw(page, '###export.printA4'));
    const p = await structure(print);
    // CSS keywords are case-insensitive; engines serialise the page size in lower case or as written.
    assert.deepEqual(p.pageRule.map((size) => size.toLowerCase()), ['a4 landscape']);
    assert.equal(p.h1.length, 1);
    assert.equal(p.pages, 2, 'the board, then the action items on their own page');
    // Each stage's column header: its name, then its description (in smaller type) when it has one.
    assert.deepEqual(p.colHeaders.slice(1), stages.map((s) => (s.description ? s.name + s.description : s.name)));
    assert.equal(p.tables, 2, 'the journey table and the action items table');
    assert.deepEqual(p.rowHeaders, lanes.map((l) => l.name));
    assert.ok(p.styled);
    for (const note of journeyNotes) {
      for (const line of lines(note.text)) assert.ok(p.bodyText.includes(line), `print page shows: ${line}`);
    }
    console.log('print page (journey):', await fullScreenshot(print, 'outputs-print-journey'));
    await print.close();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);

    // ---- the text view's shortcut, Alt+Shift+A, in the app that has just been used with the mouse
    const shortcutView = await app.waitForPopup(() => page.keyboard.press('Alt+Shift+A'));
    assert.match(await shortcutView.url(), /^blob:/);
    assert.deepEqual((await structure(shortcutView)).h1, ['Switching electricity provider']);
    await shortcutView.close();

    // ---- empathy map (German board, English UI), as a keyboard user meets the app: in a fresh tab the
    // first Tab reaches the page's own "Open the board's text view" button, and Enter opens the view.
    // (Once someone works in the app, Tab moves between the app's own controls instead.)
    const keyboardPage = await app.newPage();
    await keyboardPage.goto(app.url);
    await waitForApp(keyboardPage);
    await keyboardPage.evaluate(() => window.mapathy.tools.load());  // as above: the tools module is there
    const map = await openBoard(keyboardPage, EMPATHY);
    const mapBoard = map.board || map;
    await keyboardPage.keyboard.press('Tab');
    assert.equal(await keyboardPage.evaluate(() => document.activeElement.id), 'text-view');
    const mapView = await app.waitForPopup(() => keyboardPage.keyboard.press('Enter'));
    const m = await structure(mapView);
    assert.equal(m.lang, 'en');
    assert.equal(m.h1[0], 'Kundin der Stadtwerke: Umzug melden');
    for (const section of mapBoard.sections) {
      assert.ok(m.h2.some((h) => h.startsWith(section.title)), `heading for section ${section.title}`);
    }
    assert.ok(m.lists >= mapBoard.sections.length);
    assert.ok(m.listItems.length >= mapBoard.notes.length);
    for (const note of mapBoard.notes) {
      const first = lines(note.text)[0];
      assert.ok(m.listItems.some((li) => li.startsWith(first)), `list item for: ${first}`);
    }
    assert.equal(m.images, 0);
    assert.ok(m.styled);
    console.log('text view (empathy map):', await fullScreenshot(mapView, 'outputs-textview-empathy'));
    await mapView.close();

    await keyboardPage.bringToFront();
    await clickRaw(keyboardPage, '###toolbar.share');
    const mapPrint = await app.waitForPopup(() => clickRaw(keyboardPage, '###export.printLetter'));
    const mp = await structure(mapPrint);
    assert.deepEqual(mp.pageRule.map((size) => size.toLowerCase()), ['letter landscape']);
    assert.ok(mp.h2.length >= mapBoard.sections.length, 'a heading per section');
    assert.ok(mp.listItems.length >= mapBoard.notes.length, 'cards are list items');
    console.log('print page (empathy map):', await fullScreenshot(mapPrint, 'outputs-print-empathy'));
    await mapPrint.close();

    assert.deepEqual(await app.problems(), [], 'no console errors or warnings in the app, its second tab and the views');
  } finally {
    await app.close();
  }
});
