import { int, list, oneOf, str, url } from './fields';

/** Variables every service reads, named with its prefix: GROUPS_PORT, GROUPS_DATABASE_URL, ... */
export function serviceFields(prefix: string, defaultPort: number, defaultDatabase: string) {
  return {
    nodeEnv: oneOf('NODE_ENV', 'runtime mode', ['development', 'test', 'production'] as const, { fallback: 'development' }),
    host: str(`${prefix}_HOST`, 'interface to listen on', { fallback: '127.0.0.1' }),
    port: int(`${prefix}_PORT`, 'HTTP port', { fallback: defaultPort, min: 0, max: 65535 }),
    databaseUrl: url(`${prefix}_DATABASE_URL`, "PostgreSQL URL of this service's own database", {
      devFallback: `postgres://postgres@127.0.0.1:5432/${defaultDatabase}`,
    }),
    trustedProxies: list('TRUSTED_PROXIES', 'addresses of proxies (the gateway) whose X-Forwarded-For is believed', {
      fallback: ['127.0.0.1', '::1', '::ffff:127.0.0.1'],
    }),
    ...kafkaFields(),
  };
}

/** How every service verifies access tokens issued by identity. */
export function authFields() {
  return {
    jwksUrl: url('AUTH_JWKS_URL', "URL of identity's JSON Web Key Set", { fallback: 'http://127.0.0.1:4001/.well-known/jwks.json' }),
    issuer: str('AUTH_ISSUER', 'issuer of access tokens', { fallback: 'kz-identity' }),
    audience: str('AUTH_AUDIENCE', 'audience of access tokens', { fallback: 'kz-api' }),
    subgraphSecret: {
      ...str(
        'SUBGRAPH_SECRET',
        'shared secret the gateway and peer services send to subgraphs, which refuse GraphQL without it (empty: no check, outside production only)',
        {
          devFallback: '',
        },
      ),
      parse: (raw: string) => {
        if (raw !== '' && raw.length < 32) throw new Error('expected at least 32 characters (e.g. `openssl rand -hex 32`)');
        return raw;
      },
    },
  };
}

/** Where the Kafka broker is, and the namespace of this deployment's topics and consumer groups. */
export function kafkaFields() {
  return {
    kafkaBrokers: list('KAFKA_BROKERS', 'Kafka bootstrap servers, host:port, comma-separated', { fallback: ['127.0.0.1:9092'] }),
    kafkaNamespace: {
      ...str('KAFKA_NAMESPACE', 'prefix of every Kafka topic and consumer group of this deployment', { fallback: 'kz' }),
      parse: (raw: string) => {
        if (!/^[a-z0-9][a-z0-9_-]{0,40}$/.test(raw)) throw new Error('expected lower-case letters, digits, - and _ (at most 41)');
        return raw;
      },
    },
  };
}
