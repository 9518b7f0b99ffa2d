import { graphql, memoryMiB, mustQuery, type GraphQLResult } from '@kz/stack';
import { parseMetrics } from '@kz/server';
import { percentile, sleep, type Drill, type DrillResult } from '../drill';
import { awaitImportEnd, memberCount, memberCsv, orgAdminWithGroup, startMemberImport, type OrgAdmin } from '../imports';
import { Follower } from '../follower';
import { onCleanup } from '../interrupt';
import { DrillStack, type RunningProcess } from '../stack';

const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;
const HISTORY = `query($g: ID!) { group(id: $g) { unreadCount messages(last: 50) { edges { node { id text author { displayName } } } } } }`;
const ME = `{ me { id displayName } }`;
const SUBSCRIBE = `subscription($g: ID) { messageEvents(groupId: $g) { kind messageId message { id text author { displayName } } } }`;

const GROUPS = 10;
const SUBSCRIBERS_PER_GROUP = 5;
const SENDS_PER_SECOND = 20;
const HISTORY_READS_PER_SECOND = 10;
const SIGN_IN_EVERY_MS = 2_000;
const SAMPLE_EVERY_MS = 5_000;
/**
 * Over the steady phase (median of its first quarter of samples against its
 * last), live memory may grow by at most this much: a leak shows there.
 */
const LIVE_GROWTH = { ratio: 0.2, mib: 8 };
/**
 * RSS may grow by at most this much: V8 keeps freed heap pages and sizes its
 * young generation to the work, so RSS moves in steps of tens of MiB while
 * the live heap stays put; this bound catches growth outside the heap.
 */
const RSS_GROWTH = { ratio: 0.5, mib: 64 };
/** The steady phase starts this long after the imports end at the earliest. */
const SETTLE_AFTER_IMPORTS_MS = 30_000;

/** Requests of one kind: how many, which failed (with the first answers), and their latencies. */
class Operation {
  count = 0;
  readonly failures: string[] = [];
  readonly latencies: number[] = [];

  async time(run: () => Promise<GraphQLResult>): Promise<GraphQLResult | undefined> {
    const started = performance.now();
    this.count++;
    try {
      const res = await run();
      this.latencies.push(performance.now() - started);
      if (res.status !== 200 || res.errors?.length || !res.data) {
        this.failures.push(`HTTP ${res.status}: ${res.text.slice(0, 200)}`);
        return undefined;
      }
      return res;
    } catch (err) {
      this.failures.push((err as Error).message.slice(0, 200));
      return undefined;
    }
  }
}

interface MemorySample {
  at: number;
  /** Per process, MiB. */
  rss: Record<string, number>;
  /** Per process, MiB: V8 heap and external memory in use right after the last major GC (the process's /metrics). */
  live: Record<string, number>;
}

const MiB = 1024 * 1024;

/** What a process holds right after its last major GC, from its /metrics; NaN when unknown. */
async function liveMemoryMiB(base: string): Promise<number> {
  try {
    const res = await fetch(`${base}/metrics`, { signal: AbortSignal.timeout(2_000) });
    const values = parseMetrics(await res.text());
    return ((values['nodejs_heap_used_after_major_gc_bytes'] ?? NaN) + (values['nodejs_external_memory_after_major_gc_bytes'] ?? NaN)) / MiB;
  } catch {
    return NaN;
  }
}

const grewBeyond = (early: number, late: number, bound: { ratio: number; mib: number }) => late > early * (1 + bound.ratio) + bound.mib;

/** Runs `task` every `everyMs` until `until`, never two at once, keeping to the schedule when a task runs late. */
async function paced(everyMs: number, until: () => boolean, task: () => Promise<void>): Promise<void> {
  let next = Date.now();
  while (!until()) {
    await task();
    next += everyMs;
    await sleep(Math.max(0, next - Date.now()));
  }
}

const median = (xs: number[]) =>
  percentile(
    xs.filter((x) => !Number.isNaN(x)),
    50,
  );

/**
 * Ten minutes of mixed load on one stack: people signing in, messages sent
 * to ten groups and followed live by fifty subscriptions, history read, and
 * two large member imports, one after the other, at the start. Every request
 * must succeed, every subscriber must receive each message of its group once,
 * both imports must complete with their exact counts, and every process's
 * memory must stay flat over the steady phase: from the end of the warm-up
 * (which holds the imports, and settles after them) to the end. An import
 * makes a process's heap grow to the size that work needs, and V8 gives it
 * back when it likes; a leak is growth under the same load, which the steady
 * phase compares. What is compared is live memory (each process's /metrics:
 * heap and external memory right after its last major GC); RSS is reported
 * and only held to a looser bound, since it follows V8's sizing of its heap.
 */
export const soak: Drill = {
  name: 'soak',
  description: 'ten minutes of mixed load (sign-ins, sends, history reads, subscriptions, large imports): memory flat, no errors',
  async run({ settings, log }): Promise<DrillResult> {
    const durationMs = settings.smoke ? 90_000 : Number(process.env.SOAK_MINUTES ?? 10) * 60_000;
    const importRows = settings.smoke ? 5_000 : 100_000;
    const warmUpMs = settings.smoke ? 30_000 : 120_000;
    const stack = new DrillStack({ env: { identity: { SIGN_IN_CODES_PER_ADDRESS: '1000000' } } });
    let ok = false;
    const subscribers: Follower[] = [];
    const forget = onCleanup(() => stack.stop({ keepLogs: true }));
    try {
      log(`starting the subgraphs and a gateway (namespace ${stack.namespace})`);
      await stack.start();
      const gateway = await stack.startGateway();
      const admin: OrgAdmin = await orgAdminWithGroup(stack, '+14155550190', 'Soak');
      const groups: string[] = [];
      for (let g = 0; g < GROUPS; g++) groups.push(await stack.groupReadyForMessages(admin.token, `Soak chat ${g}`));
      for (const groupId of groups) for (let i = 0; i < SUBSCRIBERS_PER_GROUP; i++) subscribers.push(new Follower(gateway, admin.token, groupId, SUBSCRIBE));
      const probe = (await mustQuery(gateway.url, SEND, { i: { groupId: groups[0], text: 'probe' } }, admin.token)).sendMessage.message.id as string;
      const deadline = Date.now() + 60_000;
      while (subscribers.some((s) => s.groupId === groups[0] && !s.messageIds.includes(probe)) && Date.now() < deadline) await sleep(200);

      const processes: { name: string; service: RunningProcess }[] = [...stack.subgraphs.entries()].map(([name, service]) => ({ name, service }));
      processes.push({ name: 'gateway', service: gateway });
      const samples: MemorySample[] = [];
      const sampleMemory = async () => {
        const running = processes.filter((p) => !p.service.proc.exited);
        const live = await Promise.all(running.map((p) => liveMemoryMiB(p.service.base)));
        samples.push({
          at: Date.now(),
          rss: Object.fromEntries(running.map((p) => [p.name, memoryMiB(p.service.proc.pid).rss])),
          live: Object.fromEntries(running.map((p, i) => [p.name, live[i]!])),
        });
      };
      await sampleMemory();

      const ops = { send: new Operation(), history: new Operation(), signIn: new Operation(), importPoll: new Operation() };
      const sentTo = new Map<string, string[]>(groups.map((g) => [g, []]));
      const started = Date.now();
      const end = started + durationMs;
      const over = () => Date.now() >= end;
      log(
        `mixed load for ${Math.round(durationMs / 1000)} s: ${SENDS_PER_SECOND} sends/s to ${GROUPS} groups, ${subscribers.length} subscriptions, ${HISTORY_READS_PER_SECOND} history reads/s, a sign-in every ${SIGN_IN_EVERY_MS / 1000} s, two imports of ${importRows.toLocaleString('en')} rows`,
      );

      let sendSeq = 0;
      const sender = paced(1_000 / SENDS_PER_SECOND, over, async () => {
        const groupId = groups[sendSeq % GROUPS]!;
        const res = await ops.send.time(() => graphql(gateway.url, SEND, { i: { groupId, text: `soak ${sendSeq++}` } }, admin.token));
        const id = res?.data?.sendMessage?.message?.id as string | undefined;
        if (id) sentTo.get(groupId)!.push(id);
      });
      let readSeq = 0;
      const reader = paced(1_000 / HISTORY_READS_PER_SECOND, over, async () => {
        await ops.history.time(() => graphql(gateway.url, HISTORY, { g: groups[readSeq++ % GROUPS] }, admin.token));
      });
      let people = 0;
      const signIns = paced(SIGN_IN_EVERY_MS, over, async () => {
        const phone = `+1415558${String(people++).padStart(4, '0')}`;
        await ops.signIn.time(async () => {
          const { token } = await stack.signIn(phone, `Soak Person ${people}`);
          return graphql(gateway.url, ME, {}, token);
        });
      });
      const sampler = paced(SAMPLE_EVERY_MS, over, sampleMemory);

      const imports: { id: string; status: string; created: number; seconds: number; endedAt: number }[] = [];
      const runImport = async (firstNumber: number) => {
        const importStarted = Date.now();
        const { id } = await startMemberImport(stack, admin, memberCsv(importRows, `Soak member ${firstNumber}`, firstNumber));
        const result = await awaitImportEnd(stack, admin.token, id, { timeoutMs: 15 * 60_000, stallMs: 5 * 60_000, onPoll: () => void ops.importPoll.count++ });
        imports.push({
          id,
          status: result.state.status,
          created: result.state.counts.created,
          seconds: (Date.now() - importStarted) / 1000,
          endedAt: Date.now(),
        });
      };
      const importer = (async () => {
        await runImport(0);
        await runImport(importRows);
      })().catch(
        (err: Error) => void imports.push({ id: '?', status: `failed to run: ${err.message.slice(0, 200)}`, created: 0, seconds: 0, endedAt: Date.now() }),
      );

      await Promise.all([sender, reader, signIns, sampler, importer]);
      await sampleMemory();
      log('load stopped; checking what every subscriber received');

      const problems: string[] = [];
      const lastOf = [...sentTo.values()].map((ids) => ids.at(-1)).filter((id): id is string => Boolean(id));
      const settle = Date.now() + 30_000;
      while (
        subscribers.some((s) => !s.problem && lastOf.some((id) => sentTo.get(s.groupId)!.includes(id) && !s.messageIds.includes(id))) &&
        Date.now() < settle
      )
        await sleep(250);
      let missed = 0;
      let duplicated = 0;
      for (const s of subscribers) {
        if (s.problem) problems.push(`a subscriber of group ${s.groupId}: ${s.problem}`);
        const got = new Set(s.messageIds);
        duplicated += s.messageIds.length - got.size;
        missed += sentTo.get(s.groupId)!.filter((id) => !got.has(id)).length;
      }
      if (missed > 0) problems.push(`${missed} deliveries missed by subscribers`);
      if (duplicated > 0) problems.push(`${duplicated} messages delivered twice to a subscriber`);
      for (const [name, op] of Object.entries(ops))
        if (op.failures.length > 0) problems.push(`${op.failures.length} of ${op.count} ${name} requests failed, e.g. ${op.failures[0]}`);
      if (imports.length < 2) problems.push(`${imports.length} of 2 imports ran`);
      for (const i of imports)
        if (i.status !== 'COMPLETED' || i.created !== importRows) problems.push(`import ${i.id} ended ${i.status} with ${i.created} of ${importRows} created`);
      const members = await memberCount(stack, admin.token, admin.groupId);
      if (members !== 1 + importRows * imports.length) problems.push(`the import group has ${members} members, expected ${1 + importRows * imports.length}`);
      for (const { name, service } of processes)
        if (service.proc.exited) problems.push(`${name} exited (${service.proc.exited.code ?? service.proc.exited.signal}); see ${service.proc.logFile}`);

      // Memory: the steady phase runs from the end of the warm-up, and at least SETTLE_AFTER_IMPORTS_MS after the imports, to the end.
      const importsEnded = Math.max(started, ...imports.map((i) => i.endedAt));
      const steady = samples.filter((s) => s.at >= Math.max(started + warmUpMs, importsEnded + SETTLE_AFTER_IMPORTS_MS));
      const quarter = Math.max(1, Math.floor(steady.length / 4));
      const memoryLines: string[] = [];
      const everyMinute = (values: number[]) =>
        values
          .filter((_, i) => i % Math.round(60_000 / SAMPLE_EVERY_MS) === 0)
          .map((v) => v.toFixed(0))
          .join(' ');
      for (const { name } of processes) {
        const rss = (s: MemorySample) => s.rss[name] ?? NaN;
        const live = (s: MemorySample) => s.live[name] ?? NaN;
        const start = rss(samples[0]!);
        const finish = rss(samples.at(-1)!);
        const peak = Math.max(...samples.map(rss));
        const earlyAndLate = (of: (s: MemorySample) => number) => [median(steady.slice(0, quarter).map(of)), median(steady.slice(-quarter).map(of))] as const;
        const [earlyRss, lateRss] = earlyAndLate(rss);
        const [earlyLive, lateLive] = earlyAndLate(live);
        const liveGrew = grewBeyond(earlyLive, lateLive, LIVE_GROWTH);
        const rssGrew = grewBeyond(earlyRss, lateRss, RSS_GROWTH);
        memoryLines.push(
          `${name.padEnd(9)} RSS start ${start.toFixed(0)} MiB, end ${finish.toFixed(0)} MiB, peak ${peak.toFixed(0)} MiB; steady phase: ` +
            `live ${earlyLive.toFixed(0)} → ${lateLive.toFixed(0)} MiB${liveGrew ? ' GREW' : ''}, RSS ${earlyRss.toFixed(0)} → ${lateRss.toFixed(0)} MiB${rssGrew ? ' GREW' : ''}`,
          `${''.padEnd(9)} each minute: RSS ${everyMinute(samples.map(rss))}; live ${everyMinute(samples.map(live))}`,
        );
        if (settings.smoke) continue;
        if (Number.isNaN(earlyLive) || Number.isNaN(lateLive)) problems.push(`${name} reported no live memory at /metrics over the steady phase`);
        if (liveGrew) problems.push(`${name} live memory grew from ${earlyLive.toFixed(0)} to ${lateLive.toFixed(0)} MiB over the steady phase`);
        if (rssGrew) problems.push(`${name} RSS grew from ${earlyRss.toFixed(0)} to ${lateRss.toFixed(0)} MiB over the steady phase`);
      }
      // A minute is too short for heaps to reach their working size: the smoke run reports memory, the full run judges it.
      if (settings.smoke) memoryLines.push('(smoke: memory is reported, not judged; the full run judges it)');
      else if (steady.length < 4) problems.push(`only ${steady.length} memory samples in the steady phase; the soak is too short to judge memory`);
      ok = problems.length === 0;

      const requests = Object.values(ops).reduce((n, op) => n + op.count, 0);
      const errors = Object.values(ops).reduce((n, op) => n + op.failures.length, 0);
      const lat = (op: Operation) => `p50 ${percentile(op.latencies, 50).toFixed(0)} / p99 ${percentile(op.latencies, 99).toFixed(0)} ms`;
      const figures = [
        `${Math.round((Date.now() - started) / 1000)} s, ${requests} requests, ${errors} errors`,
        `${ops.send.count} sends (${lat(ops.send)}), ${subscribers.length} subscribers missed ${missed} and got ${duplicated} twice`,
        `${ops.history.count} history reads (${lat(ops.history)}), ${ops.signIn.count} sign-ins`,
        `imports: ${imports.map((i) => `${i.status} ${i.created.toLocaleString('en')} in ${i.seconds.toFixed(0)} s`).join(', ')}`,
      ].join('; ');
      return { ok, figures, problems, notes: memoryLines };
    } finally {
      forget();
      await Promise.allSettled(subscribers.map((s) => s.close()));
      await stack.stop({ keepLogs: !ok });
    }
  },
};
