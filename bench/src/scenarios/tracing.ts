import { busyPercentAtRest, failureCount, runLoad, type LoadResult } from '../load';
import { cpuLines, stackClassifier } from '../process-cpu';
import { median, round, type Scenario, type ScenarioContext, type ScenarioResult, type Target } from '../scenario';
import { SUBGRAPHS } from '@kz/stack';
import { startZipkin, type Zipkin } from '@kz/testing';
import { closeAll, connectSubscribers, probeUntilAllReceive, type BenchSubscriber } from '../subscribers';
import { checkAnswer, QUERY, seed } from './federated-query';
import { measurePhase, setUpLiveGroups, sizesFor, type LiveGroups, type Phase, type Sizes } from './send-receive';

/**
 * What tracing costs: the federated query's throughput and send → receive latency with every process sending
 * every span to a local Zipkin (TRACING_SAMPLE_RATIO=1), against the same with tracing off. Rounds alternate
 * off, on, off, on; between rounds every subgraph and our gateway restart with the other setting, as a rollout
 * would, and the subscribers reconnect. The figures are medians of each setting's rounds.
 */

/** Tracing on keeps at least 90 % of the throughput and adds at most 10 % to send → receive p99. */
const TARGET_THROUGHPUT_SHARE = 0.9;
const TARGET_P99_RATIO = 1.1;

type Mode = 'off' | 'on';

interface TracingRound {
  mode: Mode;
  federated: LoadResult;
  sendReceive: Phase;
}

function sizes(ctx: ScenarioContext): Sizes {
  // Half the send-receive scenario's subscribers (500): each round reconnects them all after the restart.
  return ctx.settings.smoke ? { ...sizesFor(ctx), endpoints: 0 } : { ...sizesFor(ctx), groups: 50, warmupSeconds: 3, seconds: 20, endpoints: 0 };
}

function tracingEnv(mode: Mode, zipkin: Zipkin): NodeJS.ProcessEnv {
  return mode === 'on' ? { TRACING_EXPORTER: 'zipkin', TRACING_ENDPOINT: zipkin.spansUrl, TRACING_SAMPLE_RATIO: '1' } : { TRACING_EXPORTER: 'none' };
}

/** Every subgraph and our gateway, one after the other, with the mode's setting. */
async function restartAll(ctx: ScenarioContext, mode: Mode, zipkin: Zipkin): Promise<void> {
  const env = tracingEnv(mode, zipkin);
  ctx.log(`restarting every subgraph and our gateway with tracing ${mode}`);
  for (const service of SUBGRAPHS) for (const instance of ctx.stack.instances(service)) await ctx.stack.restartInstance(instance, { env });
  await ctx.stack.restartGateway('ours', env);
}

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { stack, settings } = ctx;
  const sz = sizes(ctx);
  const modes: Mode[] = settings.smoke ? ['off', 'on'] : ['off', 'on', 'off', 'on'];
  const members = settings.smoke ? 5 : 50;
  const problems: string[] = [];
  // Zipkin keeps the last 100,000 spans: enough to look at, not enough to make its own heap the bottleneck.
  const zipkin = await startZipkin({ maxSpans: 100_000, heapMiB: 512, optimised: true });
  await stack.ensureGateways(['ours']);
  const opened: Partial<LiveGroups> = {};
  let subscribers: BenchSubscriber[] = [];
  let mode: Mode = 'off';
  try {
    ctx.log(`setup (not timed): a group of ${members} for the federated query; ${sz.groups} groups of ${sz.perGroup} followed live`);
    const { token, groupId } = await seed(ctx, members);
    const live = await setUpLiveGroups(ctx, sz, 'kz-bench-tracing', (o) => Object.assign(opened, o));
    subscribers = [...live.subscribers, ...live.eventOnly];
    const rounds: TracingRound[] = [];
    let first = 0;
    for (const [index, next] of modes.entries()) {
      if (next !== mode) {
        await closeAll(subscribers);
        subscribers = [];
        await restartAll(ctx, next, zipkin);
        mode = next;
        const gatewayUrl = stack.gateway('ours').url;
        live.subscribers = await connectSubscribers(
          gatewayUrl,
          live.groups.flatMap((g) => g.members.map((m) => ({ token: m.token, groupId: g.groupId }))),
        );
        subscribers = live.subscribers;
        await probeUntilAllReceive(
          gatewayUrl,
          live.groups.map((g) => ({ groupId: g.groupId, senderToken: g.members[0]!.token })),
          live.subscribers,
          ctx.log,
        );
      }
      const busy = await busyPercentAtRest(settings.smoke ? 1_000 : 3_000);
      if (busy > 15) ctx.log(`warning: the machine is ${busy.toFixed(0)} % busy at rest before round ${index + 1}; its figures will be disturbed`);
      const gateway = stack.gateway('ours');
      const load = {
        url: gateway.url,
        body: JSON.stringify({ query: QUERY, variables: { id: groupId } }),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        connections: settings.connections,
        verifyBody: (text: string) => {
          try {
            const parsed = JSON.parse(text);
            return !parsed.errors && checkAnswer(parsed.data, members) === null;
          } catch {
            return false;
          }
        },
      };
      await runLoad({ ...load, durationSeconds: settings.warmupSeconds, cpuOf: { gateway: gateway.proc.pid } });
      const federated = await runLoad({ ...load, durationSeconds: settings.durationSeconds, cpuOf: { gateway: gateway.proc.pid } });
      if (failureCount(federated) > 0) problems.push(`round ${index + 1} (tracing ${mode}): federated query failures ${JSON.stringify(federated.failures)}`);
      const env = {
        gatewayUrl: gateway.url,
        groups: live.groups,
        subscribers: live.subscribers,
        eventOnly: [],
        messagingDb: live.messagingDb,
        classify: stackClassifier(stack),
      };
      const sendReceive = await measurePhase(`${index + 1} (tracing ${mode})`, ctx, sz, env, first, () => true);
      first += sendReceive.total;
      problems.push(...sendReceive.problems);
      rounds.push({ mode, federated, sendReceive });
      ctx.log(
        `round ${index + 1}/${modes.length} tracing ${mode.padEnd(3)}: federated query ${federated.requestsPerSecond.toFixed(0)} req/s ` +
          `(p99 ${federated.latencyMs.p99} ms); send → receive p50 ${sendReceive.latency.p50.toFixed(2)} ms, p99 ${sendReceive.latency.p99.toFixed(2)} ms`,
      );
    }
    if (mode === 'on') {
      // Later scenarios run on the stack as it was.
      await closeAll(subscribers);
      subscribers = [];
      await restartAll(ctx, 'off', zipkin);
      mode = 'off';
    }

    const of = (m: Mode, pick: (r: TracingRound) => number) => median(rounds.filter((r) => r.mode === m).map(pick));
    const rps = (m: Mode) => of(m, (r) => r.federated.requestsPerSecond);
    const p99 = (m: Mode) => of(m, (r) => r.sendReceive.latency.p99);
    const throughputShare = rps('on') / rps('off');
    const p99Ratio = p99('on') / p99('off');
    const judged = !settings.smoke;
    const targets: Target[] = [
      {
        what: 'federated query throughput with tracing on ÷ off',
        target: `>= ${TARGET_THROUGHPUT_SHARE}`,
        value: round(throughputShare, 3),
        met: judged ? throughputShare >= TARGET_THROUGHPUT_SHARE : null,
      },
      {
        what: 'send → receive p99 with tracing on ÷ off',
        target: `<= ${TARGET_P99_RATIO}`,
        value: round(p99Ratio, 3),
        met: judged ? p99Ratio <= TARGET_P99_RATIO : null,
      },
    ];
    const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '—');
    const table = [
      ['round', 'tracing', 'federated req/s', 'federated p50 ms', 'federated p99 ms', 'send → receive p50 ms', 'send → receive p99 ms', 'receipts'],
      ...rounds.map((r, i) => [
        String(i + 1),
        r.mode,
        f(r.federated.requestsPerSecond, 0),
        f(r.federated.latencyMs.p50),
        f(r.federated.latencyMs.p99),
        f(r.sendReceive.latency.p50),
        f(r.sendReceive.latency.p99),
        String(r.sendReceive.latency.n),
      ]),
    ];
    const notes = [
      `tracing on: TRACING_EXPORTER=zipkin, TRACING_SAMPLE_RATIO=1 in every subgraph and our gateway, spans sent to a Zipkin server (in-memory storage) on this machine; off: TRACING_EXPORTER=none`,
      `each round: the federated query (${members} members with profiles) by ${settings.connections} connections for ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s measured, ` +
        `then send → receive at ${sz.rate} messages/s over ${sz.groups} groups of ${sz.perGroup} graphql-ws subscribers for ${sz.warmupSeconds} s warm-up + ${sz.seconds} s measured`,
      `medians: federated ${f(rps('off'), 0)} req/s off, ${f(rps('on'), 0)} on; send → receive p99 ${f(p99('off'))} ms off, ${f(p99('on'))} ms on`,
      ...rounds.flatMap((r, i) => [
        `CPU by process over round ${i + 1}'s (tracing ${r.mode}) measured sends and the wait for the last receipts (from /proc):`,
        ...cpuLines(r.sendReceive.cpu, { n: r.sendReceive.messages, unit: 'message' }),
      ]),
    ];
    return {
      name: 'tracing',
      ok: problems.length === 0,
      problems,
      table,
      notes,
      targets,
      details: {
        sizes: sz,
        rounds: rounds.map((r) => ({
          mode: r.mode,
          federatedRequestsPerSecond: round(r.federated.requestsPerSecond, 1),
          federatedP99Ms: r.federated.latencyMs.p99,
          sendReceiveP50Ms: round(r.sendReceive.latency.p50),
          sendReceiveP99Ms: round(r.sendReceive.latency.p99),
        })),
        throughputShare: round(throughputShare, 3),
        p99Ratio: round(p99Ratio, 3),
      },
    };
  } finally {
    await closeAll(subscribers);
    if (mode === 'on') await restartAll(ctx, 'off', zipkin).catch((err: Error) => ctx.log(`could not turn tracing off again: ${err.message}`));
    await Promise.all([opened.groupsDb, opened.messagingDb].map((c) => c?.end().catch(() => undefined)));
    await zipkin.stop();
  }
}

export const tracing: Scenario = {
  name: 'tracing',
  description: 'what tracing costs: federated query throughput and send → receive p99 with every span sent to a local Zipkin, against tracing off',
  run,
};
