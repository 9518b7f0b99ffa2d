import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { eventually, GiveUp, mustQuery, signInWithDevCode } from './graphql-client';
import { freePort, ProcessGroup, type BenchProcess } from './processes';
import { gatewayEnv, SUBGRAPH_NAMES, supergraphWithUrls, type SubgraphName } from './stack-env';

export const REPO_ROOT = resolve(__dirname, '..', '..');
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const KAFKA_BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const SUBGRAPHS = SUBGRAPH_NAMES;
type Subgraph = SubgraphName;

/**
 * The gateways compared on the same subgraphs and the same supergraph file.
 * The Hive Gateway runs twice: as it comes, and with its (default) merging of
 * identical in-flight subgraph requests turned off, so that it does the same
 * subgraph work per operation as the Apollo-based gateways.
 */
export const GATEWAYS: readonly { id: GatewayId; label: string; entry: string; env?: NodeJS.ProcessEnv }[] = [
  { id: 'ours', label: 'ours (gateway/dist)', entry: 'gateway/dist/main.js' },
  { id: 'apollo', label: 'stock Apollo Gateway', entry: 'bench/dist/gateways/apollo-stock.js' },
  { id: 'hive', label: 'Hive Gateway', entry: 'bench/dist/gateways/hive.js' },
  { id: 'hive-nodedupe', label: 'Hive Gateway, no dedupe', entry: 'bench/dist/gateways/hive.js', env: { HIVE_DEDUPLICATE_INFLIGHT: 'false' } },
];
export type GatewayId = 'ours' | 'apollo' | 'hive' | 'hive-nodedupe';

export interface RunningGateway {
  id: GatewayId;
  label: string;
  url: string;
  proc: BenchProcess;
}

/**
 * The whole stack as separate processes on ports, a Kafka namespace and
 * databases of its own; stop() removes all of it again.
 */
export class BenchStack {
  readonly namespace = `bench${Date.now().toString(36)}`;
  readonly workDir = mkdtempSync(join(tmpdir(), `kz-${this.namespace}-`));
  readonly processes = new ProcessGroup();
  readonly subgraphs = new Map<Subgraph, { url: string; proc: BenchProcess }>();
  readonly gateways = new Map<GatewayId, RunningGateway>();
  /** The supergraph every gateway serves: gateway/supergraph.graphql with the subgraph URLs of this run. */
  supergraphPath = '';
  private stopping: Promise<void> | undefined;

  databaseUrl(service: Subgraph): string {
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${this.databaseName(service)}`;
    return url.toString();
  }

  private databaseName(service: Subgraph): string {
    return `kz_${this.namespace}_${service}`;
  }

  private baseEnv(): NodeJS.ProcessEnv {
    return { ...process.env, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', KAFKA_NAMESPACE: this.namespace, KAFKA_BROKERS: KAFKA_BROKERS.join(',') };
  }

  get identityUrl(): string {
    return this.subgraphs.get('identity')!.url.replace(/\/graphql$/, '');
  }

  get jwksUrl(): string {
    return `${this.identityUrl}/.well-known/jwks.json`;
  }

  async startSubgraphs(): Promise<void> {
    const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [s, await freePort()] as const))) as Record<Subgraph, number>;
    const jwks = `http://127.0.0.1:${ports.identity}/.well-known/jwks.json`;
    const launch = (service: Subgraph, extra: NodeJS.ProcessEnv = {}) => {
      const prefix = service.toUpperCase();
      const proc = this.processes.start(
        service,
        join(REPO_ROOT, 'services', service, 'dist', 'main.js'),
        {
          ...this.baseEnv(),
          // As deployed (the Dockerfile's default), except identity: the benchmark signs its users in through identity's
          // development SMS sink, which production mode turns off.
          NODE_ENV: service === 'identity' ? 'development' : 'production',
          [`${prefix}_HOST`]: '127.0.0.1',
          [`${prefix}_PORT`]: String(ports[service]),
          [`${prefix}_DATABASE_URL`]: this.databaseUrl(service),
          AUTH_JWKS_URL: jwks,
          ...extra,
        },
        join(this.workDir, `${service}.log`),
      );
      this.subgraphs.set(service, { url: `http://127.0.0.1:${ports[service]}/graphql`, proc });
    };
    // Tokens for the whole run, however long the rounds take; every bench user signs in from 127.0.0.1.
    launch('identity', { ACCESS_TOKEN_TTL_SECONDS: '86400', SIGN_IN_CODES_PER_ADDRESS: '1000000', SIGN_IN_ATTEMPTS_PER_ADDRESS: '1000000' });
    await this.waitReady('identity', this.subgraphs.get('identity')!.proc, `http://127.0.0.1:${ports.identity}/readyz`);
    const identityUrl = `http://127.0.0.1:${ports.identity}/graphql`;
    for (const service of SUBGRAPHS.slice(1)) launch(service, service === 'import' ? this.importEnv(ports) : service === 'groups' ? { IDENTITY_URL: identityUrl } : {});
    await Promise.all(
      SUBGRAPHS.slice(1).map((s) => this.waitReady(s, this.subgraphs.get(s)!.proc, `http://127.0.0.1:${ports[s]}/readyz`)),
    );
    this.writeSupergraph();
  }

  /** The import service calls identity and groups directly, and keeps uploaded chunks in this run's directory. */
  private importEnv(ports: Record<Subgraph, number>): NodeJS.ProcessEnv {
    return {
      IDENTITY_URL: `http://127.0.0.1:${ports.identity}/graphql`,
      GROUPS_URL: `http://127.0.0.1:${ports.groups}/graphql`,
      IMPORT_STORAGE_DIR: join(this.workDir, 'imports'),
      IMPORT_MAX_UPLOAD_BYTES: String(512 * 1024 * 1024),
    };
  }

  /** The committed supergraph, unchanged except for the subgraph URLs of this run. */
  private writeSupergraph(): void {
    const sdl = supergraphWithUrls(readFileSync(join(REPO_ROOT, 'gateway', 'supergraph.graphql'), 'utf8'), (name) => this.subgraphs.get(name)!.url);
    this.supergraphPath = join(this.workDir, 'supergraph.graphql');
    writeFileSync(this.supergraphPath, sdl);
  }

  /**
   * Starts the gateways among `ids` that are not running yet, each as its own process, and waits until they answer.
   * `env` adds to each one's environment (the web app's tests run ours in development mode, for its SMS sink).
   */
  async ensureGateways(ids: readonly GatewayId[], env: NodeJS.ProcessEnv = {}): Promise<void> {
    const url = (s: Subgraph) => this.subgraphs.get(s)!.url;
    const started: RunningGateway[] = [];
    for (const gw of GATEWAYS.filter((g) => ids.includes(g.id) && !this.gateways.has(g.id))) {
      const port = await freePort();
      const gatewayProcessEnv: NodeJS.ProcessEnv = { ...this.baseEnv(), ...gatewayEnv(port, this.supergraphPath, url, this.jwksUrl), ...gw.env, ...env };
      const proc = this.processes.start(`gateway:${gw.id}`, join(REPO_ROOT, gw.entry), gatewayProcessEnv, join(this.workDir, `gateway-${gw.id}.log`));
      const running: RunningGateway = { id: gw.id, label: gw.label, url: `http://127.0.0.1:${port}/graphql`, proc };
      this.gateways.set(gw.id, running);
      started.push(running);
    }
    await Promise.all(started.map((g) => this.waitGraphQL(g)));
  }

  gateway(id: GatewayId): RunningGateway {
    const gw = this.gateways.get(id);
    if (!gw) throw new Error(`gateway ${id} is not running`);
    return gw;
  }

  /** Signs a phone number in through our gateway, reading the one-time code from identity's development SMS sink. */
  async signIn(phone: string, displayName: string): Promise<{ token: string; userId: string }> {
    return signInWithDevCode(this.gateway('ours').url, this.identityUrl, phone, displayName);
  }

  private async waitReady(name: string, proc: BenchProcess, url: string, timeoutMs = 60_000): Promise<void> {
    await eventually(
      `${name} readiness at ${url}`,
      async () => {
        if (proc.exited) throw new StartError(name, proc);
        const res = await fetch(url);
        if (!res.ok) throw new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
      },
      timeoutMs,
      200,
    ).catch((err: Error) => {
      throw err instanceof StartError ? err : new StartError(name, proc, err.message);
    });
  }

  /** A gateway is ready when it answers a trivial operation with data. */
  private async waitGraphQL(gw: RunningGateway, timeoutMs = 60_000): Promise<void> {
    await eventually(
      `${gw.label} at ${gw.url}`,
      async () => {
        if (gw.proc.exited) throw new StartError(gw.label, gw.proc);
        await mustQuery(gw.url, '{ __typename }');
      },
      timeoutMs,
      200,
    ).catch((err: Error) => {
      throw err instanceof StartError ? err : new StartError(gw.label, gw.proc, err.message);
    });
  }

  /** Stops every process, drops the databases and deletes the Kafka topics and consumer groups of the namespace. */
  stop(opts: { keepLogs?: boolean } = {}): Promise<void> {
    this.stopping ??= this.teardown(opts.keepLogs ?? false);
    return this.stopping;
  }

  private async teardown(keepLogs: boolean): Promise<void> {
    await this.processes.stopAll();
    const problems: string[] = [];
    await this.dropDatabases().catch((err: Error) => problems.push(`dropping databases: ${err.message}`));
    await this.deleteKafkaNamespace().catch((err: Error) => problems.push(`deleting Kafka topics: ${err.message}`));
    for (const p of problems) process.stderr.write(`bench: cleanup: ${p}\n`);
    if (keepLogs) process.stderr.write(`bench: process logs kept in ${this.workDir}\n`);
    else rmSync(this.workDir, { recursive: true, force: true });
  }

  private async dropDatabases(): Promise<void> {
    const client = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      for (const service of SUBGRAPHS) await client.query(`DROP DATABASE IF EXISTS "${this.databaseName(service)}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }

  private async deleteKafkaNamespace(): Promise<void> {
    const admin = new Kafka({ brokers: KAFKA_BROKERS, clientId: 'kz-bench-cleanup', logLevel: logLevel.NOTHING }).admin();
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

class StartError extends GiveUp {
  constructor(name: string, proc: BenchProcess, reason?: string) {
    const tail = (() => {
      try {
        return readFileSync(proc.logFile, 'utf8').trim().split('\n').slice(-15).join('\n');
      } catch {
        return '';
      }
    })();
    super(
      `${name} did not start${reason ? ` (${reason})` : proc.exited ? ` (exited with code ${proc.exited.code}, signal ${proc.exited.signal})` : ''}; ` +
        `last lines of ${proc.logFile}:\n${tail}`,
    );
    this.name = 'StartError';
  }
}
