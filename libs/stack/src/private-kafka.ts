import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './processes';
import { REPO_ROOT } from './repo';

const run = promisify(execFile);
const SCRIPT = join(REPO_ROOT, 'deploy', 'local', 'kafka.sh');

/**
 * A Kafka broker of a test's or drill's own (deploy/local/kafka.sh with its own
 * ports, data and run directories), so that stopping it disturbs nothing
 * else: the machine's broker on 9092 is never touched.
 */
export class PrivateKafka {
  readonly dir = mkdtempSync(join(tmpdir(), 'kz-kafka-'));
  port = 0;
  private env: NodeJS.ProcessEnv = {};

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  get serverLog(): string {
    return join(this.dir, 'run', 'server.log');
  }

  /** Picks its ports; start() does it when nobody did. */
  async init(): Promise<void> {
    this.port = await freePort();
    let controller = await freePort();
    while (controller === this.port) controller = await freePort();
    this.env = {
      ...process.env,
      KAFKA_PORT: String(this.port),
      KAFKA_CONTROLLER_PORT: String(controller),
      KZ_KAFKA_DATA_DIR: join(this.dir, 'data'),
      KZ_KAFKA_RUN_DIR: join(this.dir, 'run'),
    };
  }

  /** Starts the broker (kept data: topics and offsets survive a stop) and waits until it answers. */
  async start(): Promise<void> {
    if (!this.port) await this.init();
    await run('bash', [SCRIPT, 'start'], { env: this.env, timeout: 180_000 });
  }

  /** A controlled shutdown, as the script does it (SIGTERM, SIGKILL after 30 s). */
  async stop(): Promise<void> {
    await run('bash', [SCRIPT, 'stop'], { env: this.env, timeout: 60_000 });
  }

  /** Stops the broker if it runs and removes its files. */
  async destroy(): Promise<void> {
    if (this.port) await this.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
