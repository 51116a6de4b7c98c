// What Firefox and WebKit need around them here: an X display (Xvfb: headless Firefox has no WebGL on
// this kind of machine, and WebKitGTK has no headless mode) and, for a German WebKit, a de_DE locale
// (WebKitGTK takes its language from the process locale; Debian's base system has none compiled).
//
// One Xvfb per test process, started on first use and always stopped with the process (normal exit, an
// exception, Ctrl-C or ctest's SIGTERM). Child processes (browsers, drivers) are killed with it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const children = new Set();  // processes to kill when this one ends, the X server last

// Kills `pid` and everything it started (read from /proc), children first.
export function killTree(pid, signal = 'SIGKILL') {
  const kids = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(entry));
    } catch { /* gone meanwhile */ }
  }
  const order = [];
  const walk = (p) => { for (const kid of kids.get(p) || []) walk(kid); order.push(p); };
  walk(pid);
  for (const p of order) {
    try { process.kill(p, signal); } catch { /* already gone */ }
  }
}

// Registers a child process to be killed (with its own children) when this process ends.
export function ownProcess(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

let cleaningUp = false;
function cleanUp() {
  if (cleaningUp) return;
  cleaningUp = true;
  const all = [...children];
  const xServers = all.filter((child) => child.isXServer);
  for (const child of all.filter((c) => !c.isXServer)) killTree(child.pid);
  for (const child of xServers) killTree(child.pid, 'SIGTERM');
}
process.once('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    cleanUp();
    process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 })[signal]);
  });
}

let display = null;

// The X display (":N") of this process's Xvfb, starting it on first use: 1920×1200, 24-bit colour.
export function xDisplay() {
  display ??= new Promise((resolve, reject) => {
    if (!existsSync('/usr/bin/Xvfb')) {
      reject(new Error('Xvfb is missing (Debian package xvfb; ./emsdk-setup.sh installs it)'));
      return;
    }
    // -displayfd: Xvfb picks a free display number and writes it to fd 3 once it accepts clients.
    // -noreset: without it the server resets when its last client leaves — when one test's browser closes —
    // and the next test's browser, starting in that moment, failed with "cannot open display" (seen twice in
    // WebKit, at a file's second test).
    const server = spawn('/usr/bin/Xvfb', ['-displayfd', '3', '-noreset', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    server.isXServer = true;
    ownProcess(server);
    let number = '';
    let log = '';
    server.stderr.on('data', (chunk) => { log += chunk; });
    server.stdio[3].on('data', (chunk) => {
      number += chunk;
      if (number.includes('\n')) resolve(`:${number.trim()}`);
    });
    server.once('exit', (code) => reject(new Error(`Xvfb ended (${code}) before it was ready: ${log.slice(-500)}`)));
    server.unref();
    server.stderr.unref?.();
    server.stdio[3].unref?.();
  });
  return display;
}

const SOURCE_DIR = new URL('../../../', import.meta.url).pathname;

// A directory with the compiled de_DE.UTF-8 locale, for LOCPATH (built once into build/locale; a few
// seconds). Several test processes may build it at once: each builds into its own folder and renames.
export function germanLocale() {
  const dir = process.env.MAPATHY_LOCPATH || join(SOURCE_DIR, 'build/locale');
  const target = join(dir, 'de_DE.UTF-8');
  if (existsSync(join(target, 'LC_CTYPE'))) return dir;
  mkdirSync(dir, { recursive: true });
  const scratch = mkdtempSync(join(dir, 'building-'));
  const built = spawnSync('localedef', ['-i', 'de_DE', '-f', 'UTF-8', join(scratch, 'de_DE.UTF-8')], { encoding: 'utf8' });
  if (built.status !== 0 && !existsSync(join(scratch, 'de_DE.UTF-8', 'LC_CTYPE'))) {
    rmSync(scratch, { recursive: true, force: true });
    throw new Error(`localedef could not build de_DE.UTF-8 (Debian package locales): ${built.stderr || built.error}`);
  }
  try {
    renameSync(join(scratch, 'de_DE.UTF-8'), target);
  } catch {
    // Another process was faster; its locale is the same.
  }
  rmSync(scratch, { recursive: true, force: true });
  return dir;
}

// The X clipboard of this process's display, as another application would fill and read it (xclip,
// Debian package xclip): the system clipboard Firefox and WebKit paste from and copy to.
let clipboardOwner = null;
export async function setXClipboard(text) {
  const display = await xDisplay();
  if (clipboardOwner) killTree(clipboardOwner.pid);
  // -quiet: stays in the foreground, serving the text until another program takes the clipboard over.
  clipboardOwner = ownProcess(spawn('xclip', ['-quiet', '-i', '-selection', 'clipboard'],
    { env: { ...process.env, DISPLAY: display }, stdio: ['pipe', 'ignore', 'ignore'] }));
  clipboardOwner.stdin.end(text);
  clipboardOwner.unref();  // never keeps this process alive (it is killed when this process ends)
  for (let attempt = 0; attempt < 50; ++attempt) {
    if (await readXClipboard() === text) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('xclip did not take the clipboard');
}

export async function readXClipboard() {
  const display = await xDisplay();
  const read = spawnSync('xclip', ['-o', '-selection', 'clipboard'],
    { env: { ...process.env, DISPLAY: display }, encoding: 'utf8', timeout: 5000 });
  if (read.error && read.error.code === 'ENOENT') throw new Error('xclip is missing (Debian package xclip; ./emsdk-setup.sh installs it)');
  return read.status === 0 ? read.stdout : '';
}
