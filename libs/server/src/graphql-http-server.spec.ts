import { request } from 'node:http';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import pino from 'pino';
import { GraphQLHttpServer } from './graphql-http-server';

/** Hostile requests at a real GraphQLHttpServer on a free port; each gets a clear status and extensions.code. */
describe('GraphQLHttpServer refusing hostile input', () => {
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        echo: { type: GraphQLString, args: { text: { type: GraphQLString } }, resolve: (_root, args: { text?: string }) => args.text ?? 'hi' },
        slow: { type: GraphQLString, resolve: () => new Promise((resolve) => setTimeout(() => resolve('done'), 40)) },
      },
    }),
  });
  const server = new GraphQLHttpServer({
    name: 'test',
    host: '127.0.0.1',
    port: 0,
    graph: { schema },
    buildContext: async () => ({}),
    readiness: async () => ({}),
    logger: pino({ level: 'silent' }),
    maxBodyBytes: 64 * 1024,
    maxTokens: 1_000,
    maxNesting: 20,
  });
  let url = '';

  beforeAll(async () => {
    url = `${await server.start()}/graphql`;
  });
  afterAll(() => server.stop());

  const post = (body: Buffer | string, headers: Record<string, string> = {}) =>
    send({ method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (req) => req.end(body));

  const send = (options: { method: string; headers?: Record<string, string>; path?: string }, write: (req: ReturnType<typeof request>) => void) =>
    new Promise<{ status: number; body: any; connection: string | undefined; serverTiming: string | undefined; length: string | undefined; bytes: number }>(
      (resolve, reject) => {
        const req = request(
          options.path ? url.replace(/\/graphql$/, options.path) : url,
          { method: options.method, headers: options.headers, agent: false },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              const serverTiming = res.headers['server-timing'];
              resolve({
                status: res.statusCode ?? 0,
                body: text ? JSON.parse(text) : null,
                connection: res.headers.connection,
                serverTiming: Array.isArray(serverTiming) ? serverTiming.join(', ') : serverTiming,
                length: res.headers['content-length'],
                bytes: Buffer.concat(chunks).length,
              });
              req.destroy();
            });
          },
        );
        req.on('error', reject);
        write(req);
      },
    );

  it('answers a normal operation', async () => {
    const res = await post(JSON.stringify({ query: '{ echo(text: "café") }' }));
    expect(res).toMatchObject({ status: 200, body: { data: { echo: 'café' } } });
    // The answer's length in bytes, not characters ("é" is two).
    expect(res.length).toBe(String(res.bytes));
  });

  it('says in Server-Timing how long it spent on an operation', async () => {
    const res = await post(JSON.stringify({ query: '{ slow }' }));
    expect(res).toMatchObject({ status: 200, body: { data: { slow: 'done' } } });
    const [, dur] = /^total;dur=(\d+\.\d{2})$/.exec(res.serverTiming ?? '') ?? [];
    expect(Number(dur)).toBeGreaterThanOrEqual(39);
  });

  it('serves the process memory at /metrics in the Prometheus text format', async () => {
    const res = await new Promise<{ status: number; type: string | undefined; text: string }>((resolve, reject) => {
      request(url.replace(/\/graphql$/, '/metrics'), { agent: false }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, type: r.headers['content-type'], text: Buffer.concat(chunks).toString('utf8') }));
      })
        .on('error', reject)
        .end();
    });
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toMatch(/^process_resident_memory_bytes \d+$/m);
  });

  it('refuses a body that is not valid UTF-8 rather than changing its characters', async () => {
    const body = Buffer.concat([Buffer.from('{"query":"{ echo(text: \\"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\\") }"}')]);
    const res = await post(body);
    expect(res).toMatchObject({ status: 400, body: { errors: [{ message: 'The request body is not valid UTF-8.', extensions: { code: 'BAD_REQUEST' } }] } });
  });

  it('refuses a document nested deeper than the limit before parsing it', async () => {
    const res = await post(JSON.stringify({ query: `{ echo ${'{ a '.repeat(10_000)}${'}'.repeat(10_000)} }` }), {});
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(res.body.errors[0].message).toMatch(/more than 20 levels deep/);
  });

  it('refuses the same nesting in a GET query string', async () => {
    const query = encodeURIComponent(`{${'{'.repeat(30)}`);
    const res = await send({ method: 'GET', path: `/graphql?query=${query}`, headers: { 'apollo-require-preflight': 'true' } }, (req) => req.end());
    expect(res).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] } });
  });

  it('refuses a document of more tokens than the limit with a parse error', async () => {
    const res = await post(JSON.stringify({ query: `{ ${Array.from({ length: 600 }, (_, i) => `a${i}: echo`).join(' ')} }` }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(res.body.errors[0].message).toMatch(/more that 1000 tokens/);
  });

  it('refuses an oversized chunked body with 413 before it has all arrived', async () => {
    const res = await send({ method: 'POST', headers: { 'content-type': 'application/json' } }, (req) => {
      // 1 MiB in 64 KiB chunks, no Content-Length: the server has to count.
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 16 && !req.destroyed) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      req.on('response', () => (sent = 16));
      pump();
    }).catch((err: Error) => ({ status: -1, body: err.message, connection: undefined }));
    expect(res).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] } });
  });

  it('refuses a body whose declared length is over the limit with 413, while the client is still sending it', async () => {
    const res = await send({ method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) } }, (req) => {
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let answered = false;
      let sent = 0;
      req.on('response', () => (answered = true));
      const pump = () => {
        while (sent < 160 && !answered && !req.destroyed) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
      };
      pump();
    });
    expect(res).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] } });
  });

  it('answers headers too large for node:http in the same error shape', async () => {
    const res = await send({ method: 'GET', path: `/graphql?query=${'x'.repeat(100_000)}` }, (req) => req.end());
    expect(res).toMatchObject({ status: 431, body: { errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] } });
  });
});
