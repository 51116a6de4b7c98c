// Boards for the output tests (outputs.test.mjs, outputs_files.test.mjs): a fixture with notes that
// break naive writers added to it, opened in the app by dropping it as a file.
import { readFileSync } from 'node:fs';
import { documentJson, dropFile } from './lib.mjs';

export const JOURNEY = new URL('../fixtures/v1/journey_lifecycle_en.json', import.meta.url);
export const EMPATHY = new URL('../fixtures/v1/empathy_classic_de.json', import.meta.url);

// Notes that break naive writers: markup, quotes, commas, line breaks, umlauts.
export const AWKWARD = [
  '<img src=x onerror=alert(1)> & <b>bold</b>',
  'Says: "Why, again, is nobody answering?"',
  'Line one\nLine two, with a comma\nLine "three"',
  'Grüße aus Köln – Straße, Maß, Äpfel, Öl',
];

// The fixture's file text with the AWKWARD notes added (ids awk-0…, spread over sections or stages).
export function withAwkwardNotes(fixtureUrl) {
  const file = JSON.parse(readFileSync(fixtureUrl, 'utf8'));
  const board = file.board;
  AWKWARD.forEach((text, i) => {
    const place = board.sections
      ? { section: board.sections[i % board.sections.length].id }
      : { stage: board.stages[i % board.stages.length].id, lane: board.lanes.find((l) => !l.kind || l.kind === 'text').id };
    board.notes.push({ id: `awk-${i}`, text, ...place, order: 1000 + i, created: 100 + i, modified: 100 + i, votes: i });
  });
  return JSON.stringify(file);
}

// Drops that board into the app and returns the document once it is open.
export async function openBoard(page, fixtureUrl) {
  const before = await documentJson(page);
  await dropFile(page, 'board.json', withAwkwardNotes(fixtureUrl));
  await page.waitForFunction((old) => window.mapathy.document() !== null && window.mapathy.document() !== old, before,
    { timeout: 10000 });
  await page.waitForTimeout(300);
  return JSON.parse(await documentJson(page));
}
