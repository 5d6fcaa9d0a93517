// A minimal static server for the browser tests: serves the release `dist/`
// under a sub-path (default /canary/), like a static host would, and nothing
// else — so any asset requested from the site root fails the tests.
//
//   node tests/e2e/server.mjs [port] [base] [root]
//
// Every response carries the strict Content-Security-Policy Canary must run
// under, so every browser test also proves there is no violation. Like any
// real static host it compresses what it sends (brotli where the client
// accepts it, else gzip), so the benchmarks measure the bytes a learner gets.
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const arg = process.argv[4];
const root = arg
  ? (arg.startsWith('/') ? `${arg.replace(/\/$/, '')}/` : fileURLToPath(new URL(`../../${arg}/`, import.meta.url)))
  : fileURLToPath(new URL('../../dist/', import.meta.url));
// A copy of the app (an absolute root) is ours too and keeps the policy.
const ours = !arg || arg.startsWith('/');
const port = Number(process.argv[2] ?? 4173);
const base = process.argv[3] ?? '/canary/';
const appPort = Number(process.env.CANARY_E2E_PORT ?? 4173);
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; frame-ancestors *";
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

const compressible = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.webmanifest']);
const packed = new Map();
// The file's bytes in the best encoding the request accepts, compressed once.
function encode(path, body, accept) {
  if (!compressible.has(extname(path))) return [body, null];
  const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
  if (!encoding) return [body, null];
  const key = `${encoding}:${path}:${body.length}`;
  if (!packed.has(key)) {
    packed.set(key, encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      : gzipSync(body, { level: 9 }));
  }
  return [packed.get(key), encoding];
}

// Compress every file before serving the first request: brotli at quality
// 11 takes seconds on the wasm files, which would otherwise land on
// whichever test asks first (a cold-load test timing out on the server).
for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const path = join(entry.parentPath ?? entry.path, entry.name);
  const body = await readFile(path);
  encode(path, body, 'br');
  encode(path, body, 'gzip');
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === base.slice(0, -1)) {
    res.writeHead(301, { Location: base });
    return res.end();
  }
  if (!url.pathname.startsWith(base)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    return res.end('not under ' + base);
  }
  let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
  const file = normalize(join(root, rel));
  if (!file.startsWith(root)) {
    res.writeHead(403);
    return res.end();
  }
  try {
    const info = await stat(file);
    const path = info.isDirectory() ? join(file, 'index.html') : file;
    let raw = await readFile(path);
    // The foreign blog links the app by origin; APP_PORT in its pages is the
    // port the app is served on in this run.
    if (!ours && extname(path) === '.html') raw = Buffer.from(raw.toString().replaceAll('APP_PORT', String(appPort)));
    const [body, encoding] = encode(path, raw, req.headers['accept-encoding'] ?? '');
    const headers = {
      'Content-Type': types[extname(path)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
    };
    if (encoding) headers['Content-Encoding'] = encoding;
    // The foreign blog (a root given) is not ours: it sets no policy.
    if (ours) headers['Content-Security-Policy'] = CSP;
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving dist/ at http://127.0.0.1:${port}${base}`));
