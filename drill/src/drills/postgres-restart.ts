import { Client } from 'pg';
import { graphql } from '@kz/stack';
import { ms, percentile, sleep, type Drill, type DrillResult } from '../drill';
import { onCleanup } from '../interrupt';
import { PrivatePostgres } from '../private-postgres';
import { DrillStack, SUBGRAPHS, type RunningProcess } from '../stack';

const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id text } } }`;

interface Send {
  seq: number;
  key: string;
  text: string;
  at: number;
  ms: number;
  /** The message id when the answer was OK; otherwise the error told. */
  id?: string;
  error?: string;
  code?: string;
}

interface ReadinessTrace {
  name: string;
  /** Times (since the stop) of the first not-ready and the first ready-again answers. */
  firstNotReady?: number;
  readyAgain?: number;
  samples: number;
}

/**
 * PostgreSQL restarted under a steady send load. The drill runs a PostgreSQL of
 * its own (the machine's is shared), stops it for about 10 s while messages are
 * sent through the gateway, and starts it again. It passes when every service
 * says it is not ready while the database is away and ready again after without
 * being restarted, every send answered OK is stored, every send that was not
 * stored was answered with an error, and retrying the failed sends with their
 * idempotency keys stores each message exactly once.
 */
export const postgresRestart: Drill = {
  name: 'postgres-restart',
  description: 'a private PostgreSQL stopped ~10 s under a steady send load, then started again: readiness, recovery, no silent loss',
  async run({ settings, log }): Promise<DrillResult> {
    const warmupMs = settings.smoke ? 2_000 : 5_000;
    const outageMs = settings.smoke ? 5_000 : 10_000;
    const afterMs = settings.smoke ? 3_000 : 5_000;
    const rate = 40; // sends per second, over 4 senders

    const pg = new PrivatePostgres();
    let stack: DrillStack | undefined;
    let ok = false;
    const cleanup = async () => {
      await stack?.stop({ keepLogs: !ok, dropDatabases: false });
      pg.remove();
    };
    const forget = onCleanup(cleanup);
    try {
      await pg.init();
      pg.start();
      log(`private PostgreSQL on 127.0.0.1:${pg.port} (${pg.dataDir})`);
      stack = new DrillStack({ postgresUrl: pg.url });
      log(`starting the subgraphs and a gateway (namespace ${stack.namespace})`);
      await stack.start();
      const gateway = await stack.startGateway();
      const owner = await stack.signIn('+14155550171', 'Drill Owner');
      const groupId = await stack.groupReadyForMessages(owner.token, 'Postgres restart drill');
      const pids = new Map([...stack.subgraphs].map(([name, s]) => [name, s.proc.pid]));

      // Steady load: 4 senders, each paced to a quarter of the rate.
      const sends: Send[] = [];
      let seq = 0;
      let loading = true;
      const runId = stack.namespace;
      const sender = async () => {
        const interval = 4_000 / rate;
        while (loading) {
          const s: Send = { seq: seq++, key: '', text: '', at: Date.now(), ms: 0 };
          s.key = `${runId}-${s.seq}`;
          s.text = `drill message ${s.seq}`;
          const started = performance.now();
          try {
            const res = await graphql(gateway.url, SEND, { i: { groupId, text: s.text, idempotencyKey: s.key } }, owner.token);
            const id = res.data?.sendMessage?.message?.id as string | undefined;
            if (res.status === 200 && !res.errors?.length && id) s.id = id;
            else {
              s.error = `HTTP ${res.status}: ${res.errors?.[0]?.message ?? res.text.slice(0, 200)}`;
              s.code = res.errors?.[0]?.extensions?.code ?? `HTTP ${res.status}`;
            }
          } catch (err) {
            s.error = (err as Error).message;
            s.code = 'NO_ANSWER';
          }
          s.ms = performance.now() - started;
          sends.push(s);
          await sleep(Math.max(0, interval - s.ms));
        }
      };
      const senders = Array.from({ length: 4 }, sender);

      await sleep(warmupMs);
      const traces: ReadinessTrace[] = [...SUBGRAPHS.map((s) => ({ name: s, proc: stack!.service(s) })), { name: 'gateway', proc: gateway }].map(
        ({ name }) => ({ name, samples: 0 }),
      );
      const targets: RunningProcess[] = [...SUBGRAPHS.map((s) => stack!.service(s)), gateway];
      log(`stopping PostgreSQL (fast shutdown) for ${outageMs / 1000} s under ${rate} sends/s`);
      const stoppedAt = Date.now();
      pg.stop('fast');
      const stopTook = Date.now() - stoppedAt;
      let startedAt = 0;
      let polling = true;
      const poller = (async () => {
        while (polling) {
          await Promise.all(
            targets.map(async (t, i) => {
              const trace = traces[i]!;
              const ready = await fetch(`${t.base}/readyz`, { signal: AbortSignal.timeout(3_000) })
                .then((r) => r.ok)
                .catch(() => false);
              trace.samples++;
              const since = Date.now() - stoppedAt;
              if (!ready && trace.firstNotReady === undefined) trace.firstNotReady = since;
              if (ready && trace.firstNotReady !== undefined && startedAt > 0 && trace.readyAgain === undefined) trace.readyAgain = since;
            }),
          );
          await sleep(250);
        }
      })();
      await sleep(outageMs - stopTook);
      log('starting PostgreSQL again');
      pg.start();
      startedAt = Date.now() - stoppedAt;
      // Recovered: every process ready again and a send started after the start answered OK.
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline && !(traces.every((t) => t.readyAgain !== undefined) && sends.some((s) => s.id && s.at - stoppedAt > startedAt))) {
        await sleep(100);
      }
      const firstOkAfter = sends.filter((s) => s.id && s.at - stoppedAt > startedAt).reduce((a, s) => Math.min(a, s.at + s.ms - stoppedAt), Infinity);
      await sleep(afterMs);
      loading = false;
      polling = false;
      await Promise.all([...senders, poller]);

      // What the database holds, against what each client was told.
      const failed = sends.filter((s) => !s.id);
      const stored = await storedMessages(stack.databaseUrl('messaging'), groupId);
      const silentLoss = sends.filter((s) => s.id && stored.get(s.text)?.[0] !== s.id);
      const failedButStored = failed.filter((s) => stored.has(s.text));
      // A client told "failed" retries with the same idempotency key: it must get the message stored exactly once.
      const retried: { s: Send; id?: string; error?: string }[] = [];
      for (const s of failed) {
        const res = await graphql(gateway.url, SEND, { i: { groupId, text: s.text, idempotencyKey: s.key } }, owner.token).catch((err: Error) => ({
          status: 0,
          text: err.message,
          errors: undefined,
          data: undefined,
        }));
        retried.push({
          s,
          id: res.data?.sendMessage?.message?.id,
          error: res.errors?.[0]?.message ?? (res.status === 200 ? undefined : res.text.slice(0, 200)),
        });
      }
      const afterRetry = await storedMessages(stack.databaseUrl('messaging'), groupId);
      const duplicates = [...afterRetry].filter(([text, ids]) => text.startsWith('drill message ') && ids.length > 1);
      const retryFailed = retried.filter((r) => !r.id);
      const retryMismatch = retried.filter((r) => r.id && failedButStored.includes(r.s) && stored.get(r.s.text)?.[0] !== r.id);

      const problems: string[] = [];
      if (failed.length === 0) problems.push('no send failed while PostgreSQL was away: the fault did not reach the clients (drill inconclusive)');
      for (const t of traces) {
        if (t.firstNotReady === undefined) problems.push(`${t.name} never reported not-ready while PostgreSQL was away (${t.samples} /readyz samples)`);
        else if (t.firstNotReady > startedAt) problems.push(`${t.name} reported not-ready only after PostgreSQL was back`);
        if (t.readyAgain === undefined) problems.push(`${t.name} did not report ready again within 60 s of PostgreSQL starting`);
      }
      for (const [name, s] of stack.subgraphs) {
        if (s.proc.exited || s.proc.pid !== pids.get(name)) problems.push(`${name} exited or was restarted (${JSON.stringify(s.proc.exited)})`);
      }
      if (gateway.proc.exited) problems.push('the gateway exited');
      if (!Number.isFinite(firstOkAfter)) problems.push('no send succeeded after PostgreSQL came back');
      if (silentLoss.length > 0) problems.push(`${silentLoss.length} sends answered OK are not stored (silent loss), e.g. #${silentLoss[0]!.seq}`);
      if (retryFailed.length > 0) problems.push(`${retryFailed.length} retries of failed sends failed after recovery, e.g. ${retryFailed[0]!.error}`);
      if (retryMismatch.length > 0) problems.push(`${retryMismatch.length} retries of sends that were stored despite an error created another message`);
      if (duplicates.length > 0) problems.push(`${duplicates.length} drill messages are stored more than once after retries`);
      ok = problems.length === 0;

      const codes = new Map<string, number>();
      for (const s of failed) codes.set(s.code ?? '?', (codes.get(s.code ?? '?') ?? 0) + 1);
      const okLatency = sends.filter((s) => s.id).map((s) => s.ms);
      const failedLatency = failed.map((s) => s.ms);
      const subgraphTraces = traces.filter((t) => t.name !== 'gateway');
      const worst = (key: 'firstNotReady' | 'readyAgain') => Math.max(...subgraphTraces.map((t) => t[key] ?? NaN));
      const figures = [
        `${sends.length} sends: ${sends.length - failed.length} OK, ${failed.length} answered with an error (${[...codes].map(([c, n]) => `${n} ${c}`).join(', ')})`,
        `0 of ${sends.length - failed.length} OK sends missing`.replace(/^0/, String(silentLoss.length)),
        `${failedButStored.length} errors were in fact stored`,
        `retries of the ${failed.length} failed sends: ${retried.length - retryFailed.length} OK, ${duplicates.length} duplicates`,
        `subgraphs not-ready within ${ms(worst('firstNotReady'))} of the stop, ready again ${ms(worst('readyAgain') - startedAt)} after the start`,
        `first OK send ${ms(firstOkAfter - startedAt)} after the start`,
        `outage ${ms(startedAt)}`,
      ].join('; ');
      const notes = [
        ...traces.map(
          (t) =>
            `${t.name.padEnd(10)} /readyz: not ready from ${t.firstNotReady === undefined ? 'never' : ms(t.firstNotReady)} after the stop, ready again ` +
            `${t.readyAgain === undefined ? 'never' : `${ms(t.readyAgain - startedAt)} after the start`}`,
        ),
        `send latency: OK p50 ${ms(percentile(okLatency, 50))}, p99 ${ms(percentile(okLatency, 99))}; errors p50 ${ms(percentile(failedLatency, 50))}, max ${ms(Math.max(0, ...failedLatency))}`,
        ...(failed[0] ? [`first error told: ${failed[0].error}`] : []),
      ];
      return { ok, figures, problems, notes };
    } finally {
      forget();
      await cleanup();
    }
  },
};

/** Texts of the group's messages → their ids in time order. */
async function storedMessages(databaseUrl: string, groupId: string): Promise<Map<string, string[]>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; text: string }>('SELECT id, text FROM messages WHERE group_id = $1 ORDER BY id', [groupId]);
    const byText = new Map<string, string[]>();
    for (const r of rows) byText.set(r.text, [...(byText.get(r.text) ?? []), r.id]);
    return byText;
  } finally {
    await client.end();
  }
}
