#!/usr/bin/env node
// Where the bytes of a WebAssembly module go: section sizes, the largest functions, and function bytes
// grouped by origin (ImGui, nlohmann/json, libc++, our core/ui/platform, …). Function names come from the
// "name" section, so link a copy with `--profiling-funcs` (names kept, code otherwise identical) for a
// useful breakdown, e.g.
//   cmake -S . -B build/web-size <web options> -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs && cmake --build build/web-size
//   node tools/wasmsize.mjs build/web-size/site/mapathy.wasm [--top 40]
// Data segments are listed too (embedded fonts live there).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start',
  'element', 'code', 'data', 'datacount'];

class Reader {
  constructor(bytes, offset = 0) { this.bytes = bytes; this.offset = offset; }
  u8() { return this.bytes[this.offset++]; }
  uleb() {
    let result = 0, shift = 0, byte;
    do {
      byte = this.u8();
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  }
  // i32.const / i64.const / global.get followed by `end` (the only offsets a linker writes); skipping
  // to the first 0x0b byte instead would stop inside a LEB number.
  constantExpression() {
    const opcode = this.u8();
    if (opcode === 0x41 || opcode === 0x42 || opcode === 0x23) this.uleb();  // the sign does not matter here
    else throw new Error(`unexpected opcode 0x${opcode.toString(16)} in a constant expression`);
    if (this.u8() !== 0x0b) throw new Error('constant expression without end');
  }
  name() {
    const length = this.uleb();
    const text = this.bytes.toString('utf8', this.offset, this.offset + length);
    this.offset += length;
    return text;
  }
}

// "index:mangled-or-plain-name" per line, as --emit-symbol-map writes it.
export function readSymbolMap(text) {
  const names = new Map();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    // Emscripten escapes characters outside [A-Za-z0-9_] as \XX (hex).
    if (colon > 0) {
      names.set(Number(line.slice(0, colon)),
        line.slice(colon + 1).replace(/\\([0-9a-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))));
    }
  }
  return names;
}

export function analyseWasm(bytes, symbolMap = null) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a WebAssembly module');
  const sections = [];
  const bodies = [];   // {index, size, gzip}
  const names = new Map();
  const data = [];     // {index, size}
  let importedFunctions = 0;
  const r = new Reader(bytes, 8);
  while (r.offset < bytes.length) {
    const id = r.u8();
    const size = r.uleb();
    const start = r.offset;
    const end = start + size;
    let label = SECTION_NAMES[id] || `#${id}`;
    if (id === 0) {
      const custom = new Reader(bytes, start);
      const customName = custom.name();
      label = `custom "${customName}"`;
      if (customName === 'name') {
        while (custom.offset < end) {
          const kind = custom.u8();
          const length = custom.uleb();
          const subEnd = custom.offset + length;
          if (kind === 1) {
            const count = custom.uleb();
            for (let i = 0; i < count; ++i) {
              const index = custom.uleb();
              names.set(index, custom.name());
            }
          }
          custom.offset = subEnd;
        }
      }
    } else if (id === 2) {
      const s = new Reader(bytes, start);
      const count = s.uleb();
      for (let i = 0; i < count; ++i) {
        s.name(); s.name();
        const kind = s.u8();
        if (kind === 0) { s.uleb(); ++importedFunctions; }
        else if (kind === 1) { s.u8(); const flags = s.uleb(); s.uleb(); if (flags & 1) s.uleb(); }
        else if (kind === 2) { const flags = s.uleb(); s.uleb(); if (flags & 1) s.uleb(); }
        else if (kind === 3) { s.u8(); s.u8(); }
        else throw new Error(`unknown import kind ${kind}`);
      }
    } else if (id === 10) {
      const s = new Reader(bytes, start);
      const count = s.uleb();
      for (let i = 0; i < count; ++i) {
        const bodySize = s.uleb();
        bodies.push({ index: importedFunctions + i, size: bodySize, bytes: bytes.subarray(s.offset, s.offset + bodySize) });
        s.offset += bodySize;
      }
    } else if (id === 11) {
      const s = new Reader(bytes, start);
      const count = s.uleb();
      for (let i = 0; i < count; ++i) {
        const mode = s.uleb();
        if (mode === 2) s.uleb();
        if (mode === 0 || mode === 2) s.constantExpression();  // the segment's offset
        const length = s.uleb();
        data.push({ index: i, size: length, bytes: bytes.subarray(s.offset, s.offset + length) });
        s.offset += length;
      }
    }
    sections.push({ label, size });
    r.offset = end;
  }
  // The name section first: a symbol map beside the module may be stale (another link), and wasm-opt renumbers
  // functions after Emscripten wrote it.
  const known = names.size > 0 ? names : symbolMap && symbolMap.size > 0 ? symbolMap : names;
  for (const body of bodies) body.name = known.get(body.index) || `func[${body.index}]`;
  return { sections, bodies, data, named: known.size > 0 };
}

// Symbol maps hold mangled C++ names; binutils' c++filt (when installed) makes them readable.
function demangle(names) {
  const entries = [...names];
  try {
    const out = execFileSync('c++filt', { input: entries.map(([, name]) => name).join('\n'), encoding: 'utf8',
      maxBuffer: 256 << 20 }).split('\n');
    return new Map(entries.map(([index, name], i) => [index, out[i] || name]));
  } catch {
    return names;
  }
}

// Which part of the program a (demangled or mangled) function name belongs to.
export function origin(name) {
  const rules = [
    [/nlohmann|json_abi|basic_json|detail::(lexer|parser|serializer|iter_impl|json_sax|output_adapter|input_stream)/, 'nlohmann/json'],
    [/mapathy::ui|mapathy4ui/, 'mapathy ui (src/ui)'],
    [/mapathy::platform|mapathy8platform|mapathy_|main_web|WebPlatform|WebHost/, 'mapathy platform (src/platform, app)'],
    [/mapathy/, 'mapathy core (src/core)'],
    [/ImGui_Impl|imgui_impl/i, 'ImGui backends'],
    [/stbtt|stbrp|stb_|STB/i, 'stb (font rasteriser, rect pack)'],
    [/ImGui|Im[A-Z]|imgui|GImGui|TableS|ImStb/, 'Dear ImGui'],
    [/^(std::|__cxa|__cxxabiv1|std::__2|__gnu|operator new|operator delete|_ZNSt|_ZNKSt|_ZSt|__dynamic_cast|__cxx_)/, 'libc++ / libc++abi'],
    [/emscripten|^_?emmalloc|^dlmalloc|^sbrk|^malloc|^free|^calloc|^realloc|^memalign/, 'emscripten runtime / malloc'],
    [/printf|scanf|strto|^__|^[a-z_0-9]+$/, 'libc'],
  ];
  for (const [pattern, group] of rules) if (pattern.test(name)) return group;
  return 'other';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && !['--top', '--symbols'].includes(args[i - 1]));
  const topIndex = args.indexOf('--top');
  const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 30;
  if (!file) {
    console.error('usage: node tools/wasmsize.mjs MODULE.wasm [--symbols FILE] [--top N]');
    process.exit(1);
  }
  const symbolsIndex = args.indexOf('--symbols');
  const symbolsFile = symbolsIndex >= 0 ? args[symbolsIndex + 1] : file.replace(/\.wasm$/, '.js.symbols');
  const symbolMap = existsSync(symbolsFile) ? demangle(readSymbolMap(readFileSync(symbolsFile, 'utf8'))) : null;
  const bytes = readFileSync(file);
  const { sections, bodies, data, named } = analyseWasm(bytes, symbolMap);
  const pad = (s, n) => String(s).padStart(n);
  console.log(`${file}: ${bytes.length} bytes, gzip ${gzipSync(bytes, { level: 9 }).length}\n\nsections:`);
  for (const s of sections) console.log(`${pad(s.size, 9)}  ${s.label}`);
  const codeTotal = bodies.reduce((sum, b) => sum + b.size, 0);
  console.log(`\n${bodies.length} functions, ${codeTotal} bytes of code${named ? '' : ' (no names: link with --emit-symbol-map)'}`);
  if (named) {
    const groups = new Map();
    for (const b of bodies) {
      const g = origin(b.name);
      const entry = groups.get(g) || { size: 0, count: 0, parts: [] };
      entry.size += b.size;
      entry.count += 1;
      entry.parts.push(b.bytes);
      groups.set(g, entry);
    }
    console.log('\nby origin (bytes, functions, gzip of the group alone):');
    for (const [g, e] of [...groups].sort((a, b) => b[1].size - a[1].size)) {
      const gz = gzipSync(Buffer.concat(e.parts), { level: 9 }).length;
      console.log(`${pad(e.size, 9)} ${pad(e.count, 6)} ${pad(gz, 8)}  ${g}`);
    }
    // nlohmann/json instantiations by function family (the part before the argument list).
    console.log(`\nlargest ${top} functions:`);
    for (const b of [...bodies].sort((a, b2) => b2.size - a.size).slice(0, top)) {
      console.log(`${pad(b.size, 9)}  ${b.name.length > 150 ? b.name.slice(0, 150) + '…' : b.name}`);
    }
  }
  const dataTotal = data.reduce((sum, d) => sum + d.size, 0);
  console.log(`\n${data.length} data segments, ${dataTotal} bytes, gzip ${gzipSync(Buffer.concat(data.map((d) => d.bytes)), { level: 9 }).length}; largest:`);
  for (const d of [...data].sort((a, b) => b.size - a.size).slice(0, 5)) console.log(`${pad(d.size, 9)}  segment ${d.index}`);
}
