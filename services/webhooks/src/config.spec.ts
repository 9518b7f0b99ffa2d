import { ConfigError } from '@kz/config';
import { loadWebhooksConfig } from './config';

const production = { NODE_ENV: 'production', WEBHOOKS_DATABASE_URL: 'postgres://db/kz_webhooks', SUBGRAPH_SECRET: 'x'.repeat(32) };

describe('loadWebhooksConfig', () => {
  it('accepts http:// endpoints outside production only, unless told otherwise', () => {
    expect(loadWebhooksConfig({ NODE_ENV: 'development' }).allowHttp).toBe(true);
    expect(loadWebhooksConfig({ NODE_ENV: 'development', WEBHOOKS_ALLOW_HTTP: 'false' }).allowHttp).toBe(false);
    expect(loadWebhooksConfig(production).allowHttp).toBe(false);
    expect(() => loadWebhooksConfig({ ...production, WEBHOOKS_ALLOW_HTTP: 'true' })).toThrow(/refused in production/);
  });

  it('names the variable when an allowed range is mistyped', () => {
    expect(loadWebhooksConfig({ WEBHOOKS_ALLOWED_CIDRS: '127.0.0.1/32, ::1/128' }).allowedCidrs).toEqual(['127.0.0.1/32', '::1/128']);
    expect(() => loadWebhooksConfig({ WEBHOOKS_ALLOWED_CIDRS: '10.0.0.0/33' })).toThrow(ConfigError);
    expect(() => loadWebhooksConfig({ WEBHOOKS_ALLOWED_CIDRS: '10.0.0.0/33' })).toThrow(
      /WEBHOOKS_ALLOWED_CIDRS="10.0.0.0\/33" is invalid: "10.0.0.0\/33" is not a CIDR range/,
    );
  });

  it('takes a retry schedule of positive seconds', () => {
    expect(loadWebhooksConfig({ WEBHOOKS_RETRY_DELAYS_SECONDS: '0.5, 2' }).retryDelaysSeconds).toEqual([0.5, 2]);
    expect(() => loadWebhooksConfig({ WEBHOOKS_RETRY_DELAYS_SECONDS: '5,-1' })).toThrow(/positive numbers of seconds/);
  });
});
