import { readFileSync } from 'node:fs';
import { ms, sleep, type Drill, type DrillResult } from '../drill';
import { awaitImportEnd, dbQuery, importState, importTally, memberCsv, orgAdminWithGroup, startMemberImport, type ImportState } from '../imports';
import { onCleanup } from '../interrupt';
import { PrivateRedis } from '../private-redis';
import { DrillStack } from '../stack';

/**
 * The import service's Redis (a private redis-server that keeps nothing on
 * disk: the machine's is shared) restarted while a member import runs: every
 * queued chunk job is lost with it. It passes when the import either
 * completes with the exact count or ends FAILED with a reason, and never
 * reports COMPLETED with fewer people applied than it counted. An import left
 * RUNNING with no progress is a failure (work lost without anyone told).
 */
export const redisRestart: Drill = {
  name: 'redis-restart',
  description: "the import service's private Redis (no persistence) restarted during an import of 20,000 rows: completes exactly, or fails with a reason",
  async run({ settings, log }): Promise<DrillResult> {
    const rows = settings.smoke ? 5_000 : 20_000;
    const chunkRows = settings.smoke ? 250 : 1_000;
    const downMs = settings.smoke ? 2_000 : 5_000;
    const stallMs = settings.smoke ? 90_000 : 120_000;
    const redis = new PrivateRedis();
    let stack: DrillStack | undefined;
    let ok = false;
    const cleanup = async () => {
      await stack?.stop({ keepLogs: !ok });
      await redis.destroy();
    };
    const forget = onCleanup(cleanup);
    try {
      await redis.start();
      log(`private redis-server on ${redis.url} (pid ${redis.pid})`);
      stack = new DrillStack({ redisUrl: redis.url, env: { import: { IMPORT_CHUNK_ROWS: String(chunkRows), IMPORT_WORKER_CONCURRENCY: '1' } } });
      log(`starting the subgraphs and a gateway (namespace ${stack.namespace})`);
      await stack.start();
      await stack.startGateway();
      const importProc = stack.service('import');
      const admin = await orgAdminWithGroup(stack, '+14155550195', 'Redis Restart Drill');
      log(`importing ${rows} rows (chunks of ${chunkRows})`);
      const started = Date.now();
      const { id } = await startMemberImport(stack, admin, memberCsv(rows, 'Redis Drill'));
      let atStop: ImportState | undefined;
      for (;;) {
        const s = await importState(stack, admin.token, id);
        if (s.counts.processed >= rows / 4 || s.status !== 'RUNNING') {
          atStop = s;
          break;
        }
        await sleep(50);
      }
      log(`restarting redis-server at ${atStop.counts.processed} of ${rows} rows processed (${downMs / 1000} s down; every key is lost)`);
      const stopAt = Date.now();
      await redis.stop();
      const notReady = await fetch(`${importProc.base}/readyz`)
        .then((r) => r.status)
        .catch(() => 0);
      await sleep(downMs);
      await redis.start();
      const backAt = Date.now();
      const atRestart = await importState(stack, admin.token, id);
      const readyAgainAt = await waitUntil(async () => (await fetch(`${importProc.base}/readyz`)).ok, 60_000);

      let firstProgressAfter = NaN;
      const end = await awaitImportEnd(stack, admin.token, id, {
        timeoutMs: 600_000,
        stallMs,
        onPoll: (s) => {
          if (Number.isNaN(firstProgressAfter) && s.counts.processed > atRestart.counts.processed) firstProgressAfter = Date.now() - backAt;
        },
      });
      const endedAt = Date.now();
      const { state } = end;
      const tally = await importTally(stack, admin);
      const [chunks] = await dbQuery<{ done: number; of: number }>(
        stack.databaseUrl('import'),
        `SELECT (SELECT count(*)::int FROM import_chunks WHERE import_id = $1) AS done, chunk_count AS of FROM import_jobs WHERE id = $1`,
        [id],
      );

      const sweeps = requeuedByService(importProc.proc.logFile);

      // What the import applied: valid rows counted as created/updated/unchanged must all be in the group and the directory.
      const applied = state.counts.created + state.counts.updated + state.counts.unchanged;
      const problems: string[] = [];
      let outcome: string;
      if (!end.ended) {
        outcome = `HUNG: still ${state.status} at ${state.counts.processed} of ${rows} rows, no progress for ${ms(end.stalledForMs)} after the restart`;
        problems.push(
          `the import hangs in ${state.status}: ${chunks?.done ?? '?'} of ${chunks?.of ?? '?'} chunks recorded, the other chunk jobs were lost with Redis and nothing queues them again (no progress for ${ms(end.stalledForMs)})`,
        );
      } else if (state.status === 'COMPLETED') {
        outcome = `COMPLETED with the exact count`;
        const exact = { total: rows, processed: rows, created: rows, updated: 0, unchanged: 0, failed: 0 };
        if (JSON.stringify(state.counts) !== JSON.stringify(exact)) {
          outcome = 'COMPLETED with wrong counts';
          problems.push(`COMPLETED with counts ${JSON.stringify(state.counts)}, expected ${JSON.stringify(exact)}`);
        }
      } else if (state.status === 'FAILED') {
        outcome = `FAILED: "${state.failureReason ?? ''}"`;
        if (!state.failureReason?.trim()) problems.push('the import FAILED without a failure reason');
      } else {
        outcome = state.status;
        problems.push(`the import ended ${state.status} (${state.failureReason ?? 'no reason'})`);
      }
      // Never more counted than applied: a COMPLETED import's people are all there.
      if (end.ended && state.status.startsWith('COMPLETED')) {
        if (tally.memberCount !== applied + 1) problems.push(`memberCount ${tally.memberCount} but ${applied} rows counted as applied (+1 owner)`);
        if (tally.groupsMemberships !== applied + 1)
          problems.push(`groups holds ${tally.groupsMemberships} memberships but ${applied} rows counted as applied (+1 owner)`);
        if (tally.directory !== applied + 1) problems.push(`the directory holds ${tally.directory} people but ${applied} rows counted as applied (+1 admin)`);
      }
      if (tally.memberCount < applied + 1 || tally.directory < applied + 1) {
        problems.push(`fewer people applied (group ${tally.memberCount - 1}, directory ${tally.directory - 1}) than the counts say (${applied})`);
      }
      if (tally.duplicateEventMembers > 0) problems.push(`${tally.duplicateEventMembers} members announced in more than one groups.memberships.added event`);
      if (importProc.proc.exited) problems.push(`the import service exited (${JSON.stringify(importProc.proc.exited)})`);
      ok = problems.length === 0;

      const figures = [
        `outcome: ${outcome}`,
        `${rows} rows in ${chunks?.of ?? '?'} chunks of ${chunkRows}; Redis restarted at ${atStop.counts.processed} processed (${atRestart.counts.processed} when it was back), down ${ms(backAt - stopAt)}`,
        `import /readyz ${notReady} while Redis was down, 200 again ${ms(readyAgainAt - backAt)} after`,
        `first progress ${Number.isNaN(firstProgressAfter) ? 'never' : `${ms(firstProgressAfter)}`} after the restart; ended ${end.ended ? `${ms(endedAt - backAt)} after the restart, ${ms(endedAt - started)} in all` : 'never'}`,
        `counts ${state.counts.processed} processed / ${applied} applied / ${state.counts.failed} failed, chunks recorded ${chunks?.done ?? '?'} of ${chunks?.of ?? '?'}`,
        `memberCount ${tally.memberCount}, directory ${tally.directory} (owner/admin included)`,
        `chunk jobs lost with Redis and queued again by the import service: ${sweeps.chunks} (in ${sweeps.sweeps} sweeps, the first ${Number.isNaN(sweeps.firstAt) ? 'never' : ms(sweeps.firstAt - backAt)} after Redis was back)`,
      ].join('; ');
      const notes = [
        "Redis keeps nothing on disk here, so the restart loses every queued chunk job; the import service's lost-chunk sweep",
        '(services/import/src/jobs/lost-chunk-sweep.ts: after Redis reconnects, and every IMPORT_REQUEUE_INTERVAL_MS) queues again the',
        'unfinished chunks of RUNNING imports (import_chunks) that the queue no longer holds, under their ids `${importId}-${chunk}`.',
      ];
      return { ok, figures, problems, notes };
    } finally {
      forget();
      await cleanup();
    }
  },
};

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return Date.now();
    await sleep(100);
  }
  return NaN;
}

/** The import service's log lines of its lost-chunk sweep: how many chunks it queued again. */
function requeuedByService(logFile: string): { sweeps: number; chunks: number; firstAt: number } {
  let sweeps = 0;
  let chunks = 0;
  let firstAt = NaN;
  let text = '';
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return { sweeps, chunks, firstAt };
  }
  for (const line of text.split('\n')) {
    if (!line.includes('queued again chunks of a running import')) continue;
    sweeps++;
    try {
      const entry = JSON.parse(line) as { chunks?: number; time?: string };
      chunks += Number(entry.chunks ?? 0);
      if (Number.isNaN(firstAt) && entry.time) firstAt = Date.parse(entry.time);
    } catch {
      // not JSON: counted as a sweep only
    }
  }
  return { sweeps, chunks, firstAt };
}
