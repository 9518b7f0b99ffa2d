import { formatTable } from '../../report';
import { round, roundStats, stats, type ScenarioResult, type Stats, type Target } from '../../scenario';
import { cpuDelta, type CpuDelta, type CpuSnapshot } from '../../system-cpu';
import type { BulkAdd } from './bulk-add';
import type { Kind, MemberReads, PageCursor, Via } from './member-reads';
import type { PlanSummary } from './postgres-probes';

export const FULL_MEMBERS = 1_000_000;
const TARGET_SECONDS = 40;
const TARGET_P99_MS = 20;

const CPU_ORDER = [
  'gateway',
  'groups',
  'messaging',
  'identity',
  'import',
  'webhooks',
  'kafka broker',
  'postgres: groups db',
  'postgres: messaging db',
  'postgres: background',
  'postgres: other databases',
  'postgres: bench queries',
  'bench runner (clients, this process)',
];

/** Everything a run of the scenario measured, for its report. */
export interface LargeGroupRun {
  smoke: boolean;
  members: number;
  batch: number;
  inFlight: number;
  seed: number;
  groupId: string;
  setup: { copySeconds: number; analyzeSeconds: number };
  adds: BulkAdd;
  firstPass: { cursors: PageCursor[]; seen: number; seconds: number };
  walks: PageCursor[];
  pagesPerWalk: number;
  searches: number;
  warmup: number;
  reads: MemberReads;
  cpu: { pages: [CpuSnapshot, CpuSnapshot]; searches: [CpuSnapshot, CpuSnapshot] };
  autovacuum: string;
  analyzeMembershipsSeconds: number | null;
  plans: PlanSummary[];
  storage: { sizes: { name: string; mib: number }[]; collation: string };
  problems: string[];
}

export function largeGroupReport(r: LargeGroupRun): ScenarioResult {
  const { members, batch, inFlight, adds } = r;
  const addsCpu = cpuDelta(adds.cpu.beforeAdds, adds.cpu.afterAdds);
  const drainCpu = cpuDelta(adds.cpu.afterAdds, adds.cpu.consumed);
  const pagesCpu = cpuDelta(...r.cpu.pages);
  const searchCpu = cpuDelta(...r.cpu.searches);
  const { latencies, byPrefixLength } = r.reads;
  const lat = Object.fromEntries(
    (Object.keys(latencies) as Kind[]).map((k) => [k, { gateway: stats(latencies[k].gateway), subgraph: stats(latencies[k].subgraph) }]),
  ) as Record<Kind, Record<Via, Stats>>;
  const call = stats(adds.callMs);
  const judged = !r.smoke && members === FULL_MEMBERS;
  const notJudged = judged || r.smoke ? undefined : `not judged (${members.toLocaleString('en')} members, not ${FULL_MEMBERS.toLocaleString('en')})`;
  const e2e = adds.consumedSeconds;
  const targets: Target[] = [
    {
      what: `${members.toLocaleString('en')} members bulk-added and consumed by messaging, s`,
      target: `<= ${TARGET_SECONDS}`,
      value: round(e2e, 2),
      met: judged ? e2e <= TARGET_SECONDS : null,
      notJudged,
    },
    ...(['page', 'name search', 'phone search'] as const).map((k) => ({
      what: `${k} p99 at the groups subgraph, ms`,
      target: `<= ${TARGET_P99_MS}`,
      value: round(lat[k].subgraph.p99),
      met: judged ? lat[k].subgraph.p99 <= TARGET_P99_MS : null,
      notJudged,
    })),
  ];

  const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '—');
  const table = [
    ['measurement', 'n', 'wall s', 'members/s', 'p50 ms', 'p99 ms', 'max ms'],
    [
      `add ${members.toLocaleString('en')} members via gateway (calls of ${batch.toLocaleString('en')}, ${inFlight} in flight)`,
      String(call.n),
      f(adds.addsSeconds),
      f(members / adds.addsSeconds, 0),
      f(call.p50, 0),
      f(call.p99, 0),
      f(call.max, 0),
    ],
    [`… and all consumed into messaging's group_members`, String(members), f(e2e), f(members / e2e, 0), '', '', ''],
    ...(['page', 'name search', 'phone search'] as const).flatMap((k) =>
      (['gateway', 'subgraph'] as const).map((via) => [
        `${k === 'page' ? 'page of 50' : `${k}, first 50`} ${via === 'gateway' ? 'via gateway' : 'at groups subgraph'}`,
        String(lat[k][via].n),
        '',
        '',
        f(lat[k][via].p50),
        f(lat[k][via].p99),
        f(lat[k][via].max),
      ]),
    ),
  ];

  const labels = [...new Set([...CPU_ORDER, ...Object.keys(addsCpu.byLabel), ...Object.keys(drainCpu.byLabel)])].filter(
    (l) => (addsCpu.byLabel[l] ?? 0) + (drainCpu.byLabel[l] ?? 0) > 0,
  );
  const pct = (ms: number, d: CpuDelta) => f((100 * ms) / Math.max(1, d.wallMs), 0);
  const cpuTable = [
    ['process', 'CPU s during adds', '% of a core', 'CPU s adds→consumed', '% of a core'],
    ...labels.map((l) => [
      l,
      f((addsCpu.byLabel[l] ?? 0) / 1000),
      pct(addsCpu.byLabel[l] ?? 0, addsCpu),
      f((drainCpu.byLabel[l] ?? 0) / 1000),
      pct(drainCpu.byLabel[l] ?? 0, drainCpu),
    ]),
    [
      'everything else (other processes, kernel)',
      f(addsCpu.unlabelledMs / 1000),
      pct(addsCpu.unlabelledMs, addsCpu),
      f(drainCpu.unlabelledMs / 1000),
      pct(drainCpu.unlabelledMs, drainCpu),
    ],
    [
      'whole machine (2 cores = 200 %)',
      f(addsCpu.machineBusyMs / 1000),
      pct(addsCpu.machineBusyMs, addsCpu),
      f(drainCpu.machineBusyMs / 1000),
      pct(drainCpu.machineBusyMs, drainCpu),
    ],
  ];
  const db = adds.database;
  const gdb = db.databases.groups ?? {};
  const mdb = db.databases.messaging ?? {};
  const perCall = (ms: number | undefined) => f((ms ?? NaN) / adds.calls, 1);
  const prefixLines = Object.entries(byPrefixLength)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, v]) => {
      const g = stats(v.gateway);
      const s = stats(v.subgraph);
      return `  ${key.padEnd(24)} n ${String(s.n).padStart(3)}  subgraph p50 ${f(s.p50)} p99 ${f(s.p99)} ms   gateway p50 ${f(g.p50)} p99 ${f(g.p99)} ms`;
    });
  const { copySeconds, analyzeSeconds } = r.setup;
  const notes = [
    `setup (not timed): owner signed in, one group created, ${members.toLocaleString('en')} rows seeded into the groups service's known_users ` +
      `read model by COPY in ${f(copySeconds, 1)} s (${Math.round(members / copySeconds).toLocaleString('en')} rows/s; phones +1 415 2000000 + i, names "member 000000" + i) and ANALYZEd`,
    `timed: ${adds.calls} addGroupMembers calls of ${batch.toLocaleString('en')} E.164 numbers (${Math.round(adds.bytesPerCall / 1024)} KiB each) through the gateway, ` +
      `${inFlight} in flight; every outcome checked ADDED; per-call latency in the p50/p99/max columns`,
    `events consumed = from the first call until messaging's count of the group's members (known_groups.member_count, written with its rows) shows all of them, then the rows counted once to confirm ` +
      `(polled every 250 ms after the last call: ${f(e2e - adds.addsSeconds)} s after it)`,
    `pages: ${r.walks.length} walks of ${r.pagesPerWalk} consecutive pages from random points of a first pass (${r.firstPass.cursors.length} pages of 500, ${f(r.firstPass.seconds, 1)} s, not timed); ` +
      `searches: ${r.searches} of each kind; one request at a time, gateway and subgraph alternating, timed from sending to the last byte; ` +
      `${r.warmup} unmeasured warm-up requests per kind. user { id } is resolved by the groups subgraph alone (no identity call), so the subgraph-direct figure is the whole server-side cost`,
    'search latency by prefix length (matches in the full group: 1 digit 100,000, 2 → 10,000, 3 → 1,000, 4 → 100):',
    ...prefixLines,
    ...(
      [
        ['pages', pagesCpu, latencies.page.subgraph.length],
        ['searches', searchCpu, latencies['name search'].subgraph.length + latencies['phone search'].subgraph.length],
      ] as const
    ).map(
      ([what, d, perPath]) =>
        `CPU per request during the ${what} (each request once through the gateway and once direct): groups ${f((d.byLabel.groups ?? 0) / (2 * perPath))} ms, ` +
        `its PostgreSQL ${f((d.byLabel['postgres: groups db'] ?? 0) / (2 * perPath))} ms, gateway ${f((d.byLabel.gateway ?? 0) / perPath)} ms per gateway request, ` +
        `this client ${f((d.byLabel['bench runner (clients, this process)'] ?? 0) / (2 * perPath))} ms; machine ${pct(d.machineBusyMs, d)} % busy (of 200)`,
    ),
    'CPU by process during the adds and until consumed (from /proc; PostgreSQL backends by database):',
    ...formatTable(cpuTable)
      .split('\n')
      .map((l) => `  ${l}`),
    `groups database during adds+consume: statements active ${f((gdb.activeMs ?? NaN) / 1000, 1)} s (${perCall(gdb.activeMs)} ms per call), ` +
      `idle in transaction ${f((gdb.idleInTransactionMs ?? NaN) / 1000, 1)} s (${perCall(gdb.idleInTransactionMs)} ms per call), ${(gdb.tupInserted ?? 0).toLocaleString('en')} rows inserted; ` +
      `messaging database: active ${f((mdb.activeMs ?? NaN) / 1000, 1)} s, ${(mdb.commits ?? 0).toLocaleString('en')} commits; ` +
      `WAL ${db.wal ? f((db.wal.bytes ?? 0) / 1048576, 0) : '—'} MiB, checkpoints ${db.checkpoints.timed ?? 0} timed + ${db.checkpoints.requested ?? 0} requested`,
    r.analyzeMembershipsSeconds === null
      ? 'autovacuum is on: planner statistics of memberships are whatever it gathered by the time of the reads'
      : `autovacuum is off on this PostgreSQL: before the reads the bench ran ANALYZE memberships (${f(r.analyzeMembershipsSeconds, 1)} s, not timed), as autovacuum would after a bulk insert`,
    `memberships table and indexes (MiB): ${r.storage.sizes.map((s) => `${s.name} ${s.mib}`).join(', ')}; database collation ${r.storage.collation}`,
    "plans (EXPLAIN ANALYZE in the groups database after the run, of SQL shaped like the groups service's member queries):",
    ...r.plans.map((p) => `  ${p.what.padEnd(30)} ${f(p.executionMs, 2).padStart(8)} ms  ${p.shape}`),
  ];

  return {
    name: 'large-group',
    ok: r.problems.length === 0,
    problems: r.problems,
    table,
    notes,
    targets,
    details: {
      members,
      batch,
      inFlight,
      calls: adds.calls,
      bytesPerCall: adds.bytesPerCall,
      seed: r.seed,
      groupId: r.groupId,
      machineBusyPercentBeforeAdds: round(adds.machineBusyBefore, 0),
      setup: { copySeconds: round(copySeconds), copyRowsPerSecond: Math.round(members / copySeconds), analyzeSeconds: round(analyzeSeconds) },
      adds: {
        wallSeconds: round(adds.addsSeconds, 3),
        membersPerSecond: Math.round(members / adds.addsSeconds),
        callLatencyMs: roundStats(call),
        callsMs: adds.callMs.map((ms) => round(ms, 1)),
      },
      eventsConsumed: {
        secondsFromFirstCall: round(e2e, 3),
        secondsAfterLastCall: round(e2e - adds.addsSeconds, 3),
        membersPerSecondEndToEnd: Number.isNaN(e2e) ? null : Math.round(members / e2e),
        countReached: adds.reachedInMessaging,
      },
      timeline: adds.samples.map((s) => ({ ...s, t: round(s.t, 1) })),
      cpuMs: {
        adds: {
          wallMs: addsCpu.wallMs,
          machineBusyMs: Math.round(addsCpu.machineBusyMs),
          unlabelledMs: Math.round(addsCpu.unlabelledMs),
          byProcess: roundAll(addsCpu.byLabel),
        },
        pages: { wallMs: pagesCpu.wallMs, machineBusyMs: Math.round(pagesCpu.machineBusyMs), byProcess: roundAll(pagesCpu.byLabel) },
        searches: { wallMs: searchCpu.wallMs, machineBusyMs: Math.round(searchCpu.machineBusyMs), byProcess: roundAll(searchCpu.byLabel) },
        addsToConsumed: {
          wallMs: drainCpu.wallMs,
          machineBusyMs: Math.round(drainCpu.machineBusyMs),
          unlabelledMs: Math.round(drainCpu.unlabelledMs),
          byProcess: roundAll(drainCpu.byLabel),
        },
      },
      database: db,
      firstPass: { pages: r.firstPass.cursors.length, members: r.firstPass.seen, seconds: round(r.firstPass.seconds, 2) },
      walks: r.walks.map((s) => s.before),
      latencyMs: Object.fromEntries(Object.entries(lat).map(([k, v]) => [k, { gateway: roundStats(v.gateway), subgraph: roundStats(v.subgraph) }])),
      searchLatencyByPrefixLengthMs: Object.fromEntries(
        Object.entries(byPrefixLength).map(([k, v]) => [k, { gateway: roundStats(stats(v.gateway)), subgraph: roundStats(stats(v.subgraph)) }]),
      ),
      plans: r.plans,
      membershipRelationsMiB: r.storage.sizes,
      autovacuum: r.autovacuum,
      analyzeMembershipsSeconds: r.analyzeMembershipsSeconds === null ? null : round(r.analyzeMembershipsSeconds),
      collation: r.storage.collation,
    },
  };
}

function roundAll(values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Math.round(v)]));
}
