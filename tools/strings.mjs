#!/usr/bin/env node
// Writes the web app's language files (strings-en.txt, strings-de.txt) from the string tables in the C++
// sources: every `UiString name[] = { {"key", "English", "German"}, … }` and every error-wording table
// (`ErrorRow`/`ErrorWording`), whose keys get a leading '!'. The format is described in src/ui/ui_texts.hpp.
//
//   node tools/strings.mjs OUT_DIR SOURCE.cpp…
//
// The tables stay the one place texts are written; the web build compiles them without texts
// (MAPATHY_UI_TEXTS_FROM_FILE) and ships these files instead. tests/ui/ui_texts_test.cpp checks that the
// files hold exactly what the compiled tables hold, so a table this reader misreads fails the native tests.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

// C++ source → tokens: {s: string literal (adjacent literals joined)}, {id}, {p: punctuation}. Comments,
// character literals and preprocessor lines are skipped.
export function tokenize(source) {
  const tokens = [];
  let i = 0;
  const n = source.length;
  const unescape = (body) => {
    const bytes = [];
    for (let k = 0; k < body.length; k++) {
      const c = body[k];
      if (c !== '\\') { bytes.push(...Buffer.from(c, 'utf8')); continue; }
      const e = body[++k];
      const simple = { n: 10, t: 9, r: 13, '\\': 92, '"': 34, "'": 39, '?': 63, a: 7, b: 8, f: 12, v: 11 };
      if (e in simple) bytes.push(simple[e]);
      else if (e === 'x') { let h = ''; while (/[0-9a-fA-F]/.test(body[k + 1] || '')) h += body[++k]; bytes.push(parseInt(h, 16) & 255); }
      else if (/[0-7]/.test(e)) { let o = e; while (o.length < 3 && /[0-7]/.test(body[k + 1] || '')) o += body[++k]; bytes.push(parseInt(o, 8)); }
      else if (e === 'u' || e === 'U') { const len = e === 'u' ? 4 : 8; bytes.push(...Buffer.from(String.fromCodePoint(parseInt(body.substr(k + 1, len), 16)), 'utf8')); k += len; }
      else throw new Error(`unknown escape \\${e}`);
    }
    return Buffer.from(bytes).toString('utf8');
  };
  while (i < n) {
    const c = source[i];
    if (c === '/' && source[i + 1] === '/') { while (i < n && source[i] !== '\n') i++; continue; }
    if (c === '/' && source[i + 1] === '*') { const end = source.indexOf('*/', i + 2); i = end < 0 ? n : end + 2; continue; }
    if (c === '#' && (tokens.length === 0 || /\n\s*$/.test(source.slice(Math.max(0, i - 200), i)))) {
      while (i < n && source[i] !== '\n') { if (source[i] === '\\' && source[i + 1] === '\n') i++; i++; }
      continue;
    }
    if (c === '"') {
      let k = i + 1;
      while (k < n && source[k] !== '"') k += source[k] === '\\' ? 2 : 1;
      const text = unescape(source.slice(i + 1, k));
      const last = tokens[tokens.length - 1];
      if (last && 's' in last) last.s += text;
      else tokens.push({ s: text });
      i = k + 1;
      continue;
    }
    if (c === "'") { let k = i + 1; while (k < n && source[k] !== "'") k += source[k] === '\\' ? 2 : 1; i = k + 1; tokens.push({ p: 'char' }); continue; }
    if (/[A-Za-z_]/.test(c)) { let k = i; while (k < n && /[A-Za-z0-9_]/.test(source[k])) k++; tokens.push({ id: source.slice(i, k) }); i = k; continue; }
    if (/\s/.test(c)) { i++; continue; }
    tokens.push({ p: c });
    i++;
  }
  return tokens;
}

const TABLE_TYPES = new Map([['UiString', ''], ['ErrorRow', '!'], ['ErrorWording', '!']]);

// Every table row of one source: [{key, en, de}] (keys of error wordings with their '!').
export function tableRows(source, name = 'source') {
  const t = tokenize(source);
  const rows = [];
  for (let i = 0; i + 5 < t.length; i++) {
    if (!(t[i].id && TABLE_TYPES.has(t[i].id) && t[i + 1].id && t[i + 2].p === '[' && t[i + 3].p === ']' &&
      t[i + 4].p === '=' && t[i + 5].p === '{')) continue;
    const prefix = TABLE_TYPES.get(t[i].id);
    let k = i + 6;
    for (;;) {
      if (t[k].p === '}') break;
      const row = t.slice(k, k + 7);
      if (!(row[0].p === '{' && 's' in row[1] && row[2].p === ',' && 's' in row[3] && row[4].p === ',' && 's' in row[5] && row[6].p === '}')) {
        throw new Error(`${name}: table ${t[i + 1].id}: a row is not {"key", "English", "German"} (after ${rows.length} rows)`);
      }
      rows.push({ key: prefix + row[1].s, en: row[3].s, de: row[5].s });
      k += 7;
      if (t[k].p === ',') k++;
    }
    i = k;
  }
  return rows;
}

const escapeText = (text) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');

export function languageFile(rows, lang) {
  const seen = new Set();
  const lines = [`# Mapathy: the UI's texts in ${lang === 'de' ? 'German' : 'English'}, written by tools/strings.mjs from the tables in src/ui (do not edit)`];
  for (const row of rows) {
    if (seen.has(row.key)) continue;  // the first row of a key wins, as when the tables are compiled in
    seen.add(row.key);
    if (/[\t\n\\]/.test(row.key)) throw new Error(`a key with a tab, line break or backslash: ${JSON.stringify(row.key)}`);
    lines.push(`${row.key}\t${escapeText(row[lang])}`);
  }
  return lines.join('\n') + '\n';
}

if (process.argv[1] && basename(process.argv[1]) === 'strings.mjs') {
  const [outDir, ...sources] = process.argv.slice(2);
  if (!outDir || sources.length === 0) {
    console.error('usage: node tools/strings.mjs OUT_DIR SOURCE.cpp…');
    process.exit(2);
  }
  const rows = sources.flatMap((file) => tableRows(readFileSync(file, 'utf8'), file));
  mkdirSync(outDir, { recursive: true });
  for (const lang of ['en', 'de']) writeFileSync(join(outDir, `strings-${lang}.txt`), languageFile(rows, lang));
}
