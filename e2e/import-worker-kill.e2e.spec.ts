import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { eventually, graphql } from '@kz/testing';
import { Stack } from './support/stack';

// The stack's own import service only takes uploads; chunks are worked by separate processes this test kills.
const stack = new Stack(undefined, { IMPORT_WORKERS: 'false', IMPORT_CHUNK_ROWS: '50', IMPORT_MAX_UPLOAD_BYTES: String(256 * 1024) });
const workers: ChildProcess[] = [];
beforeAll(() => stack.start());
afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
  await stack.stop();
});

const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(stack.gatewayUrl, query, variables, token);
const JOB = `query($id: ID!) { importJob(id: $id) { status failureReason counts { total processed created updated unchanged failed } } }`;

/** An import service process, built as production runs it, that works chunks (its HTTP port is free and unused here). */
function startWorker(): ChildProcess {
  const worker = spawn(process.execPath, [join(__dirname, '..', 'services', 'import', 'dist', 'main.js')], {
    env: { ...process.env, ...stack.importEnv({ IMPORT_WORKERS: 'true', IMPORT_WORKER_CONCURRENCY: '1', LOG_LEVEL: 'warn' }) },
    stdio: 'ignore',
  });
  workers.push(worker);
  return worker;
}

async function adminWithGroup(name: string): Promise<{ token: string; orgId: string; groupId: string }> {
  const { token } = await stack.signIn(`+1415555${String(3000 + workers.length * 10 + name.length).padStart(4, '0')}`, name);
  const org = await gql(`mutation($n: String!) { createOrganization(input: { name: $n }) { organization { id } } }`, { n: name }, token);
  const orgId = org.data!.createOrganization.organization.id as string;
  // The groups service learns of the new organisation's admin from identity's events.
  const groupId = await eventually(async () => {
    const group = await gql(`mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`, { i: { name, organizationId: orgId } }, token);
    expect(group.errors).toBeUndefined();
    return group.data!.createGroup.group.id as string;
  });
  return { token, orgId, groupId };
}

async function startImport(token: string, orgId: string, groupIds: string[]): Promise<{ id: string; uploadUrl: string }> {
  const res = await gql(
    `mutation($i: StartImportInput!) { startImport(input: $i) { uploadUrl import { id } } }`,
    { i: { organizationId: orgId, groupIds, defaultCountry: 'IN' } },
    token,
  );
  expect(res.errors).toBeUndefined();
  return { id: res.data!.startImport.import.id, uploadUrl: res.data!.startImport.uploadUrl };
}

describe('import workers', () => {
  it('a worker killed with SIGKILL mid-import is replaced, and the import ends with the exact count', async () => {
    const { token, orgId, groupId } = await adminWithGroup('Kill Drill Org');
    const { id, uploadUrl } = await startImport(token, orgId, [groupId]);
    const rows = ['Phone,Name'];
    for (let i = 0; i < 2_000; i++) rows.push(`97${String(i).padStart(8, '0')},Worker Test ${i}`);
    const upload = await fetch(uploadUrl, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: rows.join('\n') });
    expect(upload.status).toBe(200);

    const first = startWorker();
    await eventually(async () => expect((await gql(JOB, { id }, token)).data!.importJob.counts.processed).toBeGreaterThanOrEqual(200), { timeoutMs: 60_000 });
    first.kill('SIGKILL');
    await once(first, 'exit');
    const halfway = (await gql(JOB, { id }, token)).data!.importJob;
    expect(halfway.status).toBe('RUNNING');

    startWorker();
    const job = await eventually(
      async () => {
        const now = (await gql(JOB, { id }, token)).data!.importJob;
        expect(now.status).toBe('COMPLETED');
        return now;
      },
      { timeoutMs: 90_000 },
    );
    expect(job.counts).toEqual({ total: 2_000, processed: 2_000, created: 2_000, updated: 0, unchanged: 0, failed: 0 });
    await eventually(async () =>
      expect((await gql(`query($id: ID!) { group(id: $id) { memberCount } }`, { id: groupId }, token)).data!.group.memberCount).toBe(2_001),
    );
    const directory = await gql(
      `query($o: ID!) { organization(id: $o) { directory(first: 200, search: "worker test 1999") { edges { node { phone } } } } }`,
      { o: orgId },
      token,
    );
    expect(directory.data!.organization.directory.edges).toEqual([{ node: { phone: '+919700001999' } }]);
  });

  it('refuses a file over the configured size with PAYLOAD_TOO_LARGE and fails the import', async () => {
    const { token, orgId } = await adminWithGroup('Big File Org');
    const { id, uploadUrl } = await startImport(token, orgId, []);
    const line = 'Phone,Name\n' + '9700000001,Someone With A Rather Long Name To Fill The File Quickly\n'.repeat(10_000);
    const res = await fetch(uploadUrl, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: line });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const job = (await gql(JOB, { id }, token)).data!.importJob;
    expect(job.status).toBe('FAILED');
    expect(job.failureReason).toMatch(/larger than 256 KB, the largest upload allowed/);
  });
});
