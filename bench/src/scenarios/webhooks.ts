import { performance } from 'node:perf_hooks';
import type { Client as PgClient } from 'pg';
import { mustQuery } from '@kz/stack';
import { cpuDetails, cpuLines, stackClassifier } from '../process-cpu';
import { round, roundStats, stats, type Scenario, type ScenarioContext, type ScenarioResult, type Stats, type Target } from '../scenario';
import { connectDb, CREATE_GROUP, outboxTimes, SEND, waitMembersInMessaging } from '../subscribers';
import { cpuDelta, cpuSnapshot, type Classifier, type CpuDelta } from '../system-cpu';
import { BenchWebhookReceiver, pauseEndpoints, probeEveryEndpoint, registerEndpoints } from '../webhook-receiver';
import { openLoop, type OpenLoopRun } from '../open-loop';
import { measureHttpsCeiling } from '../https-ceiling';

/**
 * Webhook delivery under a steady load: an organisation's admin sends messages through the gateway at a fixed rate,
 * and every message.sent event goes to every one of the organisation's endpoints, served by an HTTPS receiver in this
 * process. Phase A with every endpoint healthy, then phase B with some of them failing (half answering 500, half never
 * answering): the healthy endpoints' latency should hardly notice. Latency runs from the send transaction's start
 * (created_at of messaging's outbox row) to the receiver's first sight of the request.
 */

const TARGET_P50_MS = 100;
const TARGET_P99_MS = 1_000;
const TARGET_RATIO = 1.5;
const ADMIN_PHONE = '+14155559300';
/** About a message.sent payload's size, for the bare HTTPS ceiling. */
const CEILING_BODY_BYTES = 600;

interface Sizes {
  endpoints: number;
  /** The last `failing` endpoints fail in phase B. */
  failing: number;
  groups: number;
  rate: number;
  warmupSeconds: number;
  seconds: number;
  /** Longest wait after the last send of a phase for the healthy endpoints' last deliveries. */
  drainMs: number;
}

/** The sizes, and the environment settings that changed them (targets are then not judged). */
function sizesFor(ctx: ScenarioContext): { sizes: Sizes; overrides: string[] } {
  const sizes: Sizes = ctx.settings.smoke
    ? { endpoints: 3, failing: 1, groups: 2, rate: 10, warmupSeconds: 0.5, seconds: 2, drainMs: 30_000 }
    : { endpoints: 50, failing: 10, groups: 10, rate: 500, warmupSeconds: 5, seconds: 300, drainMs: 60_000 };
  const overrides: string[] = [];
  for (const [key, env, min] of [
    ['rate', 'BENCH_WEBHOOK_RATE', 0.1],
    ['seconds', 'BENCH_WEBHOOK_SECONDS', 0.5],
    ['endpoints', 'BENCH_WEBHOOK_ENDPOINTS', 1],
    ['failing', 'BENCH_WEBHOOK_FAILING', 0],
  ] as const) {
    const raw = process.env[env];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min) throw new Error(`${env} must be a number of at least ${min}, not "${raw}"`);
    sizes[key] = key === 'endpoints' || key === 'failing' ? Math.floor(value) : value;
    overrides.push(`${env}=${raw}`);
  }
  // Another number of endpoints alone keeps the share of failing ones (one in five).
  if (process.env['BENCH_WEBHOOK_ENDPOINTS'] && !process.env['BENCH_WEBHOOK_FAILING']) sizes.failing = Math.floor(sizes.endpoints / 5);
  if (sizes.failing >= sizes.endpoints) throw new Error(`BENCH_WEBHOOK_FAILING (${sizes.failing}) must leave a healthy endpoint of ${sizes.endpoints}`);
  return { sizes, overrides };
}

interface Phase extends OpenLoopRun {
  name: string;
  /** From the last send's answer until the healthy endpoints had every message, or the drain gave up. */
  drainMs: number;
  cpu: CpuDelta;
}

/**
 * Sends messages open loop, message k at k/rate s into group k mod groups; CPU is counted from the first measured
 * send until every healthy endpoint has every message, or `drainMs`.
 */
async function sendPhase(
  name: string,
  ctx: ScenarioContext,
  sz: Sizes,
  send: { gatewayUrl: string; token: string; groupIds: string[]; firstText: number },
  drained: () => boolean,
  classify: Classifier,
): Promise<Phase> {
  const total = Math.round((sz.warmupSeconds + sz.seconds) * sz.rate);
  ctx.log(`timed, phase ${name}: ${sz.rate} messages/s for ${sz.warmupSeconds} s warm-up + ${sz.seconds} s measured (${total} sends)`);
  const run = await openLoop(sz, classify, async (k) => {
    const input = { groupId: send.groupIds[k % send.groupIds.length], text: `wh ${send.firstText + k}` };
    return (await mustQuery(send.gatewayUrl, SEND, { i: input }, send.token)).sendMessage.message.id as string;
  });
  const answered = performance.now();
  while (!drained() && performance.now() - answered < sz.drainMs) await new Promise((r) => setTimeout(r, 100));
  return { ...run, name, drainMs: performance.now() - answered, cpu: cpuDelta(run.cpuAtMeasuredStart, cpuSnapshot(classify)) };
}

/** Commit → delivered per (endpoint, measured message), for endpoints 0 … `upTo`-1 and for the first `kept` of them. */
async function deliveries(phase: Phase, receiver: BenchWebhookReceiver, messagingDb: PgClient, upTo: number, kept: number) {
  const measured = phase.ids.slice(phase.warm).filter(Boolean);
  const outbox = await outboxTimes(messagingDb, measured);
  const origin = performance.timeOrigin;
  const all: number[] = [];
  const keptOnly: number[] = [];
  const toRelay: number[] = [];
  let missing = 0;
  let inWindow = 0;
  for (const id of measured) {
    const o = outbox.get(id);
    if (!o) {
      missing += upTo;
      continue;
    }
    toRelay.push(o.publishedAt - o.createdAt);
    for (let e = 0; e < upTo; e++) {
      const at = receiver.deliveredTime(e, o.eventId);
      if (at === undefined) {
        missing++;
        continue;
      }
      const ms = origin + at - o.createdAt;
      all.push(ms);
      if (e < kept) keptOnly.push(ms);
      if (at >= phase.measuredStart && at <= phase.sendEnd) inWindow++;
    }
  }
  const windowSeconds = (phase.sendEnd - phase.measuredStart) / 1000;
  return {
    all: stats(all),
    kept: stats(keptOnly),
    toRelay: stats(toRelay),
    expected: measured.length * upTo,
    missing,
    deliveriesPerSecond: inWindow / windowSeconds,
    sendsPerSecond: measured.length / windowSeconds,
  };
}

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { stack, settings } = ctx;
  const { sizes: sz, overrides } = sizesFor(ctx);
  const gatewayUrl = stack.gateway('ours').url;
  const problems: string[] = [];
  const healthy = sz.endpoints - sz.failing;
  const hanging = Math.floor(sz.failing / 2);

  // ---- setup, not timed --------------------------------------------------
  ctx.log(`setup (not timed): an organisation, ${sz.groups} of its groups, ${sz.endpoints} endpoints on an HTTPS receiver in this process`);
  const admin = await stack.signIn(ADMIN_PHONE, 'Webhooks Bench Admin');
  const orgId = (await mustQuery(gatewayUrl, `mutation { createOrganization(input: { name: "Webhooks bench" }) { organization { id } } }`, {}, admin.token))
    .createOrganization.organization.id as string;
  const groupIds = await Promise.all(
    Array.from({ length: sz.groups }, async (_, g) => {
      const data = await mustQuery(gatewayUrl, CREATE_GROUP, { input: { name: `Bench – webhooks ${g}`, organizationId: orgId } }, admin.token);
      return data.createGroup.group.id as string;
    }),
  );
  const messagingDb = await connectDb(stack.databaseUrl('messaging'), 'kz-bench-webhooks');
  const receiver = new BenchWebhookReceiver(sz.endpoints);
  let endpointIds: string[] = [];
  try {
    await waitMembersInMessaging(messagingDb, groupIds, sz.groups);
    // What the machine carries with nothing but HTTPS to do, over as many connections as there are endpoints.
    ctx.log(`setup (not timed): the bare HTTPS ceiling, a client process posting to a server in this process over ${sz.endpoints} connections`);
    const ceiling = await measureHttpsCeiling(stack.receiverTls, {
      connections: sz.endpoints,
      bodyBytes: CEILING_BODY_BYTES,
      seconds: settings.smoke ? 2 : 10,
    });
    await receiver.start(stack.receiverTls);
    endpointIds = await registerEndpoints(gatewayUrl, admin.token, orgId, receiver);
    // Until a message of every group reaches every endpoint: each service then knows the groups' organisation.
    const sendProbe = (groupId: string) =>
      mustQuery(gatewayUrl, SEND, { i: { groupId, text: 'wh probe' } }, admin.token).then((data) => data.sendMessage.message.id as string);
    await probeEveryEndpoint(receiver, groupIds, sendProbe, messagingDb);

    // ---- timed: phase A (all healthy), then phase B (the last `failing` endpoints failing) ----
    const classify = stackClassifier(stack);
    const send = { gatewayUrl, token: admin.token, groupIds, firstText: 0 };
    const drainedUpTo = (upTo: number, total: number) => () => Array.from(receiver.deliveredInPhase.subarray(0, upTo)).every((n) => n >= total);
    const phaseTotal = Math.round((sz.warmupSeconds + sz.seconds) * sz.rate);
    receiver.startPhase();
    const a = await sendPhase('A', ctx, sz, send, drainedUpTo(sz.endpoints, phaseTotal), classify);
    for (let e = healthy; e < sz.endpoints; e++) receiver.fail(e, e - healthy < hanging ? 'hang' : 'error');
    const failingRequestsBefore = receiver.requests.subarray(healthy).reduce((s, n) => s + n, 0);
    receiver.startPhase();
    const b = await sendPhase('B', ctx, sz, { ...send, firstText: a.total }, drainedUpTo(healthy, phaseTotal), classify);
    const failingRequests = receiver.requests.subarray(healthy).reduce((s, n) => s + n, 0) - failingRequestsBefore;

    // ---- report ---------------------------------------------------------------
    const deliveredA = await deliveries(a, receiver, messagingDb, sz.endpoints, healthy);
    const deliveredB = await deliveries(b, receiver, messagingDb, healthy, healthy);
    for (const [p, d] of [
      [a, deliveredA],
      [b, deliveredB],
    ] as const) {
      if (d.missing > 0)
        problems.push(
          `phase ${p.name}: ${d.missing} of ${d.expected} deliveries to healthy endpoints missing ${round(p.drainMs / 1000, 1)} s after the last send`,
        );
    }
    const duplicates = receiver.duplicates.reduce((s, n) => s + n, 0);
    if (duplicates > 0) problems.push(`${duplicates} deliveries repeated after a 2xx answer without being marked as redeliveries`);
    if (receiver.unplaced > 0) problems.push(`${receiver.unplaced} requests to an unknown path or unreadable validation requests`);

    const ratio = deliveredB.kept.p99 / deliveredA.kept.p99;
    const judged = !settings.smoke && overrides.length === 0;
    const notJudged = judged || settings.smoke ? undefined : `not judged (${overrides.join(', ')})`;
    const met = (ok: boolean) => (judged ? ok : null);
    const targets: Target[] = [
      {
        what: 'phase A commit → delivered p50, ms',
        target: `<= ${TARGET_P50_MS}`,
        value: round(deliveredA.all.p50),
        met: met(deliveredA.all.p50 <= TARGET_P50_MS),
        notJudged,
      },
      {
        what: 'phase A commit → delivered p99, ms',
        target: `<= ${TARGET_P99_MS}`,
        value: round(deliveredA.all.p99),
        met: met(deliveredA.all.p99 <= TARGET_P99_MS),
        notJudged,
      },
      {
        what: `healthy endpoints' p99 with ${sz.failing} failing ÷ all healthy`,
        target: `<= ${TARGET_RATIO}`,
        value: round(ratio),
        met: met(ratio <= TARGET_RATIO),
        notJudged,
      },
    ];
    const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '—');
    const row = (what: string, s: Stats) => [what, String(s.n), f(s.p50), f(s.p99), f(s.max), f(s.mean)];
    const mutation = (p: Phase) => stats(Array.from(p.sendMs.subarray(p.warm)).filter((v) => Number.isFinite(v)));
    const table = [
      ['measurement', 'n', 'p50 ms', 'p99 ms', 'max ms', 'mean ms'],
      row(`A: commit → delivered, all ${sz.endpoints} endpoints`, deliveredA.all),
      row(`A: commit → delivered, endpoints 0–${healthy - 1} (healthy in B too)`, deliveredA.kept),
      row(`B: commit → delivered, the ${healthy} healthy endpoints`, deliveredB.kept),
      row('A: … stage: send transaction start → relay picks the event', deliveredA.toRelay),
      row('B: … stage: send transaction start → relay picks the event', deliveredB.toRelay),
      row('A: sendMessage mutation (response)', mutation(a)),
      row('B: sendMessage mutation (response)', mutation(b)),
    ];
    const phaseNote = (p: Phase, d: typeof deliveredA) =>
      `phase ${p.name}: ${p.total - p.warm} messages measured at ${f(d.sendsPerSecond, 1)}/s, ${f(d.deliveriesPerSecond, 0)} deliveries/s to healthy endpoints while sending; ` +
      `sends more than 5 ms late ${p.lateSends} (max lag ${f(p.maxLagMs, 1)} ms), at most ${p.maxInFlight} mutations in flight; last deliveries ${f(p.drainMs / 1000, 1)} s after the last answer`;
    const notes = [
      `setup (not timed): one admin, an organisation, ${sz.groups} of its groups; ${sz.endpoints} endpoints for MESSAGE_SENT of the whole organisation, ` +
        `at https://127.0.0.1:<port>/e0 … /e${sz.endpoints - 1} (an HTTPS server in this process with a certificate made for the run, which the webhooks service trusts), ` +
        'registered through the gateway (each answered its challenge); a probe message per group reached every endpoint',
      `timed: two phases, each open loop: message k sent at k/${sz.rate} s by the admin into group k mod ${sz.groups}, ${sz.warmupSeconds} s warm-up not counted, then ${sz.seconds} s measured; ` +
        `A with every endpoint answering 200; B with endpoints ${healthy}–${sz.endpoints - 1} failing (${sz.failing - hanging} answering 500 at once, ${hanging} never answering, so the service's delivery timeout ends each attempt); ` +
        `they got ${failingRequests} requests in B, retries included`,
      phaseNote(a, deliveredA),
      phaseNote(b, deliveredB),
      `the load asks for ${f(sz.rate * sz.endpoints, 0)} deliveries/s (${sz.rate} events/s × ${sz.endpoints} endpoints). The bare HTTPS ceiling of this machine, measured in ` +
        `the same run before the phases: ${f(ceiling.requestsPerSecond, 0)} requests/s (a client process posting signed ${ceiling.bodyBytes}-byte JSON bodies over ` +
        `${ceiling.connections} kept-alive connections to a bare HTTPS server in this process that reads each body and answers 200; no database, queue or broker; ` +
        `${f(ceiling.clientCpuMsPerRequest, 3)} ms client CPU and at most ${f(ceiling.serverCpuMsPerRequest, 3)} ms server CPU per request, for ${f(ceiling.seconds, 1)} s), ` +
        `so the load is ${f((sz.rate * sz.endpoints) / ceiling.requestsPerSecond)}× what the machine can post with nothing else running; phase A delivered ` +
        `${f(deliveredA.deliveriesPerSecond / ceiling.requestsPerSecond, 3)}× the ceiling while sending`,
      "latency = the receiver's first sight of a delivery answered 200 (performance.timeOrigin + performance.now()) minus created_at of the message's row in messaging's outbox " +
        '(the send transaction\'s start, a little before its commit), same machine clock; the receiver looks at webhook-id only (no signature check) and keeps its CPU in "bench runner"',
      'CPU by process over phase A (from the first measured send until the last delivery):',
      ...cpuLines(a.cpu, { n: deliveredA.all.n, unit: 'delivery' }),
      'CPU by process over phase B:',
      ...cpuLines(b.cpu, { n: deliveredB.kept.n, unit: 'delivery to a healthy endpoint' }),
    ];
    const phaseDetails = (p: Phase, d: typeof deliveredA) => ({
      messagesMeasured: p.total - p.warm,
      sendsPerSecond: round(d.sendsPerSecond, 1),
      deliveriesPerSecond: round(d.deliveriesPerSecond, 0),
      deliveriesExpected: d.expected,
      deliveriesMissing: d.missing,
      lateSends: p.lateSends,
      maxSendLagMs: round(p.maxLagMs, 1),
      maxMutationsInFlight: p.maxInFlight,
      drainSeconds: round(p.drainMs / 1000, 1),
      latencyMs: roundStats(d.all),
      healthyInBothLatencyMs: roundStats(d.kept),
      toRelayMs: roundStats(d.toRelay),
      mutationMs: roundStats(mutation(p)),
      cpuMs: cpuDetails(p.cpu),
    });
    return {
      name: 'webhooks',
      ok: problems.length === 0,
      problems,
      table,
      notes,
      targets,
      details: {
        sizes: sz,
        overrides,
        failingModes: { error: sz.failing - hanging, hang: hanging },
        p99Ratio: round(ratio, 3),
        httpsCeiling: {
          requestsPerSecond: round(ceiling.requestsPerSecond, 0),
          connections: ceiling.connections,
          bodyBytes: ceiling.bodyBytes,
          seconds: round(ceiling.seconds, 1),
          clientCpuMsPerRequest: round(ceiling.clientCpuMsPerRequest, 3),
          serverCpuMsPerRequest: round(ceiling.serverCpuMsPerRequest, 3),
          failed: ceiling.failed,
          offeredDeliveriesPerSecond: sz.rate * sz.endpoints,
        },
        duplicates,
        failingRequestsInB: failingRequests,
        phaseA: phaseDetails(a, deliveredA),
        phaseB: phaseDetails(b, deliveredB),
      },
    };
  } finally {
    await pauseEndpoints(gatewayUrl, admin.token, endpointIds, ctx.log);
    await receiver.stop();
    await messagingDb.end().catch(() => undefined);
  }
}

export const webhooks: Scenario = {
  name: 'webhooks',
  description: 'commit → webhook delivered at 500 events/s to 50 HTTPS endpoints, then with 10 of them failing',
  run,
};
