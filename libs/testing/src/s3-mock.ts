import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** An S3-compatible server for one test file: Adobe's S3Mock from its jar (deploy/local/s3mock.sh), on free ports. */
export interface S3Mock {
  /** The endpoint URL clients are given (path-style, plain HTTP). */
  readonly endpoint: string;
  /** Credentials it accepts (it checks none). */
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  stop(): Promise<void>;
}

const REPO_ROOT = join(__dirname, '..', '..', '..');
const START_TIMEOUT_MS = 120_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts S3Mock with the buckets made, and waits until it answers S3 requests. */
export async function startS3Mock(buckets: readonly string[]): Promise<S3Mock> {
  const { stdout } = await promisify(execFile)('bash', [join(REPO_ROOT, 'deploy', 'local', 's3mock.sh'), 'jar'], { timeout: 300_000 });
  const jar = stdout.trim().split('\n').at(-1)!;
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const root = mkdtempSync(join(tmpdir(), 'kz-s3mock-'));
  const java = process.env['JAVA_HOME'] ? join(process.env['JAVA_HOME'], 'bin', 'java') : 'java';
  const server: ChildProcess = spawn(
    java,
    [
      '-Xmx256m',
      '-XX:TieredStopAtLevel=1',
      '-jar',
      jar,
      `--com.adobe.testing.s3mock.httpPort=${httpPort}`,
      `--server.port=${httpsPort}`,
      '--server.address=127.0.0.1',
      `--com.adobe.testing.s3mock.store.initialBuckets=${buckets.join(',')}`,
      `--com.adobe.testing.s3mock.store.root=${root}`,
      '--logging.level.root=WARN',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  server.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4_000)));
  const endpoint = `http://127.0.0.1:${httpPort}`;
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    rmSync(root, { recursive: true, force: true });
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(`S3Mock exited with ${server.exitCode} while starting: ${errors}`);
    }
    // A bucket it was told to make answers HEAD with 200 once it serves requests.
    const answer = await fetch(`${endpoint}/${buckets[0] ?? ''}`, { method: 'HEAD' }).catch(() => null);
    if (answer?.ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`S3Mock did not answer on ${endpoint} within ${START_TIMEOUT_MS / 1000} s: ${errors}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { endpoint, accessKeyId: 'kz-test', secretAccessKey: 'kz-test-secret', stop };
}
