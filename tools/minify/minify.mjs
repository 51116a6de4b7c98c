#!/usr/bin/env node
// Minifies one JavaScript file of the site with terser (pinned in this folder's package.json and lock file;
// emsdk-setup.sh installs it). The web build runs it on web/*.js as they are copied into the site and on
// the Emscripten loader (mapathy.js) after linking (CMakeLists.txt).
//
//   node tools/minify/minify.mjs INPUT OUTPUT [--loader]
//
// Our scripts (web/*.js) keep their top-level names: the page's scripts share the global scope
// (window.Module, window.MapathyWeb, window.mapathy). Everything inside them is renamed and compressed.
// --loader: Emscripten's output, whose top-level names are its own (the WebAssembly module reaches them
// through quoted property names, never by name), so they are renamed too — all except `Module`, the
// global web/platform.js configures the app through, and `createMapathyTools`, the tools module's factory.
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

const [input, output, flag] = process.argv.slice(2);
if (!input || !output || (flag && flag !== '--loader')) {
  console.error('usage: node tools/minify/minify.mjs INPUT OUTPUT [--loader]');
  process.exit(1);
}
const loader = flag === '--loader';
const GLOBALS = ['Module', 'createMapathyTools'];  // kept by name (and kept at all) in a loader
const source = readFileSync(input, 'utf8');
const result = await minify(source, {
  ecma: 2020,
  module: false,
  toplevel: loader,
  compress: { passes: 2, top_retain: GLOBALS },
  mangle: { toplevel: loader, reserved: GLOBALS },
  format: { comments: false },
});
if (typeof result.code !== 'string' || result.code.length === 0) {
  console.error(`terser produced nothing for ${input}`);
  process.exit(1);
}
writeFileSync(output, result.code);
