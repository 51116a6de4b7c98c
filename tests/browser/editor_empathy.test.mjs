// engines: chromium firefox webkit
// The editor, empathy map, acted out like a workshop participant on a tablet (German browser; a touch
// screen where the engine can be one, see capabilities.touchDevice): every target is finger-sized, notes are added in two sections with the "+" buttons,
// German text with umlauts, ß and typographic quotes goes in through the on-screen-keyboard path, a note is
// dragged to another section with one finger, undo and redo come from the toolbar (tablets have no
// keyboard), and the share dialog's "Copy link" puts a link on the clipboard that opens the same board
// in a fresh browser.
import assert from 'node:assert/strict';
import test from 'node:test';
import {
  board, byId, centre, findWidget, openApp, screenshot, tap, touchDrag, typeText, waitForFocus, widgets,
} from './lib.mjs';

const SAYS = 'Sagt: „Das Formular ist mir zu umständlich.“ Größe, Öl, Übermaß, süß.';
const THINKS = 'Denkt: Hoffentlich klappt’s diesmal – ärgerlich wäre es!';

// Ends editing like a finger would: a tap on empty canvas (the margin left of the board).
async function tapEmptyCanvas(page) {
  const viewport = page.viewportSize();
  await page.touchscreen.tap(8, viewport.height - 8);
  await page.waitForTimeout(200);
}

const noteById = (doc, id) => doc.board.notes.find((note) => note.id === id);

test('empathy map on a tablet: finger-sized targets, German notes, drag to another section, undo/redo, link', async () => {
  const app = await openApp({
    locale: 'de-DE', hasTouch: true, isMobile: true, viewport: { width: 1024, height: 768 },
  });
  let copy = null;
  try {
    const { page } = app;
    await tap(page, 'Neue Empathy Map');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    await page.waitForTimeout(300);
    let doc = await board(page);
    assert.equal(doc.kind, 'empathy-map');
    assert.equal(doc.board.lang, 'de', 'a German browser gets the German template');
    assert.ok(doc.board.sections.length >= 3);
    const [says, thinks, does] = doc.board.sections;

    // The engine presents a touch screen when it can; then the app uses its touch layout: finger-sized
    // targets everywhere a finger goes. Text is readable from the start either way.
    const coarse = await page.evaluate(() => matchMedia('(pointer: coarse)').matches);
    assert.equal(coarse, app.capabilities.touchDevice, `(pointer: coarse) is ${coarse} in ${app.engine}`);
    const minimum = coarse ? 44 : 20;
    for (const id of ['toolbar.back', 'toolbar.undo', 'toolbar.redo', 'toolbar.zoomIn', 'toolbar.share', 'lang.de',
      `section.add.${says.id}`, `section.add.${thinks.id}`, 'persona.edit']) {
      const item = await findWidget(page, byId(id));
      assert.ok(item.w >= minimum && item.h >= minimum, `${id} is ${item.w}×${item.h} CSS px, at least ${minimum}×${minimum}`);
    }
    const toolbar = (await widgets(page)).filter((item) => item.visible && /###(toolbar\.|lang\.|export\.textView|workshop\.toolbar)/.test(item.rawLabel));
    for (let i = 0; i < toolbar.length; ++i) {
      for (let j = i + 1; j < toolbar.length; ++j) {
        const a = toolbar[i], b = toolbar[j];
        const overlap = a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
        assert.ok(!overlap, `toolbar buttons ${a.rawLabel} and ${b.rawLabel} do not overlap`);
      }
      assert.ok(toolbar[i].x >= 0 && toolbar[i].x + toolbar[i].w <= 1024, `${toolbar[i].rawLabel} is on screen`);
    }
    assert.ok(await page.evaluate(() => window.mapathy.zoom()) >= 0.95, 'a new map opens at a readable zoom');

    // A note in "Sagt": the "+" button, then German text into the note editor over the card.
    await tap(page, byId(`section.add.${says.id}`));
    await page.waitForFunction(() => JSON.parse(window.mapathy.document()).board.notes.length === 1);
    await waitForFocus(page, 'note-editor', 3000);
    await typeText(page, SAYS);
    await tapEmptyCanvas(page);
    doc = await board(page);
    const first = doc.board.notes[0];
    assert.equal(first.text, SAYS);
    assert.equal(first.section, says.id);
    assert.notEqual(await page.evaluate(() => document.activeElement && document.activeElement.id), 'note-editor',
      'the on-screen keyboard closes when editing ends');

    // A note in "Denkt".
    await tap(page, byId(`section.add.${thinks.id}`));
    await page.waitForFunction(() => JSON.parse(window.mapathy.document()).board.notes.length === 2);
    await typeText(page, THINKS);
    await tapEmptyCanvas(page);
    doc = await board(page);
    const second = doc.board.notes.find((note) => note.id !== first.id);
    assert.equal(second.text, THINKS);
    assert.equal(second.section, thinks.id);
    await screenshot(page, 'editor-empathy-two-notes');

    // Drag the first note with one finger into "Tut" (below that section's heading).
    const card = await findWidget(page, `note.${first.id}`);
    const plus = await findWidget(page, byId(`section.add.${does.id}`));
    const target = { x: plus.x - 60, y: plus.y + 160 };
    await touchDrag(page, centre(card), target);
    doc = await board(page);
    assert.equal(noteById(doc, first.id).section, does.id, 'the note moved to "Tut"');
    assert.equal(noteById(doc, first.id).text, SAYS, 'moving keeps the text');

    // Undo and redo from the toolbar: the drag is one step.
    await tap(page, byId('toolbar.undo'));
    await page.waitForTimeout(200);
    doc = await board(page);
    assert.equal(noteById(doc, first.id).section, says.id, 'undo puts the note back');
    assert.equal(doc.board.notes.length, 2);
    await tap(page, byId('toolbar.redo'));
    await page.waitForTimeout(200);
    doc = await board(page);
    assert.equal(noteById(doc, first.id).section, does.id, 'redo moves it again');

    // Share: copy the link (on touch, inside the tap) and open it in a fresh browser.
    await tap(page, byId('toolbar.share'));
    await app.setClipboard('');
    await tap(page, byId('share.copy'));
    await page.waitForTimeout(300);
    const copied = await app.readClipboard();
    assert.equal(copied, await page.evaluate(() => window.mapathy.shareLink()), 'the copied link is the share link');
    assert.ok(copied.includes('#'), 'the board travels in the fragment');
    await screenshot(page, 'editor-empathy-share');
    assert.deepEqual(await app.problems(), []);

    copy = await openApp({ locale: 'en-US', hash: copied.slice(copied.indexOf('#') + 1) });
    await copy.page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    const opened = await board(copy.page);
    assert.equal(opened.board.id, doc.board.id);
    assert.deepEqual(opened.board.notes.map((note) => [note.text, note.section]).sort(),
      doc.board.notes.map((note) => [note.text, note.section]).sort(), 'the same notes in the same sections');
    assert.deepEqual(await copy.problems(), []);
  } finally {
    if (copy) await copy.close();
    await app.close();
  }
});
