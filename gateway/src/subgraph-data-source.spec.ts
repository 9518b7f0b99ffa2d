import { createServer, type Server, type ServerResponse, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { SubgraphDataSource } from './subgraph-data-source';
import { createSubgraphAgent, undiciFetcher } from './subgraph-fetcher';

/** A subgraph (or the balancer in front of it) answering every request as `answer` says. */
async function subgraph(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => req.resume().on('end', () => answer(req, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

async function call(url: string) {
  const source = new SubgraphDataSource('messaging', url, undiciFetcher(createSubgraphAgent()), '');
  return source.process({
    kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
    request: { query: 'mutation { sendMessage { id } }' },
    context: {},
  });
}

async function callTo(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const { url, server } = await subgraph(answer);
  servers.push(server);
  return call(url);
}

const UNAVAILABLE = {
  message: 'The messaging service did not answer; try again shortly (with the same idempotency key, where the operation takes one).',
  extensions: { code: 'UNAVAILABLE' },
};

describe('a subgraph that cannot answer', () => {
  it('is UNAVAILABLE when its process dies with the request in flight', async () => {
    const response = await callTo((req) => req.socket.destroy());
    expect(response.errors?.map((e) => ({ message: e.message, extensions: e.extensions }))).toEqual([UNAVAILABLE]);
  });

  it('is UNAVAILABLE when nothing listens on its address', async () => {
    const { url, server } = await subgraph(() => undefined);
    await new Promise((resolve) => server.close(resolve));
    const response = await call(url);
    expect(response.errors?.map((e) => ({ message: e.message, extensions: e.extensions }))).toEqual([UNAVAILABLE]);
  });

  it.each([502, 503, 504])('is UNAVAILABLE when a balancer answers %i for it with a page of its own', async (status) => {
    const response = await callTo((_req, res) => {
      res.writeHead(status, { 'content-type': 'text/html' });
      res.end('<html><body><h1>No server is available to handle this request.</h1></body></html>');
    });
    expect(response.errors?.map((e) => ({ message: e.message, extensions: e.extensions }))).toEqual([UNAVAILABLE]);
  });

  it("keeps the subgraph's own code and message when it refuses a request with an HTTP error", async () => {
    const response = await callTo((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'The database is away; try again.', extensions: { code: 'UNAVAILABLE' } }] }));
    });
    expect(response.errors?.map((e) => [e.message, e.extensions?.['code']])).toEqual([['The database is away; try again.', 'UNAVAILABLE']]);
    await expect(
      callTo((_req, res) => {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: 'Not a phone number.', extensions: { code: 'BAD_USER_INPUT', field: 'phone' } }] }));
      }),
    ).rejects.toMatchObject({ message: 'Not a phone number.', extensions: { code: 'BAD_USER_INPUT', field: 'phone' } });
  });

  it('fails as before on an error that is not about reaching it', async () => {
    const failed = callTo((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('boom');
    });
    await expect(failed).rejects.toMatchObject({ message: '500: Internal Server Error' });
    await expect(failed).rejects.not.toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
  });
});
