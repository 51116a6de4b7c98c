// Phone helpers shared by phone_*.test.mjs: a phone-sized touch context (German, pixel ratio 3) opened on a
// share link, and the layout check the headless tests/ui/phone_layout_test.cpp makes, here with the real
// fonts: nothing interactive overlaps, every toolbar action is in the bar or in its "More" menu, and one
// note card is wholly on screen and readable (≥ 120 CSS px wide, text ≥ 14 CSS px).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { byId, centre, findWidget, openApp, settle, widgets } from './lib.mjs';

export const EMPATHY_LINK = readFileSync(new URL('../fixtures/links/phone-german-empathy-map-38.txt', import.meta.url), 'utf8').trim();
export const JOURNEY_LINK = readFileSync(new URL('../fixtures/links/phone-german-journey-4-stages.txt', import.meta.url), 'utf8').trim();
export const PHONES = [{ width: 390, height: 844 }, { width: 360, height: 740 }];
const CARD_FONT = 15;  // CardMetrics::kFontSize, world units

// A phone: touch, pixel ratio 3, German (on each engine that can; WebKit: GDK_SCALE and synthetic touch).
// MiniBrowser's window is never narrower than its own toolbar (447 CSS px at GDK_SCALE 3): WebKit then gets
// the narrowest page it can have, still a phone-sized one, and app.viewport says which.
export async function openPhone(viewport, link, { locale = 'de-DE' } = {}) {
  const options = {
    viewport, deviceScaleFactor: 3, hasTouch: true, isMobile: true, locale, hash: link.slice(link.indexOf('#') + 1),
  };
  let app;
  try {
    app = await openApp(options);
  } catch (error) {
    const narrowest = /could not size the page to \d+×\d+ \(it is (\d+)×/.exec(error.message);
    if (!narrowest || Number(narrowest[1]) > 480) throw error;
    options.viewport = { width: Number(narrowest[1]), height: viewport.height };
    app = await openApp(options);
  }
  app.viewport = options.viewport;
  await app.page.waitForFunction(() => window.mapathy.document() !== null, null, { timeout: 10000 });
  await findWidget(app.page, byId('toolbar.share'), { settled: true });
  return app;
}

const isToolbar = (item) => item.window.includes('toolbar') && !item.window.includes('more-menu');
const overlaps = (a, b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

function expectApart(items, where) {
  for (let i = 0; i < items.length; ++i) {
    for (let j = i + 1; j < items.length; ++j) {
      assert.ok(!overlaps(items[i], items[j]), `${where}: ${items[i].rawLabel} overlaps ${items[j].rawLabel}`);
    }
  }
}

// Every toolbar action (the end of its raw label) of a view.
function toolbarActions(reading) {
  const ids = ['###toolbar.back', '###toolbar.undo', '###toolbar.redo', '###toolbar.filter', '###toolbar.actions',
    '###export.textView', '###workshop.toolbar', '###toolbar.touch', '###lang.de', '###lang.en', '###toolbar.share',
    reading ? '###toolbar.wholeBoard' : '###toolbar.reading'];
  if (!reading) ids.push('###toolbar.zoomOut', '###toolbar.zoomIn', '###toolbar.fit');
  return ids;
}

// Opens the "More" menu (a tap on "Mehr"/"More"), tapping again if the first tap came while the page was
// busy (the tools module compiles when the page is idle after the first frames).
export async function openMore(page) {
  for (let attempt = 0; ; ++attempt) {
    const more = await findWidget(page, byId('toolbar.more'), { settled: true });
    await page.touchscreen.tap(centre(more).x, centre(more).y);
    try {
      return await findWidget(page, (w) => w.window.includes('more-menu'), { settled: true, timeout: 2000 });
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

// Taps a toolbar action wherever it is: in the bar, or in the "More" menu.
export async function tapAction(page, id) {
  const items = (await widgets(page)).filter((w) => w.visible && isToolbar(w));
  const direct = items.find((w) => w.rawLabel.endsWith('###' + id));
  if (direct) {
    await page.touchscreen.tap(centre(direct).x, centre(direct).y);
  } else {
    await openMore(page);
    const inMenu = await findWidget(page, (w) => w.window.includes('more-menu') && w.rawLabel.endsWith('###' + id),
      { settled: true });
    await page.touchscreen.tap(centre(inMenu).x, centre(inMenu).y);
  }
  await settle(page);
  await page.waitForTimeout(150);
}

// Switches between the reading layout and the whole board ("Ganze Tafel" / "Leseansicht") and waits until
// the other view is on screen.
export async function switchView(page, toReading) {
  for (let attempt = 0; ; ++attempt) {
    await tapAction(page, toReading ? 'toolbar.reading' : 'toolbar.wholeBoard');
    try {
      await findWidget(page, (w) => w.window.includes(toReading ? 'reading-canvas' : '-canvas') &&
        (toReading || !w.window.includes('reading-canvas')), { settled: true, timeout: 2000 });
      return;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

// The layout check on the screen as it is now. `touch`: the engine is a touch device (44 px targets).
export async function checkLayout(page, viewport, { touch }) {
  const all = (await widgets(page)).filter((w) => w.visible && w.w > 0 && w.h > 0 && w.rawLabel &&
    !w.rawLabel.includes('###mapathy-main/'));  // child windows are items too
  const bar = all.filter(isToolbar);
  assert.ok(bar.length >= 4, 'a toolbar');
  const reading = bar.some((w) => w.rawLabel.endsWith('###toolbar.wholeBoard')) ||
    (!bar.some((w) => w.rawLabel.endsWith('###toolbar.reading')) && all.some((w) => w.window.includes('reading-canvas')));
  for (const item of bar) {
    assert.ok(item.x >= -0.5 && item.x + item.w <= viewport.width + 0.5, `${item.rawLabel} is on screen`);
    if (touch) assert.ok(item.h >= 44 && item.w >= 44, `${item.rawLabel} is finger-sized (${item.w}×${item.h})`);
  }
  expectApart(bar, 'toolbar');
  assert.ok(bar.some((w) => w.rawLabel.endsWith('##toolbar.title') || w.rawLabel.endsWith('###toolbar.titleFull')),
    'the title is in the bar');
  const missing = toolbarActions(reading).filter((id) => !bar.some((w) => w.rawLabel.endsWith(id)));
  if (missing.length > 0) {
    const more = bar.find((w) => w.rawLabel.endsWith('###toolbar.more'));
    assert.ok(more, `${missing[0]} is not in the bar and there is no "More"`);
    await openMore(page);
    const menu = (await widgets(page)).filter((w) => w.visible && w.window.includes('more-menu') && w.rawLabel && w.w > 0 &&
      !w.rawLabel.includes('/'));
    for (const id of missing) {
      const item = menu.find((w) => w.rawLabel.endsWith(id));
      assert.ok(item, `${id} is neither in the bar nor in "More"`);
      assert.ok(item.x >= -0.5 && item.x + item.w <= viewport.width + 0.5 && item.y + item.h <= viewport.height + 0.5,
        `${id} in "More" is on screen`);
    }
    expectApart(menu, '"More" menu');
    await page.keyboard.press('Escape');
    await settle(page);
    await page.waitForTimeout(100);
  }
  const interactive = all.filter((w) => w.window.includes('canvas') && (w.rawLabel.startsWith('note.') ||
    w.rawLabel.includes('###section.add.') || w.rawLabel.startsWith('add-note:') || w.rawLabel.includes('###persona.edit')));
  expectApart(interactive, 'board');
  const barBottom = Math.max(...bar.map((w) => w.y + w.h));
  const zoom = await page.evaluate(() => window.mapathy.zoom());
  const readable = interactive.filter((w) => w.rawLabel.startsWith('note.') && w.x >= -0.5 && w.y >= barBottom &&
    w.x + w.w <= viewport.width + 0.5 && w.y + w.h <= viewport.height + 0.5 && w.w >= 120 && CARD_FONT * zoom >= 14);
  assert.ok(readable.length >= 1, `a note card is wholly on screen and readable (zoom ${zoom}, ` +
    `${interactive.filter((w) => w.rawLabel.startsWith('note.')).length} cards drawn)`);
  return { reading, zoom };
}
