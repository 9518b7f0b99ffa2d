import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ProcessStack, REPO_ROOT, SUBGRAPHS, type RunningProcess, type SignedIn } from '@kz/stack';

export { REPO_ROOT } from '@kz/stack';

/** A key and a self-signed certificate for 127.0.0.1, which the webhooks scenario's HTTPS receiver serves. */
export interface ReceiverTls {
  dir: string;
  keyPath: string;
  certPath: string;
}

/**
 * Made once per run under the repository's tmp/: in production mode the webhooks service sends to https:// URLs
 * only, so the benchmark's local receiver needs a certificate the service trusts (NODE_EXTRA_CA_CERTS).
 */
function makeReceiverTls(): ReceiverTls {
  mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true });
  const dir = mkdtempSync(join(REPO_ROOT, 'tmp', 'bench-webhooks-'));
  const keyPath = join(dir, 'receiver-key.pem');
  const certPath = join(dir, 'receiver-cert.pem');
  const args = 'req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1';
  const res = spawnSync('openssl', [...args.split(' '), '-keyout', keyPath, '-out', certPath], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (res.status !== 0) throw new Error(`openssl could not make the webhook receiver's certificate: ${res.error?.message ?? res.stderr.trim()}`);
  return { dir, keyPath, certPath };
}

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
  /** The webhooks scenario's receiver certificate, which the webhooks service trusts; removed by stop(). */
  readonly receiverTls: ReceiverTls;

  constructor(receiverTls = makeReceiverTls()) {
    super({
      label: 'bench',
      services: SUBGRAPHS,
      nodeEnv: 'production',
      logLevel: process.env.BENCH_LOG_LEVEL,
      postgresUrl: process.env.BENCH_POSTGRES_URL,
      nodeArgs: (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
      env: {
        import: { IMPORT_MAX_UPLOAD_BYTES: String(512 * 1024 * 1024) },
        // The retention scenario sets a period and times what the deletion does to live traffic from the next second on.
        messaging: { RETENTION_INTERVAL_MS: '1000' },
        // The stack already lets webhooks reach loopback (WEBHOOKS_ALLOWED_CIDRS); this makes it trust the receiver.
        webhooks: { NODE_EXTRA_CA_CERTS: receiverTls.certPath },
      },
    });
    this.receiverTls = receiverTls;
  }

  override stop(opts?: { keepLogs?: boolean; dropDatabases?: boolean }): Promise<void> {
    return super.stop(opts).finally(() => rmSync(this.receiverTls.dir, { recursive: true, force: true }));
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

  /** Restarts one of the gateways gracefully on its port, with `env` on top of its environment. */
  async restartGateway(id: GatewayId, env: NodeJS.ProcessEnv = {}): Promise<RunningGateway> {
    const gw = GATEWAYS.find((g) => g.id === id)!;
    const running = await this.restartInstance(this.gateway(id), { entry: gw.entry, env: { ...gw.env, ...env } });
    const restarted = { ...running, id, label: gw.label };
    this.gateways.set(id, restarted);
    return restarted;
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
