// engines: chromium firefox webkit
// The order of the start, as a person opening a shared link meets it: the board is drawn in the task that
// starts the app (src/platform/web/web_platform.cpp, start(): no wait for an animation frame), and what can wait
// (the semibold face, the module's late part, the service worker) waits until the first picture has been shown,
// three animation frames on, or a second in a tab that gets none (web/platform.js, hideLoading); it all arrives,
// and the person's first German note lands on the board.
// The times come from the page itself: the app's marks, the resource timings, and when the page's animation-frame
// callbacks ran (tests/browser/capture.js, frameTimes). Order only, never durations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { openApp, screenshot, settle, typeNewNote } from './lib.mjs';

const LINK_TEXT = readFileSync(new URL('../fixtures/links/v1-typical-german-empathy-map.txt', import.meta.url), 'utf8').trim();
const LINK = LINK_TEXT.slice(LINK_TEXT.indexOf('#') + 1);
const NOTE = 'Wünscht sich Rückruf – später übermorgen';

// What can wait starts after the first frame: at least three animation-frame callbacks after it, or a second later.
function startsAfterFirstPicture(what, fetchStart, firstFrame, frameTimes) {
  assert.ok(fetchStart > firstFrame, `${what} is fetched after the first frame (${fetchStart} > ${firstFrame})`);
  const framesBetween = frameTimes.filter((t) => t > firstFrame && t <= fetchStart).length;
  assert.ok(framesBetween >= 3 || fetchStart >= firstFrame + 1000,
    `${what} waits for the first picture: ${framesBetween} animation frames between the first frame ` +
    `(${firstFrame.toFixed(1)} ms) and its fetch (${fetchStart.toFixed(1)} ms)`);
}

test('a shared link: the board is drawn in the start task, what can wait waits for the first picture, then a note', async () => {
  const app = await openApp({ locale: 'de-DE', hash: LINK, waitForFrames: 1 });
  try {
    const { page } = app;
    await page.waitForFunction(() => window.mapathy.boldFont() !== 'pending', null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => window.mapathy.boldFont()), 'loaded', 'the semibold face arrived');
    const late = await page.evaluate(() => window.mapathy.lateModule());
    if (late !== 'none') {
      await page.waitForFunction(() => window.mapathy.lateModule() !== 'pending', null, { timeout: 30000 });
    }
    const seen = await page.evaluate(() => {
      const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
      return {
        main: mark('mapathy-main'),
        firstFrameStart: mark('mapathy-first-frame-start'),
        firstFrame: mark('mapathy-first-frame'),
        late: window.mapathy.lateModule(),
        frameTimes: window.__mapathyTest.frameTimes(),
        fetched: performance.getEntriesByType('resource').map((entry) => ({
          file: new URL(entry.name).pathname.split('/').pop(), start: entry.startTime })),
      };
    });
    for (const name of ['main', 'firstFrameStart', 'firstFrame']) assert.ok(seen[name] !== null, `the page marks ${name}`);
    assert.ok(seen.main <= seen.firstFrameStart && seen.firstFrameStart <= seen.firstFrame, 'main, then the first frame');
    // One task from main() to the first frame: no animation-frame callback ran in between.
    const between = seen.frameTimes.filter((t) => t > seen.main && t < seen.firstFrame);
    assert.deepEqual(between, [], 'the first frame is drawn in the task that starts the app, not in an animation frame');
    assert.ok(seen.frameTimes.length >= 3, `the page ran animation frames after it (${seen.frameTimes.length})`);

    const fetchOf = (file) => seen.fetched.filter((entry) => entry.file === file);
    const bold = fetchOf('mapathy-bold.otf');
    assert.equal(bold.length, 1, 'the semibold face is fetched once');
    startsAfterFirstPicture('the semibold face', bold[0].start, seen.firstFrame, seen.frameTimes);
    if (seen.late === 'none') {
      assert.equal(fetchOf('mapathy-late.wasm').length, 0, 'a whole module has no late part to fetch');
    } else {
      assert.equal(seen.late, 'loaded', 'the late part arrived when it was due, no call needed it sooner');
      const lateFetch = fetchOf('mapathy-late.wasm');
      assert.equal(lateFetch.length, 1, 'the late part is fetched once');
      startsAfterFirstPicture('the late part', lateFetch[0].start, seen.firstFrame, seen.frameTimes);
    }
    // Then the person writes the first note, umlauts and a dash, and it lands on the board.
    const notes = await typeNewNote(page, 'says', NOTE);
    assert.ok(notes.before > 10, 'the board from the link is open');
    assert.equal(notes.after, notes.before + 1, 'the note is on the board');

    await settle(page);
    await screenshot(page, 'startup-order-note-typed');
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});
