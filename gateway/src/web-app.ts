import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map']);

/** Vite names every built asset after its content's hash, so a cached copy never goes stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: always ask whether it changed. */
const REVALIDATE = 'no-cache';

/**
 * The web app's own origin is the gateway's: scripts come from it, and /graphql, its WebSocket and the
 * upload/download paths are reached from it, so nothing else needs to be allowed.
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https: http:; " +
    "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

interface Asset {
  body: Buffer;
  gzip?: Buffer;
  brotli?: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
}

/**
 * Serves the built web app (services/portal/dist) from memory: hashed assets cached for a year, every other
 * path that a browser navigates to answered with index.html so that the app's router shows the screen.
 * Files are read and compressed once, at start.
 */
export class WebAppAssets {
  private readonly assets = new Map<string, Asset>();
  private readonly index: Asset | undefined;

  constructor(readonly dir: string) {
    if (existsSync(join(dir, 'index.html'))) {
      for (const file of walk(dir)) {
        const path = '/' + relative(dir, file).split(sep).join('/');
        this.assets.set(path, load(file, path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE));
      }
    }
    this.index = this.assets.get('/index.html');
  }

  /** Whether a built app was found; without one the gateway still serves the API. */
  get available(): boolean {
    return this.index !== undefined;
  }

  readonly route = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('Method not allowed.\n');
    }
    if (!this.index) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(`The web app has not been built: run \`npm run build -w @kz/portal\` (npm start does), then restart the gateway.\n`);
    }
    const asset = this.assets.get(url.pathname);
    if (asset) return send(req, res, asset, 200);
    // A missing file under /assets/ or with an extension is a real 404, not a screen of the app.
    if (url.pathname.startsWith('/assets/') || extname(url.pathname) !== '') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
      return void res.end('Not found.\n');
    }
    send(req, res, this.index, 200);
  };
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

function load(file: string, cacheControl: string): Asset {
  const body = readFileSync(file);
  const ext = extname(file).toLowerCase();
  const asset: Asset = {
    body,
    type: CONTENT_TYPES[ext] ?? 'application/octet-stream',
    etag: `"${body.length.toString(36)}-${hash(body)}"`,
    cacheControl,
  };
  if (COMPRESSIBLE.has(ext) && body.length > 1024) {
    asset.gzip = gzipSync(body, { level: 9 });
    asset.brotli = brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } });
  }
  return asset;
}

function hash(body: Buffer): string {
  // FNV-1a: an ETag only has to change when the bytes do.
  let h = 0x811c9dc5;
  for (const byte of body) h = Math.imul(h ^ byte, 0x01000193);
  return (h >>> 0).toString(36);
}

function send(req: IncomingMessage, res: ServerResponse, asset: Asset, status: number): void {
  const headers: Record<string, string | number> = {
    ...SECURITY_HEADERS,
    'content-type': asset.type,
    'cache-control': asset.cacheControl,
    etag: asset.etag,
    vary: 'accept-encoding',
  };
  if (req.headers['if-none-match'] === asset.etag) {
    res.writeHead(304, headers);
    return void res.end();
  }
  const accepted = String(req.headers['accept-encoding'] ?? '');
  let body = asset.body;
  if (asset.brotli && /\bbr\b/.test(accepted)) {
    body = asset.brotli;
    headers['content-encoding'] = 'br';
  } else if (asset.gzip && /\bgzip\b/.test(accepted)) {
    body = asset.gzip;
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = body.length;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
