#!/usr/bin/env node
// Do two builds of the site draw the same pixels? Opens each site in Debian's Chromium in the same
// scenes (start screen, boards from share links, the share dialog with its QR code, a tooltip, a zoomed-in
// canvas, a 2× pixel ratio, no semibold face), takes screenshots and compares them pixel by pixel. Used to check a change of
// the renderer (src/platform/web/gl_renderer.hpp) against the build before it.
//
//   node tools/compare-render.mjs SITE_A SITE_B [--out DIR]    (exit 1 when any scene differs)
// Screenshots go to DIR (default /tmp/mapathy-compare-render): <scene>-a.png, <scene>-b.png and, for scenes
// that differ, <scene>-diff.png (differing pixels in red).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string', default: '/tmp/mapathy-compare-render' } } });
if (positionals.length !== 2) {
  console.error('usage: node tools/compare-render.mjs SITE_A SITE_B [--out DIR]');
  process.exit(1);
}
const lib = await import('../tests/browser/lib.mjs');
const { CHROMIUM, CHROMIUM_FLAGS } = await import('../tests/browser/drivers/chromium.mjs');
const { chromium } = await import('../tests/browser/node_modules/playwright-core/index.mjs');
const { startServer } = await import('./serve.mjs');
const link = (name) => readFileSync(join(ROOT, 'tests/fixtures/links', name), 'utf8').trim().replace(/^[^#]*#/, '');

const settle = async (page) => {
  await page.waitForTimeout(900);  // hover delays and the late frame
};
const press = async (page, id) => {
  const item = await lib.findWidget(page, lib.byId(id));
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
};

const SCENES = [
  { name: 'start', locale: 'en-US' },
  { name: 'empathy-de', locale: 'de-DE', hash: link('v1-typical-german-empathy-map.txt') },
  { name: 'journey-en', locale: 'en-US', hash: link('v1-journey-lifecycle-en.txt') },
  { name: 'empathy-300', locale: 'de-DE', hash: link('v2-large-german-empathy-map-300.txt') },
  { name: 'no-bold-face', locale: 'de-DE', hash: link('v1-typical-german-empathy-map.txt'), blockBold: true },
  { name: 'empathy-de-2x', locale: 'de-DE', hash: link('v1-typical-german-empathy-map.txt'), scale: 2 },
  {
    name: 'share-dialog', locale: 'de-DE', hash: link('v1-typical-german-empathy-map.txt'),
    act: async (page) => { await press(page, 'toolbar.share'); await lib.findWidget(page, lib.byId('share.copy')); },
  },
  {  // short enough for the QR code
    name: 'share-dialog-qr', locale: 'en-US', hash: link('v1-journey-lifecycle-en.txt'),
    act: async (page) => { await press(page, 'toolbar.share'); await lib.findWidget(page, lib.byId('share.copy')); },
  },
  {
    name: 'tooltip', locale: 'en-US', hash: link('v1-journey-lifecycle-en.txt'),
    act: async (page) => {
      const item = await lib.findWidget(page, lib.byId('toolbar.fit'));
      await page.mouse.move(item.x + item.w / 2 - 2, item.y + item.h / 2);
      await page.mouse.move(item.x + item.w / 2, item.y + item.h / 2);
      await page.waitForTimeout(1500);
      await page.mouse.move(item.x + item.w / 2 + 1, item.y + item.h / 2);  // frames after the hover delay
    },
    keepMouse: true,
  },
  {
    name: 'zoomed-in', locale: 'de-DE', hash: link('v1-typical-german-empathy-map.txt'),
    act: async (page) => {
      await page.mouse.move(640, 420);
      for (let i = 0; i < 6; ++i) {
        await page.keyboard.down('Control');
        await page.mouse.wheel(0, -100);
        await page.keyboard.up('Control');
        await page.waitForTimeout(80);
      }
    },
  },
];

// Both sites are served on the same port: the share dialog shows the page's address.
let port = 0;
async function shoot(site, scene) {
  const server = await startServer({ root: resolve(site), port });
  port = server.port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: scene.scale || 1, locale: scene.locale });
    const page = await context.newPage();
    // Offline before the semibold face was cached: headings stay in the regular face.
    if (scene.blockBold) await page.route('**/mapathy-bold.otf', (route) => route.abort());
    await page.goto(server.url + (scene.hash ? '#' + scene.hash : ''));
    await lib.waitForApp(page, 2, 60000);
    await settle(page);
    if (scene.act) await scene.act(page);
    if (!scene.keepMouse) await page.mouse.move(1276, 796);
    await settle(page);
    return await page.screenshot();
  } finally {
    await browser.close();
    await server.close();
  }
}

// A PNG of the differing pixels (red) over a faded copy of the first picture.
function diffPng(a, b) {
  const out = Buffer.alloc(a.width * a.height * 3);
  let differing = 0;
  let largest = 0;  // the largest difference of one colour channel (0–255)
  for (let i = 0; i < a.width * a.height; ++i) {
    const pa = i * a.channels, pb = i * b.channels;
    const same = a.pixels[pa] === b.pixels[pb] && a.pixels[pa + 1] === b.pixels[pb + 1] && a.pixels[pa + 2] === b.pixels[pb + 2];
    if (!same) ++differing;
    for (let c = 0; c < 3; ++c) largest = Math.max(largest, Math.abs(a.pixels[pa + c] - b.pixels[pb + c]));
    out[i * 3] = same ? 128 + (a.pixels[pa] >> 1) : 255;
    out[i * 3 + 1] = same ? 128 + (a.pixels[pa + 1] >> 1) : 0;
    out[i * 3 + 2] = same ? 128 + (a.pixels[pa + 2] >> 1) : 0;
  }
  const raw = Buffer.alloc((a.width * 3 + 1) * a.height);
  for (let y = 0; y < a.height; ++y) out.copy(raw, y * (a.width * 3 + 1) + 1, y * a.width * 3, (y + 1) * a.width * 3);
  const chunk = (type, body) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crcBuffer = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    let crc = ~0;
    for (const byte of crcBuffer) { crc ^= byte; for (let k = 0; k < 8; ++k) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1)); }
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE((~crc) >>> 0, 0);
    return Buffer.concat([head, body, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(a.width, 0);
  header.writeUInt32BE(a.height, 4);
  header[8] = 8; header[9] = 2;
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  return { differing, largest, png };
}

mkdirSync(values.out, { recursive: true });
let failures = 0;
for (const scene of SCENES) {
  const [pngA, pngB] = [await shoot(positionals[0], scene), await shoot(positionals[1], scene)];
  writeFileSync(join(values.out, `${scene.name}-a.png`), pngA);
  writeFileSync(join(values.out, `${scene.name}-b.png`), pngB);
  const a = lib.decodePng(pngA), b = lib.decodePng(pngB);
  if (a.width !== b.width || a.height !== b.height) {
    console.log(`${scene.name}: sizes differ (${a.width}×${a.height} vs ${b.width}×${b.height})`);
    ++failures;
    continue;
  }
  const { differing, largest, png } = diffPng(a, b);
  if (differing) {
    writeFileSync(join(values.out, `${scene.name}-diff.png`), png);
    ++failures;
  }
  console.log(`${scene.name}: ${a.width}×${a.height}, ${lib.distinctColours(pngA)} colours, ${differing} pixels differ` +
    (differing ? ` (by at most ${largest}/255 in a colour channel)` : ''));
}
process.exit(failures ? 1 : 0);
