import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { eventually, mustQuery, postJson } from '@kz/stack';
import { copyFrom } from '../pg-copy';
import { formatTable } from '../report';
import { round, type Scenario, type ScenarioContext, type ScenarioResult, type Target } from '../scenario';
import type { BenchStack } from '../stack';
import { stackClassifier } from '../process-cpu';
import { cpuDelta, cpuSnapshot, type CpuDelta } from '../system-cpu';

/**
 * One group of a million members: bulk-added through the gateway in calls of
 * 10,000 numbers, the membership events consumed into messaging's read model,
 * then member pages and searches through the gateway and at the groups subgraph.
 */

const GROUP_NAME = 'Bench – large group';
const OWNER_PHONE = '+14155559000';
const OWNER_NAME = 'Large Group Owner';
const FULL_MEMBERS = 1_000_000;
/** +1 415 2000000 … +1 415 2999999: every one a valid US number for libphonenumber-js/max (checked once, all 1,000,000). */
export const MAX_MEMBERS = 1_000_000;
const TARGET_SECONDS = 40;
const TARGET_P99_MS = 20;
const MESSAGING_CONSUMER = 'messaging.group-events';
const APP_NAME = 'kz-bench-large-group';

/** Member i (0 ≤ i < 1,000,000): number, name and a deterministic, well-spread user id. */
export const memberPhone = (i: number) => `+14152${String(i).padStart(6, '0')}`;
export const memberName = (i: number) => `member ${String(i).padStart(6, '0')}`;
export function memberId(i: number): string {
  const h = createHash('md5').update(`kz-bench-member-${i}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 3) | 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const CREATE = `mutation($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }`;
const ADD = `mutation($input: AddGroupMembersInput!) { addGroupMembers(input: $input) { group { memberCount } outcomes { phone status message } } }`;
const PAGE = `query($id: ID!, $after: String) { group(id: $id) { members(first: 50, after: $after) { edges { node { role user { id } } } pageInfo { endCursor hasNextPage } } } }`;
const SEARCH = `query($id: ID!, $search: String!) { group(id: $id) { members(first: 50, search: $search) { edges { node { role user { id } } } pageInfo { endCursor hasNextPage } } } }`;
/** The first pass only needs where each page of 500 ends; the last page is fetched again with its edges, to count them. */
const PASS = `query($id: ID!, $after: String) { group(id: $id) { members(first: 500, after: $after) { pageInfo { endCursor hasNextPage } } } }`;
const LAST = `query($id: ID!, $after: String) { group(id: $id) { members(first: 500, after: $after) { edges { cursor } pageInfo { hasNextPage } } } }`;
const COUNT = `query($id: ID!) { group(id: $id) { memberCount } }`;

type Via = 'gateway' | 'subgraph';
type Kind = 'page' | 'name search' | 'phone search';

interface Sizes {
  members: number;
  batch: number;
  inFlight: number;
  /** Walks of consecutive pages, and pages per walk. */
  walks: number;
  pagesPerWalk: number;
  /** Searches of each kind (name, phone), each through both paths. */
  searches: number;
  warmup: number;
  /** Longest wait for messaging to hold every membership, after the adds. */
  consumeTimeoutMs: number;
}

function sizesFor(ctx: ScenarioContext): Sizes {
  const { smoke } = ctx.settings;
  const members = ctx.settings.members ?? (smoke ? 2_000 : FULL_MEMBERS);
  if (members > MAX_MEMBERS) throw new Error(`large-group adds at most ${MAX_MEMBERS.toLocaleString('en')} members (the checked number range)`);
  return {
    members,
    batch: Math.min(members, smoke ? 1_000 : 10_000),
    inFlight: ctx.settings.inFlight ?? 2,
    walks: smoke ? 2 : 4,
    pagesPerWalk: smoke ? 10 : 200,
    searches: smoke ? 20 : 200,
    warmup: smoke ? 2 : 10,
    consumeTimeoutMs: smoke ? 60_000 : 300_000,
  };
}

/** A seeded generator, so that a run's random points can be repeated. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Stats {
  n: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles, in the unit of the input. */
export function stats(values: readonly number[]): Stats {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return { n: 0, p50: NaN, p99: NaN, max: NaN, mean: NaN };
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: s[s.length - 1]!, mean: s.reduce((a, b) => a + b, 0) / s.length };
}

const roundStats = (s: Stats) => ({ n: s.n, p50: round(s.p50), p99: round(s.p99), max: round(s.max), mean: round(s.mean) });

/** One POST, timed from sending to the last byte of the body; the body parsed afterwards. */
async function timedGraphQL(url: string, body: string, token: string): Promise<{ ms: number; data: any; errors?: unknown[]; status: number; text: string }> {
  const started = performance.now();
  const { status, text } = await postJson(url, body, token);
  const ms = performance.now() - started;
  let parsed: { data?: any; errors?: unknown[] };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new Error(`${url} answered HTTP ${status} with a body that is not JSON: ${text.slice(0, 300)}`);
  }
  return { ms, data: parsed.data, errors: parsed.errors, status, text };
}

function mustOk(what: string, res: { status: number; errors?: unknown[]; data: any; text: string }): any {
  if (res.status !== 200 || (res.errors && res.errors.length > 0) || !res.data) {
    throw new Error(`${what}: HTTP ${res.status}: ${res.text.slice(0, 500)}`);
  }
  return res.data;
}

/** Rows of the seeded known_users table, as COPY text, in chunks. */
function* knownUserRows(members: number, chunk = 5_000): Generator<string> {
  for (let start = 0; start < members; start += chunk) {
    let text = '';
    for (let i = start; i < Math.min(members, start + chunk); i++) text += `${memberId(i)}\t${memberPhone(i)}\t${memberName(i)}\n`;
    yield text;
  }
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: APP_NAME, connectionTimeoutMillis: 5_000 });
  await client.connect();
  return client;
}

async function backendPid(client: Client): Promise<number> {
  return Number((await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);
}

const CPU_ORDER = [
  'gateway',
  'groups',
  'messaging',
  'identity',
  'import',
  'kafka broker',
  'postgres: groups db',
  'postgres: messaging db',
  'postgres: background',
  'postgres: other databases',
  'postgres: bench queries',
  'bench runner (clients, this process)',
];

interface DbStats {
  databases: Record<string, { activeMs: number; idleInTransactionMs: number; commits: number; tupInserted: number; blksRead: number; blksHit: number; tempBytes: number }>;
  wal: { bytes: number; fullPageImages: number; writes: number; syncs: number } | null;
  checkpoints: { timed: number; requested: number; buffersWritten: number; backendBuffersWritten: number };
}

async function dbStats(client: Client, stack: BenchStack): Promise<DbStats> {
  const names = (['groups', 'messaging'] as const).map((s) => new URL(stack.databaseUrl(s)).pathname.slice(1));
  const rows = (
    await client.query(
      `SELECT datname, active_time, idle_in_transaction_time, xact_commit, tup_inserted, blks_read, blks_hit, temp_bytes
         FROM pg_stat_database WHERE datname = ANY($1)`,
      [names],
    )
  ).rows as Record<string, string>[];
  const databases: DbStats['databases'] = {};
  for (const r of rows) {
    const service = r.datname!.replace(/^kz_[^_]+_/, '');
    databases[service] = {
      activeMs: Number(r.active_time),
      idleInTransactionMs: Number(r.idle_in_transaction_time),
      commits: Number(r.xact_commit),
      tupInserted: Number(r.tup_inserted),
      blksRead: Number(r.blks_read),
      blksHit: Number(r.blks_hit),
      tempBytes: Number(r.temp_bytes),
    };
  }
  let wal: DbStats['wal'] = null;
  try {
    const w = (await client.query(`SELECT wal_bytes, wal_fpi, wal_write, wal_sync FROM pg_stat_wal`)).rows[0] as Record<string, string>;
    wal = { bytes: Number(w.wal_bytes), fullPageImages: Number(w.wal_fpi), writes: Number(w.wal_write), syncs: Number(w.wal_sync) };
  } catch {
    // pg_stat_wal needs PostgreSQL 14.
  }
  const c = (await client.query(`SELECT checkpoints_timed, checkpoints_req, buffers_checkpoint, buffers_backend FROM pg_stat_bgwriter`)).rows[0] as Record<string, string>;
  return {
    databases,
    wal,
    checkpoints: {
      timed: Number(c.checkpoints_timed),
      requested: Number(c.checkpoints_req),
      buffersWritten: Number(c.buffers_checkpoint),
      backendBuffersWritten: Number(c.buffers_backend),
    },
  };
}

function dbStatsDelta(a: DbStats, b: DbStats) {
  const databases: Record<string, Record<string, number>> = {};
  for (const [name, after] of Object.entries(b.databases)) {
    const before = a.databases[name];
    if (!before) continue;
    databases[name] = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - before[k as keyof typeof before]]));
  }
  return {
    databases,
    wal: a.wal && b.wal ? Object.fromEntries(Object.entries(b.wal).map(([k, v]) => [k, v - a.wal![k as keyof typeof a.wal]])) : null,
    checkpoints: Object.fromEntries(Object.entries(b.checkpoints).map(([k, v]) => [k, v - a.checkpoints[k as keyof typeof a.checkpoints]])),
  };
}

interface Sample {
  t: number;
  membersAdded: number;
  outboxWritten: number | null;
  outboxPublished: number | null;
  consumedEvents: number | null;
  parkedEvents: number | null;
}

/** Progress of the pipeline from cheap queries (no count over the memberships): events written and published by groups, consumed by messaging. */
async function sample(groupsDb: Client, messagingDb: Client, t: number, membersAdded: number, base: { written: number; published: number; consumed: number }): Promise<Sample> {
  const out: Sample = { t, membersAdded, outboxWritten: null, outboxPublished: null, consumedEvents: null, parkedEvents: null };
  await Promise.all([
    groupsDb
      .query(`SELECT count(*)::int AS written, count(published_at)::int AS published FROM outbox_events WHERE topic = 'groups.memberships'`)
      .then((r) => {
        out.outboxWritten = r.rows[0].written - base.written;
        out.outboxPublished = r.rows[0].published - base.published;
      })
      .catch(() => undefined),
    messagingDb
      .query(
        `SELECT (SELECT count(*)::int FROM inbox_processed_events WHERE consumer = $1) AS consumed, (SELECT count(*)::int FROM inbox_parked_events) AS parked`,
        [MESSAGING_CONSUMER],
      )
      .then((r) => {
        out.consumedEvents = r.rows[0].consumed - base.consumed;
        out.parkedEvents = r.rows[0].parked;
      })
      .catch(() => undefined),
  ]);
  return out;
}

/** The first node types of a plan, e.g. "Limit > Index Scan (memberships_group_seq_idx)". */
function planShape(plan: any): string {
  const parts: string[] = [];
  let node = plan;
  while (node && parts.length < 6) {
    parts.push(`${node['Node Type']}${node['Index Name'] ? ` (${node['Index Name']})` : ''}${node['Sort Method'] ? ` [${node['Sort Method']}]` : ''}`);
    node = node.Plans?.[0];
  }
  return parts.join(' > ');
}

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { stack, settings } = ctx;
  const sz = sizesFor(ctx);
  const { members, batch, inFlight } = sz;
  const problems: string[] = [];
  const gatewayUrl = stack.gateway('ours').url;
  const groupsUrl = stack.service('groups').url;
  const seed = Number(process.env.BENCH_SEED ?? Date.now() % 1_000_000);
  const random = mulberry32(seed);

  // ---- setup, not timed --------------------------------------------------
  ctx.log(`setup (not timed): signing in the owner and creating the group`);
  const owner = await stack.signIn(OWNER_PHONE, OWNER_NAME);
  const token = owner.token;
  const groupId: string = (await mustQuery(gatewayUrl, CREATE, { input: { name: GROUP_NAME } }, token)).createGroup.group.id;

  const groupsDb = await connect(stack.databaseUrl('groups'));
  const messagingDb = await connect(stack.databaseUrl('messaging'));
  const poller = await connect(stack.databaseUrl('messaging'));
  const statsDb = await connect(stack.databaseUrl('groups'));
  try {
    const benchBackends = new Set(await Promise.all([groupsDb, messagingDb, poller, statsDb].map(backendPid)));
    const classify = stackClassifier(stack, benchBackends);
    const countInMessaging = async () =>
      Number((await poller.query<{ n: string }>(`SELECT count(*) AS n FROM group_members WHERE group_id = $1`, [groupId])).rows[0]!.n);

    // Messaging holds the owner's membership before anything is timed.
    const baseline = await eventually(
      "the owner's membership in messaging's read model",
      async () => {
        const n = await countInMessaging();
        if (n < 1) throw new Error('not there yet');
        return n;
      },
      60_000,
      100,
    );

    ctx.log(`setup (not timed): seeding ${members.toLocaleString('en')} rows into the groups service's known_users read model by COPY`);
    const copyStart = performance.now();
    const copied = await copyFrom(groupsDb, 'COPY known_users (id, phone, name_key) FROM STDIN', knownUserRows(members));
    const copySeconds = (performance.now() - copyStart) / 1000;
    if (copied !== members) throw new Error(`COPY into known_users reported ${copied} rows instead of ${members}`);
    const analyzeStart = performance.now();
    await groupsDb.query('ANALYZE known_users');
    const analyzeSeconds = (performance.now() - analyzeStart) / 1000;
    ctx.log(
      `setup (not timed): COPY of ${members.toLocaleString('en')} known users in ${copySeconds.toFixed(1)} s ` +
        `(${Math.round(members / copySeconds).toLocaleString('en')} rows/s), ANALYZE in ${analyzeSeconds.toFixed(1)} s`,
    );

    // Request bodies are built before the clock starts; phones as E.164 strings, role left to its default (MEMBER).
    const calls: { from: number; to: number; body: string }[] = [];
    for (let from = 0; from < members; from += batch) {
      const to = Math.min(members, from + batch);
      const list = Array.from({ length: to - from }, (_, k) => ({ phone: memberPhone(from + k) }));
      calls.push({ from, to, body: JSON.stringify({ query: ADD, variables: { input: { groupId, members: list } } }) });
    }
    const baseRows = await Promise.all([
      groupsDb.query(`SELECT count(*)::int AS written, count(published_at)::int AS published FROM outbox_events WHERE topic = 'groups.memberships'`),
      messagingDb.query(`SELECT count(*)::int AS consumed FROM inbox_processed_events WHERE consumer = $1`, [MESSAGING_CONSUMER]),
    ]);
    const base = { written: baseRows[0].rows[0].written, published: baseRows[0].rows[0].published, consumed: baseRows[1].rows[0].consumed };
    const bytesPerCall = Math.round(calls.reduce((s, c) => s + c.body.length, 0) / calls.length);

    // ---- timed: bulk add through the gateway ------------------------------
    const dbBefore = await dbStats(statsDb, stack);
    const busy = await (async () => {
      const a = cpuSnapshot(() => null);
      await new Promise((r) => setTimeout(r, 1_000));
      const b = cpuSnapshot(() => null);
      return (100 * (b.machine.busy - a.machine.busy)) / Math.max(1, b.machine.total - a.machine.total);
    })();
    if (busy > 15) ctx.log(`warning: the machine is ${busy.toFixed(0)} % busy before the adds; something else is running`);
    ctx.log(
      `timed: adding ${members.toLocaleString('en')} members through the gateway in ${calls.length} calls of ${batch.toLocaleString('en')} ` +
        `(${Math.round(bytesPerCall / 1024)} KiB each), ${inFlight} in flight`,
    );
    const samples: Sample[] = [];
    let membersAdded = 0;
    let sampling = true;
    const t0 = performance.now();
    const cpu0 = cpuSnapshot(classify);
    const sampler = (async () => {
      let lastLog = 0;
      while (sampling) {
        await new Promise((r) => setTimeout(r, 1_000));
        if (!sampling) break;
        const s = await sample(groupsDb, messagingDb, (performance.now() - t0) / 1000, membersAdded, base);
        samples.push(s);
        if (s.t - lastLog >= 5) {
          lastLog = s.t;
          ctx.log(
            `${s.t.toFixed(0).padStart(4)} s: ${s.membersAdded.toLocaleString('en')} added; membership events written ${s.outboxWritten}, ` +
              `published ${s.outboxPublished}, consumed by messaging ${s.consumedEvents}${s.parkedEvents ? `, PARKED ${s.parkedEvents}` : ''}`,
          );
        }
      }
    })();

    const callMs: number[] = [];
    const outcomeProblems = new Map<string, { count: number; example: unknown }>();
    let next = 0;
    let failed: Error | undefined;
    const worker = async () => {
      while (next < calls.length && !failed) {
        const call = calls[next++]!;
        try {
          const res = await timedGraphQL(gatewayUrl, call.body, token);
          const data = mustOk(`addGroupMembers of members ${call.from}..${call.to - 1}`, res);
          callMs.push(res.ms);
          const outcomes = data.addGroupMembers.outcomes as { phone: string; status: string; message: string | null }[];
          if (outcomes.length !== call.to - call.from) throw new Error(`addGroupMembers answered ${outcomes.length} outcomes for ${call.to - call.from} numbers`);
          outcomes.forEach((o, k) => {
            const expected = memberPhone(call.from + k);
            const wrong = o.phone !== expected ? `outcome for ${expected} names ${o.phone}` : o.status !== 'ADDED' ? o.status : null;
            if (!wrong) return;
            const entry = outcomeProblems.get(wrong) ?? { count: 0, example: o };
            entry.count++;
            outcomeProblems.set(wrong, entry);
          });
          membersAdded += outcomes.filter((o) => o.status === 'ADDED').length;
        } catch (err) {
          failed ??= err as Error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(inFlight, calls.length) }, worker));
    const addsSeconds = (performance.now() - t0) / 1000;
    const cpu1 = cpuSnapshot(classify);
    if (failed) {
      sampling = false;
      await sampler;
      throw failed;
    }
    for (const [what, { count, example }] of outcomeProblems) problems.push(`${count} outcomes ${what}, e.g. ${JSON.stringify(example)}`);
    ctx.log(
      `adds done: ${membersAdded.toLocaleString('en')} ADDED in ${addsSeconds.toFixed(2)} s = ${Math.round(members / addsSeconds).toLocaleString('en')} members/s; ` +
        `waiting for messaging's read model (count polled every 250 ms)`,
    );

    // Messaging's read model: the exact count, polled every 250 ms once the adds are done
    // (a count over up to a million rows costs tens of milliseconds of PostgreSQL; polling it during the adds would slow them).
    const target = baseline + members;
    let consumedSeconds = NaN;
    let lastCount = 0;
    const deadline = performance.now() + sz.consumeTimeoutMs;
    for (;;) {
      const polledAt = performance.now();
      lastCount = await countInMessaging();
      if (lastCount >= target) {
        consumedSeconds = (performance.now() - t0) / 1000;
        break;
      }
      if (performance.now() > deadline) break;
      await new Promise((r) => setTimeout(r, Math.max(0, 250 - (performance.now() - polledAt))));
    }
    const cpu2 = cpuSnapshot(classify);
    sampling = false;
    await sampler;
    samples.push(await sample(groupsDb, messagingDb, (performance.now() - t0) / 1000, membersAdded, base));
    if (Number.isNaN(consumedSeconds)) {
      problems.push(
        `messaging's read model holds ${lastCount - baseline} of ${members} new memberships after waiting ${sz.consumeTimeoutMs / 1000} s past the adds ` +
          `(last sample: ${JSON.stringify(samples[samples.length - 1])})`,
      );
    } else {
      ctx.log(
        `events consumed: messaging holds all ${members.toLocaleString('en')} memberships ${consumedSeconds.toFixed(2)} s after the first call ` +
          `(${(consumedSeconds - addsSeconds).toFixed(2)} s after the last) = ${Math.round(members / consumedSeconds).toLocaleString('en')} members/s end to end`,
      );
    }
    // pg_stat_database is flushed by each backend about a second after it goes idle.
    await new Promise((r) => setTimeout(r, 2_000));
    const dbAfter = await dbStats(statsDb, stack);
    const db = dbStatsDelta(dbBefore, dbAfter);

    const memberCount = (await mustQuery(gatewayUrl, COUNT, { id: groupId }, token)).group.memberCount as number;
    if (memberCount !== baseline + members) problems.push(`group.memberCount is ${memberCount}, expected ${baseline + members}`);

    // ---- member pages and searches ----------------------------------------
    // Planner statistics: with autovacuum on, PostgreSQL analyzes memberships by itself after so many inserts; without
    // statistics it misjudges prefix ranges (a bitmap scan of every match and a sort instead of an ordered index range).
    const autovacuum = (await groupsDb.query<{ autovacuum: string }>('SHOW autovacuum')).rows[0]!.autovacuum;
    let analyzeMembershipsSeconds: number | null = null;
    if (autovacuum !== 'on') {
      const started = performance.now();
      await groupsDb.query('ANALYZE memberships');
      analyzeMembershipsSeconds = (performance.now() - started) / 1000;
      ctx.log(`setup (not timed): autovacuum is off on this server; ANALYZE memberships in ${analyzeMembershipsSeconds.toFixed(1)} s, as autovacuum would do`);
    }
    ctx.log(`a first pass over the whole member list in pages of 500 at the groups subgraph, for cursors (not timed)`);
    const passStart = performance.now();
    const cursors: { before: number; cursor: string | null }[] = [{ before: 0, cursor: null }];
    let seen = 0;
    for (let after: string | null = null; ; ) {
      const res = await timedGraphQL(groupsUrl, JSON.stringify({ query: PASS, variables: { id: groupId, after } }), token);
      const conn = mustOk('first pass', res).group.members;
      if (!conn.pageInfo.hasNextPage) {
        const last = mustOk('last page', await timedGraphQL(groupsUrl, JSON.stringify({ query: LAST, variables: { id: groupId, after } }), token)).group.members;
        seen += last.edges.length;
        break;
      }
      seen += 500;
      after = conn.pageInfo.endCursor;
      cursors.push({ before: seen, cursor: after });
    }
    const passSeconds = (performance.now() - passStart) / 1000;
    if (seen !== baseline + members) problems.push(`the member list has ${seen} entries, expected ${baseline + members}`);
    ctx.log(`first pass: ${seen.toLocaleString('en')} members in ${cursors.length} pages, ${passSeconds.toFixed(1)} s`);

    const latencies: Record<Kind, Record<Via, number[]>> = {
      page: { gateway: [], subgraph: [] },
      'name search': { gateway: [], subgraph: [] },
      'phone search': { gateway: [], subgraph: [] },
    };
    const byPrefixLength: Record<string, Record<Via, number[]>> = {};
    const urls: Record<Via, string> = { gateway: gatewayUrl, subgraph: groupsUrl };
    let wrongAnswers = 0;
    const wrong = (message: string) => {
      if (wrongAnswers++ < 5) problems.push(message);
    };

    /** The same operation through both paths, in alternating order; both answers must agree. */
    let alternate = 0;
    const both = async (query: string, variables: Record<string, unknown>, record: ((via: Via, ms: number) => void) | null) => {
      const body = JSON.stringify({ query, variables });
      const order: Via[] = alternate++ % 2 ? ['subgraph', 'gateway'] : ['gateway', 'subgraph'];
      const answers: Partial<Record<Via, any>> = {};
      for (const via of order) {
        const res = await timedGraphQL(urls[via], body, token);
        answers[via] = mustOk(`${via} ${JSON.stringify(variables)}`, res).group.members;
        record?.(via, res.ms);
      }
      if (!isDeepStrictEqual(answers.gateway, answers.subgraph)) wrong(`gateway and subgraph disagree on ${JSON.stringify(variables)}`);
      return answers.gateway as { edges: { node: { role: string; user: { id: string } } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
    };

    // Walks of consecutive pages from random points of the first pass.
    const room = sz.pagesPerWalk * 50;
    const startable = cursors.filter((c) => c.before + room <= seen);
    const starts: { before: number; cursor: string | null }[] = [];
    for (let w = 0; w < sz.walks && startable.length > 0; w++) starts.push(startable.splice(Math.floor(random() * startable.length), 1)[0]!);
    starts.sort((a, b) => a.before - b.before);
    ctx.log(`pages: ${starts.length} walks of ${sz.pagesPerWalk} pages of 50 from members ${starts.map((s) => s.before.toLocaleString('en')).join(', ')}, each page through gateway and subgraph`);
    for (let w = 0; w < sz.warmup; w++) await both(PAGE, { id: groupId, after: cursors[Math.floor(random() * cursors.length)]!.cursor }, null);
    const pagesCpu0 = cpuSnapshot(classify);
    for (const start of starts) {
      let after = start.cursor;
      const ids = new Set<string>();
      for (let p = 0; p < sz.pagesPerWalk; p++) {
        const conn = await both(PAGE, { id: groupId, after }, (via, ms) => latencies.page[via].push(ms));
        if (conn.edges.length !== 50) wrong(`page ${p} of the walk from member ${start.before} has ${conn.edges.length} members`);
        for (const e of conn.edges) {
          if (ids.has(e.node.user.id)) wrong(`member ${e.node.user.id} appears twice in the walk from member ${start.before}`);
          ids.add(e.node.user.id);
        }
        if (!conn.pageInfo.endCursor) {
          wrong(`page ${p} of the walk from member ${start.before} has no end cursor`);
          break;
        }
        after = conn.pageInfo.endCursor;
      }
    }

    // Searches: prefixes of 1–4 digits after "member " and "+14152", at random members; 100,000 / 10,000 / 1,000 / 100 matches in the full group.
    const prefixes: { digits: string; at: number }[] = [];
    if (members >= 12_400) prefixes.push({ digits: '0123', at: 0 }, { digits: '001', at: 0 }); // "member 0123", "+14152001": the issue's examples
    while (prefixes.length < sz.searches) {
      const k = 1 + (prefixes.length % 4);
      prefixes.push({ digits: String(Math.floor(random() * members)).padStart(6, '0').slice(0, k), at: 0 });
    }
    const searchCheck = (kind: Kind, search: string, digits: string, conn: Awaited<ReturnType<typeof both>>) => {
      const scale = 10 ** (6 - digits.length);
      const lo = Number(digits) * scale;
      const matches = Math.max(0, Math.min(members, lo + scale) - lo);
      const expected = Array.from({ length: Math.min(50, matches) }, (_, k) => memberId(lo + k));
      const got = conn.edges.map((e) => e.node.user.id);
      if (!isDeepStrictEqual(got, expected)) wrong(`${kind} "${search}": ${got.length} members, not the first ${expected.length} of ${matches} in order`);
      else if (conn.pageInfo.hasNextPage !== matches > 50) wrong(`${kind} "${search}": hasNextPage ${conn.pageInfo.hasNextPage} with ${matches} matches`);
    };
    const pagesCpu = cpuDelta(pagesCpu0, cpuSnapshot(classify));
    ctx.log(`searches: ${prefixes.length} name and ${prefixes.length} phone prefixes of 1–4 digits, each through gateway and subgraph`);
    for (let w = 0; w < sz.warmup; w++) {
      const digits = prefixes[w % prefixes.length]!.digits;
      await both(SEARCH, { id: groupId, search: `member ${digits}` }, null);
      await both(SEARCH, { id: groupId, search: `+14152${digits}` }, null);
    }
    const searchCpu0 = cpuSnapshot(classify);
    for (const { digits } of prefixes) {
      for (const [kind, search] of [
        ['name search', `member ${digits}`],
        ['phone search', `+14152${digits}`],
      ] as const) {
        const key = `${kind}, ${digits.length} digit${digits.length > 1 ? 's' : ''}`;
        byPrefixLength[key] ??= { gateway: [], subgraph: [] };
        const conn = await both(SEARCH, { id: groupId, search }, (via, ms) => {
          latencies[kind][via].push(ms);
          byPrefixLength[key]![via].push(ms);
        });
        searchCheck(kind, search, digits, conn);
      }
    }
    const searchCpu = cpuDelta(searchCpu0, cpuSnapshot(classify));
    if (wrongAnswers > 5) problems.push(`… ${wrongAnswers - 5} more wrong answers`);

    // ---- diagnostics: plans of the member queries, sizes -------------------
    // The SQL approximates what MembershipsService.list sends (keyset page; prefix as a range in byte order); only the plans are of interest.
    const explain = async (what: string, sql: string, params: unknown[]) => {
      const res = await groupsDb.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params);
      const plan = (res.rows[0] as { 'QUERY PLAN': any[] })['QUERY PLAN'][0];
      return { what, shape: planShape(plan.Plan), executionMs: round(plan['Execution Time'], 3), planningMs: round(plan['Planning Time'], 3) };
    };
    const midSeq = (await groupsDb.query(`SELECT seq FROM memberships WHERE group_id = $1 ORDER BY seq OFFSET $2 LIMIT 1`, [groupId, Math.floor(seen / 2)])).rows[0]?.seq ?? 0;
    const cols = 'm.group_id, m.user_id, m.role, m.seq, m.joined_at, m.name_key, m.phone';
    const plans = [
      await explain('page after the middle member', `SELECT ${cols} FROM memberships m WHERE m.group_id = $1 AND m.seq > $2 ORDER BY m.seq LIMIT 51`, [groupId, midSeq]),
    ];
    for (const digits of ['0', '01', '012', '0123']) {
      plans.push(
        await explain(`name search "member ${digits}"`, `SELECT ${cols} FROM memberships m WHERE m.group_id = $1 AND m.name_key >= $2 AND m.name_key < $2 || chr(1114111) ORDER BY m.name_key, m.user_id LIMIT 51`,
          [groupId, `member ${digits}`]),
      );
      plans.push(
        await explain(`phone search "+14152${digits}"`, `SELECT ${cols} FROM memberships m WHERE m.group_id = $1 AND m.phone >= $2 AND m.phone < $2 || chr(1114111) ORDER BY m.phone LIMIT 51`,
          [groupId, `+14152${digits}`]),
      );
    }
    const sizes = (
      await groupsDb.query(
        `SELECT c.relname AS name, pg_relation_size(c.oid)::bigint AS bytes FROM pg_class c
          WHERE c.oid = 'memberships'::regclass OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'memberships'::regclass)
          ORDER BY c.relname`,
      )
    ).rows.map((r: { name: string; bytes: string }) => ({ name: r.name, mib: round(Number(r.bytes) / 1048576, 1) }));
    const collation = (await groupsDb.query(`SELECT datcollate FROM pg_database WHERE datname = current_database()`)).rows[0]?.datcollate as string;

    // ---- report ---------------------------------------------------------------
    const addsCpu = cpuDelta(cpu0, cpu1);
    const drainCpu = cpuDelta(cpu1, cpu2);
    const lat = Object.fromEntries(
      (Object.keys(latencies) as Kind[]).map((k) => [k, { gateway: stats(latencies[k].gateway), subgraph: stats(latencies[k].subgraph) }]),
    ) as Record<Kind, Record<Via, Stats>>;
    const call = stats(callMs);
    const judged = !settings.smoke && members === FULL_MEMBERS;
    const notJudged = judged || settings.smoke ? undefined : `not judged (${members.toLocaleString('en')} members, not ${FULL_MEMBERS.toLocaleString('en')})`;
    const e2e = Number.isNaN(consumedSeconds) ? NaN : consumedSeconds;
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
        f(addsSeconds),
        f(members / addsSeconds, 0),
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
      ...labels.map((l) => [l, f((addsCpu.byLabel[l] ?? 0) / 1000), pct(addsCpu.byLabel[l] ?? 0, addsCpu), f((drainCpu.byLabel[l] ?? 0) / 1000), pct(drainCpu.byLabel[l] ?? 0, drainCpu)]),
      ['everything else (other processes, kernel)', f(addsCpu.unlabelledMs / 1000), pct(addsCpu.unlabelledMs, addsCpu), f(drainCpu.unlabelledMs / 1000), pct(drainCpu.unlabelledMs, drainCpu)],
      ['whole machine (2 cores = 200 %)', f(addsCpu.machineBusyMs / 1000), pct(addsCpu.machineBusyMs, addsCpu), f(drainCpu.machineBusyMs / 1000), pct(drainCpu.machineBusyMs, drainCpu)],
    ];
    const gdb = db.databases.groups ?? {};
    const mdb = db.databases.messaging ?? {};
    const perCall = (ms: number | undefined) => f((ms ?? NaN) / calls.length, 1);
    const prefixLines = Object.entries(byPrefixLength)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, v]) => {
        const g = stats(v.gateway);
        const s = stats(v.subgraph);
        return `  ${key.padEnd(24)} n ${String(s.n).padStart(3)}  subgraph p50 ${f(s.p50)} p99 ${f(s.p99)} ms   gateway p50 ${f(g.p50)} p99 ${f(g.p99)} ms`;
      });
    const notes = [
      `setup (not timed): owner signed in, one group created, ${members.toLocaleString('en')} rows seeded into the groups service's known_users ` +
        `read model by COPY in ${f(copySeconds, 1)} s (${Math.round(members / copySeconds).toLocaleString('en')} rows/s; phones +1 415 2000000 + i, names "member 000000" + i) and ANALYZEd`,
      `timed: ${calls.length} addGroupMembers calls of ${batch.toLocaleString('en')} E.164 numbers (${Math.round(bytesPerCall / 1024)} KiB each) through the gateway, ` +
        `${inFlight} in flight; every outcome checked ADDED; per-call latency in the p50/p99/max columns`,
      `events consumed = from the first call until SELECT count(*) FROM group_members WHERE group_id = $1 in messaging's database shows all of them ` +
        `(polled every 250 ms after the last call: ${f(Number.isNaN(e2e) ? NaN : e2e - addsSeconds)} s after it)`,
      `pages: ${starts.length} walks of ${sz.pagesPerWalk} consecutive pages from random points of a first pass (${cursors.length} pages of 500, ${f(passSeconds, 1)} s, not timed); ` +
        `searches: ${prefixes.length} of each kind; one request at a time, gateway and subgraph alternating, timed from sending to the last byte; ` +
        `${sz.warmup} unmeasured warm-up requests per kind. user { id } is resolved by the groups subgraph alone (no identity call), so the subgraph-direct figure is the whole server-side cost`,
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
      analyzeMembershipsSeconds === null
        ? 'autovacuum is on: planner statistics of memberships are whatever it gathered by the time of the reads'
        : `autovacuum is off on this PostgreSQL: before the reads the bench ran ANALYZE memberships (${f(analyzeMembershipsSeconds, 1)} s, not timed), as autovacuum would after a bulk insert`,
      `memberships table and indexes (MiB): ${sizes.map((s) => `${s.name} ${s.mib}`).join(', ')}; database collation ${collation}`,
      "plans (EXPLAIN ANALYZE in the groups database after the run, of SQL shaped like the groups service's member queries):",
      ...plans.map((p) => `  ${p.what.padEnd(30)} ${f(p.executionMs, 2).padStart(8)} ms  ${p.shape}`),
    ];

    return {
      name: 'large-group',
      ok: problems.length === 0,
      problems,
      table,
      notes,
      targets,
      details: {
        members,
        batch,
        inFlight,
        calls: calls.length,
        bytesPerCall,
        seed,
        groupId,
        machineBusyPercentBeforeAdds: round(busy, 0),
        setup: { copySeconds: round(copySeconds), copyRowsPerSecond: Math.round(members / copySeconds), analyzeSeconds: round(analyzeSeconds) },
        adds: {
          wallSeconds: round(addsSeconds, 3),
          membersPerSecond: Math.round(members / addsSeconds),
          callLatencyMs: roundStats(call),
          callsMs: callMs.map((ms) => round(ms, 1)),
        },
        eventsConsumed: {
          secondsFromFirstCall: round(e2e, 3),
          secondsAfterLastCall: round(e2e - addsSeconds, 3),
          membersPerSecondEndToEnd: Number.isNaN(e2e) ? null : Math.round(members / e2e),
          countReached: lastCount - baseline,
        },
        timeline: samples.map((s) => ({ ...s, t: round(s.t, 1) })),
        cpuMs: {
          adds: { wallMs: addsCpu.wallMs, machineBusyMs: Math.round(addsCpu.machineBusyMs), unlabelledMs: Math.round(addsCpu.unlabelledMs), byProcess: roundAll(addsCpu.byLabel) },
          pages: { wallMs: pagesCpu.wallMs, machineBusyMs: Math.round(pagesCpu.machineBusyMs), byProcess: roundAll(pagesCpu.byLabel) },
          searches: { wallMs: searchCpu.wallMs, machineBusyMs: Math.round(searchCpu.machineBusyMs), byProcess: roundAll(searchCpu.byLabel) },
          addsToConsumed: { wallMs: drainCpu.wallMs, machineBusyMs: Math.round(drainCpu.machineBusyMs), unlabelledMs: Math.round(drainCpu.unlabelledMs), byProcess: roundAll(drainCpu.byLabel) },
        },
        database: db,
        firstPass: { pages: cursors.length, members: seen, seconds: round(passSeconds, 2) },
        walks: starts.map((s) => s.before),
        latencyMs: Object.fromEntries(Object.entries(lat).map(([k, v]) => [k, { gateway: roundStats(v.gateway), subgraph: roundStats(v.subgraph) }])),
        searchLatencyByPrefixLengthMs: Object.fromEntries(
          Object.entries(byPrefixLength).map(([k, v]) => [k, { gateway: roundStats(stats(v.gateway)), subgraph: roundStats(stats(v.subgraph)) }]),
        ),
        plans,
        membershipRelationsMiB: sizes,
        autovacuum,
        analyzeMembershipsSeconds: analyzeMembershipsSeconds === null ? null : round(analyzeMembershipsSeconds),
        collation,
      },
    };
  } finally {
    await Promise.all([groupsDb, messagingDb, poller, statsDb].map((c) => c.end().catch(() => undefined)));
  }
}

function roundAll(values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Math.round(v)]));
}

export const largeGroup: Scenario = {
  name: 'large-group',
  description: 'one group of 1,000,000 members: bulk add through the gateway, events into messaging, member pages and searches',
  run,
};
