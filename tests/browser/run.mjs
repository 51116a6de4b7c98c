// Runs one browser test file (ctest's command for browser.<engine>.<name>): `node run.mjs x.test.mjs`.
// Its output passes through unchanged and its exit status is the test's — with one exception: when the
// run failed because a browser driver stopped answering (a WebDriver command with no reply, see
// drivers/hang.mjs), the driver or browser process hung, not the app; and when WebKit lost the page (its web
// process crashed or hung: drivers/hang.mjs, PAGE_LOST). The file then runs once
// more in a fresh browser, and both runs' output is shown. A failure of any other kind, or a second one of
// these, fails the test.
import { spawn } from 'node:child_process';
import { DRIVER_NO_ANSWER, PAGE_LOST } from './drivers/hang.mjs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node run.mjs <name>.test.mjs');
  process.exit(2);
}

function runOnce() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const [stream, sink] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
      stream.on('data', (chunk) => {
        sink.write(chunk);
        output += chunk;
      });
    }
    const forward = (signal) => child.kill(signal);
    process.once('SIGTERM', forward);
    child.on('close', (code, signal) => {
      process.off('SIGTERM', forward);
      resolve({ code: code ?? 128, signal, output });
    });
  });
}

const first = await runOnce();
const why = first.output.includes(DRIVER_NO_ANSWER) ? 'a browser driver stopped answering'
  : first.output.includes(PAGE_LOST) ? 'WebKit lost the page (its web process crashed or hung)' : null;
if (first.code !== 0 && why) {
  console.log(`\n# run.mjs: ${file} failed because ${why} (above); running it once more in a fresh browser\n`);
  const second = await runOnce();
  process.exit(second.code);
}
process.exit(first.code);
