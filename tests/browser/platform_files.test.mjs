// engines: chromium
// Browser platform, files: open a board through the file picker and by drag-and-drop (JSON and Markdown),
// download it as JSON and Markdown, and share it through the system share sheet where the browser has one.
// Chromium only: its driver answers file pickers and reports downloads; the Firefox and WebKit drivers used
// here do neither (README: what is not covered). Drag-and-drop is tested on every engine by the tests
// that open their boards that way.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { centre, click, documentJson, findWidget, openApp, openDroppedFile } from './lib.mjs';

const FIXTURE = new URL('../fixtures/v1/journey_lifecycle_en.json', import.meta.url);

// Clicks a widget once its rectangle stopped moving (dialogs settle on their second frame).
async function clickSettled(page, label) {
  let last = await findWidget(page, label);
  for (let i = 0; i < 20; ++i) {
    await page.waitForTimeout(150);
    const now = await findWidget(page, label);
    if (now.x === last.x && now.y === last.y && now.w === last.w && now.h === last.h) break;
    last = now;
  }
  const { x, y } = centre(last);
  await page.mouse.click(x, y);
}

test('file picker, drag-and-drop, downloads and the share sheet', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    // The system share sheet, as phones and tablets offer it (Chromium on Linux has none: stand in for it;
    // the app asks for it only when it draws the share dialog).
    await page.evaluate(() => {
      window.__shared = [];
      navigator.share = (data) => { window.__shared.push(data); return Promise.resolve(); };
      navigator.canShare = () => true;
    });

    // The file picker.
    await page.chooseFile(() => click(page, 'Open file…'), { name: 'journey.json', mimeType: 'application/json',
      buffer: readFileSync(FIXTURE) });
    await page.waitForFunction(() => /journey/.test(JSON.parse(window.mapathy.document() || '{}').kind || ''),
      null, { timeout: 5000 });
    const journey = JSON.parse(await documentJson(page));

    // Drag-and-drop of a Markdown outline.
    const markdown = '# Ideen für den Umzug\n\n## Sagt\n\n- Ich will nicht dreimal anrufen müssen.\n';
    await openDroppedFile(page, 'umzug.md', markdown, 'dreimal anrufen', 'text/markdown');
    await page.waitForFunction((id) => window.mapathy.library().boards.some((b) => b.id === id), journey.board.id);

    // Downloads from the share dialog.
    await click(page, 'Share');
    const json = await page.download(() => clickSettled(page, 'Download JSON'));
    assert.match(json.name, /\.json$/);
    const saved = JSON.parse(json.bytes.toString('utf8'));
    assert.equal(saved.format, 'mapathy');
    assert.ok(JSON.stringify(saved).includes('dreimal anrufen'));
    const md = await page.download(() => clickSettled(page, 'Download Markdown'));
    assert.match(md.name, /\.md$/);
    assert.match(md.bytes.toString('utf8'), /dreimal anrufen/);

    // The share sheet gets the link.
    await clickSettled(page, 'Share…');
    await page.waitForFunction(() => window.__shared.length === 1, null, { timeout: 5000 });
    const shared = await page.evaluate(() => window.__shared[0]);
    assert.equal(shared.url, await page.evaluate(() => window.mapathy.shareLink()));
    assert.deepEqual(await app.problems(), []);
  } finally {
    await app.close();
  }
});
