import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { eventually, graphql } from '@kz/testing';
import { jsonLines, sha256, unpackArchive } from './support/export-archive';
import { Stack } from './support/stack';

// The stack's own import service runs no workers: exports and chat imports are worked by separate processes these tests kill.
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

/** An import service process, built as production runs it, that works exports and imports (its HTTP port is free and unused here). */
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

describe('import service workers', () => {
  it('a queued export can be cancelled, and one whose worker is killed with SIGKILL is finished by another, every record once', async () => {
    const admin = await stack.signIn('+14155557201', 'Kit Killer');
    const { orgId, groupId } = await stack.organizationWithGroup(admin.token, 'Resumers', 'Long history');
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

  it('a chat import is cancelled at once, and one whose worker is killed with SIGKILL is finished by another, every entry once and in order', async () => {
    const admin = await stack.signIn('+14155557301', 'Chat Killer');
    const orgId = ok(await gql(`mutation { createOrganization(input: { name: "Long chats" }) { organization { id } } }`, {}, admin.token)).createOrganization
      .organization.id as string;
    // A long Android export: 30,000 messages of two people over a few days.
    const lines: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      const day = String(1 + Math.floor(i / 10_000)).padStart(2, '0');
      const minute = Math.floor((i % 10_000) / 10);
      lines.push(
        `${day}/02/2024, ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')} - ${i % 2 ? 'Ann' : 'Bo'}: message ${i}`,
      );
    }
    const START_CHAT = `mutation($i: StartChatImportInput!) { startChatImport(input: $i) { uploadUrl import { id } } }`;
    const preview = ok(await gql(START_CHAT, { i: { organizationId: orgId, timeZone: 'UTC', defaultCountry: 'GB' } }, admin.token)).startChatImport;
    const uploaded = await fetch(`${preview.uploadUrl}?filename=${encodeURIComponent('WhatsApp Chat with Long Chat.txt')}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin.token}` },
      body: lines.join('\n'),
    });
    expect(uploaded.status).toBe(200);
    const APPLY = `mutation($i: ApplyChatImportInput!) { applyChatImport(input: $i) { import { id status } } }`;
    const IMPORT = `query($id: ID!) { importJob(id: $id) { status counts { total processed created unchanged } chat { group { id } } } }`;

    // With no worker yet, an applied import waits; cancelled, it ends with nothing written.
    const waiting = ok(await gql(APPLY, { i: { importId: preview.import.id } }, admin.token)).applyChatImport.import;
    ok(await gql(`mutation($i: CancelImportInput!) { cancelImport(input: $i) { import { status } } }`, { i: { importId: waiting.id } }, admin.token));
    expect(ok(await gql(IMPORT, { id: waiting.id }, admin.token)).importJob).toMatchObject({ status: 'CANCELLED', counts: { processed: 0 } });

    const { id } = ok(await gql(APPLY, { i: { importId: preview.import.id } }, admin.token)).applyChatImport.import;
    const done = async () =>
      Number(
        ((await stack.import.runtime.dataSource.query(`SELECT entries_done FROM chat_imports WHERE import_id = $1`, [id])) as { entries_done: number }[])[0]!
          .entries_done,
      );
    const first = startWorker();
    await eventually(async () => expect(await done()).toBeGreaterThanOrEqual(2_000), { timeoutMs: 60_000, intervalMs: 20 });
    first.kill('SIGKILL');
    await once(first, 'exit');
    expect(ok(await gql(IMPORT, { id }, admin.token)).importJob.status).toBe('RUNNING');
    startWorker();
    const job = await eventually(
      async () => {
        const now = ok(await gql(IMPORT, { id }, admin.token)).importJob;
        expect(now.status).toBe('COMPLETED');
        return now;
      },
      { timeoutMs: 90_000 },
    );
    expect(job.counts.total).toBe(30_000);
    expect(job.counts.processed).toBe(30_000);
    // Every entry is in the group once, in the file's order (the chunk the killed worker was writing, if any, was not written twice).
    const rows = (await stack.messaging.runtime.dataSource.query(`SELECT text FROM messages WHERE group_id = $1 AND imported_from IS NOT NULL ORDER BY id`, [
      job.chat.group.id,
    ])) as { text: string }[];
    expect(rows.map((r) => r.text)).toEqual(lines.map((_, i) => `message ${i}`));
    expect(job.counts.created + job.counts.unchanged).toBe(30_000);
  });
});
