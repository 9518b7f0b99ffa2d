import { randomBytes } from 'node:crypto';
import { peerHeaders } from '@kz/server';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { eventually, GiveUp, mustQuery, signInWithDevCode, type SignedIn } from './graphql-client';
import { freePort, logTail, ProcessGroup, type StackProcess } from './processes';
import { REPO_ROOT } from './repo';
import { supergraphWithUrls } from './supergraph';
import {
  databaseName,
  DEFAULT_NAMESPACE,
  serviceSpec,
  stages,
  SUBGRAPHS,
  wiringEnv,
  type ServiceName,
  type ServiceSpec,
  type Subgraph,
  type Wiring,
} from './topology';

export const MACHINE_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const MACHINE_KAFKA_BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

export interface ProcessStackOptions {
  /** Names the harness in its messages and its namespace: "bench", "drill", "start". */
  label: string;
  /**
   * "free" (the default): ports free right now, a Kafka namespace and databases of the stack's own, all
   * removed by stop(). "fixed": the topology's ports (or <PREFIX>_PORT from the environment), namespace kz
   * and databases kz_<service>, as npm start runs it; the environment of the harness wins over the topology's.
   */
  ports?: 'free' | 'fixed';
  /** Server URL (any database) of the PostgreSQL the subgraphs use; the machine's by default. */
  postgresUrl?: string;
  /** Kafka brokers of the stack (a private broker); the machine's by default. */
  kafkaBrokers?: string[];
  /** Redis of the import and webhooks services (a private server); the machine's by default. */
  redisUrl?: string;
  /** NODE_ENV of the services of a stack on free ports; identity always runs in development there (its SMS sink signs people in). */
  nodeEnv?: 'development' | 'production';
  /** LOG_LEVEL of the services of a stack on free ports ("warn" by default). */
  logLevel?: string;
  /** Extra environment per service. */
  env?: Partial<Record<ServiceName, NodeJS.ProcessEnv>>;
  /** Processes per service, instead of the topology's count. */
  replicas?: Partial<Record<ServiceName, number>>;
  /**
   * Services behind a load balancer the harness runs (configured before any process starts): the others and the
   * clients are told of the balancer's port, and the service's processes listen on the ports given, in order.
   */
  balanced?: Partial<Record<ServiceName, BalancedPorts>>;
  /** The services start() starts, in the topology's order; all by default. */
  services?: readonly ServiceName[];
  /** Where the processes log; the stack's own directory by default (logs/ under it). */
  logDir?: string;
  /** Node options for every process, e.g. `--cpu-prof`. */
  nodeArgs?: readonly string[];
  /** Every process in a process group of its own: Ctrl-C reaches the harness only, which stops them in order. */
  detached?: boolean;
  /** Called when a process ends while the stack is not stopping. */
  onUnexpectedExit?: (proc: StackProcess) => void;
}

/** A service's ports behind a load balancer. */
export interface BalancedPorts {
  /** The balancer's: what the other services and the clients are told of. */
  front: number;
  /** Its processes', in the order they start (at least as many as its replicas). */
  processes: readonly number[];
}

/** One process of a service. */
export interface RunningProcess {
  readonly service: ServiceName;
  /** Its GraphQL endpoint. */
  readonly url: string;
  /** Its address without a path, e.g. http://127.0.0.1:4001. */
  readonly base: string;
  readonly port: number;
  readonly proc: StackProcess;
}

export interface InstanceOptions {
  /** Environment on top of the service's. */
  env?: NodeJS.ProcessEnv;
  /** Another entry point serving the same role (the benchmark's other gateways), relative to the repository. */
  entry?: string;
  /** The process's name in messages and its log file's name. */
  name?: string;
}

/**
 * The topology as separate processes of the built services. On free ports it
 * has a Kafka namespace and databases of its own, and stop() removes them; on
 * fixed ports it is what npm start runs.
 */
export class ProcessStack {
  readonly fixed: boolean;
  readonly namespace: string;
  /** The stack's files: logs, the supergraph, attachments and uploaded imports. Removed by stop() unless logs are kept. */
  readonly workDir: string;
  readonly logDir: string;
  readonly processes: ProcessGroup;
  readonly kafkaBrokers: string[];
  /** The supergraph the gateways serve: the committed one with this stack's subgraph URLs (free ports only). */
  readonly supergraphPath: string;
  private readonly postgresUrl: string;
  /** SUBGRAPH_SECRET of this stack's processes: from the environment when set there, else made for this stack. */
  readonly subgraphSecret = process.env['SUBGRAPH_SECRET'] || randomBytes(32).toString('hex');

  /** Headers for a request sent straight to a subgraph as the gateway would send it (a benchmark measuring the subgraph). */
  get asGateway(): Record<string, string> {
    return peerHeaders(this.subgraphSecret);
  }
  private readonly running = new Map<ServiceName, RunningProcess[]>();
  /** The port of each service's first process, which the others are told of. */
  private readonly ports = new Map<ServiceName, number>();
  private stopping: Promise<void> | undefined;

  constructor(private readonly opts: ProcessStackOptions) {
    this.fixed = opts.ports === 'fixed';
    this.namespace = this.fixed ? (process.env.KAFKA_NAMESPACE ?? DEFAULT_NAMESPACE) : `${opts.label}${Date.now().toString(36)}`;
    this.workDir = mkdtempSync(join(tmpdir(), `kz-${this.namespace}-`));
    this.logDir = opts.logDir ?? join(this.workDir, 'logs');
    mkdirSync(this.logDir, { recursive: true });
    this.supergraphPath = this.fixed ? '' : join(this.workDir, 'supergraph.graphql');
    this.postgresUrl = opts.postgresUrl ?? MACHINE_POSTGRES_URL;
    this.kafkaBrokers = opts.kafkaBrokers ?? MACHINE_KAFKA_BROKERS;
    this.processes = new ProcessGroup({ label: opts.label, nodeArgs: opts.nodeArgs, detached: opts.detached, onUnexpectedExit: opts.onUnexpectedExit });
  }

  databaseUrl(service: Subgraph): string {
    const url = new URL(this.postgresUrl);
    url.pathname = `/${databaseName(this.fixed ? DEFAULT_NAMESPACE : this.namespace, service)}`;
    return url.toString();
  }

  /** The processes of a service, the first being the one the others are told of. */
  instances(service: ServiceName): readonly RunningProcess[] {
    return this.running.get(service) ?? [];
  }

  /** A service's first process. */
  service(service: ServiceName): RunningProcess {
    const first = this.instances(service)[0];
    if (!first) throw new Error(`${service} is not running`);
    return first;
  }

  /** Starts the services stage by stage (identity; groups, messaging, import and webhooks; the gateway), each stage ready before the next. */
  async start(): Promise<this> {
    const wanted = stages().map((stage) => stage.filter((spec) => !this.opts.services || this.opts.services.includes(spec.name)));
    for (const spec of wanted.flat()) {
      this.ports.set(spec.name, this.opts.balanced?.[spec.name]?.front ?? (this.fixed ? fixedPort(spec) : await freePort()));
    }
    // Gateways (started now or later) route to every subgraph: a stack of some services only has none.
    if (!this.fixed && SUBGRAPHS.every((subgraph) => this.ports.has(subgraph))) this.writeSupergraph();
    for (const stage of wanted) {
      const starts = stage.flatMap((spec) => Array.from({ length: this.opts.replicas?.[spec.name] ?? spec.replicas }, () => this.startInstance(spec.name)));
      await Promise.all(starts);
    }
    return this;
  }

  /**
   * One more process of a service: its first on the port the others are told of, further ones on free ports
   * with the same database, Kafka consumer groups and files (behind a balancer, each on its own port of those
   * given). Resolves once it is ready.
   */
  async startInstance(service: ServiceName, opts: InstanceOptions = {}): Promise<RunningProcess> {
    const list = this.running.get(service) ?? [];
    this.running.set(service, list);
    const balanced = this.opts.balanced?.[service];
    const port = balanced ? balanced.processes[list.length] : list.length === 0 && this.ports.has(service) ? this.ports.get(service)! : await freePort();
    if (port === undefined) throw new Error(`${service} has no port left behind its balancer for process ${list.length + 1}`);
    const name = opts.name ?? (list.length === 0 ? service : `${service}-${list.length + 1}`);
    const instance = this.spawnInstance(service, port, name, opts);
    list.push(instance);
    await this.waitReady(serviceSpec(service), instance);
    return instance;
  }

  /**
   * Stops one process gracefully and starts it again on its port, under its name, with `opts.env` on top of the
   * service's environment (a changed setting, as a rollout brings) and `opts.entry` if it runs another entry point.
   * Resolves once it is ready.
   */
  async restartInstance(instance: RunningProcess, opts: InstanceOptions = {}): Promise<RunningProcess> {
    const list = this.running.get(instance.service) ?? [];
    await this.processes.stop(instance.proc);
    const restarted = this.spawnInstance(instance.service, instance.port, opts.name ?? instance.proc.name, opts);
    const index = list.findIndex((running) => running.proc === instance.proc);
    if (index >= 0) list[index] = restarted;
    else list.push(restarted);
    await this.waitReady(serviceSpec(instance.service), restarted);
    return restarted;
  }

  private spawnInstance(service: ServiceName, port: number, name: string, opts: InstanceOptions): RunningProcess {
    const spec = serviceSpec(service);
    const env = this.environment(spec, port, opts.env);
    const proc = this.processes.start(name, join(REPO_ROOT, opts.entry ?? spec.entry), env, join(this.logDir, `${name}.log`));
    const base = `http://127.0.0.1:${port}`;
    return { service, url: `${base}/graphql`, base, port, proc };
  }

  /** Signs a phone number in through the (first) gateway or a GraphQL URL, reading the one-time code from identity's development SMS sink. */
  signIn(phone: string, displayName: string, gateway: RunningProcess | string = this.service('gateway')): Promise<SignedIn> {
    const identities = this.instances('identity').map((identity) => identity.base);
    return signInWithDevCode(typeof gateway === 'string' ? gateway : gateway.url, identities, phone, displayName);
  }

  /** Stops every process; on free ports also drops the databases, deletes the Kafka topics and consumer groups, and removes the files. */
  stop(opts: { keepLogs?: boolean; dropDatabases?: boolean } = {}): Promise<void> {
    this.stopping ??= this.teardown(opts.keepLogs ?? false, opts.dropDatabases ?? true);
    return this.stopping;
  }

  private wiring(): Wiring {
    return {
      base: (service) => {
        const port = this.ports.get(service);
        if (port === undefined) throw new Error(`${service} is not part of this stack`);
        return `http://127.0.0.1:${port}`;
      },
      databaseUrl: (service) => this.databaseUrl(service),
      kafkaNamespace: this.namespace,
      kafkaBrokers: this.kafkaBrokers,
      subgraphSecret: this.subgraphSecret,
    };
  }

  private environment(spec: ServiceSpec, port: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const wiring = wiringEnv(spec, port, this.wiring());
    const own = this.opts.env?.[spec.name];
    const redis = this.opts.redisUrl ? { REDIS_URL: this.opts.redisUrl } : {};
    if (this.fixed) return { ...wiring, ...redis, ...own, ...process.env, ...extra };
    return {
      ...process.env,
      LOG_LEVEL: this.opts.logLevel ?? 'warn',
      NODE_ENV: spec.name === 'identity' ? 'development' : (this.opts.nodeEnv ?? 'development'),
      ...wiring,
      ...redis,
      ...this.ownFiles(spec.name),
      ...own,
      ...extra,
    };
  }

  /** What a stack on free ports keeps of its own, and what its many sign-ins from one address and its loopback webhook receivers need. */
  private ownFiles(service: ServiceName): Record<string, string> {
    switch (service) {
      case 'identity':
        // Tokens for the whole run, however long it takes; every person signs in from 127.0.0.1.
        return { ACCESS_TOKEN_TTL_SECONDS: '86400', SIGN_IN_CODES_PER_ADDRESS: '1000000', SIGN_IN_ATTEMPTS_PER_ADDRESS: '1000000' };
      case 'messaging':
        return { ATTACHMENTS_DIR: join(this.workDir, 'attachments') };
      case 'import':
        return { IMPORT_STORAGE_DIR: join(this.workDir, 'imports') };
      case 'webhooks':
        // A run's webhook receivers listen on loopback, which is private; plain http:// only outside production.
        return {
          WEBHOOKS_ALLOWED_CIDRS: '127.0.0.1/32,::1/128',
          ...(this.opts.nodeEnv === 'production' ? {} : { WEBHOOKS_ALLOW_HTTP: 'true' }),
        };
      case 'gateway':
        return { GATEWAY_SUPERGRAPH_PATH: this.supergraphPath };
      default:
        return {};
    }
  }

  /** The committed supergraph, unchanged except for the subgraph URLs of this stack (the other gateways read it too). */
  private writeSupergraph(): void {
    const wiring = this.wiring();
    const sdl = supergraphWithUrls(readFileSync(join(REPO_ROOT, 'gateway', 'supergraph.graphql'), 'utf8'), (name) => `${wiring.base(name)}/graphql`);
    writeFileSync(this.supergraphPath, sdl);
  }

  private async waitReady(spec: ServiceSpec, { proc, base, url }: RunningProcess): Promise<void> {
    await eventually(
      `${proc.name} at ${base}`,
      async () => {
        if (proc.exited) throw new GiveUp(`exited (code ${proc.exited.code}, signal ${proc.exited.signal})`);
        if (spec.readiness === 'graphql') {
          await mustQuery(url, '{ __typename }');
          return;
        }
        const res = await fetch(`${base}/readyz`);
        if (!res.ok) throw new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
      },
      90_000,
      200,
    ).catch((err: Error) => {
      throw new GiveUp(`${proc.name} did not start (${err.message}); last lines of ${proc.logFile}:\n${logTail(proc.logFile)}`);
    });
  }

  private async teardown(keepLogs: boolean, dropDatabases: boolean): Promise<void> {
    await this.processes.stopAll();
    if (this.fixed) {
      rmSync(this.workDir, { recursive: true, force: true });
      return;
    }
    const problems: string[] = [];
    if (dropDatabases) await this.dropDatabases().catch((err: Error) => problems.push(`dropping databases: ${err.message}`));
    await this.deleteKafkaNamespace().catch((err: Error) => problems.push(`deleting Kafka topics: ${err.message}`));
    for (const p of problems) process.stderr.write(`${this.opts.label}: cleanup: ${p}\n`);
    if (keepLogs) process.stderr.write(`${this.opts.label}: process logs kept in ${this.logDir}\n`);
    else rmSync(this.workDir, { recursive: true, force: true });
  }

  private async dropDatabases(): Promise<void> {
    const client = new Client({ connectionString: this.postgresUrl, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      for (const service of SUBGRAPHS) await client.query(`DROP DATABASE IF EXISTS "${databaseName(this.namespace, service)}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }

  private async deleteKafkaNamespace(): Promise<void> {
    const admin = new Kafka({ brokers: this.kafkaBrokers, clientId: `kz-${this.opts.label}-cleanup`, logLevel: logLevel.NOTHING }).admin();
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

/** A service's port under npm start: <PREFIX>_PORT from the environment, else the topology's. */
export function fixedPort(spec: ServiceSpec): number {
  const raw = process.env[`${spec.envPrefix}_PORT`];
  return raw ? Number(raw) : spec.port;
}
