// engines: chromium firefox webkit
// A quick drag with the mouse: a person grabs a note, flicks it into another section and lets go at once —
// the release comes right after the last moves, before the app has drawn a frame for them (Firefox and
// WebKit deliver each move as it comes). The note lands where it was let go, the drag is one undo step, and
// a drag that ends where it began changes nothing.
import assert from 'node:assert/strict';
import test from 'node:test';
import { board, byId, centre, click, findWidget, openApp, screenshot, typeText, waitForFocus } from './lib.mjs';

const noteById = (doc, id) => doc.board.notes.find((note) => note.id === id);

test('a note flicked into another section with the mouse lands there, in one undo step', async () => {
  const app = await openApp({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
  try {
    const { page } = app;
    await click(page, 'Neue Empathy Map');
    await page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 5000 });
    const [says, , does] = (await board(page)).board.sections;
    await click(page, byId(`section.add.${says.id}`));
    await waitForFocus(page, 'note-editor', 5000);
    await typeText(page, 'Schnell verschoben: Größe', { delay: 5 });
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    const note = (await board(page)).board.notes[0];
    assert.equal(note.section, says.id);

    // Grab, move in a few quick steps and let go at once: no pause, no frame in between.
    const card = centre(await findWidget(page, `note.${note.id}`, { settled: true }));
    const plus = await findWidget(page, byId(`section.add.${does.id}`));
    const target = { x: plus.x - 60, y: plus.y + 120 };
    await page.mouse.move(card.x, card.y);
    await page.mouse.down();
    await page.mouse.move(target.x, target.y, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction(([id, section]) => {
      const moved = JSON.parse(window.mapathy.document()).board.notes.find((n) => n.id === id);
      return moved && moved.section === section;
    }, [note.id, does.id], { timeout: 3000 }).catch(() => {});  // the assertion below says what happened
    let doc = await board(page);
    assert.equal(noteById(doc, note.id).section, does.id, `the note landed in "${does.title}" where it was let go`);
    await page.waitForTimeout(500);  // WebKitGTK's screenshot shows the page as last composited, a moment late
    await screenshot(page, 'editor-quick-drag');

    // One undo step takes it back.
    await click(page, byId('toolbar.undo'));
    await page.waitForTimeout(200);
    doc = await board(page);
    assert.equal(noteById(doc, note.id).section, says.id, 'undo puts it back');

    // A quick wiggle that ends where it began is no move: nothing to undo is added.
    const again = centre(await findWidget(page, `note.${note.id}`, { settled: true }));
    const before = JSON.stringify((await board(page)).board.notes);
    await page.mouse.move(again.x, again.y);
    await page.mouse.down();
    await page.mouse.move(again.x + 40, again.y + 30, { steps: 2 });
    await page.mouse.move(again.x, again.y, { steps: 2 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    assert.equal(JSON.stringify((await board(page)).board.notes), before, 'the wiggle changed nothing');
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});
