import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { eventually, graphql } from '@kz/testing';
import { jsonLines, sha256, unpackArchive } from './support/export-archive';
import { Stack } from './support/stack';

// The stack's own import service runs no workers: exports are worked by separate processes this test kills.
const stack = new Stack(undefined, { IMPORT_WORKERS: 'false', EXPORT_PAGE_RECORDS: '100' });
const workers: ChildProcess[] = [];
beforeAll(() => stack.start());
afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
  await stack.stop();
});

const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(stack.gatewayUrl, query, variables, token);
const ok = <T extends { errors?: unknown; data?: any }>(res: T) => {
  expect(res.errors).toBeUndefined();
  return res.data!;
};
const START = `mutation($i: StartExportInput!) { startExport(input: $i) { export { id status } } }`;
const JOB = `query($id: ID!) { exportJob(id: $id) { status recordsWritten recordsTotal failureReason archiveSha256 } }`;
const SEEDED = 30_000;

/** An import service process, built as production runs it, that works exports (its HTTP port is free and unused here). */
function startWorker(): ChildProcess {
  const worker = spawn(process.execPath, [join(__dirname, '..', 'services', 'import', 'dist', 'main.js')], {
    env: { ...process.env, ...stack.importEnv({ IMPORT_WORKERS: 'true', LOG_LEVEL: 'warn' }) },
    stdio: 'ignore',
  });
  workers.push(worker);
  return worker;
}

const written = async (exportId: string) =>
  Number(
    ((await stack.import.runtime.dataSource.query(`SELECT records_written FROM export_jobs WHERE id = $1`, [exportId])) as { records_written: string }[])[0]!
      .records_written,
  );

describe('export workers', () => {
  it('a queued export can be cancelled, and one whose worker is killed with SIGKILL is finished by another, every record once', async () => {
    const admin = await stack.signIn('+14155557201', 'Kit Killer');
    const orgId = ok(await gql(`mutation { createOrganization(input: { name: "Resumers" }) { organization { id } } }`, {}, admin.token)).createOrganization
      .organization.id as string;
    const groupId = await eventually(
      async () =>
        ok(
          await gql(
            `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
            { i: { name: 'Long history', organizationId: orgId } },
            admin.token,
          ),
        ).createGroup.group.id as string,
    );
    const messagingDb = stack.messaging.runtime.dataSource;
    await eventually(async () => expect(await messagingDb.query(`SELECT 1 FROM known_groups WHERE id = $1 AND org_id = $2`, [groupId, orgId])).toHaveLength(1));
    // A long history written straight into messaging's table: sending it one by one would take minutes.
    await messagingDb.query(
      `INSERT INTO messages (id, group_id, author_id, text, sent_at, audience, kind, mentions, change_seq, change_kind)
       SELECT gen_random_uuid(), $1, $2, 'history ' || i, now() - interval '1 day' + i * interval '1 ms', 'ALL', 'TEXT', '{}', nextval('message_change_seq'), 'SENT'
         FROM generate_series(1, $3) AS i`,
      [groupId, admin.userId, SEEDED],
    );

    // With no worker yet, an export waits; cancelled, it ends and the organisation may start another.
    const waiting = ok(await gql(START, { i: { organizationId: orgId } }, admin.token)).startExport.export;
    expect(waiting.status).toBe('QUEUED');
    const busy = await gql(START, { i: { organizationId: orgId } }, admin.token);
    expect(busy.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(busy.errors?.[0]?.message).toContain(waiting.id);
    const cancelled = ok(
      await gql(`mutation($i: CancelExportInput!) { cancelExport(input: $i) { export { status } } }`, { i: { exportId: waiting.id } }, admin.token),
    );
    expect(cancelled.cancelExport.export.status).toBe('CANCELLED');

    const { id } = ok(await gql(START, { i: { organizationId: orgId } }, admin.token)).startExport.export;
    const first = startWorker();
    await eventually(async () => expect(await written(id)).toBeGreaterThanOrEqual(2_000), { timeoutMs: 60_000, intervalMs: 20 });
    first.kill('SIGKILL');
    await once(first, 'exit');
    const halfway = ok(await gql(JOB, { id }, admin.token)).exportJob;
    expect(halfway.status).toBe('RUNNING');
    expect(halfway.recordsWritten).toBeLessThan(halfway.recordsTotal);

    // The second worker goes on from the last checkpoint: the count never falls back.
    startWorker();
    let lowest = Infinity;
    const job = await eventually(
      async () => {
        const now = ok(await gql(JOB, { id }, admin.token)).exportJob;
        lowest = Math.min(lowest, now.recordsWritten);
        expect(now.status).toBe('COMPLETED');
        return now;
      },
      { timeoutMs: 90_000 },
    );
    expect(lowest).toBeGreaterThanOrEqual(halfway.recordsWritten);
    // The cancelled export started no work anywhere.
    expect(ok(await gql(JOB, { id: waiting.id }, admin.token)).exportJob.status).toBe('CANCELLED');

    const res = await fetch(`${stack.gatewayUrl.replace(/\/graphql$/, '')}/exports/${id}/archive`, { headers: { authorization: `Bearer ${admin.token}` } });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(sha256(bytes)).toBe(job.archiveSha256);
    const archive = await unpackArchive(bytes);
    const ids = jsonLines<{ id: string }>(archive.files.get('messages.jsonl')).map((m) => m.id);
    const source = ((await messagingDb.query(`SELECT id FROM messages WHERE group_id = $1`, [groupId])) as { id: string }[]).map((m) => m.id);
    expect(ids.length).toBe(source.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...source].sort());
    expect(source.length).toBeGreaterThan(SEEDED);
  });
});
