import { performance } from 'node:perf_hooks';
import type { Client as PgClient } from 'pg';
import { eventually, mustQuery } from '@kz/stack';
import { openLoop } from '../open-loop';
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
  type Person,
  type Receipt,
} from '../subscribers';
import { cpuDelta, cpuSnapshot, type Classifier, type CpuDelta } from '../system-cpu';
import { BenchWebhookReceiver, pauseEndpoints, probeEveryEndpoint, registerEndpoints } from '../webhook-receiver';

/**
 * Send → receive latency under a steady load: messages sent through the
 * gateway's sendMessage mutation at a fixed rate, spread over many groups of
 * one organisation, each group followed by its online members as graphql-ws
 * clients on the gateway. Latency runs from the start of the mutation to each
 * subscriber's receipt of the event (with the message resolved through the
 * supergraph). Phase A runs with no webhook endpoint; phase B the same load
 * again with the organisation's endpoints (an HTTPS receiver in this process)
 * receiving every message.sent: what delivery adds to send → receive.
 */

const TARGET_P50_MS = 15;
const TARGET_P99_MS = 60;
/** Phase B's p99 over phase A's: webhook delivery adds at most 10 %. */
const TARGET_WEBHOOK_RATIO = 1.1;

export interface Sizes {
  groups: number;
  perGroup: number;
  rate: number;
  warmupSeconds: number;
  seconds: number;
  /** Longest wait for the last receipts after the last send. */
  drainMs: number;
  /** Webhook endpoints of the organisation in phase B; 0 skips it. */
  endpoints: number;
}

const EVENT_ONLY_CLIENTS = 10;

export function sizesFor(ctx: ScenarioContext): Sizes {
  const sizes = ctx.settings.smoke
    ? { groups: 5, perGroup: 3, rate: 20, warmupSeconds: 0.5, seconds: 2, drainMs: 20_000, endpoints: 1 }
    : { groups: 100, perGroup: 10, rate: 200, warmupSeconds: 5, seconds: 30, drainMs: 30_000, endpoints: 1 };
  // BENCH_SEND_RATE: another rate, to see how latency grows with load (targets are then not judged).
  const rate = Number(process.env['BENCH_SEND_RATE'] ?? NaN);
  // BENCH_SEND_RECEIVE_ENDPOINTS: how many webhook endpoints receive every message in phase B (0: no phase B).
  const endpoints = Number(process.env['BENCH_SEND_RECEIVE_ENDPOINTS'] ?? NaN);
  return {
    ...sizes,
    ...(Number.isFinite(rate) && rate > 0 ? { rate } : {}),
    ...(Number.isInteger(endpoints) && endpoints >= 0 ? { endpoints } : {}),
  };
}
const FULL_RATE = 200;

export interface BenchGroup {
  groupId: string;
  members: Person[];
}

export interface Phase {
  name: string;
  messages: number;
  sendSeconds: number;
  achieved: number;
  expected: number;
  latency: Stats;
  mutation: Stats;
  stages: { toSendTx: Stats; toRelay: Stats; relayToReceipt: Stats; relayToEventOnly: Stats };
  lateSends: number;
  maxLagMs: number;
  maxInFlight: number;
  cpu: CpuDelta;
  problems: string[];
}

/**
 * One timed phase: open-loop sends, message k (numbered from `first` across phases) to group k mod groups by one of
 * its members in turn; then waits until every member of each group has received each measured message, and `drained`
 * holds, or drainMs.
 */
export async function measurePhase(
  name: string,
  ctx: ScenarioContext,
  sz: Sizes,
  env: { gatewayUrl: string; groups: BenchGroup[]; subscribers: BenchSubscriber[]; eventOnly: BenchSubscriber[]; messagingDb: PgClient; classify: Classifier },
  first: number,
  drained: () => boolean,
): Promise<Phase & { total: number }> {
  const { groups } = env;
  const problems: string[] = [];
  const total = Math.round((sz.warmupSeconds + sz.seconds) * sz.rate);
  const warm = Math.round(sz.warmupSeconds * sz.rate);
  const sentAtByK = new Float64Array(total).fill(NaN);
  const latencies: number[] = [];
  const receiptsAt: [number, number][] = [];
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
    const k = Number(m[1]) - first;
    if (k < 0) return; // a late echo of an earlier phase
    if (k % sz.groups !== groupIndex.get(s.groupId)) {
      if (wrong++ < 5) problems.push(`subscriber ${s.index} of group ${s.groupId} received message ${k + first} of another group`);
      return;
    }
    received[k]!++;
    if (k >= warm) {
      latencies.push(r.at - sentAtByK[k]!);
      receiptsAt.push([k, r.at]);
    }
  };
  for (const s of env.subscribers) s.onReceipt = onReceipt;
  const eventOnlyAt: [string, number][] = [];
  for (const s of env.eventOnly) s.onReceipt = (r) => void (r.messageId && eventOnlyAt.push([r.messageId, r.at]));

  ctx.log(`timed, phase ${name}: ${sz.rate} messages/s over ${sz.groups} groups for ${sz.warmupSeconds} s warm-up + ${sz.seconds} s measured (${total} sends)`);
  const run = await openLoop(sz, env.classify, async (k) => {
    const g = groups[k % sz.groups]!;
    const sender = g.members[Math.floor(k / sz.groups) % sz.perGroup]!;
    sentAtByK[k] = performance.now();
    return (await mustQuery(env.gatewayUrl, SEND, { i: { groupId: g.groupId, text: `sr ${first + k}` } }, sender.token)).sendMessage.message.id as string;
  });
  const sendSeconds = (run.sendEnd - run.measuredStart) / 1000;
  // Every measured message reaches every member of its group.
  const expected = (total - warm) * sz.perGroup;
  const drainDeadline = performance.now() + sz.drainMs;
  while ((latencies.length < expected || !drained()) && performance.now() < drainDeadline) await new Promise((r) => setTimeout(r, 20));
  const cpu = cpuDelta(run.cpuAtMeasuredStart, cpuSnapshot(env.classify));
  const missing = Array.from(received.subarray(warm)).reduce((sum, n) => sum + Math.max(0, sz.perGroup - n), 0);
  const dupes = Array.from(received).filter((n) => n > sz.perGroup).length;
  if (missing > 0) problems.push(`phase ${name}: ${missing} of ${expected} receipts missing ${sz.drainMs / 1000} s after the last send`);
  if (dupes > 0) problems.push(`phase ${name}: ${dupes} messages delivered more than once to a group's subscribers`);

  // Where the time goes, from messaging's outbox: send start → send transaction start (created_at) → the relay reads it (published_at) → receipt.
  const ids = run.ids.slice(warm).filter(Boolean);
  const outbox = await outboxTimes(env.messagingDb, ids);
  const origin = performance.timeOrigin;
  const stages = { toSendTx: [] as number[], toRelay: [] as number[], relayToReceipt: [] as number[] };
  for (let k = warm; k < total; k++) {
    const o = run.ids[k] ? outbox.get(run.ids[k]!) : undefined;
    if (!o) continue;
    stages.toSendTx.push(o.createdAt - (origin + sentAtByK[k]!));
    stages.toRelay.push(o.publishedAt - o.createdAt);
  }
  for (const [k, at] of receiptsAt) {
    const o = run.ids[k] ? outbox.get(run.ids[k]!) : undefined;
    if (o) stages.relayToReceipt.push(origin + at - o.publishedAt);
  }
  const relayToEventOnly: number[] = [];
  for (const [messageId, at] of eventOnlyAt) {
    const o = outbox.get(messageId);
    if (o) relayToEventOnly.push(origin + at - o.publishedAt);
  }
  return {
    name,
    total,
    messages: total - warm,
    sendSeconds,
    achieved: (total - warm) / sendSeconds,
    expected,
    latency: stats(latencies),
    mutation: stats(Array.from(run.sendMs.subarray(warm)).filter((v) => Number.isFinite(v))),
    stages: {
      toSendTx: stats(stages.toSendTx),
      toRelay: stats(stages.toRelay),
      relayToReceipt: stats(stages.relayToReceipt),
      relayToEventOnly: stats(relayToEventOnly),
    },
    lateSends: run.lateSends,
    maxLagMs: run.maxLagMs,
    maxInFlight: run.maxInFlight,
    cpu,
    problems,
  };
}

/**
 * The groups, one organisation's: person 0 creates it and puts everyone in its directory; person g×perGroup creates
 * group g in it and adds the next perGroup-1 people.
 */
export async function organisationGroups(gatewayUrl: string, persons: Person[], sz: Sizes): Promise<{ orgId: string; groups: BenchGroup[] }> {
  const admin = persons[0]!;
  const orgId = (
    await mustQuery(gatewayUrl, `mutation { createOrganization(input: { name: "Bench – send-receive" }) { organization { id } } }`, {}, admin.token)
  ).createOrganization.organization.id as string;
  await mustQuery(
    gatewayUrl,
    `mutation($input: ImportDirectoryMembersInput!) { importDirectoryMembers(input: $input) { outcomes { status } } }`,
    { input: { organizationId: orgId, members: persons.slice(1).map((p, i) => ({ phone: p.phone, displayName: `Subscriber ${i + 1}` })) } },
    admin.token,
  );
  const groups = await Promise.all(
    Array.from({ length: sz.groups }, async (_, g) => {
      const members = persons.slice(g * sz.perGroup, (g + 1) * sz.perGroup);
      const owner = members[0]!;
      // The groups service hears of the directory's new members from identity's events; until then the organisation is not theirs.
      const groupId = await eventually(
        `group ${g} created in the organisation by its owner`,
        async () =>
          (await mustQuery(gatewayUrl, CREATE_GROUP, { input: { name: `Bench – send-receive ${g}`, organizationId: orgId } }, owner.token)).createGroup.group
            .id as string,
        120_000,
        250,
      );
      await addMembers(
        gatewayUrl,
        owner.token,
        groupId,
        members.slice(1).map((m) => m.phone),
      );
      return { groupId, members };
    }),
  );
  return { orgId, groups };
}

/** What the send → receive phases run on: one organisation's groups, each followed live by its members. */
export interface LiveGroups {
  persons: Person[];
  orgId: string;
  groups: BenchGroup[];
  subscribers: BenchSubscriber[];
  eventOnly: BenchSubscriber[];
  messagingDb: PgClient;
  groupsDb: PgClient;
  signInSeconds: number;
  connectSeconds: number;
  probes: number;
}

/**
 * The setup, not timed: people signed in, an organisation of `sz.groups` groups of `sz.perGroup`, and every member a
 * graphql-ws client following its group, live (probed until every client received a message). `onOpened` sees
 * what must be closed, as soon as it exists, so that a failure half-way still closes it.
 */
export async function setUpLiveGroups(ctx: ScenarioContext, sz: Sizes, app: string, onOpened: (opened: Partial<LiveGroups>) => void): Promise<LiveGroups> {
  const { stack } = ctx;
  const gatewayUrl = stack.gateway('ours').url;
  const people = sz.groups * sz.perGroup;
  ctx.log(`setup (not timed): signing in ${people} people`);
  const signInStart = performance.now();
  const persons = await signInMany(
    stack,
    Array.from({ length: people }, (_, i) => subscriberPhone(i)),
    (i) => `Subscriber ${i}`,
  );
  const signInSeconds = (performance.now() - signInStart) / 1000;
  const groupsDb = await connectDb(stack.databaseUrl('groups'), app);
  const messagingDb = await connectDb(stack.databaseUrl('messaging'), app);
  onOpened({ persons, groupsDb, messagingDb });
  await waitKnownToGroups(
    groupsDb,
    persons.map((p) => p.userId),
  );
  ctx.log(
    `setup (not timed): an organisation with ${sz.groups} groups of ${sz.perGroup} (person g×${sz.perGroup} creates group g and adds the next ${sz.perGroup - 1})`,
  );
  const { orgId, groups } = await organisationGroups(gatewayUrl, persons, sz);
  await waitMembersInMessaging(
    messagingDb,
    groups.map((g) => g.groupId),
    people,
  );

  ctx.log(`setup (not timed): connecting ${people} graphql-ws subscribers (each member follows its group)`);
  const connectStart = performance.now();
  const subscribers = await connectSubscribers(
    gatewayUrl,
    groups.flatMap((g) => g.members.map((m) => ({ token: m.token, groupId: g.groupId }))),
  );
  onOpened({ subscribers });
  // A diagnostic beside them, not counted: in the first groups, one more client of the owner's that asks for the
  // event alone (nothing to resolve through the supergraph), to tell the event's path from the message's resolution.
  const eventOnly = await connectSubscribers(
    gatewayUrl,
    groups.slice(0, EVENT_ONLY_CLIENTS).map((g) => ({ token: g.members[0]!.token, groupId: g.groupId, query: EVENT_ONLY })),
  );
  onOpened({ eventOnly });
  const probes = await probeUntilAllReceive(
    gatewayUrl,
    groups.map((g) => ({ groupId: g.groupId, senderToken: g.members[0]!.token })),
    [...subscribers, ...eventOnly],
    ctx.log,
  );
  const connectSeconds = (performance.now() - connectStart) / 1000;
  ctx.log(`setup (not timed): ${people} subscribers live after ${connectSeconds.toFixed(1)} s (${probes} probe round${probes > 1 ? 's' : ''})`);
  return { persons, orgId, groups, subscribers, eventOnly, messagingDb, groupsDb, signInSeconds, connectSeconds, probes };
}

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { stack, settings } = ctx;
  const sz = sizesFor(ctx);
  const gatewayUrl = stack.gateway('ours').url;
  const people = sz.groups * sz.perGroup;
  const receiver = new BenchWebhookReceiver(Math.max(sz.endpoints, 1));
  const opened: Partial<LiveGroups> = {};
  let endpointIds: string[] = [];
  try {
    const live = await setUpLiveGroups(ctx, sz, 'kz-bench-send-receive', (o) => Object.assign(opened, o));
    const { persons, orgId, groups, subscribers, eventOnly, messagingDb, signInSeconds, connectSeconds, probes } = live;

    // ---- timed: phase A without webhook endpoints, phase B with them ---------
    const env = { gatewayUrl, groups, subscribers, eventOnly, messagingDb, classify: stackClassifier(stack) };
    const a = await measurePhase('A', ctx, sz, env, 0, () => true);
    let b: (Phase & { total: number }) | null = null;
    let endpointDeliveries = 0;
    if (sz.endpoints > 0) {
      ctx.log(
        `setup (not timed): ${sz.endpoints} webhook endpoint${sz.endpoints > 1 ? 's' : ''} of the organisation for message.sent, on an HTTPS receiver in this process`,
      );
      await receiver.start(stack.receiverTls);
      endpointIds = await registerEndpoints(gatewayUrl, persons[0]!.token, orgId, receiver);
      const owners = new Map(groups.map((g) => [g.groupId, g.members[0]!.token]));
      await probeEveryEndpoint(
        receiver,
        groups.map((g) => g.groupId),
        async (groupId) =>
          (await mustQuery(gatewayUrl, SEND, { i: { groupId, text: 'probe webhooks' } }, owners.get(groupId)!)).sendMessage.message.id as string,
        messagingDb,
      );
      receiver.startPhase();
      const phaseTotal = Math.round((sz.warmupSeconds + sz.seconds) * sz.rate);
      b = await measurePhase('B', ctx, sz, env, a.total, () => Array.from(receiver.deliveredInPhase).every((n) => n >= phaseTotal));
      endpointDeliveries = Array.from(receiver.deliveredInPhase).reduce((sum, n) => sum + n, 0);
      if (endpointDeliveries < phaseTotal * sz.endpoints) {
        b.problems.push(
          `phase B: ${phaseTotal * sz.endpoints - endpointDeliveries} of ${phaseTotal * sz.endpoints} webhook deliveries missing after the drain`,
        );
      }
      if (receiver.duplicates.some((n) => n > 0)) b.problems.push('phase B: webhook deliveries repeated after a 2xx answer');
    }
    const phases = b ? [a, b] : [a];
    const problems = phases.flatMap((p) => p.problems);
    const dead = subscribers.filter((s) => s.failure !== undefined);
    if (dead.length > 0) problems.push(`${dead.length} subscribers failed or were dropped, e.g. ${dead[0]!.failure}`);

    // ---- report ---------------------------------------------------------------
    const judged = !settings.smoke && sz.rate === FULL_RATE;
    const notJudged = judged || settings.smoke ? undefined : `not judged (${sz.rate} messages/s, not ${FULL_RATE})`;
    const ratio = b ? b.latency.p99 / a.latency.p99 : NaN;
    const targets: Target[] = [
      {
        what: 'send → receive p50, ms',
        target: `<= ${TARGET_P50_MS}`,
        value: round(a.latency.p50),
        met: judged ? a.latency.p50 <= TARGET_P50_MS : null,
        notJudged,
      },
      {
        what: 'send → receive p99, ms',
        target: `<= ${TARGET_P99_MS}`,
        value: round(a.latency.p99),
        met: judged ? a.latency.p99 <= TARGET_P99_MS : null,
        notJudged,
      },
      ...(b
        ? [
            {
              what: `send → receive p99 with ${sz.endpoints} webhook endpoint${sz.endpoints > 1 ? 's' : ''} receiving every message ÷ without (phase B ÷ A)`,
              target: `<= ${TARGET_WEBHOOK_RATIO}`,
              value: round(ratio, 3),
              met: judged ? ratio <= TARGET_WEBHOOK_RATIO : null,
              notJudged,
            },
          ]
        : []),
    ];
    const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '—');
    const row = (what: string, s: Stats) => [what, String(s.n), f(s.p50), f(s.p99), f(s.max), f(s.mean)];
    const phaseRows = (p: Phase) => [
      row(`${p.name}: send mutation start → subscriber receipt`, p.latency),
      row(`${p.name}: sendMessage mutation (response)`, p.mutation),
      row(`${p.name}: … stage: send start → send transaction start`, p.stages.toSendTx),
      row(`${p.name}: … stage: send transaction start → relay picks the event`, p.stages.toRelay),
      row(`${p.name}: … stage: relay picks the event → subscriber receipt`, p.stages.relayToReceipt),
      row(`${p.name}: (diagnostic) relay picks → receipt of the event alone`, p.stages.relayToEventOnly),
    ];
    const table = [['measurement', 'n', 'p50 ms', 'p99 ms', 'max ms', 'mean ms'], ...phases.flatMap(phaseRows)];
    const phaseNote = (p: Phase) =>
      `phase ${p.name}: ${p.messages} measured messages in ${f(p.sendSeconds, 1)} s = ${f(p.achieved, 1)} messages/s; ` +
      `${p.expected} receipts expected (${sz.perGroup} per message), ${p.latency.n} counted; ` +
      `sends started more than 5 ms late ${p.lateSends} (max lag ${f(p.maxLagMs, 1)} ms), at most ${p.maxInFlight} mutations in flight`;
    const notes = [
      `setup (not timed): ${people} people signed in (${f(signInSeconds, 1)} s), one organisation with all of them in its directory, ` +
        `${sz.groups} of its groups of ${sz.perGroup} members, ` +
        `${people} graphql-ws clients on the gateway's /graphql, each following its own group with ${JSON.stringify(MESSAGE_EVENTS_SHORT)}; ` +
        `live after ${f(connectSeconds, 1)} s (${probes} probe message${probes > 1 ? 's' : ''} per group until every client received one)`,
      `timed: open loop, message k sent at k/${sz.rate} s to group k mod ${sz.groups} by one of its members in turn, not waiting for earlier sends; ` +
        `${sz.warmupSeconds} s warm-up not counted, then ${sz.seconds} s measured, in each phase: A with no webhook endpoint` +
        (b
          ? `, then B with ${sz.endpoints} endpoint${sz.endpoints > 1 ? 's' : ''} of the organisation receiving every message.sent ` +
            `(an HTTPS receiver in this process; ${endpointDeliveries} deliveries of phase B's messages arrived)`
          : ' (BENCH_SEND_RECEIVE_ENDPOINTS=0: no phase B)'),
      ...phases.map(phaseNote),
      "latency = from just before the mutation is sent until the subscriber's next() callback, both in this process (one clock); " +
        "stages from messaging's outbox row of each message: created_at (the send transaction's start) and published_at (when the outbox relay read the row, just before producing it to Kafka), same machine clock",
      `diagnostic, not counted above: ${eventOnly.length} more clients (the owners of the first groups) ask for the event alone ` +
        `(messageEvents { kind groupId messageId }: nothing resolved through the supergraph); their receipts show the event's own path`,
      ...phases.flatMap((p) => [
        `CPU by process over phase ${p.name}'s measured sends and the wait for the last receipts (from /proc):`,
        ...cpuLines(p.cpu, { n: p.messages, unit: 'message' }),
      ]),
    ];
    const phaseDetails = (p: Phase) => ({
      messagesMeasured: p.messages,
      achievedMessagesPerSecond: round(p.achieved, 1),
      receiptsExpected: p.expected,
      receiptsCounted: p.latency.n,
      lateSends: p.lateSends,
      maxSendLagMs: round(p.maxLagMs, 1),
      maxMutationsInFlight: p.maxInFlight,
      latencyMs: roundStats(p.latency),
      mutationMs: roundStats(p.mutation),
      stagesMs: {
        toSendTx: roundStats(p.stages.toSendTx),
        toRelay: roundStats(p.stages.toRelay),
        relayToReceipt: roundStats(p.stages.relayToReceipt),
        relayToEventOnlyReceipt: roundStats(p.stages.relayToEventOnly),
      },
      cpuMs: cpuDetails(p.cpu),
    });
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
        // Phase A's figures at the top level, as before phase B existed.
        ...phaseDetails(a),
        ...(b ? { withWebhooks: { ...phaseDetails(b), endpointDeliveries, p99RatioToWithout: round(ratio, 3) } } : {}),
        setup: { signInSeconds: round(signInSeconds, 1), connectSeconds: round(connectSeconds, 1), probes },
      },
    };
  } finally {
    await closeAll([...(opened.subscribers ?? []), ...(opened.eventOnly ?? [])]);
    if (opened.persons) await pauseEndpoints(gatewayUrl, opened.persons[0]!.token, endpointIds, ctx.log);
    await receiver.stop();
    await Promise.all([opened.groupsDb, opened.messagingDb].map((c) => c?.end().catch(() => undefined)));
  }
}

const MESSAGE_EVENTS_SHORT = 'messageEvents(groupId) { kind groupId messageId message { id text sentAt author { id } } }';

export const sendReceive: Scenario = {
  name: 'send-receive',
  description:
    'send → subscriber receipt latency at 200 messages/s over 100 groups, 1,000 graphql-ws subscribers; again with a webhook endpoint receiving every message',
  run,
};
