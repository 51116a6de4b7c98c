#!/usr/bin/env node
// Serves the built site (default build/web/site) on http://127.0.0.1:8080 — `node tools/serve.mjs [dir]
// [--port N] [--base /sub/path/]`. Ctrl-C stops it. Also a module: the browser tests start the same
// server on a random free port (tests/browser/lib.mjs), in test mode: then the console capture
// (tests/browser/capture.js) is served as <base>__test/console.js and inserted into index.html as its
// first script, right after the Content-Security-Policy (same origin, so the policy is not touched).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export const DEFAULT_SITE = fileURLToPath(new URL('../build/web/site/', import.meta.url));

export const TEST_SCRIPT_PATH = '__test/console.js';

// index.html with `<script src="__test/console.js">` as its first script (after the CSP meta element, so
// the policy applies to it and it runs before anything else). Fails loudly if the page has no CSP.
export function withTestScript(html) {
  const csp = /<meta http-equiv="Content-Security-Policy"[^>]*>/.exec(html);
  if (!csp) throw new Error('index.html has no Content-Security-Policy meta element to put the test script after');
  const at = csp.index + csp[0].length;
  return html.slice(0, at) + `\n  <script src="${TEST_SCRIPT_PATH}"></script>` + html.slice(at);
}

// Starts a static file server for `root` below `base` ("/" or "/repo/"). port 0 picks a free port.
// `testScript` (a file) turns on test mode (see above). `hold` (tests: a slow network for some files) is a
// function of the path below `base`; requests it says yes to wait until release() is called. Resolves to
// { url, port, close(), release() }; url ends with the base path.
export async function startServer({ root = DEFAULT_SITE, port = 0, host = '127.0.0.1', base = '/', testScript = null,
  hold = null } = {}) {
  const rootDir = resolve(root);
  if (!base.startsWith('/')) base = '/' + base;
  if (!base.endsWith('/')) base += '/';
  let held = hold ? [] : null;
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
      if (held && path.startsWith(base) && hold(path.slice(base.length))) await new Promise((go) => held.push(go));
      if (!path.startsWith(base)) {
        if (path + '/' === base) return redirect(response, base);
        return notFound(response);
      }
      if (testScript && path === base + TEST_SCRIPT_PATH) return send(response, request, testScript, await readFile(testScript));
      let file = normalize(join(rootDir, path.slice(base.length)));
      if (file !== rootDir && !file.startsWith(rootDir + sep)) return notFound(response);
      let info = await stat(file).catch(() => null);
      if (info && info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info || !info.isFile()) return notFound(response);
      let body = await readFile(file);
      if (testScript && file === join(rootDir, 'index.html')) body = Buffer.from(withTestScript(body.toString('utf8')));
      send(response, request, file, body);
    } catch (error) {
      response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(String(error));
    }
  });
  await new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolvePromise);
  });
  const actualPort = server.address().port;
  function release() {
    const waiting = held || [];
    held = null;
    for (const go of waiting) go();
  }
  return {
    url: `http://${host}:${actualPort}${base}`,
    port: actualPort,
    release,
    close: () => new Promise((resolvePromise) => {
      release();
      server.closeAllConnections?.();
      server.close(() => resolvePromise());
    }),
  };
}

function send(response, request, file, body) {
  response.writeHead(200, {
    'Content-Type': TYPES[extname(file).toLowerCase()] || 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function notFound(response) {
  response.writeHead(404, { 'Content-Type': 'text/plain' });
  response.end('Not found');
}

function redirect(response, location) {
  response.writeHead(301, { Location: location });
  response.end();
}

async function main(argv) {
  let root = DEFAULT_SITE;
  let port = 8080;
  let base = '/';
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--port') port = Number(argv[++i]);
    else if (argv[i] === '--base') base = argv[++i];
    else root = argv[i];
  }
  const exists = await stat(join(root, 'index.html')).catch(() => null);
  if (!exists) {
    console.error(`No site in ${root}: build it first with  cmake --workflow --preset web`);
    process.exit(1);
  }
  const server = await startServer({ root, port, base });
  console.log(`Mapathy is served from ${resolve(root)}`);
  console.log(`Open ${server.url}  (Ctrl-C stops)`);
  process.on('SIGINT', () => server.close().then(() => process.exit(0)));
  process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error.message || error);
    process.exit(1);
  });
}
