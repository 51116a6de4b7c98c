// engines: chromium firefox webkit
// Phones (390×844 and 360×740 CSS px, pixel ratio 3, touch, German): a shared 38-note empathy map and a
// 4-stage journey open readable — the reading layout, with nothing overlapping, every toolbar action in the
// bar or in "More" and a whole, readable card — and so does the whole board one tap away; switching views
// changes nothing in the board. Both languages at 390. The same check runs headless at six widths
// (tests/ui/phone_layout_test.cpp); this one has the real fonts and each engine's input.
// In Chromium the German 390×844 views are also the README's phone pictures: written to the artifacts
// folder, or with MAPATHY_SCREENSHOTS_DIR=$PWD/docs/screenshots to the README's folder.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { ARTIFACTS_DIR, ENGINE, documentJson, screenshot } from './lib.mjs';
import { EMPATHY_LINK, JOURNEY_LINK, PHONES, checkLayout, openPhone, switchView } from './phone.mjs';

const OUT_DIR = process.env.MAPATHY_SCREENSHOTS_DIR || join(ARTIFACTS_DIR, 'screenshots');
const README_NAMES = { empathy: 'empathy-map-phone', journey: 'journey-board-phone' };

// The README's picture of this view, when this is the run that makes them (Chromium, German, 390 wide).
function readmePicture(shot, name, viewport, locale, view) {
  if (ENGINE !== 'chromium' || locale !== 'de-DE' || viewport.width !== 390) return;
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, `${README_NAMES[name]}-${view}.png`), shot.png);
}

const CASES = [];
for (const viewport of PHONES) {
  for (const [name, link] of [['empathy', EMPATHY_LINK], ['journey', JOURNEY_LINK]]) {
    CASES.push({ viewport, name, link, locale: 'de-DE' });
  }
}
CASES.push({ viewport: PHONES[0], name: 'empathy', link: EMPATHY_LINK, locale: 'en-US' });

for (const { viewport: requested, name, link, locale } of CASES) {
  test(`${name} at ${requested.width}×${requested.height} (${locale})`, async () => {
    const app = await openPhone(requested, link, { locale });
    const { viewport } = app;  // WebKit: the narrowest MiniBrowser allows (phone.mjs)
    try {
      const { page } = app;
      const touch = app.capabilities.touchDevice;
      const before = await documentJson(page);
      const opening = await checkLayout(page, viewport, { touch });
      assert.equal(opening.reading, true, 'a phone opens the reading layout');
      assert.equal(opening.zoom, 1, 'at 100 %');
      readmePicture(await screenshot(page, `phone-${name}-${viewport.width}-${locale}-reading`), name, viewport, locale,
        'reading');
      await switchView(page, false);
      const whole = await checkLayout(page, viewport, { touch });
      assert.equal(whole.reading, false, '"Whole board" shows the canvas');
      readmePicture(await screenshot(page, `phone-${name}-${viewport.width}-${locale}-whole`), name, viewport, locale,
        'whole');
      await switchView(page, true);
      assert.equal((await checkLayout(page, viewport, { touch })).reading, true, 'and back');
      assert.equal(await documentJson(page), before, 'switching views changes nothing in the board');
      assert.deepEqual(await app.problems(), []);
    } finally {
      await app.close();
    }
  });
}
