import { performance } from 'node:perf_hooks';
import { mustQuery } from '@kz/stack';
import { cpuDetails, cpuLines, stackClassifier } from '../process-cpu';
import { round, roundStats, stats, type Scenario, type Stats, type ScenarioContext, type ScenarioResult, type Target } from '../scenario';
import {
  addMembers,
  closeAll,
  connectDb,
  connectSubscribers,
  CREATE_GROUP,
  EVENT_ONLY,
  outboxTimes,
  probeUntilAllReceive,
  SEND,
  signInMany,
  subscriberPhone,
  waitKnownToGroups,
  waitMembersInMessaging,
  type BenchSubscriber,
  type Receipt,
} from '../subscribers';
import { cpuDelta, cpuSnapshot } from '../system-cpu';

/**
 * Send → receive latency under a steady load: messages sent through the
 * gateway's sendMessage mutation at a fixed rate, spread over many groups,
 * each group followed by its online members as graphql-ws clients on the
 * gateway. Latency runs from the start of the mutation to each subscriber's
 * receipt of the event (with the message resolved through the supergraph).
 */

const TARGET_P50_MS = 15;
const TARGET_P99_MS = 60;

interface Sizes {
  groups: number;
  perGroup: number;
  rate: number;
  warmupSeconds: number;
  seconds: number;
  /** Longest wait for the last receipts after the last send. */
  drainMs: number;
}

const EVENT_ONLY_CLIENTS = 10;

function sizesFor(ctx: ScenarioContext): Sizes {
  const sizes = ctx.settings.smoke
    ? { groups: 5, perGroup: 3, rate: 20, warmupSeconds: 0.5, seconds: 2, drainMs: 20_000 }
    : { groups: 100, perGroup: 10, rate: 200, warmupSeconds: 5, seconds: 30, drainMs: 30_000 };
  // BENCH_SEND_RATE: another rate, to see how latency grows with load (targets are then not judged).
  const rate = Number(process.env['BENCH_SEND_RATE'] ?? NaN);
  return Number.isFinite(rate) && rate > 0 ? { ...sizes, rate } : sizes;
}
const FULL_RATE = 200;

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { stack, settings } = ctx;
  const sz = sizesFor(ctx);
  const gatewayUrl = stack.gateway('ours').url;
  const problems: string[] = [];
  const people = sz.groups * sz.perGroup;

  // ---- setup, not timed --------------------------------------------------
  ctx.log(`setup (not timed): signing in ${people} people`);
  const signInStart = performance.now();
  const persons = await signInMany(
    stack,
    Array.from({ length: people }, (_, i) => subscriberPhone(i)),
    (i) => `Subscriber ${i}`,
  );
  const signInSeconds = (performance.now() - signInStart) / 1000;
  const groupsDb = await connectDb(stack.databaseUrl('groups'), 'kz-bench-send-receive');
  const messagingDb = await connectDb(stack.databaseUrl('messaging'), 'kz-bench-send-receive');
  let subscribers: BenchSubscriber[] = [];
  let eventOnly: BenchSubscriber[] = [];
  try {
    await waitKnownToGroups(
      groupsDb,
      persons.map((p) => p.userId),
    );
    ctx.log(`setup (not timed): ${sz.groups} groups of ${sz.perGroup} (person g×${sz.perGroup} creates group g and adds the next ${sz.perGroup - 1})`);
    const groups = await Promise.all(
      Array.from({ length: sz.groups }, async (_, g) => {
        const members = persons.slice(g * sz.perGroup, (g + 1) * sz.perGroup);
        const owner = members[0]!;
        const groupId: string = (await mustQuery(gatewayUrl, CREATE_GROUP, { input: { name: `Bench – send-receive ${g}` } }, owner.token)).createGroup.group.id;
        await addMembers(
          gatewayUrl,
          owner.token,
          groupId,
          members.slice(1).map((m) => m.phone),
        );
        return { groupId, members };
      }),
    );
    await waitMembersInMessaging(
      messagingDb,
      groups.map((g) => g.groupId),
      people,
    );

    ctx.log(`setup (not timed): connecting ${people} graphql-ws subscribers (each member follows its group)`);
    const connectStart = performance.now();
    subscribers = await connectSubscribers(
      gatewayUrl,
      groups.flatMap((g) => g.members.map((m) => ({ token: m.token, groupId: g.groupId }))),
    );
    // A diagnostic beside them, not counted: in the first groups, one more client of the owner's that asks for the
    // event alone (nothing to resolve through the supergraph), to tell the event's path from the message's resolution.
    eventOnly = await connectSubscribers(
      gatewayUrl,
      groups.slice(0, EVENT_ONLY_CLIENTS).map((g) => ({ token: g.members[0]!.token, groupId: g.groupId, query: EVENT_ONLY })),
    );
    const probes = await probeUntilAllReceive(
      gatewayUrl,
      groups.map((g) => ({ groupId: g.groupId, senderToken: g.members[0]!.token })),
      [...subscribers, ...eventOnly],
      ctx.log,
    );
    const connectSeconds = (performance.now() - connectStart) / 1000;
    ctx.log(`setup (not timed): ${people} subscribers live after ${connectSeconds.toFixed(1)} s (${probes} probe round${probes > 1 ? 's' : ''})`);

    // ---- timed: open-loop sends at a fixed rate -----------------------------
    const total = Math.round((sz.warmupSeconds + sz.seconds) * sz.rate);
    const warm = Math.round(sz.warmupSeconds * sz.rate);
    const sentAt = new Float64Array(total).fill(NaN);
    const sendMs = new Float64Array(total).fill(NaN);
    const latencies: number[] = [];
    const receiptsAt: [number, number][] = [];
    const ids: string[] = new Array<string>(total);
    const received = new Uint16Array(total);
    let wrong = 0;
    const groupIndex = new Map(groups.map((g, i) => [g.groupId, i]));
    const onReceipt = (r: Receipt, s: BenchSubscriber) => {
      const m = r.text ? /^sr (\d+)$/.exec(r.text) : null;
      if (!m) {
        if (r.text?.startsWith('probe ')) return;
        if (wrong++ < 5) problems.push(`subscriber ${s.index} received an event it cannot place: ${JSON.stringify(r)}`);
        return;
      }
      const k = Number(m[1]);
      if (k % sz.groups !== groupIndex.get(s.groupId)) {
        if (wrong++ < 5) problems.push(`subscriber ${s.index} of group ${s.groupId} received message ${k} of another group`);
        return;
      }
      received[k]!++;
      if (k >= warm) {
        latencies.push(r.at - sentAt[k]!);
        receiptsAt.push([k, r.at]);
      }
    };
    for (const s of subscribers) s.onReceipt = onReceipt;
    const eventOnlyAt: [string, number][] = [];
    for (const s of eventOnly) s.onReceipt = (r) => void (r.messageId && eventOnlyAt.push([r.messageId, r.at]));

    const classify = stackClassifier(stack);
    ctx.log(
      `timed: ${sz.rate} messages/s over ${sz.groups} groups for ${sz.warmupSeconds} s warm-up + ${sz.seconds} s measured (${total} sends), ${people} subscribers`,
    );
    let failed: Error | undefined;
    let lateSends = 0;
    let maxLagMs = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const sends: Promise<void>[] = [];
    let cpu0 = cpuSnapshot(classify);
    let measuredStart = NaN;
    const t0 = performance.now();
    for (let k = 0; k < total && !failed; k++) {
      const due = t0 + (k * 1000) / sz.rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      if (k === warm) {
        cpu0 = cpuSnapshot(classify);
        measuredStart = performance.now();
      }
      const lag = performance.now() - due;
      if (lag > 5) lateSends++;
      maxLagMs = Math.max(maxLagMs, lag);
      const g = groups[k % sz.groups]!;
      const sender = g.members[Math.floor(k / sz.groups) % sz.perGroup]!;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      sentAt[k] = performance.now();
      sends.push(
        mustQuery(gatewayUrl, SEND, { i: { groupId: g.groupId, text: `sr ${k}` } }, sender.token).then(
          (data) => {
            ids[k] = data.sendMessage.message.id as string;
            sendMs[k] = performance.now() - sentAt[k]!;
            inFlight--;
          },
          (err: Error) => {
            inFlight--;
            failed ??= err;
          },
        ),
      );
    }
    const sendSeconds = (performance.now() - measuredStart) / 1000;
    await Promise.all(sends);
    if (failed) throw failed;
    // Every measured message reaches every member of its group.
    const expected = (total - warm) * sz.perGroup;
    const drainDeadline = performance.now() + sz.drainMs;
    while (latencies.length < expected && performance.now() < drainDeadline) await new Promise((r) => setTimeout(r, 20));
    const cpu1 = cpuSnapshot(classify);
    const cpu = cpuDelta(cpu0, cpu1);
    const missing = Array.from(received.subarray(warm)).reduce((sum, n) => sum + Math.max(0, sz.perGroup - n), 0);
    const dupes = Array.from(received).filter((n) => n > sz.perGroup).length;
    if (missing > 0) problems.push(`${missing} of ${expected} receipts missing ${sz.drainMs / 1000} s after the last send`);
    if (dupes > 0) problems.push(`${dupes} messages delivered more than once to a group's subscribers`);
    const dead = subscribers.filter((s) => s.failure !== undefined);
    if (dead.length > 0) problems.push(`${dead.length} subscribers failed or were dropped, e.g. ${dead[0]!.failure}`);

    // Where the time goes, from messaging's outbox: send start → send transaction start (created_at) → the relay reads it (published_at) → receipt.
    const outbox = await outboxTimes(messagingDb, ids.slice(warm).filter(Boolean));
    const origin = performance.timeOrigin;
    const stages = { toSendTx: [] as number[], toRelay: [] as number[], relayToReceipt: [] as number[] };
    for (let k = warm; k < total; k++) {
      const o = ids[k] ? outbox.get(ids[k]!) : undefined;
      if (!o) continue;
      stages.toSendTx.push(o.createdAt - (origin + sentAt[k]!));
      stages.toRelay.push(o.publishedAt - o.createdAt);
    }
    for (const [k, at] of receiptsAt) {
      const o = ids[k] ? outbox.get(ids[k]!) : undefined;
      if (o) stages.relayToReceipt.push(origin + at - o.publishedAt);
    }
    const relayToEventOnly: number[] = [];
    for (const [messageId, at] of eventOnlyAt) {
      const o = outbox.get(messageId);
      if (o) relayToEventOnly.push(origin + at - o.publishedAt);
    }

    // ---- report ---------------------------------------------------------------
    const lat = stats(latencies);
    const mutation = stats(Array.from(sendMs.subarray(warm)).filter((v) => Number.isFinite(v)));
    const achieved = (total - warm) / sendSeconds;
    const judged = !settings.smoke && sz.rate === FULL_RATE;
    const notJudged = judged || settings.smoke ? undefined : `not judged (${sz.rate} messages/s, not ${FULL_RATE})`;
    const targets: Target[] = [
      { what: 'send → receive p50, ms', target: `<= ${TARGET_P50_MS}`, value: round(lat.p50), met: judged ? lat.p50 <= TARGET_P50_MS : null, notJudged },
      { what: 'send → receive p99, ms', target: `<= ${TARGET_P99_MS}`, value: round(lat.p99), met: judged ? lat.p99 <= TARGET_P99_MS : null, notJudged },
    ];
    const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '—');
    const row = (what: string, s: Stats) => [what, String(s.n), f(s.p50), f(s.p99), f(s.max), f(s.mean)];
    const table = [
      ['measurement', 'n', 'p50 ms', 'p99 ms', 'max ms', 'mean ms'],
      row('send mutation start → subscriber receipt', lat),
      row('sendMessage mutation (response)', mutation),
      row('… stage: send start → send transaction start', stats(stages.toSendTx)),
      row('… stage: send transaction start → relay picks the event', stats(stages.toRelay)),
      row('… stage: relay picks the event → subscriber receipt', stats(stages.relayToReceipt)),
      row('(diagnostic) relay picks → receipt of the event alone', stats(relayToEventOnly)),
    ];
    const notes = [
      `setup (not timed): ${people} people signed in (${f(signInSeconds, 1)} s), ${sz.groups} groups of ${sz.perGroup} members, ` +
        `${people} graphql-ws clients on the gateway's /graphql, each following its own group with ${JSON.stringify(MESSAGE_EVENTS_SHORT)}; ` +
        `live after ${f(connectSeconds, 1)} s (${probes} probe message${probes > 1 ? 's' : ''} per group until every client received one)`,
      `timed: open loop, message k sent at k/${sz.rate} s to group k mod ${sz.groups} by one of its members in turn, not waiting for earlier sends; ` +
        `${sz.warmupSeconds} s warm-up not counted, then ${total - warm} messages in ${f(sendSeconds, 1)} s = ${f(achieved, 1)} messages/s; ` +
        `${expected} receipts expected (${sz.perGroup} per message), ${latencies.length} counted; ` +
        `sends started more than 5 ms late ${lateSends} (max lag ${f(maxLagMs, 1)} ms), at most ${maxInFlight} mutations in flight`,
      "latency = from just before the mutation is sent until the subscriber's next() callback, both in this process (one clock); " +
        "stages from messaging's outbox row of each message: created_at (the send transaction's start) and published_at (when the outbox relay read the row, just before producing it to Kafka), same machine clock",
      `diagnostic, not counted above: ${eventOnly.length} more clients (the owners of the first groups) ask for the event alone ` +
        `(messageEvents { kind groupId messageId }: nothing resolved through the supergraph); their receipts show the event's own path`,
      'CPU by process over the measured sends and the wait for the last receipts (from /proc):',
      ...cpuLines(cpu, { n: total - warm, unit: 'message' }),
    ];
    return {
      name: 'send-receive',
      ok: problems.length === 0,
      problems,
      table,
      notes,
      targets,
      details: {
        sizes: sz,
        subscribers: people,
        messagesMeasured: total - warm,
        achievedMessagesPerSecond: round(achieved, 1),
        receiptsExpected: expected,
        receiptsCounted: latencies.length,
        lateSends,
        maxSendLagMs: round(maxLagMs, 1),
        maxMutationsInFlight: maxInFlight,
        latencyMs: roundStats(lat),
        mutationMs: roundStats(mutation),
        stagesMs: {
          ...Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, roundStats(stats(v))])),
          relayToEventOnlyReceipt: roundStats(stats(relayToEventOnly)),
        },
        setup: { signInSeconds: round(signInSeconds, 1), connectSeconds: round(connectSeconds, 1), probes },
        cpuMs: cpuDetails(cpu),
      },
    };
  } finally {
    await closeAll([...subscribers, ...eventOnly]);
    await Promise.all([groupsDb, messagingDb].map((c) => c.end().catch(() => undefined)));
  }
}

const MESSAGE_EVENTS_SHORT = 'messageEvents(groupId) { kind groupId messageId message { id text sentAt author { id } } }';

export const sendReceive: Scenario = {
  name: 'send-receive',
  description: 'send → subscriber receipt latency at 200 messages/s over 100 groups, 1,000 graphql-ws subscribers',
  run,
};
