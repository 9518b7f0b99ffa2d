import { ConfigError } from '@kz/config';
import { loadGatewayConfig, subgraphUrls } from './config';

describe('loadGatewayConfig', () => {
  it('has working local defaults', () => {
    const config = loadGatewayConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 4000, maxBodyBytes: 1_048_576, maxDepth: 12, maxAliases: 30 });
    expect(config.introspectSubgraphs).toBe(false);
    expect(subgraphUrls(config)).toEqual({
      identity: 'http://127.0.0.1:4001/graphql',
      groups: 'http://127.0.0.1:4002/graphql',
      messaging: 'http://127.0.0.1:4003/graphql',
      import: 'http://127.0.0.1:4004/graphql',
      webhooks: 'http://127.0.0.1:4005/graphql',
    });
  });

  it('reads subgraph URLs and limits from the environment', () => {
    const config = loadGatewayConfig({ GROUPS_URL: 'http://groups:8080/graphql', GATEWAY_MAX_DEPTH: '8', GATEWAY_MAX_ALIASES: '5' });
    expect(config.groupsUrl).toBe('http://groups:8080/graphql');
    expect(config.maxDepth).toBe(8);
    expect(config.maxAliases).toBe(5);
  });

  it('names a malformed variable', () => {
    expect(() => loadGatewayConfig({ GATEWAY_MAX_DEPTH: 'deep' })).toThrow(/GATEWAY_MAX_DEPTH/);
    expect(() => loadGatewayConfig({ IMPORT_URL: 'not a url' })).toThrow(/IMPORT_URL/);
  });

  it('allows subgraph introspection in development and refuses it in production', () => {
    expect(loadGatewayConfig({ GATEWAY_INTROSPECT_SUBGRAPHS: 'true' }).introspectSubgraphs).toBe(true);
    const production = () =>
      loadGatewayConfig({ NODE_ENV: 'production', GATEWAY_INTROSPECT_SUBGRAPHS: 'true', SUBGRAPH_SECRET: 'a-test-subgraph-secret-of-at-least-32-characters' });
    expect(production).toThrow(ConfigError);
    expect(production).toThrow(/GATEWAY_INTROSPECT_SUBGRAPHS/);
  });

  it('requires in production a subgraph secret of at least 32 characters, which development may leave out', () => {
    expect(loadGatewayConfig({}).subgraphSecret).toBe('');
    expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow(/SUBGRAPH_SECRET is required/);
    expect(() => loadGatewayConfig({ SUBGRAPH_SECRET: 'short' })).toThrow(/SUBGRAPH_SECRET="short" is invalid: expected at least 32 characters/);
  });
});
