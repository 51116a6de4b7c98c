// engines: chromium firefox webkit
// The editor, journey board, acted out with mouse and keyboard on a laptop: two emotion scores are set by
// dragging the faces of the emotion curve (one undo step each), a stage is added and named in place with
// German text, a note goes into a text-lane cell, undo/redo work from the keyboard, and the share link
// opens the same board (scores, stages, notes) in a fresh browser.
import assert from 'node:assert/strict';
import test from 'node:test';
import { board, byId, centre, click, findWidget, mouseDrag, openApp, screenshot, typeText, waitForFocus } from './lib.mjs';

const emotionOf = (doc, laneId, stageId) => (doc.board.lanes.find((lane) => lane.id === laneId).emotions || {})[stageId];

// The widget, bringing it into view with the toolbar's "fit" when the board is larger than the window.
async function visibleWidget(page, matcher) {
  try {
    return await findWidget(page, matcher, { timeout: 500 });
  } catch {
    await click(page, byId('toolbar.fit'));
    await page.waitForTimeout(300);
    return findWidget(page, matcher);
  }
}

test('journey board: drag two emotion scores, add and name a stage, a note, undo/redo, link', async () => {
  const app = await openApp({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  let copy = null;
  try {
    const { page } = app;
    // Watch every frame from the click on: the board's zoom and where its emotion faces are.
    await page.evaluate(() => {
      window.openingFrames = [];
      const watch = () => {
        const faces = window.mapathy.widgets().filter((w) => w.label.startsWith('emotion:'));
        if (window.mapathy.document() !== null && faces.length > 0) {
          window.openingFrames.push({ frame: window.mapathy.frames(), zoom: window.mapathy.zoom(),
            faces: faces.map((w) => `${w.label}@${w.x.toFixed(1)},${w.y.toFixed(1)}`).join(' ') });
        }
        if (window.openingFrames.length < 6) requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    await click(page, 'New journey board');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    let doc = await board(page);
    assert.equal(doc.kind, 'journey');
    // The opening zoom is set in the board's very first frame (fitted to that frame's layout): it is
    // readable from the start and neither the zoom nor the board's place changes in the frames after it.
    await page.waitForFunction(() => window.openingFrames.length >= 6, null, { timeout: 10000 });
    const opening = await page.evaluate(() => window.openingFrames);
    assert.ok(opening[0].zoom >= 1, `a new board opens at a readable zoom (zoom ${opening[0].zoom})`);
    for (const later of opening.slice(1)) {
      assert.equal(later.zoom, opening[0].zoom, `the zoom of frame ${later.frame} is the first frame's`);
      assert.equal(later.faces, opening[0].faces, `the board of frame ${later.frame} is where the first frame put it`);
    }
    const emotionLane = doc.board.lanes.find((lane) => lane.kind === 'emotion');
    const textLane = doc.board.lanes.find((lane) => (lane.kind || 'text') === 'text');  // the default kind is left out
    assert.ok(emotionLane && textLane, 'the template has an emotion lane and a text lane');
    const [first, second] = doc.board.stages;

    // Drag the first stage's face two levels up (+2) and the second's one level down (−1).
    const face1 = await visibleWidget(page, byId(`emotion:${emotionLane.id}:${first.id}`));
    const zoom = await page.evaluate(() => window.mapathy.zoom());
    const level = 32 * zoom;  // JourneyMetrics::kLevelStep world units between two scores
    const from1 = centre(face1);
    await mouseDrag(page, from1, { x: from1.x, y: from1.y - 2 * level });
    const from2 = centre(await findWidget(page, byId(`emotion:${emotionLane.id}:${second.id}`)));
    await mouseDrag(page, from2, { x: from2.x + 4, y: from2.y + level });
    doc = await board(page);
    assert.equal(emotionOf(doc, emotionLane.id, first.id).asIs, 2, 'first stage: +2');
    assert.equal(emotionOf(doc, emotionLane.id, second.id).asIs, -1, 'second stage: −1');
    const moved = await findWidget(page, byId(`emotion:${emotionLane.id}:${first.id}`));
    assert.ok(Math.abs(centre(moved).y - (from1.y - 2 * level)) < 3, 'the face sits at its new score');
    await screenshot(page, 'editor-journey-emotions');

    // Each drag is one undo step (keyboard this time).
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(150);
    doc = await board(page);
    assert.equal(emotionOf(doc, emotionLane.id, second.id)?.asIs ?? null, null, 'undo takes back the second drag');
    assert.equal(emotionOf(doc, emotionLane.id, first.id).asIs, 2, '… and only that');
    await page.keyboard.press('Control+Shift+z');
    await page.waitForTimeout(150);
    doc = await board(page);
    assert.equal(emotionOf(doc, emotionLane.id, second.id).asIs, -1, 'redo sets it again');

    // Add a stage and name it in place.
    const stagesBefore = doc.board.stages.length;
    const addStage = await visibleWidget(page, byId('journey.add-stage'));
    await page.mouse.click(centre(addStage).x, centre(addStage).y);
    await page.waitForFunction((n) => JSON.parse(window.mapathy.document()).board.stages.length === n + 1, stagesBefore);
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input', null,
      { timeout: 3000 });
    await page.keyboard.press('Control+a');
    await typeText(page, 'Kündigung & Rückgabe');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    doc = await board(page);
    assert.equal(doc.board.stages.length, stagesBefore + 1);
    assert.equal(doc.board.stages.at(-1).name, 'Kündigung & Rückgabe');

    // A note in a text-lane cell of the first stage.
    await click(page, byId('toolbar.fit'));
    await page.waitForTimeout(300);
    await click(page, byId(`add-note:${textLane.id}:${first.id}`));
    await page.waitForFunction(() => JSON.parse(window.mapathy.document()).board.notes.length === 1);
    await waitForFocus(page, 'note-editor', 3000);
    await typeText(page, 'Wartezeit in der Hotline: 20 Minuten – ärgerlich, aber gewöhnt.');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
    doc = await board(page);
    assert.equal(doc.board.notes[0].text, 'Wartezeit in der Hotline: 20 Minuten – ärgerlich, aber gewöhnt.');
    assert.equal(doc.board.notes[0].stage, first.id);
    assert.equal(doc.board.notes[0].lane, textLane.id);
    await screenshot(page, 'editor-journey-fitted');
    assert.deepEqual(await app.problems(), []);

    // The share link carries all of it.
    const link = await page.evaluate(() => window.mapathy.shareLink());
    copy = await openApp({ locale: 'de-DE', hash: link.slice(link.indexOf('#') + 1) });
    await copy.page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    const opened = await board(copy.page);
    assert.deepEqual(opened.board.stages.map((stage) => stage.name), doc.board.stages.map((stage) => stage.name));
    assert.deepEqual(opened.board.lanes.find((lane) => lane.id === emotionLane.id).emotions,
      doc.board.lanes.find((lane) => lane.id === emotionLane.id).emotions);
    assert.deepEqual(opened.board.notes.map((note) => note.text), doc.board.notes.map((note) => note.text));
    assert.deepEqual(await copy.problems(), []);
  } finally {
    if (copy) await copy.close();
    await app.close();
  }
});
