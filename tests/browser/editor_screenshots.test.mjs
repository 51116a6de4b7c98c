// engines: chromium
// The README's screenshots, made by this test run from the real app in Chromium (never by hand; one engine,
// so the pictures do not change with whichever engine ran last): the start
// screen, a German empathy map with notes, a German journey board with its emotion curve and the share
// dialog, each on a laptop (1280×800, mouse) and a tablet (1024×768, touch). They go to the artifacts
// folder; with MAPATHY_SCREENSHOTS_DIR=$PWD/docs/screenshots they refresh the README's pictures (a test run
// never writes into the source tree by itself). Each picture is checked for what a person would object to first: a blank
// or flat image, a toolbar whose buttons overlap or leave the screen, unreadably small board text.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { ARTIFACTS_DIR, board, byId, distinctColours, dropFile, findWidget, openApp, widgets } from './lib.mjs';

const OUT_DIR = process.env.MAPATHY_SCREENSHOTS_DIR || join(ARTIFACTS_DIR, 'screenshots');
const EMPATHY = readFileSync(new URL('../fixtures/v1/empathy_classic_de.json', import.meta.url), 'utf8');

// A German customer journey with an emotion curve (as-is and to-be), a gap and notes in text lanes.
const JOURNEY = JSON.stringify({
  format: 'mapathy', version: 1, kind: 'journey',
  board: {
    id: 'b-jde001', template: 'lifecycle', title: 'Stromanbieter wechseln', lang: 'de',
    createdAt: 1763884800000, modifiedAt: 1763884900000, clock: 12,
    persona: { name: 'Jana Özdemir', role: 'Studentin, erste eigene Wohnung', goal: 'Strom ab dem Einzugstag', colour: 5 },
    stages: [
      { id: 'aufmerksam', name: 'Aufmerksamkeit', description: 'Wie hört sie zum ersten Mal von uns?' },
      { id: 'abwaegen', name: 'Abwägen', description: 'Was vergleicht sie?' },
      { id: 'abschluss', name: 'Abschluss', description: 'Vertrag online' },
      { id: 'nutzung', name: 'Nutzung', description: 'Abschläge, App, Rechnung' },
      { id: 'service', name: 'Service', description: 'Wenn etwas schiefgeht' },
      { id: 'treue', name: 'Treue', description: 'Bleibt sie? Empfiehlt sie uns?' },
    ],
    lanes: [
      { id: 'aktionen', name: 'Aktionen', role: 'actions' },
      { id: 'gedanken', name: 'Gedanken', kind: 'text', role: 'thoughts' },
      {
        id: 'emotionen', name: 'Emotionen', kind: 'emotion', showToBe: true,
        emotions: {
          aufmerksam: { asIs: 0 }, abwaegen: { asIs: -1, reason: 'Tarifdschungel' },
          abschluss: { asIs: 1, toBe: 2, reason: 'Schnelles Formular' }, nutzung: { asIs: 1 },
          service: { asIs: -2, toBe: 1, reason: '40 Minuten Warteschleife' }, treue: { asIs: 0, toBe: 1 },
        },
      },
      {
        id: 'erwartung', name: 'Erwartung vs. Erlebnis', kind: 'expectation',
        gaps: { service: { expectation: 1, experience: -2 }, abschluss: { expectation: 1, experience: 2 } },
      },
      { id: 'schmerz', name: 'Schmerzpunkte', role: 'painpoints' },
    ],
    notes: [
      { id: 'n1', text: 'Vergleicht Preise auf einem Vergleichsportal', stage: 'abwaegen', lane: 'aktionen', created: 1, modified: 1 },
      { id: 'n2', text: '„Warum sind die Grundgebühren so unterschiedlich?“', stage: 'abwaegen', lane: 'gedanken', created: 2, modified: 2, evidence: 'observed' },
      { id: 'n3', text: 'Ruft die Hotline an', stage: 'service', lane: 'aktionen', created: 3, modified: 3 },
      { id: 'n4', text: '„Geht da überhaupt jemand ran?“', stage: 'service', lane: 'gedanken', created: 4, modified: 4, evidence: 'observed' },
      { id: 'n5', text: 'Kein Rückruf-Angebot', stage: 'service', lane: 'schmerz', created: 5, modified: 5, votes: 4 },
      { id: 'n6', text: 'Zählerstand per Foto übermitteln – klappt gut', stage: 'nutzung', lane: 'aktionen', created: 6, modified: 6 },
    ],
    actions: [],
  },
});

async function save(page, name, touch) {
  // No tooltip left over from the last click: the mouse rests on an empty corner of the page.
  if (!touch) await page.mouse.move(page.viewportSize().width - 4, page.viewportSize().height - 4);
  await page.waitForTimeout(700);  // settle: hover delays, the late frame
  const png = await page.screenshot();
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, `${name}.png`), png);
  assert.ok(distinctColours(png) > 60, `${name}: a real picture, not a flat colour`);
  return png;
}

// The toolbar's buttons neither overlap nor leave the screen.
async function checkToolbar(page, width, name) {
  const items = (await widgets(page)).filter((item) => item.visible &&
    /###(toolbar\.|lang\.|export\.textView|workshop\.toolbar)/.test(item.rawLabel));
  assert.ok(items.length >= 8, `${name}: the toolbar is there`);
  for (const a of items) {
    assert.ok(a.x >= 0 && a.x + a.w <= width + 0.5, `${name}: ${a.rawLabel} is on screen`);
    for (const b of items) {
      if (a === b) continue;
      const overlap = a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
      assert.ok(!overlap, `${name}: ${a.rawLabel} and ${b.rawLabel} do not overlap`);
    }
  }
}

async function openBoard(page, name, json, check) {
  await dropFile(page, name, json);
  await page.waitForFunction(check, null, { timeout: 5000 });
  await page.waitForTimeout(300);
}

for (const device of [
  { tag: 'laptop', viewport: { width: 1280, height: 800 }, touch: false },
  { tag: 'tablet', viewport: { width: 1024, height: 768 }, touch: true },
]) {
  test(`README screenshots, ${device.tag} (${device.viewport.width}×${device.viewport.height})`, async () => {
    const app = await openApp({
      locale: 'de-DE', viewport: device.viewport, hasTouch: device.touch, isMobile: device.touch,
    });
    try {
      const { page } = app;
      const press = async (matcher) => {
        const item = await findWidget(page, matcher);
        const x = item.x + item.w / 2, y = item.y + item.h / 2;
        if (device.touch) await page.touchscreen.tap(x, y); else await page.mouse.click(x, y);
        await page.waitForTimeout(200);
      };
      await findWidget(page, 'Neue Empathy Map');
      await save(page, `start-${device.tag}`, device.touch);

      await openBoard(page, 'empathy.json', EMPATHY, () => (window.mapathy.document() || '').includes('Sabine'));
      assert.ok(await page.evaluate(() => window.mapathy.zoom()) >= 0.95, 'the map opens readable (≥ 95 %)');
      await checkToolbar(page, device.viewport.width, 'empathy map');
      await save(page, `empathy-map-${device.tag}`, device.touch);

      await press(byId('toolbar.back'));
      await openBoard(page, 'journey.json', JOURNEY, () => (window.mapathy.document() || '').includes('Stromanbieter'));
      assert.ok(await page.evaluate(() => window.mapathy.zoom()) >= 0.95, 'the journey opens readable (≥ 95 %)');
      // The banner says the map was kept under "Boards on this device"; the person reads it and closes it.
      assert.equal((await page.evaluate(() => window.mapathy.messages())).length, 1);
      await press(byId('common.dismiss'));
      assert.equal((await page.evaluate(() => window.mapathy.messages())).length, 0);
      assert.equal((await board(page)).board.lanes.length, 5);
      await checkToolbar(page, device.viewport.width, 'journey board');
      await save(page, `journey-board-${device.tag}`, device.touch);

      await press(byId('toolbar.share'));
      const copy = await findWidget(page, byId('share.copy'));
      assert.ok(copy.y >= 0 && copy.y + copy.h <= device.viewport.height, 'the share dialog fits the screen');
      await save(page, `share-dialog-${device.tag}`, device.touch);
      assert.deepEqual(await app.problems(), []);
    } finally {
      await app.close();
    }
  });
}
