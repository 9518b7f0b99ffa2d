import { ProcessStack, SUBGRAPHS, type RunningProcess, type SignedIn } from '@kz/stack';

export { REPO_ROOT } from '@kz/stack';

/**
 * The gateways compared on the same subgraphs and the same supergraph file.
 * The Hive Gateway runs twice: as it comes, and with its (default) merging of
 * identical in-flight subgraph requests turned off, so that it does the same
 * subgraph work per operation as the Apollo-based gateways.
 */
export const GATEWAYS: readonly { id: GatewayId; label: string; entry?: string; env?: NodeJS.ProcessEnv }[] = [
  { id: 'ours', label: 'ours (gateway/dist)' },
  { id: 'apollo', label: 'stock Apollo Gateway', entry: 'bench/dist/gateways/apollo-stock.js' },
  { id: 'hive', label: 'Hive Gateway', entry: 'bench/dist/gateways/hive.js' },
  { id: 'hive-nodedupe', label: 'Hive Gateway, no dedupe', entry: 'bench/dist/gateways/hive.js', env: { HIVE_DEDUPLICATE_INFLIGHT: 'false' } },
];
export type GatewayId = 'ours' | 'apollo' | 'hive' | 'hive-nodedupe';

export interface RunningGateway extends RunningProcess {
  id: GatewayId;
  label: string;
}

/**
 * The topology's subgraphs on free ports, a Kafka namespace and databases of
 * the run's own, as deployed (production mode, except identity, whose
 * development SMS sink signs the benchmark's people in), and the gateways the
 * scenarios compare; stop() removes all of it again.
 */
export class BenchStack extends ProcessStack {
  readonly gateways = new Map<GatewayId, RunningGateway>();

  constructor() {
    super({
      label: 'bench',
      services: SUBGRAPHS,
      nodeEnv: 'production',
      logLevel: process.env.BENCH_LOG_LEVEL,
      postgresUrl: process.env.BENCH_POSTGRES_URL,
      nodeArgs: (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
      env: { import: { IMPORT_MAX_UPLOAD_BYTES: String(512 * 1024 * 1024) } },
    });
  }

  /** Identity's address without /graphql (its development SMS sink is at /dev/sms). */
  get identityUrl(): string {
    return this.service('identity').base;
  }

  /**
   * Starts the gateways among `ids` that are not running yet, each as its own process, and waits until they answer.
   * `env` adds to each one's environment (the web app's tests run ours in development mode, for its SMS sink).
   */
  async ensureGateways(ids: readonly GatewayId[], env: NodeJS.ProcessEnv = {}): Promise<void> {
    const missing = GATEWAYS.filter((g) => ids.includes(g.id) && !this.gateways.has(g.id));
    await Promise.all(
      missing.map(async (gw) => {
        const running = await this.startInstance('gateway', { entry: gw.entry, name: `gateway-${gw.id}`, env: { ...gw.env, ...env } });
        this.gateways.set(gw.id, { ...running, id: gw.id, label: gw.label });
      }),
    );
  }

  gateway(id: GatewayId): RunningGateway {
    const gw = this.gateways.get(id);
    if (!gw) throw new Error(`gateway ${id} is not running`);
    return gw;
  }

  /** Signs a phone number in through our gateway, reading the one-time code from identity's development SMS sink. */
  override signIn(phone: string, displayName: string): Promise<SignedIn> {
    return super.signIn(phone, displayName, this.gateway('ours'));
  }
}
