import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { WebAppAssets } from './web-app';

describe('WebAppAssets', () => {
  let dir: string;
  let server: Server;
  let base: string;
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kz-web-app-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title><script src="/assets/index-abc123.js"></script>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), script);
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const assets = new WebAppAssets(dir);
    server = createServer((req, res) => void assets.route(req, res, new URL(req.url ?? '/', 'http://localhost')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('caches hashed assets for a year and asks again for index.html', async () => {
    const asset = await fetch(`${base}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await asset.text()).toBe(script);
    const index = await fetch(`${base}/`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers every screen address with index.html, and a missing file with 404', async () => {
    for (const path of ['/sign-in', '/orgs/123/groups/456/members', '/join/abc-token']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>app</title>');
    }
    expect((await fetch(`${base}/assets/index-gone.js`)).status).toBe(404);
    expect((await fetch(`${base}/robots.txt`)).status).toBe(404);
  });

  it('serves compressed copies to clients that accept them, and 304 for a known ETag', async () => {
    const res = await new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const req = get(`${base}/assets/index-abc123.js`, { headers: { 'accept-encoding': 'gzip' } }, (r: IncomingMessage) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve({ headers: r.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).toString()).toBe(script);
    const etag = (await fetch(`${base}/assets/index-abc123.js`)).headers.get('etag')!;
    expect((await fetch(`${base}/assets/index-abc123.js`, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('refuses other methods than GET and HEAD', async () => {
    expect((await fetch(`${base}/`, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('says how to build the app when there is none', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kz-web-app-empty-'));
    const assets = new WebAppAssets(empty);
    expect(assets.available).toBe(false);
    const missing = createServer((req, res) => void assets.route(req, res, new URL(req.url ?? '/', 'http://localhost')));
    await new Promise<void>((resolve) => missing.listen(0, '127.0.0.1', resolve));
    const res = await fetch(`http://127.0.0.1:${(missing.address() as AddressInfo).port}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build -w @kz/portal');
    await new Promise((resolve) => missing.close(resolve));
    rmSync(empty, { recursive: true, force: true });
  });
});
