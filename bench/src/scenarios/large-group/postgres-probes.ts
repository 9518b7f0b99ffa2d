import { Client } from 'pg';
import { round } from '../../scenario';
import type { BenchStack } from '../../stack';

/** Names the scenario's own connections, so the CPU of its probes is told apart from the services'. */
const APP_NAME = 'kz-bench-large-group';
export const MESSAGING_CONSUMER = 'messaging.group-events';

export async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: APP_NAME, connectionTimeoutMillis: 5_000 });
  await client.connect();
  return client;
}

export async function backendPid(client: Client): Promise<number> {
  return Number((await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);
}

export interface DbStats {
  databases: Record<
    string,
    { activeMs: number; idleInTransactionMs: number; commits: number; tupInserted: number; blksRead: number; blksHit: number; tempBytes: number }
  >;
  wal: { bytes: number; fullPageImages: number; writes: number; syncs: number } | null;
  checkpoints: { timed: number; requested: number; buffersWritten: number; backendBuffersWritten: number };
}

export async function dbStats(client: Client, stack: BenchStack): Promise<DbStats> {
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
  const c = (await client.query(`SELECT checkpoints_timed, checkpoints_req, buffers_checkpoint, buffers_backend FROM pg_stat_bgwriter`)).rows[0] as Record<
    string,
    string
  >;
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

export type DbStatsDelta = ReturnType<typeof dbStatsDelta>;

export function dbStatsDelta(a: DbStats, b: DbStats) {
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

export interface PipelineCounts {
  written: number;
  published: number;
  consumed: number;
}

/** Membership events groups has written and published, and messaging has consumed, so far. */
export async function pipelineCounts(groupsDb: Client, messagingDb: Client): Promise<PipelineCounts> {
  const [outbox, inbox] = await Promise.all([
    groupsDb.query(`SELECT count(*)::int AS written, count(published_at)::int AS published FROM outbox_events WHERE topic = 'groups.memberships'`),
    messagingDb.query(`SELECT count(*)::int AS consumed FROM inbox_processed_events WHERE consumer = $1`, [MESSAGING_CONSUMER]),
  ]);
  return { written: outbox.rows[0].written, published: outbox.rows[0].published, consumed: inbox.rows[0].consumed };
}

export interface Sample {
  t: number;
  membersAdded: number;
  outboxWritten: number | null;
  outboxPublished: number | null;
  consumedEvents: number | null;
  parkedEvents: number | null;
}

/** Progress of the pipeline from cheap queries (no count over the memberships): events written and published by groups, consumed by messaging. */
export async function sample(groupsDb: Client, messagingDb: Client, t: number, membersAdded: number, base: PipelineCounts): Promise<Sample> {
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

export interface PlanSummary {
  what: string;
  shape: string;
  executionMs: number;
  planningMs: number;
}

/**
 * Plans of SQL shaped like MembershipsService.list's (keyset page; prefix as a range in byte order), run after the reads:
 * only the plans are of interest.
 */
export async function memberQueryPlans(groupsDb: Client, groupId: string, members: number): Promise<PlanSummary[]> {
  const explain = async (what: string, sql: string, params: unknown[]): Promise<PlanSummary> => {
    const res = await groupsDb.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params);
    const plan = (res.rows[0] as { 'QUERY PLAN': any[] })['QUERY PLAN'][0];
    return { what, shape: planShape(plan.Plan), executionMs: round(plan['Execution Time'], 3), planningMs: round(plan['Planning Time'], 3) };
  };
  const midSeq =
    (await groupsDb.query(`SELECT seq FROM memberships WHERE group_id = $1 ORDER BY seq OFFSET $2 LIMIT 1`, [groupId, Math.floor(members / 2)])).rows[0]?.seq ??
    0;
  const cols = 'm.group_id, m.user_id, m.role, m.seq, m.joined_at, m.name_key, m.phone';
  const plans = [
    await explain('page after the middle member', `SELECT ${cols} FROM memberships m WHERE m.group_id = $1 AND m.seq > $2 ORDER BY m.seq LIMIT 51`, [
      groupId,
      midSeq,
    ]),
  ];
  for (const digits of ['0', '01', '012', '0123']) {
    plans.push(
      await explain(
        `name search "member ${digits}"`,
        `SELECT ${cols} FROM memberships m WHERE m.group_id = $1 AND m.name_key >= $2 AND m.name_key < $2 || chr(1114111) ORDER BY m.name_key, m.user_id LIMIT 51`,
        [groupId, `member ${digits}`],
      ),
    );
    plans.push(
      await explain(
        `phone search "+14152${digits}"`,
        `SELECT ${cols} FROM memberships m WHERE m.group_id = $1 AND m.phone >= $2 AND m.phone < $2 || chr(1114111) ORDER BY m.phone LIMIT 51`,
        [groupId, `+14152${digits}`],
      ),
    );
  }
  return plans;
}

/** Sizes of the memberships table and its indexes, and the database's collation. */
export async function membershipStorage(groupsDb: Client): Promise<{ sizes: { name: string; mib: number }[]; collation: string }> {
  const sizes = (
    await groupsDb.query(
      `SELECT c.relname AS name, pg_relation_size(c.oid)::bigint AS bytes FROM pg_class c
        WHERE c.oid = 'memberships'::regclass OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'memberships'::regclass)
        ORDER BY c.relname`,
    )
  ).rows.map((r: { name: string; bytes: string }) => ({ name: r.name, mib: round(Number(r.bytes) / 1048576, 1) }));
  const collation = (await groupsDb.query(`SELECT datcollate FROM pg_database WHERE datname = current_database()`)).rows[0]?.datcollate as string;
  return { sizes, collation };
}
