import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { readinessUrl, subgraphReady } from './subgraph-readiness';

describe('readinessUrl', () => {
  it('replaces the /graphql path with /readyz', () => {
    expect(readinessUrl('http://127.0.0.1:4002/graphql')).toBe('http://127.0.0.1:4002/readyz');
    expect(readinessUrl('http://127.0.0.1:4002/graphql/')).toBe('http://127.0.0.1:4002/readyz');
  });

  it('keeps a path prefix in front of /graphql and drops any query string', () => {
    expect(readinessUrl('https://api.example.com/groups/graphql?x=1')).toBe('https://api.example.com/groups/readyz');
  });

  it('appends /readyz to a URL without /graphql', () => {
    expect(readinessUrl('http://groups:8080')).toBe('http://groups:8080/readyz');
  });
});

describe('subgraphReady', () => {
  /** A balancer's worth of replicas answering /readyz with these statuses in turn. */
  async function replicasAnswering(...statuses: number[]): Promise<{ url: string; asked: () => number; close: () => Promise<void> }> {
    let asked = 0;
    const server = createServer((_req, res) => res.writeHead(statuses[asked++ % statuses.length]!).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    return { url, asked: () => asked, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }
  const agent = new Agent();
  afterAll(() => agent.close());

  it('is ready when one replica is shutting down and the next one answers', async () => {
    const replicas = await replicasAnswering(503, 200);
    expect(await subgraphReady(agent, replicas.url)).toBe(true);
    expect(replicas.asked()).toBe(2);
    await replicas.close();
  });

  it('is not ready when every answer says so, and asks once when the first is ready', async () => {
    const down = await replicasAnswering(503);
    expect(await subgraphReady(agent, down.url)).toBe(false);
    await down.close();
    const up = await replicasAnswering(200);
    expect(await subgraphReady(agent, up.url)).toBe(true);
    expect(up.asked()).toBe(1);
    await up.close();
  });
});
