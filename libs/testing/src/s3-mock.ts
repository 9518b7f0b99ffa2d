import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startJarServer } from './jar-server';

/** An S3-compatible server for one test file: Adobe's S3Mock from its jar (deploy/local/server-jar.sh), on free ports. */
export interface S3Mock {
  /** The endpoint URL clients are given (path-style, plain HTTP). */
  readonly endpoint: string;
  /** Credentials it accepts (it checks none). */
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  stop(): Promise<void>;
}

/** Starts S3Mock with the buckets made, and waits until it answers S3 requests. */
export async function startS3Mock(buckets: readonly string[]): Promise<S3Mock> {
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const root = mkdtempSync(join(tmpdir(), 'kz-s3mock-'));
  const endpoint = `http://127.0.0.1:${httpPort}`;
  const { stop } = await startJarServer({
    jar: 's3mock',
    describe: `S3Mock on ${endpoint}`,
    args: [
      `--com.adobe.testing.s3mock.httpPort=${httpPort}`,
      `--server.port=${httpsPort}`,
      '--server.address=127.0.0.1',
      `--com.adobe.testing.s3mock.store.initialBuckets=${buckets.join(',')}`,
      `--com.adobe.testing.s3mock.store.root=${root}`,
      '--logging.level.root=WARN',
    ],
    // A bucket it was told to make answers HEAD with 200 once it serves requests.
    ready: async () => (await fetch(`${endpoint}/${buckets[0] ?? ''}`, { method: 'HEAD' })).ok,
    cleanUp: () => rmSync(root, { recursive: true, force: true }),
  });
  return { endpoint, accessKeyId: 'kz-test', secretAccessKey: 'kz-test-secret', stop };
}
