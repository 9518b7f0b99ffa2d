import { Redis } from 'ioredis';
import { ms, sleep, type Drill, type DrillResult } from '../drill';
import { awaitImportEnd, awaitMessagingMembers, count, dbQuery, importState, importTally, memberCsv, orgAdminWithGroup, startMemberImport } from '../imports';
import { onCleanup } from '../interrupt';
import { DrillStack, type RunningProcess } from '../stack';

/**
 * A member import worked by separate import processes, one of them SIGKILLed
 * halfway through and another started in its place. The stack's own import
 * process only takes the upload (IMPORT_WORKERS=false); the workers are
 * further services/import/dist/main.js processes with IMPORT_WORKERS=true on
 * ports of their own. It passes when the import completes with the exact
 * counts, every person is a member once (groups, its memberCount, messaging's
 * copy, the directory), and groups announced each new member in exactly one
 * groups.memberships.added event.
 */
export const importWorkerKill: Drill = {
  name: 'import-worker-kill',
  description: 'an import of 50,000 rows; one of two worker processes SIGKILLed halfway, another started: exact counts, no duplicates',
  async run({ settings, log }): Promise<DrillResult> {
    const rows = settings.smoke ? 5_000 : 50_000;
    const chunkRows = settings.smoke ? 250 : 1_000;
    const lockMs = 5_000;
    const stack = new DrillStack({
      env: { import: { IMPORT_WORKERS: 'false', IMPORT_CHUNK_ROWS: String(chunkRows), IMPORT_JOB_LOCK_MS: String(lockMs) } },
    });
    let ok = false;
    const forget = onCleanup(() => stack.stop({ keepLogs: true }));
    try {
      log(`starting the subgraphs and a gateway (namespace ${stack.namespace})`);
      await stack.start();
      await stack.startGateway();
      const admin = await orgAdminWithGroup(stack, '+14155550181', 'Worker Kill Drill');
      const csv = memberCsv(rows, 'Kill Drill');
      log(`uploading ${rows} rows (chunks of ${chunkRows}); no worker runs yet`);
      const { id, uploadMs } = await startMemberImport(stack, admin, csv);
      const queued = await importState(stack, admin.token, id);

      log('starting two worker processes');
      const started = Date.now();
      const [victim] = (await Promise.all([stack.startImportProcess(), stack.startImportProcess()])) as [RunningProcess, RunningProcess];
      let processedAtKill = 0;
      for (;;) {
        const s = await importState(stack, admin.token, id);
        if (s.counts.processed >= rows / 2 || s.status !== 'RUNNING') {
          processedAtKill = s.counts.processed;
          break;
        }
        await sleep(100);
      }
      const chunksBefore = await chunksDone(stack, id);
      const inFlight = await activeChunkJobs(stack.namespace);
      log(`SIGKILL to ${victim.proc.name} (pid ${victim.proc.pid}) at ${processedAtKill} of ${rows} rows processed`);
      const killedAt = Date.now();
      stack.processes.kill(victim.proc, 'SIGKILL');
      await sleep(1_000);
      log('starting a replacement worker process');
      await stack.startImportProcess();
      const replacedAt = Date.now();

      const end = await awaitImportEnd(stack, admin.token, id, { timeoutMs: settings.smoke ? 180_000 : 600_000, stallMs: 120_000 });
      const finishedAt = Date.now();
      const { state } = end;
      const expectedMembers = rows + 1;
      const messagingMembers = await awaitMessagingMembers(stack, admin.groupId, expectedMembers, 120_000);
      await sleep(2_000); // a late duplicate event, if any, would land in the outbox by now
      const tally = await importTally(stack, admin);
      const chunkRowsStored = await dbQuery<{ n: number; dup: number }>(
        stack.databaseUrl('import'),
        `SELECT count(*)::int AS n, (count(*) - count(DISTINCT chunk))::int AS dup FROM import_chunks WHERE import_id = $1`,
        [id],
      );

      const problems: string[] = [];
      if (!end.ended)
        problems.push(`the import did not end: ${state.status} at ${state.counts.processed} of ${rows} rows, no progress for ${ms(end.stalledForMs)}`);
      else if (state.status !== 'COMPLETED') problems.push(`the import ended ${state.status} (${state.failureReason ?? 'no reason'})`);
      const exact = { total: rows, processed: rows, created: rows, updated: 0, unchanged: 0, failed: 0 };
      if (JSON.stringify(state.counts) !== JSON.stringify(exact)) problems.push(`counts ${JSON.stringify(state.counts)}, expected ${JSON.stringify(exact)}`);
      if (queued.counts.total !== rows) problems.push(`the upload counted ${queued.counts.total} rows, expected ${rows}`);
      if (processedAtKill >= rows) problems.push('the import had finished before the kill: the drill did not test anything');
      if (tally.memberCount !== expectedMembers) problems.push(`group memberCount ${tally.memberCount}, expected ${expectedMembers}`);
      if (tally.groupsMemberships !== expectedMembers) problems.push(`groups holds ${tally.groupsMemberships} memberships, expected ${expectedMembers}`);
      if (messagingMembers !== expectedMembers) problems.push(`messaging holds ${messagingMembers} members of the group, expected ${expectedMembers}`);
      if (tally.directory !== expectedMembers) problems.push(`the directory holds ${tally.directory} people, expected ${expectedMembers}`);
      if (tally.duplicateEventMembers > 0)
        problems.push(`${tally.duplicateEventMembers} members were announced in more than one groups.memberships.added event`);
      if (tally.unannounced > 0) problems.push(`${tally.unannounced} members of the group were never announced by a groups.memberships.added event`);
      if (chunkRowsStored[0]!.dup > 0) problems.push(`${chunkRowsStored[0]!.dup} chunks were recorded twice`);
      if (!victim.proc.exited) problems.push('the killed worker is still running');
      ok = problems.length === 0;

      const seconds = (finishedAt - started) / 1000;
      const figures = [
        `${rows} rows in ${Math.ceil(rows / chunkRows)} chunks of ${chunkRows}, uploaded in ${ms(uploadMs)}`,
        `worker killed at ${processedAtKill} rows processed (${chunksBefore} chunks recorded, ${inFlight} chunk jobs active over both workers), replacement ready ${ms(replacedAt - killedAt)} after`,
        `${state.status} ${ms(finishedAt - killedAt)} after the kill, ${seconds.toFixed(1)} s in all (${Math.round(rows / seconds)} rows/s)`,
        `counts ${state.counts.processed} processed / ${state.counts.created} created / ${state.counts.failed} failed`,
        `memberCount ${tally.memberCount}, groups memberships ${tally.groupsMemberships}, messaging members ${messagingMembers}, directory ${tally.directory} (expected ${expectedMembers} each)`,
        `memberships.added events: ${tally.addedEvents} carrying ${tally.addedEventMembers} member ids, ${tally.addedEventDistinct} distinct, ${tally.duplicateEventMembers} duplicated`,
      ].join('; ');
      const notes = [
        `workers: 2 processes with the default IMPORT_WORKER_CONCURRENCY, IMPORT_JOB_LOCK_MS ${lockMs}: a dead worker's chunks are taken over after the lock expires`,
      ];
      return { ok, figures, problems, notes };
    } finally {
      forget();
      await stack.stop({ keepLogs: !ok });
    }
  },
};

/** Chunk jobs being worked now, as BullMQ's active list holds them (the import service's queue prefix is kz:<namespace>). */
async function activeChunkJobs(namespace: string): Promise<number | string> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    return await redis.llen(`kz:${namespace}:member-csv-import:active`);
  } catch {
    return '?';
  } finally {
    redis.disconnect();
  }
}

function chunksDone(stack: DrillStack, importId: string): Promise<number> {
  return count(stack.databaseUrl('import'), `FROM import_chunks WHERE import_id = $1`, [importId]);
}
