import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { memoryMiB, mustQuery } from '@kz/stack';
import { copyFrom } from '../pg-copy';
import { cpuDetails, cpuLines, stackClassifier } from '../process-cpu';
import { median, round, roundStats, stats, type Scenario, type ScenarioContext, type ScenarioResult, type Target } from '../scenario';
import {
  addMembers,
  closeAll,
  connectDb,
  connectSubscribers,
  CREATE_GROUP,
  outboxTimes,
  probeUntilAllReceive,
  SEND,
  signInMany,
  subscriberPhone,
  waitKnownToGroups,
  waitMembersInMessaging,
  type BenchSubscriber,
} from '../subscribers';
import { cpuDelta, cpuSnapshot } from '../system-cpu';

/**
 * One message to a very large group: how long until the last of the group's
 * online members (graphql-ws clients on the gateway) has received it.
 */

const TARGET_SECONDS = 2;
const OWNER_PHONE = subscriberPhone(99_000);

interface Sizes {
  members: number;
  subscribers: number;
  messages: number;
  timeoutMs: number;
}

function sizesFor(smoke: boolean): Sizes {
  return smoke
    ? { members: 1_000, subscribers: 50, messages: 2, timeoutMs: 20_000 }
    : { members: 100_000, subscribers: 5_000, messages: 5, timeoutMs: 120_000 };
}

/** Members who never sign in (known to the groups service by a seeded read model): +1 415 7000000 + i. */
const fillerPhone = (i: number) => `+14157${String(i).padStart(6, '0')}`;
function fillerId(i: number): string {
  const h = createHash('md5').update(`kz-bench-fan-out-${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
function* fillerRows(n: number, chunk = 5_000): Generator<string> {
  for (let start = 0; start < n; start += chunk) {
    let text = '';
    for (let i = start; i < Math.min(n, start + chunk); i++) text += `${fillerId(i)}\t${fillerPhone(i)}\tfan-out member ${String(i).padStart(6, '0')}\n`;
    yield text;
  }
}

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { stack, settings } = ctx;
  const sz = sizesFor(settings.smoke);
  const gatewayUrl = stack.gateway('ours').url;
  const problems: string[] = [];
  const fillers = sz.members - sz.subscribers - 1;

  // ---- setup, not timed --------------------------------------------------
  ctx.log(`setup (not timed): signing in the owner and ${sz.subscribers} subscribers`);
  const signInStart = performance.now();
  const [owner] = await signInMany(stack, [OWNER_PHONE], () => 'Fan-out Owner');
  const persons = await signInMany(
    stack,
    Array.from({ length: sz.subscribers }, (_, i) => subscriberPhone(i)),
    (i) => `Subscriber ${i}`,
  );
  const signInSeconds = (performance.now() - signInStart) / 1000;
  const groupsDb = await connectDb(stack.databaseUrl('groups'), 'kz-bench-fan-out');
  const messagingDb = await connectDb(stack.databaseUrl('messaging'), 'kz-bench-fan-out');
  let subscribers: BenchSubscriber[] = [];
  try {
    ctx.log(
      `setup (not timed): ${fillers.toLocaleString('en')} more people seeded into the groups service's known_users by COPY, then a group of ${sz.members.toLocaleString('en')}`,
    );
    const copied = await copyFrom(groupsDb, 'COPY known_users (id, phone, name_key) FROM STDIN', fillerRows(fillers));
    if (copied !== fillers) throw new Error(`COPY into known_users reported ${copied} rows instead of ${fillers}`);
    await groupsDb.query('ANALYZE known_users');
    await waitKnownToGroups(
      groupsDb,
      [owner!, ...persons].map((p) => p.userId),
    );
    const groupId: string = (await mustQuery(gatewayUrl, CREATE_GROUP, { input: { name: 'Bench – fan-out' } }, owner!.token)).createGroup.group.id;
    const addStart = performance.now();
    await addMembers(gatewayUrl, owner!.token, groupId, [...persons.map((p) => p.phone), ...Array.from({ length: fillers }, (_, i) => fillerPhone(i))]);
    await waitMembersInMessaging(messagingDb, [groupId], sz.members);
    const addSeconds = (performance.now() - addStart) / 1000;
    ctx.log(`setup (not timed): ${sz.members.toLocaleString('en')} members added and in messaging's read model after ${addSeconds.toFixed(1)} s`);

    ctx.log(`setup (not timed): connecting ${sz.subscribers} graphql-ws subscribers to the group`);
    const connectStart = performance.now();
    subscribers = await connectSubscribers(
      gatewayUrl,
      persons.map((p) => ({ token: p.token, groupId })),
      100,
    );
    const probes = await probeUntilAllReceive(gatewayUrl, [{ groupId, senderToken: owner!.token }], subscribers, ctx.log);
    const connectSeconds = (performance.now() - connectStart) / 1000;
    ctx.log(`setup (not timed): ${sz.subscribers} subscribers live after ${connectSeconds.toFixed(1)} s (${probes} probe message${probes > 1 ? 's' : ''})`);
    // Let the probes' deliveries settle before timing.
    await new Promise((r) => setTimeout(r, 1_000));

    // ---- timed: one message at a time, until the last subscriber has it -----
    const classify = stackClassifier(stack);
    const gatewayPid = stack.gateway('ours').proc.pid;
    const rounds: { lastMs: number; firstMs: number; p50Ms: number; p99Ms: number; mutationMs: number; received: number }[] = [];
    const messageIds: string[] = [];
    const startedAt: number[] = [];
    const cpu0 = cpuSnapshot(classify);
    for (let m = 0; m < sz.messages; m++) {
      const text = `fan ${m}`;
      const got = new Float64Array(subscribers.length).fill(NaN);
      let count = 0;
      let allIn: () => void = () => undefined;
      const all = new Promise<void>((resolve) => (allIn = resolve));
      for (const s of subscribers) {
        s.onReceipt = (r, sub) => {
          if (r.text !== text || !Number.isNaN(got[sub.index]!)) return;
          got[sub.index] = r.at;
          if (++count === subscribers.length) allIn();
        };
      }
      const t0 = performance.now();
      const sent = await mustQuery(gatewayUrl, SEND, { i: { groupId, text } }, owner!.token);
      messageIds.push(sent.sendMessage.message.id as string);
      startedAt.push(performance.timeOrigin + t0);
      const mutationMs = performance.now() - t0;
      await Promise.race([all, new Promise((r) => setTimeout(r, sz.timeoutMs))]);
      const times = Array.from(got)
        .filter((v) => Number.isFinite(v))
        .map((v) => v - t0);
      const st = stats(times);
      rounds.push({
        lastMs: count === subscribers.length ? st.max : NaN,
        firstMs: Math.min(...times),
        p50Ms: st.p50,
        p99Ms: st.p99,
        mutationMs,
        received: count,
      });
      ctx.log(
        `message ${m + 1}/${sz.messages}: ${count}/${subscribers.length} received; first ${Math.min(...times).toFixed(0)} ms, last ${st.max.toFixed(0)} ms`,
      );
      if (count < subscribers.length) {
        problems.push(`message ${m}: ${subscribers.length - count} of ${subscribers.length} subscribers had not received it after ${sz.timeoutMs / 1000} s`);
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const cpu = cpuDelta(cpu0, cpuSnapshot(classify));
    const gatewayMemory = memoryMiB(gatewayPid);
    const dead = subscribers.filter((s) => s.failure !== undefined);
    if (dead.length > 0) problems.push(`${dead.length} subscribers failed or were dropped, e.g. ${dead[0]!.failure}`);

    // Where the time goes: send start → send transaction start (outbox created_at) → relay picks the event (published_at) → receipts.
    const outbox = await outboxTimes(messagingDb, messageIds);
    const stages = rounds.map((r, i) => {
      const o = outbox.get(messageIds[i]!);
      const relayAt = o ? o.publishedAt - startedAt[i]! : NaN;
      return { toSendTxMs: o ? o.createdAt - startedAt[i]! : NaN, toRelayMs: relayAt, relayToFirstMs: r.firstMs - relayAt, relayToLastMs: r.lastMs - relayAt };
    });

    // ---- report ---------------------------------------------------------------
    const lastMs = median(rounds.map((r) => r.lastMs));
    const judged = !settings.smoke;
    const targets: Target[] = [
      {
        what: `${sz.members.toLocaleString('en')}-member group, last of ${sz.subscribers.toLocaleString('en')} subscribers received (median of ${rounds.length}), s`,
        target: `<= ${TARGET_SECONDS}`,
        value: round(lastMs / 1000, 3),
        met: judged ? lastMs / 1000 <= TARGET_SECONDS : null,
      },
    ];
    const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '—');
    const table = [
      ['message', 'received', 'mutation ms', 'relay picks ms', 'first ms', 'p50 ms', 'p99 ms', 'last ms'],
      ...rounds.map((r, i) => [
        String(i + 1),
        String(r.received),
        f(r.mutationMs, 1),
        f(stages[i]!.toRelayMs, 1),
        f(r.firstMs, 1),
        f(r.p50Ms),
        f(r.p99Ms),
        f(r.lastMs),
      ]),
      [
        'median',
        '',
        f(median(rounds.map((r) => r.mutationMs)), 1),
        f(median(stages.map((s) => s.toRelayMs)), 1),
        f(median(rounds.map((r) => r.firstMs)), 1),
        f(median(rounds.map((r) => r.p50Ms))),
        f(median(rounds.map((r) => r.p99Ms))),
        f(lastMs),
      ],
    ];
    const notes = [
      `setup (not timed): owner and ${sz.subscribers.toLocaleString('en')} people signed in (${signInSeconds.toFixed(1)} s); ${fillers.toLocaleString('en')} more seeded into the groups ` +
        `service's known_users read model by COPY (phones +1 415 7000000 + i: registering that many people by signing each in would take long); all ` +
        `${(sz.members - 1).toLocaleString('en')} added by addGroupMembers through the gateway and consumed into messaging (${addSeconds.toFixed(1)} s)`,
      `${sz.subscribers.toLocaleString('en')} graphql-ws clients on the gateway's /graphql follow the group (messageEvents(groupId) { kind groupId messageId message { id text sentAt author { id } } }); ` +
        `live after ${connectSeconds.toFixed(1)} s (probe messages until every client had one)`,
      `timed: ${rounds.length} messages one after another by the owner, each from the start of its sendMessage mutation until the last subscriber's next() callback (0.5 s pause between); ` +
        `"relay picks" = when the outbox relay read the event, just before producing it (published_at in messaging's outbox, same machine clock), from the start of the mutation`,
      `gateway memory after: RSS ${f(gatewayMemory.rss)} MiB, peak ${f(gatewayMemory.peak)} MiB`,
      'CPU by process over the timed messages (from /proc):',
      ...cpuLines(cpu, { n: rounds.length * sz.subscribers, unit: 'delivery' }),
    ];
    return {
      name: 'fan-out',
      ok: problems.length === 0,
      problems,
      table,
      notes,
      targets,
      details: {
        sizes: sz,
        groupId,
        rounds: rounds.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v, 1)]))),
        medianLastMs: round(lastMs, 1),
        stages: stages.map((st) => Object.fromEntries(Object.entries(st).map(([k, v]) => [k, round(v, 1)]))),
        deliveryMs: roundStats(stats(rounds.map((r) => r.lastMs))),
        setup: { signInSeconds: round(signInSeconds, 1), addSeconds: round(addSeconds, 1), connectSeconds: round(connectSeconds, 1), probes },
        gatewayMemoryMiB: { rss: round(gatewayMemory.rss, 0), peak: round(gatewayMemory.peak, 0) },
        cpuMs: cpuDetails(cpu),
      },
    };
  } finally {
    await closeAll(subscribers);
    await Promise.all([groupsDb, messagingDb].map((c) => c.end().catch(() => undefined)));
  }
}

export const fanOut: Scenario = {
  name: 'fan-out',
  description: 'one message to a 100,000-member group: time until the last of 5,000 graphql-ws subscribers has it',
  run,
};
