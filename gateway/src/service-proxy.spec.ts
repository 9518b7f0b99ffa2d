import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { serviceProxy } from './service-proxy';

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

describe('serviceProxy', () => {
  let upstream: Server;
  let proxy: Server;
  let proxyUrl: string;
  let seen: { method?: string; url?: string; headers: IncomingMessage['headers']; bytes: number }[];

  beforeAll(async () => {
    seen = [];
    upstream = createServer((req, res) => {
      let bytes = 0;
      req.on('data', (chunk: Buffer) => (bytes += chunk.length));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, bytes });
        res.writeHead(req.url?.startsWith('/imports/missing') ? 404 : 200, { 'content-type': 'application/json', 'x-upstream': 'yes' });
        res.end(JSON.stringify({ bytes }));
      });
    });
    const upstreamUrl = await listen(upstream);
    const route = serviceProxy(upstreamUrl, pino({ level: 'silent' }));
    proxy = createServer((req, res) => void route(req, res, new URL(req.url ?? '/', 'http://localhost')));
    proxyUrl = await listen(proxy);
  });

  afterAll(async () => {
    await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => upstream.close(r))]);
  });

  it('passes the method, path, query, token and body on, and the answer back', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024, 'a');
    const res = await fetch(`${proxyUrl}/imports/abc/file?x=1`, { method: 'PUT', body, headers: { authorization: 'Bearer t', 'content-type': 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-upstream')).toBe('yes');
    expect(await res.json()).toEqual({ bytes: body.length });
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ method: 'PUT', url: '/imports/abc/file?x=1', bytes: body.length });
    expect(last.headers['authorization']).toBe('Bearer t');
    expect(last.headers['x-forwarded-for']).toContain('127.0.0.1');
  });

  it("keeps the service's own status", async () => {
    expect((await fetch(`${proxyUrl}/imports/missing/errors.csv`)).status).toBe(404);
  });

  it('answers UNAVAILABLE in the error shape when the service is away', async () => {
    const route = serviceProxy('http://127.0.0.1:1', pino({ level: 'silent' }));
    const lonely = createServer((req, res) => void route(req, res, new URL(req.url ?? '/', 'http://localhost')));
    const url = await listen(lonely);
    const res = await fetch(`${url}/imports/x/file`, { method: 'PUT', body: 'a,b' });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ errors: [{ message: expect.stringContaining('not reachable'), extensions: { code: 'UNAVAILABLE' } }] });
    await new Promise((r) => lonely.close(r));
  });
});
