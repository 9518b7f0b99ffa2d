import { isDeepStrictEqual } from 'node:util';
import { eventually, graphql, inParallel, mustQuery } from '@kz/stack';
import { busyPercentAtRest, failureCount, runLoad, type LoadResult } from '../load';
import { median, round, type Scenario, type ScenarioContext, type ScenarioResult, type Target } from '../scenario';
import { GATEWAYS, type GatewayId } from '../stack';

export const QUERY = `query($id: ID!) { group(id: $id) { name members(first: 50) { edges { node { role user { id displayName } } } } } }`;
const GROUP_NAME = 'Bench – federated query';
const TARGET_RPS_RATIO = 3;
const TARGET_CPU_MS = 2.5;

const phoneOf = (i: number) => `+1415555${String(100 + i).padStart(4, '0')}`;
const nameOf = (i: number) => (i === 0 ? 'Bench Owner' : `Bench Member ${String(i).padStart(2, '0')}`);

interface Round {
  round: number;
  gateway: GatewayId;
  warmup: LoadResult;
  measured: LoadResult;
}

/** The answer is right when it has the whole group: every member with a resolved profile. */
export function checkAnswer(data: any, members: number): string | null {
  const group = data?.group;
  if (!group) return 'no group in the answer';
  if (group.name !== GROUP_NAME) return `group name is ${JSON.stringify(group.name)}`;
  const edges = group.members?.edges;
  if (!Array.isArray(edges)) return 'no member edges';
  if (edges.length !== members) return `${edges.length} members instead of ${members}`;
  const unresolved = edges.filter((e: any) => typeof e?.node?.user?.displayName !== 'string' || typeof e?.node?.role !== 'string');
  if (unresolved.length > 0) return `${unresolved.length} members without a resolved profile`;
  return null;
}

/** Seeds one group of `members` registered users (the owner included) and returns the owner's token and the group id. */
export async function seed(ctx: ScenarioContext, members: number): Promise<{ token: string; groupId: string }> {
  const { stack } = ctx;
  const gateway = stack.gateway('ours').url;
  const owner = await stack.signIn(phoneOf(0), nameOf(0));
  const created = await mustQuery(
    gateway,
    `mutation($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }`,
    { input: { name: GROUP_NAME } },
    owner.token,
  );
  const groupId: string = created.createGroup.group.id;
  const others = Array.from({ length: members - 1 }, (_, i) => i + 1);
  // Unregistered numbers become pending memberships that turn active when each person signs up.
  const added = await mustQuery(
    gateway,
    `mutation($input: AddGroupMembersInput!) { addGroupMembers(input: $input) { outcomes { phone status message } } }`,
    { input: { groupId, members: others.map((i) => ({ phone: phoneOf(i) })) } },
    owner.token,
  );
  const refused = (added.addGroupMembers.outcomes as { phone: string; status: string; message: string | null }[]).filter(
    (o) => o.status !== 'PENDING' && o.status !== 'ADDED',
  );
  if (refused.length > 0) throw new Error(`addGroupMembers refused ${refused.length} numbers, e.g. ${JSON.stringify(refused[0])}`);
  await inParallel(others, 4, (i) => stack.signIn(phoneOf(i), nameOf(i)));
  // Memberships activate as the groups service consumes identity's user.registered events.
  await eventually(
    `the group to show ${members} members with profiles`,
    async () => {
      const res = await graphql(gateway, QUERY, { id: groupId }, owner.token);
      const wrong = res.errors?.length ? JSON.stringify(res.errors[0]) : checkAnswer(res.data, members);
      if (wrong) throw new Error(wrong);
    },
    90_000,
    250,
  );
  return { token: owner.token, groupId };
}

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { stack, settings } = ctx;
  const members = settings.smoke ? 5 : 50;
  const problems: string[] = [];
  const order = GATEWAYS.map((g) => g.id);
  await stack.ensureGateways(order);

  ctx.log(`seeding a group of ${members} registered members`);
  const seedStart = Date.now();
  const { token, groupId } = await seed(ctx, members);
  ctx.log(`seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

  const body = JSON.stringify({ query: QUERY, variables: { id: groupId } });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

  // Every gateway must give the same answer before any load: the answer from ours is the reference.
  const expected = new Map<GatewayId, string>();
  let reference: unknown;
  for (const id of order) {
    const gw = stack.gateway(id);
    const res = await graphql(gw.url, QUERY, { id: groupId }, token);
    const wrong = res.status !== 200 ? `HTTP ${res.status}` : res.errors?.length ? JSON.stringify(res.errors[0]) : checkAnswer(res.data, members);
    if (wrong) throw new Error(`${gw.label} answers the query wrongly: ${wrong}; body: ${res.text.slice(0, 300)}`);
    if (reference === undefined) reference = res.data;
    else if (!isDeepStrictEqual(res.data, reference)) throw new Error(`${gw.label} answers with different data than ${stack.gateway(order[0]!).label}`);
    expected.set(id, res.text);
  }

  const samples = new Map<GatewayId, string>();
  const verifier = (id: GatewayId) => {
    const exact = expected.get(id)!;
    return (text: string) => {
      if (text === exact) return true;
      let wrong: string | null;
      try {
        const parsed = JSON.parse(text);
        wrong = parsed.errors?.length ? `errors: ${JSON.stringify(parsed.errors[0])}` : checkAnswer(parsed.data, members);
      } catch {
        wrong = 'not JSON';
      }
      if (wrong && !samples.has(id)) samples.set(id, `${wrong}; body: ${text.slice(0, 300)}`);
      return wrong === null;
    };
  };

  const busyAtRest = await busyPercentAtRest(settings.smoke ? 1_000 : 3_000);
  ctx.log(`machine ${busyAtRest.toFixed(0)} % busy at rest, before the load`);
  if (busyAtRest > 15) ctx.log('warning: the machine is busy before any load; something else is running and will disturb the figures');

  const subgraphPids = { groups: stack.service('groups').proc.pid, identity: stack.service('identity').proc.pid };
  const rounds: Round[] = [];
  for (let r = 1; r <= settings.rounds; r++) {
    for (const id of order) {
      const gw = stack.gateway(id);
      if (gw.proc.exited) throw new Error(`${gw.label} exited (code ${gw.proc.exited.code}); see ${gw.proc.logFile}`);
      const load = { url: gw.url, body, headers, connections: settings.connections, verifyBody: verifier(id) };
      const warmup = await runLoad({ ...load, durationSeconds: settings.warmupSeconds, cpuOf: { gateway: gw.proc.pid } });
      const measured = await runLoad({ ...load, durationSeconds: settings.durationSeconds, cpuOf: { gateway: gw.proc.pid, ...subgraphPids } });
      rounds.push({ round: r, gateway: id, warmup, measured });
      ctx.log(
        `round ${r}/${settings.rounds} ${gw.label.padEnd(22)} ${measured.requestsPerSecond.toFixed(0).padStart(6)} req/s  ` +
          `p50 ${measured.latencyMs.p50} ms  p99 ${measured.latencyMs.p99} ms  gateway CPU ${measured.cpuMsPerOp.gateway!.toFixed(2)} ms/op  ` +
          `other CPU ${measured.otherCpuMsPerOp.toFixed(2)} ms/op  machine ${measured.machineBusyPercent.toFixed(0)} % busy` +
          (failureCount(warmup) + failureCount(measured) > 0 ? `  FAILURES ${JSON.stringify(measured.failures)}` : ''),
      );
    }
  }

  for (const r of rounds) {
    for (const [phase, res] of [['warm-up', r.warmup] as const, ['measured', r.measured] as const]) {
      if (failureCount(res) > 0) {
        problems.push(`${stack.gateway(r.gateway).label}, round ${r.round} ${phase}: ${JSON.stringify(res.failures)}`);
      }
      if (res.completed === 0) problems.push(`${stack.gateway(r.gateway).label}, round ${r.round} ${phase}: no request completed`);
    }
  }
  for (const [id, sample] of samples) problems.push(`${stack.gateway(id).label}: a wrong answer: ${sample}`);

  const medians = Object.fromEntries(
    order.map((id) => {
      const mine = rounds.filter((r) => r.gateway === id).map((r) => r.measured);
      const m = (pick: (x: LoadResult) => number) => median(mine.map(pick));
      return [
        id,
        {
          requestsPerSecond: round(
            m((x) => x.requestsPerSecond),
            1,
          ),
          p50Ms: round(m((x) => x.latencyMs.p50)),
          p99Ms: round(m((x) => x.latencyMs.p99)),
          gatewayCpuMsPerOp: round(
            m((x) => x.cpuMsPerOp.gateway!),
            3,
          ),
          subgraphsCpuMsPerOp: round(
            m((x) => x.cpuMsPerOp.groups! + x.cpuMsPerOp.identity!),
            3,
          ),
          loadGeneratorCpuMsPerOp: round(
            m((x) => x.loadGeneratorCpuMsPerOp),
            3,
          ),
          otherCpuMsPerOp: round(
            m((x) => x.otherCpuMsPerOp),
            3,
          ),
          machineBusyPercent: round(
            m((x) => x.machineBusyPercent),
            0,
          ),
          gatewayRssMiB: round(
            m((x) => x.rssMiB.gateway!),
            0,
          ),
          completedRequests: mine.reduce((sum, x) => sum + x.completed, 0),
        },
      ];
    }),
  ) as Record<
    GatewayId,
    {
      requestsPerSecond: number;
      p50Ms: number;
      p99Ms: number;
      gatewayCpuMsPerOp: number;
      subgraphsCpuMsPerOp: number;
      loadGeneratorCpuMsPerOp: number;
      otherCpuMsPerOp: number;
      machineBusyPercent: number;
      gatewayRssMiB: number;
      completedRequests: number;
    }
  >;

  const hive = medians.hive.requestsPerSecond;
  const ratios = {
    oursToHiveRequestsPerSecond: round(medians.ours.requestsPerSecond / hive),
    stockToHiveRequestsPerSecond: round(medians.apollo.requestsPerSecond / hive),
    oursToStockRequestsPerSecond: round(medians.ours.requestsPerSecond / medians.apollo.requestsPerSecond),
    oursToHiveNoDedupeRequestsPerSecond: round(medians.ours.requestsPerSecond / medians['hive-nodedupe'].requestsPerSecond),
    stockToHiveNoDedupeRequestsPerSecond: round(medians.apollo.requestsPerSecond / medians['hive-nodedupe'].requestsPerSecond),
    hiveToOursGatewayCpuPerOp: round(medians.hive.gatewayCpuMsPerOp / medians.ours.gatewayCpuMsPerOp),
    hiveNoDedupeToOursGatewayCpuPerOp: round(medians['hive-nodedupe'].gatewayCpuMsPerOp / medians.ours.gatewayCpuMsPerOp),
  };
  const judged = !settings.smoke;
  const targets: Target[] = [
    {
      what: 'ours / Hive requests/s',
      target: `>= ${TARGET_RPS_RATIO}`,
      value: ratios.oursToHiveRequestsPerSecond,
      met: judged ? ratios.oursToHiveRequestsPerSecond >= TARGET_RPS_RATIO : null,
    },
    {
      what: 'ours gateway CPU ms/op',
      target: `<= ${TARGET_CPU_MS}`,
      value: medians.ours.gatewayCpuMsPerOp,
      met: judged ? medians.ours.gatewayCpuMsPerOp <= TARGET_CPU_MS : null,
    },
  ];

  const table = [
    [
      'gateway',
      'req/s',
      'p50 ms',
      'p99 ms',
      'gw CPU ms/op',
      'subgraphs CPU ms/op',
      'loadgen CPU ms/op',
      'other CPU ms/op',
      'machine busy %',
      'gw RSS MiB',
      'req/s vs Hive',
    ],
    ...order.map((id) => {
      const m = medians[id];
      return [
        stack.gateway(id).label,
        m.requestsPerSecond.toFixed(1),
        m.p50Ms.toFixed(2),
        m.p99Ms.toFixed(2),
        m.gatewayCpuMsPerOp.toFixed(3),
        m.subgraphsCpuMsPerOp.toFixed(3),
        m.loadGeneratorCpuMsPerOp.toFixed(3),
        m.otherCpuMsPerOp.toFixed(3),
        m.machineBusyPercent.toFixed(0),
        m.gatewayRssMiB.toFixed(0),
        `${(m.requestsPerSecond / hive).toFixed(2)}x`,
      ];
    }),
  ];
  const notes = [
    `medians over ${settings.rounds} round(s) of ${settings.durationSeconds} s (after ${settings.warmupSeconds} s warm-up) per gateway, ` +
      `${settings.connections} connections, a group of ${members} members, gateways alternated in each round`,
    `requests/s: ours/Hive ${ratios.oursToHiveRequestsPerSecond}x, stock/Hive ${ratios.stockToHiveRequestsPerSecond}x, ours/stock ${ratios.oursToStockRequestsPerSecond}x; ` +
      `against Hive without dedupe: ours ${ratios.oursToHiveNoDedupeRequestsPerSecond}x, stock ${ratios.stockToHiveNoDedupeRequestsPerSecond}x`,
    'subgraphs CPU = groups + identity processes; loadgen = autocannon and the response checks in the runner; ' +
      'other = every other process (PostgreSQL, Kafka, idle services, and anything else that ran at the same time: large values mean a disturbed run); ' +
      'machine busy near 100 % means the run was bound by the whole machine (2 cores shared by load generator, gateway, subgraphs, PostgreSQL), not by the gateway alone',
    'Hive Gateway merges identical in-flight subgraph requests by default (@graphql-tools/executor-http deduplicateInflightRequests): ' +
      'with one query and one token, concurrent operations share subgraph calls (see its subgraphs CPU/op). ' +
      'The "no dedupe" row turns only that off; the target is judged against the stock Hive row.',
  ];

  return {
    name: 'federated-query',
    ok: problems.length === 0,
    problems,
    table,
    notes,
    targets,
    details: {
      query: QUERY,
      members,
      machineBusyPercentAtRest: round(busyAtRest, 0),
      gateways: Object.fromEntries(order.map((id) => [id, stack.gateway(id).label])),
      hiveDedupeNote:
        'hive = Hive Gateway as it comes (identical in-flight subgraph requests merged, its default); hive-nodedupe = the same with transportEntries *.http deduplicateInflightRequests: false',
      medians,
      ratios,
      rounds: rounds.map((r) => ({
        round: r.round,
        gateway: r.gateway,
        requestsPerSecond: round(r.measured.requestsPerSecond, 1),
        p50Ms: r.measured.latencyMs.p50,
        p99Ms: r.measured.latencyMs.p99,
        meanMs: round(r.measured.latencyMs.mean),
        maxMs: r.measured.latencyMs.max,
        completed: r.measured.completed,
        durationSeconds: r.measured.durationSeconds,
        cpuMsPerOp: Object.fromEntries(Object.entries(r.measured.cpuMsPerOp).map(([k, v]) => [k, round(v, 3)])),
        loadGeneratorCpuMsPerOp: round(r.measured.loadGeneratorCpuMsPerOp, 3),
        otherCpuMsPerOp: round(r.measured.otherCpuMsPerOp, 3),
        machineBusyPercent: round(r.measured.machineBusyPercent, 0),
        gatewayRssMiB: round(r.measured.rssMiB.gateway!, 0),
        failures: r.measured.failures,
        warmup: { completed: r.warmup.completed, requestsPerSecond: round(r.warmup.requestsPerSecond, 1), failures: r.warmup.failures },
      })),
    },
  };
}

export const federatedQuery: Scenario = {
  name: 'federated-query',
  description: 'group → 50 members → profiles through ours, the stock Apollo Gateway and the Hive Gateway on the same subgraphs and supergraph',
  run,
};
