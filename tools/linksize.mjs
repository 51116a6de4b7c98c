// Prints the share-link size figures for a board JSON file: what a mermaid.live-style link
// (zlib deflate level 9 + base64url) and a TypeScript-playground-style link (lz-string
// compressToEncodedURIComponent) would carry, next to Mapathy's own fragment when given.
//
//   node tools/linksize.mjs BOARD.json [MAPATHY_FRAGMENT_FILE]
//   node tools/linksize.mjs --lz-string-of TEXT_FILE     (prints only the lz-string encoding; the
//                                                         C++ tests' reimplementation is checked against it)
// Needs the npm package lz-string (tests/browser/package.json); zlib is node's own.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'tests', 'browser', 'package.json'));
let LZString;
try {
  LZString = require('lz-string');
} catch {
  // Also look next to the current directory (e.g. a scratch install).
  LZString = createRequire(path.join(process.cwd(), 'package.json'))('lz-string');
}

// What the two common link styles carry for this JSON text: { jsonBytes, deflate, lzString } (characters).
export function baselineSizes(json) {
  return {
    jsonBytes: Buffer.byteLength(json, 'utf8'),
    deflate: deflateSync(Buffer.from(json, 'utf8'), { level: 9 }).toString('base64url').length,
    lzString: LZString.compressToEncodedURIComponent(json).length,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  if (args[0] === '--lz-string-of') {
    process.stdout.write(LZString.compressToEncodedURIComponent(readFileSync(args[1], 'utf8')));
    process.exit(0);
  }
  if (args.length < 1) {
    console.error('usage: node tools/linksize.mjs BOARD.json [MAPATHY_FRAGMENT_FILE]');
    process.exit(1);
  }
  // The file's text as it is (give it compact JSON, as saveJson(board, false) / `mapathy export` write it).
  const json = readFileSync(args[0], 'utf8').trim();
  const deflated = deflateSync(Buffer.from(json, 'utf8'), { level: 9 }).toString('base64url');
  const lz = LZString.compressToEncodedURIComponent(json);
  console.log(`json bytes                         ${Buffer.byteLength(json, 'utf8')}`);
  console.log(`deflate-9 + base64url (mermaid)    ${deflated.length}`);
  console.log(`lz-string URI component (TS play)  ${lz.length}`);
  if (args[1]) {
    const ours = readFileSync(args[1], 'utf8').trim().replace(/^[^#]*#/, '');
    const best = Math.min(deflated.length, lz.length);
    console.log(`mapathy fragment                   ${ours.length}  (${(100 * ours.length / best).toFixed(1)}% of the smaller baseline)`);
  }
}
