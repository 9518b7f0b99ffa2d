import { deduplicatingFetcher, type Fetcher } from './subgraph-fetcher';

function countingFetcher(): { fetcher: Fetcher; calls: () => number } {
  let calls = 0;
  const fetcher = (async () => {
    calls++;
    await new Promise((r) => setTimeout(r, 10));
    const body = JSON.stringify({ data: { n: calls } });
    return {
      ok: true,
      status: 200,
      text: async () => body,
      json: async () => JSON.parse(body),
      clone() {
        return this;
      },
      headers: new Headers(),
    };
  }) as unknown as Fetcher;
  return { fetcher, calls: () => calls };
}

const init = (query: string, authorization = 'Bearer a') => ({ method: 'POST', headers: { authorization }, body: JSON.stringify({ query }) });

describe('deduplicatingFetcher', () => {
  it('shares one call among identical queries in flight for the same caller', async () => {
    const { fetcher, calls } = countingFetcher();
    const dedupe = deduplicatingFetcher(fetcher);
    const answers = await Promise.all([1, 2, 3].map(() => dedupe('http://groups/graphql', init('{ me { id } }'))));
    expect(calls()).toBe(1);
    expect(await Promise.all(answers.map((a) => a.json()))).toEqual([{ data: { n: 1 } }, { data: { n: 1 } }, { data: { n: 1 } }]);
    await dedupe('http://groups/graphql', init('{ me { id } }'));
    expect(calls()).toBe(2);
  });

  it('never shares between callers, and never shares mutations', async () => {
    const { fetcher, calls } = countingFetcher();
    const dedupe = deduplicatingFetcher(fetcher);
    await Promise.all([dedupe('u', init('{ a }', 'Bearer a')), dedupe('u', init('{ a }', 'Bearer b'))]);
    expect(calls()).toBe(2);
    await Promise.all([dedupe('u', init('mutation { send }')), dedupe('u', init('mutation { send }'))]);
    expect(calls()).toBe(4);
  });
});
