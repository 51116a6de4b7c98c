// engines: chromium firefox webkit
// Writing a note in place (German browser): the note is typed into a real textarea laid over its card, in
// the card's face and size, wrapping as the card does. A 120-character German note shows wrapped while it
// is typed, with the same line breaks as the card draws after editing (the textarea's lines measured per
// word with a Range over a copy of it with its computed style, and its own height in lines; the card's
// from window.mapathy.noteLines); the caret is in it at the end; a double-click selects a word; Enter
// makes a new line; Escape and a click outside end editing and keep the text; one Ctrl+Z takes the whole
// typed text back. A persona's goal and a journey stage's description are typed into the same textarea,
// wrapping as the board shows them (window.mapathy.noteLines with the text's key). On a phone (touch, pixel
// ratio 3) the textarea opens over the reading layout's card, and a long press on a word in it selects
// that word — made by the app (web/platform.js), since no engine here selects on a long press by itself
// (Chromium only where it has touch editing: Android, ChromeOS): Chromium gets real touch events through
// the DevTools protocol, Firefox through WebDriver BiDi touch actions, WebKit touch events made in the page.
// Editing goes on and the card's menu does not open.
import assert from 'node:assert/strict';
import test from 'node:test';
import { board, byId, byRawSuffix, centre, click, findWidget, openApp, screenshot, settle, waitForFocus } from './lib.mjs';
import { EMPATHY_LINK, PHONES, openPhone } from './phone.mjs';

const NOTE = 'Größter Wunsch: Rückruf übermorgen früh, bevor die Schicht beginnt – am liebsten persönlich und ohne lange Warteschleife';

const editorState = (page) => page.evaluate(() => {
  const editor = document.getElementById('note-editor');
  if (!editor || editor.hidden) return null;
  const r = editor.getBoundingClientRect();
  const height = editor.style.height;  // its text's own height: measured with the box at no height
  editor.style.height = '0px';
  const scrollHeight = editor.scrollHeight;
  editor.style.height = height;
  return {
    focused: document.activeElement === editor, value: editor.value, start: editor.selectionStart,
    end: editor.selectionEnd, x: r.left, y: r.top, w: r.width, h: r.height,
    lineHeight: parseFloat(getComputedStyle(editor).lineHeight), scrollHeight,
    font: getComputedStyle(editor).fontFamily, fontLoaded: document.fonts.check('15px mapathy-card'),
  };
});

// The textarea's lines (their characters without spaces, top to bottom) and where each word is (page
// coordinates): a copy of its text in a div with the textarea's computed style and width, a Range per
// character and per word.
const editorLines = (page) => page.evaluate(() => {
  const editor = document.getElementById('note-editor');
  const style = getComputedStyle(editor);
  const copy = document.createElement('div');
  for (const name of ['fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'whiteSpace', 'overflowWrap', 'wordBreak',
    'fontKerning', 'fontVariantLigatures', 'fontFeatureSettings', 'letterSpacing', 'tabSize', 'width', 'boxSizing']) {
    copy.style[name] = style[name];
  }
  const box = editor.getBoundingClientRect();
  Object.assign(copy.style, { position: 'fixed', left: box.left + 'px', top: box.top + 'px', padding: '0', border: '0',
    margin: '0', visibility: 'hidden' });
  const value = editor.value;
  copy.textContent = value;
  document.body.appendChild(copy);
  const text = copy.firstChild;
  // WebKit adds an empty rectangle at the end of the line before for a range that starts a line.
  const rectsOf = (from, to) => {
    const range = document.createRange();
    range.setStart(text, from);
    range.setEnd(text, to);
    return [...range.getClientRects()].filter((rect) => rect.width > 0);
  };
  const rows = [];
  for (let i = 0; i < value.length; ++i) {
    if (/\s/.test(value[i])) continue;
    const top = rectsOf(i, i + 1)[0].top;
    let row = rows.find((r) => Math.abs(r.top - top) < 2);
    if (!row) rows.push(row = { top, text: '' });
    row.text += value[i];
  }
  rows.sort((a, b) => a.top - b.top);
  const words = [];
  const re = /\S+/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const rects = rectsOf(m.index, m.index + m[0].length);
    words.push({ word: m[0], x: rects[0].left, y: rects[0].top, w: rects[0].width, h: rects[0].height, pieces: rects.length });
  }
  copy.remove();
  return { lines: rows.map((r) => r.text), words };
});

const GOAL = 'Den Stromvertrag zum Umzugstermin ummelden, ohne stundenlang in der Hotline zu warten oder Formulare auszudrucken';
const STAGE = 'Sieht Werbung für günstigere Tarife, vergleicht abends auf dem Sofa die Preise und fragt Freunde nach Erfahrungen';

const cardLines = async (page, id) => (await page.evaluate((i) => window.mapathy.noteLines(i), id))
  .map((line) => line.replace(/\s/g, '')).filter((line) => line !== '');
const noteText = async (page, id) => (await board(page)).board.notes.find((n) => n.id === id)?.text;

test('a 120-character German note wraps while it is typed as the card wraps it', async () => {
  assert.equal(NOTE.length, 120);
  const app = await openApp({ locale: 'de-DE' });
  try {
    const { page } = app;
    await click(page, 'Neue Empathy Map');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    await click(page, byId('section.add.says'));
    await waitForFocus(page, 'note-editor', 5000);
    const id = (await board(page)).board.notes.at(-1).id;

    await page.keyboard.type(NOTE, { delay: 5 });
    await page.waitForFunction((t) => window.mapathy.document().includes(t), NOTE, { timeout: 10000 });
    await settle(page);
    const typing = await editorState(page);
    assert.ok(typing && typing.focused, 'the textarea has the caret');
    assert.equal(typing.value, NOTE);
    assert.equal(typing.start, NOTE.length, 'the caret is at the end');
    assert.equal(typing.end, NOTE.length);
    assert.ok(typing.fontLoaded, "the card's face is loaded for the textarea");
    const { lines: typedLines, words: placed } = await editorLines(page);
    assert.ok(typedLines.length >= 4, `wrapped while typing: ${JSON.stringify(typedLines)}`);
    assert.equal(Math.round(typing.scrollHeight / typing.lineHeight), typedLines.length,
      'the textarea itself has as many lines');
    assert.ok(placed.every((w) => w.pieces === 1), 'no word is broken');
    const card = await findWidget(page, byRawSuffix(`note.${id}`));
    assert.ok(typing.x > card.x && typing.x + typing.w <= card.x + card.w + 0.5 && typing.y > card.y &&
      typing.y + typing.h <= card.y + card.h + 0.5, `the textarea lies on its card (${JSON.stringify(typing)} in ${JSON.stringify(card)})`);
    assert.deepEqual(typedLines, await cardLines(page, id), "the textarea's lines are the card's");
    await screenshot(page, 'writing-edit-typing');

    // A double-click selects a word.
    const word = placed.find((w) => w.word === 'Rückruf');
    await page.mouse.dblclick(word.x + word.w / 2, word.y + word.h / 2);
    await settle(page);
    const selected = await editorState(page);
    assert.equal(selected.value.slice(selected.start, selected.end).trim(), 'Rückruf', 'the word is selected');
    assert.ok(selected.focused);
    await screenshot(page, 'writing-edit-word-selected');

    // Enter is a new line (Shift+Enter too); Escape ends editing and keeps the text.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Zweite Zeile', { delay: 5 });
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Dritte', { delay: 5 });
    await page.waitForFunction((t) => window.mapathy.document().includes(t), 'Dritte', { timeout: 5000 });
    const full = `${NOTE}\nZweite Zeile\nDritte`;
    const before = (await editorLines(page)).lines;
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.getElementById('note-editor').hidden, null, { timeout: 5000 });
    assert.equal(await noteText(page, id), full);
    await settle(page);
    assert.deepEqual(await cardLines(page, id), before, 'after editing the card has the lines the textarea had');
    await screenshot(page, 'writing-edit-after');

    // One Ctrl+Z takes the whole typed text back (the note stays, empty).
    await page.keyboard.press('Control+z');
    await page.waitForFunction((i) => (JSON.parse(window.mapathy.document()).board.notes.find((n) => n.id === i)?.text ?? '') === '',
      id, { timeout: 5000 });
    assert.ok((await board(page)).board.notes.some((n) => n.id === id), 'the note itself stays');
    await page.keyboard.press('Control+y');
    await page.waitForFunction((i) => (JSON.parse(window.mapathy.document()).board.notes.find((n) => n.id === i)?.text ?? '') !== '',
      id, { timeout: 5000 });
    assert.equal(await noteText(page, id), full, 'redo brings it back');

    // Double-click on the card edits it again; a click outside ends editing and keeps the text.
    const again = await findWidget(page, byRawSuffix(`note.${id}`), { settled: true });
    await page.mouse.dblclick(again.x + again.w / 2, again.y + 12);
    await waitForFocus(page, 'note-editor', 5000);
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' – ja', { delay: 5 });
    await page.mouse.click(again.x + 4, again.y + again.h - 4);  // the card's footer, outside the textarea
    await page.waitForFunction(() => document.getElementById('note-editor').hidden, null, { timeout: 5000 });
    assert.equal(await noteText(page, id), `${full} – ja`);
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});

test('on a phone the textarea opens over the reading layout’s card; a long press selects a word', async () => {
  const app = await openPhone(PHONES[0], EMPATHY_LINK);
  try {
    const { page } = app;
    const count = (await board(page)).board.notes.length;
    const plus = await findWidget(page, byId('section.add.says'), { settled: true });
    await page.touchscreen.tap(centre(plus).x, centre(plus).y);
    await page.waitForFunction((n) => JSON.parse(window.mapathy.document()).board.notes.length === n + 1, count,
      { timeout: 5000 });
    await waitForFocus(page, 'note-editor', 5000);
    const id = (await board(page)).board.notes.at(-1).id;
    await page.keyboard.type(NOTE, { delay: 5 });
    await page.waitForFunction((t) => window.mapathy.document().includes(t), NOTE, { timeout: 10000 });
    await settle(page);
    const state = await editorState(page);
    const card = await findWidget(page, byRawSuffix(`note.${id}`));
    assert.ok(state.x > card.x && state.x + state.w <= card.x + card.w + 0.5 && state.y >= card.y &&
      state.y + state.h <= card.y + card.h + 0.5, `the textarea lies on its card (${JSON.stringify(state)} in ${JSON.stringify(card)})`);
    const { lines, words: placed } = await editorLines(page);
    assert.deepEqual(lines, await cardLines(page, id), "the textarea's lines are the card's");
    await screenshot(page, 'writing-edit-phone-typing');

    // A long press on a word selects it, in the textarea, not on the board.
    const word = placed.find((w) => w.word === 'übermorgen');
    await page.touch('start', [[word.x + word.w / 2, word.y + word.h / 2]]);
    await page.waitForTimeout(1000);
    await page.touch('end', []);
    await settle(page);
    const pressed = await editorState(page);
    assert.ok(pressed && pressed.value === NOTE, 'still editing after a long press in the text');
    assert.equal(pressed.value.slice(pressed.start, pressed.end), 'übermorgen', 'the word under the finger is selected');
    await screenshot(page, 'writing-edit-phone-long-press');
    // A finger that moves is no long press: the selection is not replaced by the word under it.
    const other = placed.find((w) => w.word === 'persönlich');
    await page.touch('start', [[other.x + 2, other.y + other.h / 2]]);
    await page.touch('move', [[other.x + 40, other.y + other.h / 2]]);
    await page.waitForTimeout(800);
    await page.touch('end', []);
    await settle(page);
    const moved = await editorState(page);
    assert.notEqual(moved.value.slice(moved.start, moved.end), 'persönlich', 'a moving finger selects no word');
    assert.ok(!(await page.evaluate(() => window.mapathy.widgets().some((w) => w.visible && w.rawLabel.endsWith('note.vote')))),
      "the card's menu did not open");
    // A tap outside the card ends editing and keeps the text.
    const after = await findWidget(page, byRawSuffix(`note.${id}`));
    await page.touchscreen.tap(after.x + 4, after.y + after.h - 4);  // the card's footer, outside the textarea
    await page.waitForFunction(() => document.getElementById('note-editor').hidden, null, { timeout: 5000 });
    assert.equal(await noteText(page, id), NOTE);
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});

// More texts, each as one input event (an on-screen keyboard's suggestion or dictation): a word longer
// than a line (broken anywhere, in the same place), newlines and an empty line, umlauts and an ellipsis.
const MORE = [
  'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen ist zu lang für eine Zeile',
  'Zeile eins\nZeile zwei mit etwas mehr Text, der sicher umbricht\n\nNach der Leerzeile',
  'Ärger über doppelte Rückfragen… Übersieht Hinweise im Kleingedruckten, ruft dann zweimal an.',
  'Kurz',
];

test('other texts break in the textarea where the card breaks them', async () => {
  const app = await openApp({ locale: 'de-DE' });
  try {
    const { page } = app;
    await click(page, 'Neue Empathy Map');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    for (const [index, text] of MORE.entries()) {
      await click(page, byId('section.add.thinks'));
      await waitForFocus(page, 'note-editor', 5000);
      const id = (await board(page)).board.notes.at(-1).id;
      await page.keyboard.insertText(text);
      await page.waitForFunction((t) => window.mapathy.document().includes(JSON.stringify(t).slice(1, -1)), text,
        { timeout: 5000 });
      await settle(page);
      const state = await editorState(page);
      const { lines } = await editorLines(page);
      const card = await cardLines(page, id);
      if (index === 0 && app.engine === 'webkit') {
        // WebKitGTK lays text out in whole-pixel glyph advances: a break inside a word longer than a line,
        // where one width must hold several nearly full lines, can fall one character away from the card's.
        assert.equal(lines.join(''), card.join(''));
        assert.equal(lines.length, card.length, `"${text}": ${JSON.stringify(lines)} / ${JSON.stringify(card)}`);
        lines.forEach((line, i) => assert.ok(Math.abs(line.length - card[i].length) <= 1, `${line} / ${card[i]}`));
      } else {
        assert.deepEqual(lines, card, `"${text}": the textarea's lines are the card's`);
      }
      const all = await page.evaluate((i) => window.mapathy.noteLines(i), id);
      assert.equal(Math.round(state.scrollHeight / state.lineHeight), all.length, `"${text}": as many lines`);
      if (index === 0) {
        assert.ok(card.length >= 3 && card[0].length > 20, `the long word is broken inside: ${JSON.stringify(card)}`);
        await screenshot(page, 'writing-edit-long-word');
      }
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.getElementById('note-editor').hidden, null, { timeout: 5000 });
      assert.equal(await noteText(page, id), text);
    }
    await screenshot(page, 'writing-edit-more-after');
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});

// The textarea's lines (without spaces) and the board's for a text under `key` (ui/text_box.hpp).
const boxLines = async (page, key) => (await page.evaluate((k) => window.mapathy.noteLines(k), key))
  .map((line) => line.replace(/\s/g, '')).filter((line) => line !== '');

// Types `text` into the open textarea over the widget `field`, checks it wraps as the board shows the text
// under `key` and lies on the field, ends with Escape; returns the lines.
async function typeAndCompare(page, field, key, text, shot) {
  await waitForFocus(page, 'note-editor', 5000);
  await page.keyboard.press('Control+a');  // replaces what was there
  await page.keyboard.type(text, { delay: 5 });
  await page.waitForFunction((t) => window.mapathy.document().includes(t), text, { timeout: 10000 });
  await settle(page);
  const state = await editorState(page);
  assert.ok(state && state.focused && state.value === text, `${key}: typed into the textarea`);
  const { lines } = await editorLines(page);
  assert.ok(lines.length >= 2, `${key}: wrapped while typing: ${JSON.stringify(lines)}`);
  assert.deepEqual(lines, await boxLines(page, key), `${key}: the textarea's lines are the board's`);
  assert.equal(Math.round(state.scrollHeight / state.lineHeight), lines.length, `${key}: the textarea itself has as many lines`);
  const box = await findWidget(page, field);
  // Its width is the one that breaks where the board does in this engine's metrics: within half a line.
  assert.ok(state.x >= box.x - 0.5 && state.x + state.w <= box.x + box.w + state.lineHeight / 2 && state.y >= box.y - 0.5,
    `${key}: the textarea lies on its field (${JSON.stringify(state)} in ${JSON.stringify(box)})`);
  await screenshot(page, shot);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.getElementById('note-editor').hidden, null, { timeout: 5000 });
  return lines;
}

test('a persona’s goal and a stage’s description wrap while they are typed as the board shows them', async () => {
  const app = await openApp({ locale: 'de-DE' });
  try {
    const { page } = app;
    await click(page, 'Neue Empathy Map');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    await click(page, byId('persona.edit'));
    await click(page, byRawSuffix('##persona.goal'));
    const goal = await typeAndCompare(page, byRawSuffix('##persona.goal'), 'persona.goal', GOAL, 'writing-edit-persona-goal');
    assert.equal((await board(page)).board.persona.goal, GOAL);
    await click(page, byRawSuffix('###note.done.persona'));
    await settle(page);
    assert.deepEqual(await boxLines(page, 'persona.goal'), goal, 'the persona card shows the lines the textarea had');
    await screenshot(page, 'writing-edit-persona-after');
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }

  const journey = await openApp({ locale: 'de-DE' });
  try {
    const { page } = journey;
    await click(page, 'Neues Journey-Board');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    const stage = (await board(page)).board.stages[0].id;
    await click(page, `stage-description:${stage}`);
    const lines = await typeAndCompare(page, `edit:stage-description:${stage}`, `stage-description:${stage}`, STAGE,
      'writing-edit-stage-description');
    assert.equal((await board(page)).board.stages[0].description, STAGE);
    await settle(page);
    assert.deepEqual(await boxLines(page, `stage-description:${stage}`), lines,
      'the stage header shows the lines the textarea had');
    await screenshot(page, 'writing-edit-stage-after');
    assert.deepEqual(await journey.problems(), []);
  } finally {
    await journey.close();
  }
});
