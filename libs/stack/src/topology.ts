/**
 * The stack, declared once: which services there are, what each runs, on which
 * port npm start and Docker Compose put it, what it must be told about the
 * others, and in which order they start. The process harness (process-stack.ts),
 * the end-to-end tests' in-process stack (e2e/support) and npm start all read
 * it; docker-compose.yml states the same wiring for containers.
 */

export const SUBGRAPHS = ['identity', 'groups', 'messaging', 'import', 'webhooks'] as const;
export type Subgraph = (typeof SUBGRAPHS)[number];
export type ServiceName = Subgraph | 'gateway';

/** How a harness tells a service where the rest of its stack is. */
export interface Wiring {
  /** A running service's base URL (no path), e.g. http://127.0.0.1:4001. */
  base(service: ServiceName): string;
  /** The PostgreSQL URL of a subgraph's own database. */
  databaseUrl(service: Subgraph): string;
  kafkaNamespace: string;
  kafkaBrokers: readonly string[];
  /** What the gateway and peers send the subgraphs (SUBGRAPH_SECRET): one per stack. */
  subgraphSecret: string;
}

export interface ServiceSpec {
  readonly name: ServiceName;
  /** The built entry point, relative to the repository root. */
  readonly entry: string;
  /** Prefix of the service's own variables: <PREFIX>_HOST, <PREFIX>_PORT, <PREFIX>_DATABASE_URL. */
  readonly envPrefix: string;
  /** Its port under npm start and Docker Compose. */
  readonly port: number;
  /** Start order: every service of a stage is ready before the next stage starts. */
  readonly stage: number;
  /** Whether it has a database of its own (kz_<service>, or kz_<namespace>_<service> for a harness run). */
  readonly database: boolean;
  /**
   * Processes of this service a stack runs. The first is the one the others are told of; further ones
   * share its database, Kafka consumer groups and files (the import service's chunk workers, a second
   * gateway). Spreading requests over all of them is a load balancer's job, in front of the first.
   */
  readonly replicas: number;
  /** Ready when GET /readyz answers 200 (a subgraph), or when a trivial GraphQL operation answers with data (any gateway). */
  readonly readiness: 'readyz' | 'graphql';
  /** What the service is told about the others, beyond its own address, database and Kafka. */
  dependencies(wiring: Wiring): Record<string, string>;
}

const jwks = (w: Wiring) => ({ AUTH_JWKS_URL: `${w.base('identity')}/.well-known/jwks.json` });
const graphqlOf = (w: Wiring, service: ServiceName) => `${w.base(service)}/graphql`;

export const TOPOLOGY: readonly ServiceSpec[] = [
  {
    name: 'identity',
    entry: 'services/identity/dist/main.js',
    envPrefix: 'IDENTITY',
    port: 4001,
    stage: 0,
    database: true,
    replicas: 1,
    readiness: 'readyz',
    dependencies: jwks,
  },
  {
    name: 'groups',
    entry: 'services/groups/dist/main.js',
    envPrefix: 'GROUPS',
    port: 4002,
    stage: 1,
    database: true,
    replicas: 1,
    readiness: 'readyz',
    // Asked for a caller's organisation role when the events have not brought it yet.
    dependencies: (w) => ({ ...jwks(w), IDENTITY_URL: graphqlOf(w, 'identity') }),
  },
  {
    name: 'messaging',
    entry: 'services/messaging/dist/main.js',
    envPrefix: 'MESSAGING',
    port: 4003,
    stage: 1,
    database: true,
    replicas: 1,
    readiness: 'readyz',
    dependencies: jwks,
  },
  {
    name: 'import',
    entry: 'services/import/dist/main.js',
    envPrefix: 'IMPORT',
    port: 4004,
    stage: 1,
    database: true,
    replicas: 1,
    readiness: 'readyz',
    // Chunk workers call identity and groups directly, acting for the uploader; export workers read every service's export pages.
    dependencies: (w) => ({ ...jwks(w), IDENTITY_URL: graphqlOf(w, 'identity'), GROUPS_URL: graphqlOf(w, 'groups'), MESSAGING_URL: graphqlOf(w, 'messaging') }),
  },
  {
    name: 'webhooks',
    entry: 'services/webhooks/dist/main.js',
    envPrefix: 'WEBHOOKS',
    port: 4005,
    stage: 1,
    database: true,
    replicas: 1,
    readiness: 'readyz',
    // Learns everything it sends from the events; it never calls another service.
    dependencies: jwks,
  },
  {
    name: 'gateway',
    entry: 'gateway/dist/main.js',
    envPrefix: 'GATEWAY',
    port: 4000,
    stage: 2,
    database: false,
    replicas: 1,
    readiness: 'graphql',
    dependencies: (w) => ({
      ...jwks(w),
      IDENTITY_URL: graphqlOf(w, 'identity'),
      GROUPS_URL: graphqlOf(w, 'groups'),
      MESSAGING_URL: graphqlOf(w, 'messaging'),
      IMPORT_URL: graphqlOf(w, 'import'),
      WEBHOOKS_URL: graphqlOf(w, 'webhooks'),
      // Uploads and downloads reach their services through the gateway's origin, as the web app uses them.
      IMPORT_FILES_URL: w.base('import'),
      ATTACHMENT_FILES_URL: w.base('messaging'),
    }),
  },
];

export function serviceSpec(name: ServiceName): ServiceSpec {
  const spec = TOPOLOGY.find((s) => s.name === name);
  if (!spec) throw new Error(`no service ${name} in the topology`);
  return spec;
}

/** The services in start order, grouped by stage: identity; then groups, messaging, import and webhooks; then the gateway. */
export function stages(): ServiceSpec[][] {
  const byStage = new Map<number, ServiceSpec[]>();
  for (const spec of TOPOLOGY) byStage.set(spec.stage, [...(byStage.get(spec.stage) ?? []), spec]);
  return [...byStage.keys()].sort((a, b) => a - b).map((stage) => byStage.get(stage)!);
}

/** The namespace of npm start and Docker Compose (the services' own default). */
export const DEFAULT_NAMESPACE = 'kz';

/** kz_<service> for the default namespace (the services' own default), kz_<namespace>_<service> for any other. */
export function databaseName(namespace: string, service: Subgraph): string {
  return namespace === DEFAULT_NAMESPACE ? `kz_${service}` : `kz_${namespace}_${service}`;
}

/** A service's whole wiring: its address, its database, Kafka, and what it is told about the others. */
export function wiringEnv(spec: ServiceSpec, port: number, wiring: Wiring): Record<string, string> {
  return {
    [`${spec.envPrefix}_HOST`]: '127.0.0.1',
    [`${spec.envPrefix}_PORT`]: String(port),
    ...(spec.database ? { [`${spec.envPrefix}_DATABASE_URL`]: wiring.databaseUrl(spec.name as Subgraph) } : {}),
    KAFKA_NAMESPACE: wiring.kafkaNamespace,
    KAFKA_BROKERS: wiring.kafkaBrokers.join(','),
    SUBGRAPH_SECRET: wiring.subgraphSecret,
    ...spec.dependencies(wiring),
  };
}
