// Checks tests/browser/run.mjs, the runner ctest starts every browser test with: it runs a failed test
// file a second time only when a driver stopped answering or WebKit lost the page, never for any other
// failure, and never more than twice. Made-up test files count their runs in a temporary folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { DRIVER_NO_ANSWER, PAGE_LOST } from './drivers/hang.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'mapathy-run-check-'));
test.after(() => rmSync(folder, { recursive: true, force: true }));

// A test file whose n-th run (1-based) behaves as behaviours[n - 1]: 'pass', 'fail', 'crashed' (the app's own crash message), 'hang' or 'lost'.
function fakeTest(name, behaviours) {
  const counter = join(folder, `${name}.runs`);
  writeFileSync(counter, '0');
  const file = join(folder, `${name}.test.mjs`);
  writeFileSync(file, `import { readFileSync, writeFileSync } from 'node:fs';
const runs = Number(readFileSync(${JSON.stringify(counter)}, 'utf8')) + 1;
writeFileSync(${JSON.stringify(counter)}, String(runs));
const behaviour = ${JSON.stringify(behaviours)}[runs - 1];
if (behaviour === 'hang') { console.error('Error: WebKitWebDriver: ${DRIVER_NO_ANSWER} (POST /execute/sync)'); process.exit(1); }
if (behaviour === 'lost') { console.error('Error: WebKitWebDriver POST /execute/sync: invalid session id: session deleted because of page crash or hang. (${PAGE_LOST}; the last output of the driver: none)'); process.exit(1); }
if (behaviour === 'crashed') { console.error('AssertionError: the page shows "Mapathy crashed: Out of bounds"'); process.exit(1); }
if (behaviour === 'fail') { console.error('AssertionError: the note is missing'); process.exit(1); }
console.log('ok 1 - fine');
`);
  const result = spawnSync(process.execPath, [join(HERE, 'run.mjs'), file], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr, runs: Number(readFileSync(counter, 'utf8')) };
}

test('a passing test runs once', () => {
  const { status, runs } = fakeTest('pass', ['pass']);
  assert.equal(status, 0);
  assert.equal(runs, 1);
});

test('an ordinary failure fails at once and is not run again', () => {
  const { status, runs, output } = fakeTest('fail', ['fail', 'pass']);
  assert.notEqual(status, 0);
  assert.equal(runs, 1);
  assert.match(output, /the note is missing/);
});

test('a hung driver gets one more run in a fresh browser, and the output says so', () => {
  const { status, runs, output } = fakeTest('hang-once', ['hang', 'pass']);
  assert.equal(status, 0);
  assert.equal(runs, 2);
  assert.match(output, /stopped answering/);
});

test('a failure after a hang fails', () => {
  const { status, runs } = fakeTest('hang-then-fail', ['hang', 'fail']);
  assert.notEqual(status, 0);
  assert.equal(runs, 2);
});

test('two hangs fail: never a third run', () => {
  const { status, runs } = fakeTest('hang-twice', ['hang', 'hang', 'pass']);
  assert.notEqual(status, 0);
  assert.equal(runs, 2);
});

test('a page WebKit lost gets one more run, and the output says so', () => {
  const { status, runs, output } = fakeTest('lost-once', ['lost', 'pass']);
  assert.equal(status, 0);
  assert.equal(runs, 2);
  assert.match(output, /WebKit lost the page/);
});

test('two lost pages fail: never a third run', () => {
  const { status, runs } = fakeTest('lost-twice', ['lost', 'hang', 'pass']);
  assert.notEqual(status, 0);
  assert.equal(runs, 2);
});

test('an assertion that merely mentions a crash is an ordinary failure', () => {
  const { status, runs } = fakeTest('crashed', ['crashed', 'pass']);
  assert.notEqual(status, 0);
  assert.equal(runs, 1);
});
