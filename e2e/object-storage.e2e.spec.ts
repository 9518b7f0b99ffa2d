import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { eventually, graphql, startS3Mock, type S3Mock } from '@kz/testing';
import { Stack } from './support/stack';

/**
 * Replicas share no disk: with S3 storage chosen, an upload's chunk files and an attachment's bytes live in an
 * S3-compatible bucket (a real one: Adobe's S3Mock from its jar), and another process reads them from there.
 */
const CHUNKS_BUCKET = 'kz-import-chunks';
const ATTACHMENTS_BUCKET = 'kz-attachments';

let s3: S3Mock;
let stack: Stack;
let client: S3Client;
const workers: ChildProcess[] = [];
const workerDirs: string[] = [];

beforeAll(async () => {
  s3 = await startS3Mock([CHUNKS_BUCKET, ATTACHMENTS_BUCKET]);
  const bucket = (name: string) => ({ S3_ENDPOINT: s3.endpoint, S3_BUCKET: name, S3_ACCESS_KEY_ID: s3.accessKeyId, S3_SECRET_ACCESS_KEY: s3.secretAccessKey });
  // The stack's own import service takes uploads but works no chunk: a process of its own, on another disk, does.
  stack = new Stack(
    undefined,
    { IMPORT_WORKERS: 'false', IMPORT_CHUNK_ROWS: '2', IMPORT_CHUNK_STORE: 's3', ...bucket(CHUNKS_BUCKET) },
    {
      ATTACHMENTS_STORE: 's3',
      ...bucket(ATTACHMENTS_BUCKET),
    },
  );
  await stack.start();
  client = new S3Client({
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  });
}, 180_000);

afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
  await stack?.stop();
  await s3?.stop();
  for (const dir of workerDirs) rmSync(dir, { recursive: true, force: true });
});

const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(stack.gatewayUrl, query, variables, token);
const ok = <T extends { errors?: unknown; data?: any }>(res: T) => {
  expect(res.errors).toBeUndefined();
  return res.data!;
};
const keysUnder = async (bucket: string, prefix: string) =>
  ((await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? []).map((o) => o.Key!).sort();

/** An import service process built as production runs it, working chunks, with a storage directory no other process uses. */
function startWorker(): ChildProcess {
  const dir = mkdtempSync(join(tmpdir(), 'kz-import-worker-'));
  workerDirs.push(dir);
  const worker = spawn(process.execPath, [join(__dirname, '..', 'services', 'import', 'dist', 'main.js')], {
    env: { ...process.env, ...stack.importEnv({ IMPORT_WORKERS: 'true', IMPORT_STORAGE_DIR: dir, LOG_LEVEL: 'warn' }) },
    stdio: 'ignore',
  });
  workers.push(worker);
  return worker;
}

describe('S3-compatible storage', () => {
  it("keeps an upload's chunk files in the bucket, where a worker process with a disk of its own reads them; they go once the import is done", async () => {
    const admin = await stack.signIn('+14155557601', 'Bucket Admin');
    const { orgId, groupId } = await stack.organizationWithGroup(admin.token, 'Bucketed', 'Field team');
    const started = ok(
      await gql(
        `mutation($i: StartImportInput!) { startImport(input: $i) { uploadUrl import { id } } }`,
        { i: { organizationId: orgId, groupIds: [groupId], defaultCountry: 'IN' } },
        admin.token,
      ),
    ).startImport;
    const importId = started.import.id as string;
    const rows = ['Phone,Name', ...Array.from({ length: 5 }, (_, i) => `98765${String(43210 + i)},Field Person ${i}`)];
    const uploaded = await fetch(`${started.uploadUrl}?filename=field.csv`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
      body: `${rows.join('\n')}\n`,
    });
    expect(uploaded.status).toBe(200);

    // Five rows in chunks of two: three objects, and no worker has read them yet.
    const prefix = `import-chunks/${importId}/`;
    expect(await keysUnder(CHUNKS_BUCKET, prefix)).toEqual([1, 2, 3].map((n) => `${prefix}chunk-00000${n}.ndjson`));
    const first = await client.send(new GetObjectCommand({ Bucket: CHUNKS_BUCKET, Key: `${prefix}chunk-000001.ndjson` }));
    expect((await first.Body!.transformToString()).trim().split('\n')).toHaveLength(2);

    startWorker();
    const JOB = `query($id: ID!) { importJob(id: $id) { status counts { total created failed } } }`;
    const done = await eventually(
      async () => {
        const job = ok(await gql(JOB, { id: importId }, admin.token)).importJob;
        expect(job.status).toBe('COMPLETED');
        return job;
      },
      { timeoutMs: 60_000 },
    );
    expect(done.counts).toEqual({ total: 5, created: 5, failed: 0 });
    await eventually(async () =>
      expect(ok(await gql(`query($id: ID!) { group(id: $id) { memberCount } }`, { id: groupId }, admin.token)).group.memberCount).toBe(6),
    );
    await eventually(async () => expect(await keysUnder(CHUNKS_BUCKET, prefix)).toEqual([]));
  });

  it("stores an attachment's bytes in the bucket and serves them back through the gateway", async () => {
    const admin = await stack.signIn('+14155557602', 'Attaching Admin');
    const groupId = ok(await gql(`mutation { createGroup(input: { name: "Files" }) { group { id } } }`, {}, admin.token)).createGroup.group.id as string;
    const origin = new URL(stack.gatewayUrl).origin;
    const bytes = Buffer.from(`%PDF-1.4 ${'stored in a bucket '.repeat(2_000)}`);
    const created = await eventually(async () => {
      const res = await fetch(`${origin}/attachments?groupId=${groupId}&filename=plan.pdf`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/pdf' },
        body: bytes,
      });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string };
    });
    const stored = await keysUnder(ATTACHMENTS_BUCKET, '');
    expect(stored.length).toBeGreaterThan(0);
    const downloaded = await fetch(`${origin}/attachments/${created.id}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(bytes)).toBe(true);
  });
});
