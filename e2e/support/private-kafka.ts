import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '..', '..', 'deploy', 'local', 'kafka.sh');

/**
 * A Kafka broker of the drill's own, started by the project's script on other
 * ports, so stopping it disturbs no other test or benchmark.
 */
export class PrivateKafka {
  private readonly dir = mkdtempSync(join(tmpdir(), 'kz-kafka-drill-'));
  private readonly env: NodeJS.ProcessEnv;

  constructor(readonly port = 19092) {
    this.env = {
      ...process.env,
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(port + 1),
      KZ_KAFKA_DATA_DIR: join(this.dir, 'data'),
      KZ_KAFKA_RUN_DIR: join(this.dir, 'run'),
    };
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  async start(): Promise<void> {
    await run('bash', [SCRIPT, 'start'], { env: this.env, timeout: 180_000 });
  }

  async stop(): Promise<void> {
    await run('bash', [SCRIPT, 'stop'], { env: this.env, timeout: 60_000 });
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
