import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const START_TIMEOUT_MS = 120_000;

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts a Java server from its executable jar (deploy/local/server-jar.sh fetches and caches it) and waits until
 * `ready` answers true; stop() ends it and then runs `cleanUp`.
 */
export async function startJarServer(opts: {
  jar: 's3mock' | 'zipkin';
  args: readonly string[];
  ready: () => Promise<boolean>;
  /** What the server is called in errors, and where it listens. */
  describe: string;
  /** The JVM's heap ceiling (256 MiB by default). */
  heapMiB?: number;
  /** A server under load for minutes (a benchmark's) wants the optimising compiler; tests start faster without it. */
  optimised?: boolean;
  cleanUp?: () => void;
}): Promise<{ stop: () => Promise<void> }> {
  const { stdout } = await promisify(execFile)('bash', [join(REPO_ROOT, 'deploy', 'local', 'server-jar.sh'), opts.jar], { timeout: 300_000 });
  const jar = stdout.trim().split('\n').at(-1)!;
  const java = process.env['JAVA_HOME'] ? join(process.env['JAVA_HOME'], 'bin', 'java') : 'java';
  const server: ChildProcess = spawn(java, [`-Xmx${opts.heapMiB ?? 256}m`, ...(opts.optimised ? [] : ['-XX:TieredStopAtLevel=1']), '-jar', jar, ...opts.args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  server.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4_000)));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      // A JVM busy collecting a full heap may not get to its shutdown hooks.
      const forced = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(forced);
    }
    opts.cleanUp?.();
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(`${opts.describe} exited with ${server.exitCode} while starting: ${errors}`);
    }
    if (await opts.ready().catch(() => false)) return { stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${opts.describe} did not answer within ${START_TIMEOUT_MS / 1000} s: ${errors}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
