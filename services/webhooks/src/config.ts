import { authFields, bool, ConfigError, int, list, loadConfig, oneOf, serviceFields, url } from '@kz/config';
import { parseCidr } from '@kz/webhooks';

export type WebhooksConfig = ReturnType<typeof loadWebhooksConfig>;

/** A CIDR range as written, once it is known to parse (a typo must stop the start, naming the variable). */
const checkedCidr = (range: string) => {
  try {
    parseCidr(range);
  } catch {
    throw new Error(`"${range}" is not a CIDR range such as 10.1.0.0/16 or ::1/128`);
  }
  return range;
};

const positiveSeconds = (raw: string) => {
  const delays = raw.split(',').map((s) => Number(s.trim()));
  if (delays.length === 0 || delays.some((d) => !(d > 0) || !Number.isFinite(d))) throw new Error('expected positive numbers of seconds, comma-separated');
  return delays;
};

export function loadWebhooksConfig(env: NodeJS.ProcessEnv = process.env) {
  const { allowHttpSetting, ...config } = loadConfig(
    {
      ...serviceFields('WEBHOOKS', 4005, 'kz_webhooks'),
      ...authFields(),
      redisUrl: url('REDIS_URL', 'Redis URL for the delivery queue, e.g. redis://127.0.0.1:6379', { fallback: 'redis://127.0.0.1:6379' }),
      workers: bool('WEBHOOKS_WORKERS', 'run delivery workers in this process', { fallback: true }),
      workerConcurrency: int('WEBHOOKS_WORKER_CONCURRENCY', 'deliveries one process sends at once', { fallback: 32, min: 1, max: 1_000 }),
      endpointConcurrency: int('WEBHOOKS_ENDPOINT_CONCURRENCY', 'deliveries in flight to one endpoint at once, over all processes', {
        fallback: 4,
        min: 1,
        max: 100,
      }),
      allowHttpSetting: oneOf(
        'WEBHOOKS_ALLOW_HTTP',
        'accept http:// endpoint URLs (events then travel unencrypted); never in production; outside production by default',
        ['true', 'false', 'auto'] as const,
        {
          fallback: 'auto',
        },
      ),
      allowedCidrs: {
        ...list('WEBHOOKS_ALLOWED_CIDRS', 'address ranges webhooks may reach although private (e.g. 127.0.0.1/32 for a local receiver)', { fallback: [] }),
        parse: (raw: string) =>
          raw
            .split(',')
            .map((range) => range.trim())
            .filter(Boolean)
            .map(checkedCidr),
      },
      deliveryTimeoutMs: int('WEBHOOKS_DELIVERY_TIMEOUT_MS', 'how long an endpoint has to answer a delivery', { fallback: 10_000, min: 100, max: 60_000 }),
      challengeTimeoutMs: int('WEBHOOKS_CHALLENGE_TIMEOUT_MS', "how long an endpoint has to echo registration's challenge", {
        fallback: 5_000,
        min: 100,
        max: 30_000,
      }),
      retryDelaysSeconds: {
        env: 'WEBHOOKS_RETRY_DELAYS_SECONDS',
        describe: 'delays between attempts of a failing delivery, in seconds; the last failure after them disables the endpoint',
        parse: positiveSeconds,
        fallback: [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 14 * 3600, 20 * 3600],
      },
      logRetentionDays: int('WEBHOOKS_LOG_RETENTION_DAYS', 'how long finished deliveries, their attempts and the events replay can send again are kept', {
        fallback: 30,
        min: 1,
        max: 3_650,
      }),
      sweepIntervalMs: int('WEBHOOKS_SWEEP_INTERVAL_MS', 'how often workers queue again due deliveries the queue lost', {
        fallback: 10_000,
        min: 100,
        max: 600_000,
      }),
    },
    env,
  );
  const production = config.nodeEnv === 'production';
  if (production && allowHttpSetting === 'true') {
    throw new ConfigError(['WEBHOOKS_ALLOW_HTTP=true is refused in production: events would travel to partners unencrypted']);
  }
  return { ...config, allowHttp: allowHttpSetting === 'true' || (allowHttpSetting === 'auto' && !production) };
}
