import { readinessUrl } from './subgraph-readiness';

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
