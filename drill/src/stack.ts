import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { eventually, GiveUp, mustQuery, signInWithDevCode } from '../../bench/src/graphql-client';
import { freePort, ProcessGroup, type BenchProcess } from '../../bench/src/processes';
import { gatewayEnv, SUBGRAPH_NAMES, supergraphWithUrls, type SubgraphName } from '../../bench/src/stack-env';

/** drill/dist/drill/src → the repository. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
export const MACHINE_POSTGRES_URL = process.env.DRILL_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MACHINE_KAFKA_BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
export const SUBGRAPHS = SUBGRAPH_NAMES;
export type Subgraph = SubgraphName;

export interface RunningProcess {
  url: string;
  /** Base URL without /graphql. */
  base: string;
  proc: BenchProcess;
}

export interface DrillStackOptions {
  /** Server URL (any database) of the PostgreSQL the subgraphs use; the machine's by default. */
  postgresUrl?: string;
  /** Extra environment per subgraph. */
  env?: Partial<Record<Subgraph, NodeJS.ProcessEnv>>;
  /** Kafka brokers of the stack (a private broker); the machine's by default. */
  kafkaBrokers?: string[];
  /** Redis of the import service (a private server); the machine's by default. */
  redisUrl?: string;
}

/**
 * The stack a drill needs, as separate processes (the built subgraphs and
 * gateways) on free ports, with a Kafka namespace and databases of their own.
 * stop() stops every process and removes the databases, topics and logs
 * (logs are kept when the drill failed).
 */
export class DrillStack {
  readonly namespace = `drill${Date.now().toString(36)}`;
  readonly workDir = mkdtempSync(join(tmpdir(), `kz-${this.namespace}-`));
  readonly processes = new ProcessGroup();
  readonly subgraphs = new Map<Subgraph, RunningProcess>();
  readonly gateways: RunningProcess[] = [];
  supergraphPath = '';
  readonly kafkaBrokers: string[];
  private readonly postgresUrl: string;
  /** The environment the stack's import service runs with, for further import processes. */
  private importEnv: NodeJS.ProcessEnv = {};
  private importWorkers = 0;
  private stopping: Promise<void> | undefined;

  constructor(private readonly opts: DrillStackOptions = {}) {
    this.postgresUrl = opts.postgresUrl ?? MACHINE_POSTGRES_URL;
    this.kafkaBrokers = opts.kafkaBrokers ?? MACHINE_KAFKA_BROKERS;
  }

  databaseName(service: Subgraph): string {
    return `kz_${this.namespace}_${service}`;
  }

  databaseUrl(service: Subgraph): string {
    const url = new URL(this.postgresUrl);
    url.pathname = `/${this.databaseName(service)}`;
    return url.toString();
  }

  subgraph(service: Subgraph): RunningProcess {
    const s = this.subgraphs.get(service);
    if (!s) throw new Error(`${service} is not running`);
    return s;
  }

  get gateway(): RunningProcess {
    const gw = this.gateways[0];
    if (!gw) throw new Error('no gateway is running');
    return gw;
  }

  private baseEnv(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      LOG_LEVEL: process.env.DRILL_LOG_LEVEL ?? 'warn',
      KAFKA_NAMESPACE: this.namespace,
      KAFKA_BROKERS: this.kafkaBrokers.join(','),
      ...(this.opts.redisUrl ? { REDIS_URL: this.opts.redisUrl } : {}),
    };
  }

  async startSubgraphs(): Promise<void> {
    const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [s, await freePort()] as const))) as Record<Subgraph, number>;
    const jwks = `http://127.0.0.1:${ports.identity}/.well-known/jwks.json`;
    const launch = (service: Subgraph, extra: NodeJS.ProcessEnv = {}) => {
      const prefix = service.toUpperCase();
      const env: NodeJS.ProcessEnv = {
        ...this.baseEnv(),
        NODE_ENV: 'development',
        [`${prefix}_HOST`]: '127.0.0.1',
        [`${prefix}_PORT`]: String(ports[service]),
        [`${prefix}_DATABASE_URL`]: this.databaseUrl(service),
        AUTH_JWKS_URL: jwks,
        ...extra,
        ...this.opts.env?.[service],
      };
      if (service === 'import') this.importEnv = env;
      const proc = this.processes.start(service, join(REPO_ROOT, 'services', service, 'dist', 'main.js'), env, join(this.workDir, `${service}.log`));
      const base = `http://127.0.0.1:${ports[service]}`;
      this.subgraphs.set(service, { url: `${base}/graphql`, base, proc });
    };
    launch('identity', { ACCESS_TOKEN_TTL_SECONDS: '86400', SIGN_IN_CODES_PER_ADDRESS: '1000000', SIGN_IN_ATTEMPTS_PER_ADDRESS: '1000000' });
    await this.waitReady('identity');
    for (const service of SUBGRAPHS.slice(1)) {
      const own: Partial<Record<Subgraph, NodeJS.ProcessEnv>> = {
        groups: { IDENTITY_URL: `http://127.0.0.1:${ports.identity}/graphql` },
        messaging: { ATTACHMENTS_DIR: join(this.workDir, 'attachments') },
        import: {
          IMPORT_PUBLIC_URL: `http://127.0.0.1:${ports.import}`,
          IMPORT_STORAGE_DIR: join(this.workDir, 'imports'),
          IDENTITY_URL: `http://127.0.0.1:${ports.identity}/graphql`,
          GROUPS_URL: `http://127.0.0.1:${ports.groups}/graphql`,
        },
      };
      launch(service, own[service]);
    }
    await Promise.all(SUBGRAPHS.slice(1).map((s) => this.waitReady(s)));
    this.writeSupergraph();
  }

  /**
   * One more import service process (services/import/dist/main.js) on the
   * stack's database, Redis and chunk directory, with a port of its own and
   * IMPORT_WORKERS=true unless `env` says otherwise; resolves once it is ready.
   */
  async startImportProcess(env: NodeJS.ProcessEnv = {}): Promise<RunningProcess> {
    if (!this.importEnv.IMPORT_DATABASE_URL) throw new Error('start the subgraphs first');
    const port = await freePort();
    const name = `import-worker-${++this.importWorkers}`;
    const proc = this.processes.start(
      name,
      join(REPO_ROOT, 'services', 'import', 'dist', 'main.js'),
      { ...this.importEnv, IMPORT_PORT: String(port), IMPORT_WORKERS: 'true', ...env },
      join(this.workDir, `${name}.log`),
    );
    const base = `http://127.0.0.1:${port}`;
    const worker: RunningProcess = { url: `${base}/graphql`, base, proc };
    await this.waitReadyAt(name, worker);
    return worker;
  }

  /** The committed supergraph with this stack's subgraph URLs. */
  private writeSupergraph(): void {
    const sdl = supergraphWithUrls(readFileSync(join(REPO_ROOT, 'gateway', 'supergraph.graphql'), 'utf8'), (name) => this.subgraph(name).url);
    this.supergraphPath = join(this.workDir, 'supergraph.graphql');
    writeFileSync(this.supergraphPath, sdl);
  }

  /** Starts one more gateway process (gateway/dist/main.js) and waits until it answers and its subscriptions consumer has joined. */
  async startGateway(env: NodeJS.ProcessEnv = {}): Promise<RunningProcess> {
    const port = await freePort();
    const index = this.gateways.length + 1;
    const url = (s: Subgraph) => this.subgraph(s).url;
    const proc = this.processes.start(
      `gateway-${index}`,
      join(REPO_ROOT, 'gateway', 'dist', 'main.js'),
      { ...this.baseEnv(), ...gatewayEnv(port, this.supergraphPath, url, `${this.subgraph('identity').base}/.well-known/jwks.json`), ...env },
      join(this.workDir, `gateway-${index}.log`),
    );
    const base = `http://127.0.0.1:${port}`;
    const gw: RunningProcess = { url: `${base}/graphql`, base, proc };
    this.gateways.push(gw);
    await eventually(
      `gateway-${index} at ${gw.url}`,
      async () => {
        if (proc.exited) throw new GiveUp(`gateway-${index} exited (${proc.exited.code ?? proc.exited.signal}); see ${proc.logFile}`);
        await mustQuery(gw.url, '{ __typename }');
      },
      60_000,
      200,
    );
    return gw;
  }

  /** Signs a phone number in through the first gateway, reading the code from identity's development SMS sink. */
  async signIn(phone: string, displayName: string): Promise<{ token: string; userId: string }> {
    return signInWithDevCode(this.gateway.url, this.subgraph('identity').base, phone, displayName);
  }

  /** Creates a group owned by `token` and waits until messaging knows its owner (a first message is accepted). */
  async groupReadyForMessages(token: string, name: string): Promise<string> {
    const created = await mustQuery(this.gateway.url, `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`, { i: { name } }, token);
    const groupId = created.createGroup.group.id as string;
    await eventually(
      'messaging learning the new group',
      () => mustQuery(this.gateway.url, `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`, { i: { groupId, text: 'hello' } }, token),
      60_000,
      200,
    );
    return groupId;
  }

  private async waitReady(service: Subgraph): Promise<void> {
    await this.waitReadyAt(service, this.subgraph(service));
  }

  private async waitReadyAt(service: string, { base, proc }: RunningProcess): Promise<void> {
    await eventually(
      `${service} readiness`,
      async () => {
        if (proc.exited) throw new GiveUp(`${service} exited (${proc.exited.code ?? proc.exited.signal}); last lines of ${proc.logFile}:\n${tail(proc.logFile)}`);
        const res = await fetch(`${base}/readyz`);
        if (!res.ok) throw new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
      },
      90_000,
      200,
    );
  }

  stop(opts: { keepLogs?: boolean; dropDatabases?: boolean } = {}): Promise<void> {
    this.stopping ??= this.teardown((opts.keepLogs ?? false) || process.env.DRILL_KEEP_LOGS === '1', opts.dropDatabases ?? true);
    return this.stopping;
  }

  private async teardown(keepLogs: boolean, dropDatabases: boolean): Promise<void> {
    await this.processes.stopAll();
    const problems: string[] = [];
    if (dropDatabases) await this.dropDatabases().catch((err: Error) => problems.push(`dropping databases: ${err.message}`));
    await this.deleteKafkaNamespace().catch((err: Error) => problems.push(`deleting Kafka topics: ${err.message}`));
    for (const p of problems) process.stderr.write(`drill: cleanup: ${p}\n`);
    if (keepLogs) process.stderr.write(`drill: process logs kept in ${this.workDir}\n`);
    else rmSync(this.workDir, { recursive: true, force: true });
  }

  private async dropDatabases(): Promise<void> {
    const client = new Client({ connectionString: this.postgresUrl, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      for (const service of SUBGRAPHS) await client.query(`DROP DATABASE IF EXISTS "${this.databaseName(service)}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }

  private async deleteKafkaNamespace(): Promise<void> {
    const admin = new Kafka({ brokers: this.kafkaBrokers, clientId: 'kz-drill-cleanup', logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const prefix = `${this.namespace}.`;
      const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
      if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 15_000 });
      const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(prefix));
      if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  }
}

export function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
