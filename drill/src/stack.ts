import { eventually, mustQuery, ProcessStack, SUBGRAPHS, type BalancedPorts, type RunningProcess, type ServiceName, type Subgraph } from '@kz/stack';

export { SUBGRAPHS, type RunningProcess, type Subgraph } from '@kz/stack';

export interface DrillStackOptions {
  /** Server URL (any database) of the PostgreSQL the subgraphs use; the machine's by default. */
  postgresUrl?: string;
  /** Extra environment per service. */
  env?: Partial<Record<ServiceName, NodeJS.ProcessEnv>>;
  /** Kafka brokers of the stack (a private broker); the machine's by default. */
  kafkaBrokers?: string[];
  /** Redis of the import service (a private server); the machine's by default. */
  redisUrl?: string;
  /** The services start() starts: the subgraphs by default, the drill starting gateways as it needs them. */
  services?: readonly ServiceName[];
  /** Processes per service, instead of the topology's count. */
  replicas?: Partial<Record<ServiceName, number>>;
  /** Services behind the drill's load balancer. */
  balanced?: Partial<Record<ServiceName, BalancedPorts>>;
}

/**
 * The stack a drill needs: the topology's subgraphs in development mode on
 * free ports, with a Kafka namespace and databases of their own, and as many
 * gateways and import processes as the drill starts. stop() removes it all
 * (logs are kept when the drill failed, or with DRILL_KEEP_LOGS=1).
 */
export class DrillStack extends ProcessStack {
  constructor(opts: DrillStackOptions = {}) {
    super({
      label: 'drill',
      services: opts.services ?? SUBGRAPHS,
      replicas: opts.replicas,
      balanced: opts.balanced,
      nodeEnv: 'development',
      logLevel: process.env.DRILL_LOG_LEVEL,
      postgresUrl: opts.postgresUrl ?? process.env.DRILL_POSTGRES_URL,
      kafkaBrokers: opts.kafkaBrokers,
      redisUrl: opts.redisUrl,
      env: opts.env,
    });
  }

  /** Each subgraph's first process. */
  get subgraphs(): Map<Subgraph, RunningProcess> {
    return new Map(SUBGRAPHS.map((s) => [s, this.service(s)]));
  }

  /** The first gateway. */
  get gateway(): RunningProcess {
    return this.service('gateway');
  }

  get gateways(): readonly RunningProcess[] {
    return this.instances('gateway');
  }

  /** One more gateway process; resolves once it answers. */
  startGateway(env: NodeJS.ProcessEnv = {}): Promise<RunningProcess> {
    return this.startInstance('gateway', { env });
  }

  /** One more import process on the stack's database, Redis and chunk directory, with chunk workers unless `env` says otherwise. */
  startImportProcess(env: NodeJS.ProcessEnv = {}): Promise<RunningProcess> {
    return this.startInstance('import', { name: `import-worker-${this.instances('import').length}`, env: { IMPORT_WORKERS: 'true', ...env } });
  }

  /** Creates a group owned by `token` and waits until messaging knows its owner (a first message is accepted). */
  async groupReadyForMessages(token: string, name: string): Promise<string> {
    const created = await mustQuery(this.gateway.url, `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`, { i: { name } }, token);
    const groupId = created.createGroup.group.id as string;
    await eventually(
      'messaging learning the new group',
      () =>
        mustQuery(this.gateway.url, `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`, { i: { groupId, text: 'hello' } }, token),
      60_000,
      200,
    );
    return groupId;
  }

  override stop(opts: { keepLogs?: boolean; dropDatabases?: boolean } = {}): Promise<void> {
    return super.stop({ ...opts, keepLogs: (opts.keepLogs ?? false) || process.env.DRILL_KEEP_LOGS === '1' });
  }
}
