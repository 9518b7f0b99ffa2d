import { connectorMay, type Caller } from '@kz/auth';
import { badInput, DomainError } from '@kz/errors';
import type { AuditPayload } from '@kz/events';
import { decodeSeqCursor, isUuid, pageFrom, type Page } from '@kz/db';
import type { DataSource, EntityManager } from 'typeorm';
import { requireOrgAdmin } from '../org-access';
import { chainHash, GENESIS, verifyChainBatch, type AuditEntry, type ChainBreak } from './audit-chain';

export interface AuditFilter {
  actorId?: string | null;
  /** An action (`group.created`) or the start of several (`group`). */
  action?: string | null;
  targetId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** An entry as the log shows it: with the actor's name as identity knows it now. */
export interface AuditEntryView extends AuditEntry {
  actorName: string | null;
  hash: string;
}

export interface ChainCheck {
  intact: boolean;
  entries: number;
  /** The newest entry's hash (hex), to keep elsewhere and compare later; null for an empty log. */
  headHash: string | null;
  broken: ChainBreak | null;
}

interface EntryRow {
  seq: string;
  id: string;
  occurred_at: Date;
  action: string;
  actor_kind: AuditEntry['actorKind'];
  actor_id: string | null;
  via: string | null;
  client_address: string | null;
  target_type: string;
  target_id: string;
  target_name: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  count: number | null;
  prev_hash: Buffer;
  hash: Buffer;
  actor_name?: string | null;
}

const ACTION_FILTER = /^[a-z][a-z-]*(\.[a-z][a-z-]*)*$/;
const MAX_PAGE = 200;
const BATCH = 2_000;

const entryOf = (r: EntryRow): AuditEntry => ({
  seq: String(r.seq),
  id: r.id,
  occurredAt: r.occurred_at.toISOString(),
  action: r.action,
  actorKind: r.actor_kind,
  actorId: r.actor_id,
  via: r.via,
  clientAddress: r.client_address,
  targetType: r.target_type,
  targetId: r.target_id,
  targetName: r.target_name,
  before: r.before,
  after: r.after,
  count: r.count,
});

const viewOf = (r: EntryRow): AuditEntryView => ({ ...entryOf(r), actorName: r.actor_name ?? null, hash: r.hash.toString('hex') });

/**
 * Each organisation's audit log: entries every service emits in the same
 * transaction as the change, appended here in the order they arrive and
 * chained by hash. Nothing here changes or removes an entry.
 */
export class AuditLogService {
  constructor(private readonly dataSource: DataSource) {}

  /** Org admins (and connectors granted AUDIT_LOG) read the log newest first, filtered, in keyset pages. */
  async page(caller: Caller, orgId: string, filter: AuditFilter, first: number, after: string | null): Promise<Page<AuditEntryView>> {
    await this.requireReader(caller, orgId);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput('first', `Ask for 1 to ${MAX_PAGE} entries at a time.`);
    const before = after === null ? null : decodeSeqCursor(after);
    const rows = await this.query(orgId, filter, before, first + 1);
    return pageFrom(rows.map(viewOf), first, (e) => [e.seq], before !== null);
  }

  /** Every entry the filter selects, newest first, a batch at a time: for downloads of any size. */
  async *stream(caller: Caller, orgId: string, filter: AuditFilter): AsyncGenerator<AuditEntryView[]> {
    await this.requireReader(caller, orgId);
    let before: string | null = null;
    for (;;) {
      const rows = await this.query(orgId, filter, before, BATCH);
      if (rows.length === 0) return;
      yield rows.map(viewOf);
      if (rows.length < BATCH) return;
      before = String(rows.at(-1)!.seq);
    }
  }

  /** Recomputes the organisation's whole chain: intact, or where it first breaks. */
  async checkChain(caller: Caller, orgId: string): Promise<ChainCheck> {
    await this.requireReader(caller, orgId);
    const state = { nextSeq: 1n, previous: GENESIS };
    const verified = () => Number(state.nextSeq - 1n);
    for (;;) {
      const rows = (await this.dataSource.query(`SELECT * FROM audit_entries WHERE org_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3`, [
        orgId,
        String(state.nextSeq),
        BATCH,
      ])) as EntryRow[];
      const broken = verifyChainBatch(
        rows.map((r) => ({ ...entryOf(r), prevHash: r.prev_hash, hash: r.hash })),
        state,
      );
      if (broken) return { intact: false, entries: verified(), headHash: null, broken };
      if (rows.length < BATCH) break;
    }
    const [head] = (await this.dataSource.query(`SELECT last_seq, last_hash FROM audit_chains WHERE org_id = $1`, [orgId])) as {
      last_seq: string;
      last_hash: Buffer;
    }[];
    const lastSeq = head ? BigInt(head.last_seq) : 0n;
    if (lastSeq !== state.nextSeq - 1n || (head && !head.last_hash.equals(state.previous))) {
      const broken = { seq: String(lastSeq), reason: `Entries up to ${lastSeq} were recorded; the log ends at ${verified()}.` };
      return { intact: false, entries: verified(), headHash: null, broken };
    }
    return { intact: true, entries: verified(), headHash: verified() > 0 ? state.previous.toString('hex') : null, broken: null };
  }

  private async requireReader(caller: Caller, orgId: string): Promise<void> {
    if (connectorMay(caller, orgId, 'AUDIT_LOG')) return;
    if (caller.kind === 'connector')
      throw new DomainError('FORBIDDEN', 'This connector needs the AUDIT_LOG permission to read the audit log; an admin can grant it.');
    await requireOrgAdmin(this.dataSource.manager, caller, orgId);
  }

  private async query(orgId: string, filter: AuditFilter, beforeSeq: string | null, limit: number): Promise<EntryRow[]> {
    if (!isUuid(orgId)) return [];
    const where = ['e.org_id = $1'];
    const params: unknown[] = [orgId];
    const add = (clause: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(clause(params.length));
    };
    if (filter.actorId) add((n) => `e.actor_id = $${n}`, filter.actorId);
    if (filter.action) {
      if (!ACTION_FILTER.test(filter.action)) throw badInput('action', 'An action filter is an action such as group.created, or its start such as group.');
      add((n) => `(e.action = $${n} OR e.action LIKE $${n} || '.%')`, filter.action);
    }
    if (filter.targetId) add((n) => `e.target_id = $${n}`, filter.targetId);
    if (filter.from) add((n) => `e.occurred_at >= $${n}`, filter.from);
    if (filter.to) add((n) => `e.occurred_at < $${n}`, filter.to);
    if (filter.from && filter.to && filter.from >= filter.to) throw badInput('from', 'The time range is empty: from must be before to.');
    if (beforeSeq !== null) add((n) => `e.seq < $${n}`, beforeSeq);
    params.push(limit);
    return (await this.dataSource.query(
      `SELECT e.*, COALESCE(u.display_name, c.name) AS actor_name FROM audit_entries e
         LEFT JOIN users u ON e.actor_kind = 'PERSON' AND u.id = e.actor_id::uuid
         LEFT JOIN connectors c ON e.actor_kind = 'CONNECTOR' AND c.id = e.actor_id::uuid
        WHERE ${where.join(' AND ')} ORDER BY e.seq DESC LIMIT $${params.length}`,
      params,
    )) as EntryRow[];
  }
}

/**
 * Appends an entry an event brought to its organisation's chain, in the
 * inbox's transaction. The chain's head row is locked, so entries of one
 * organisation are numbered one at a time whichever consumer takes them.
 */
export async function appendAuditEntry(
  m: EntityManager,
  event: { id: string; orgId: string | null; occurredAt: string; payload: AuditPayload },
): Promise<void> {
  const { orgId, payload } = event;
  if (!orgId || !isUuid(orgId)) return;
  await m.query(`INSERT INTO audit_chains (org_id, last_seq, last_hash) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING`, [orgId, GENESIS]);
  const [head] = (await m.query(`SELECT last_seq, last_hash FROM audit_chains WHERE org_id = $1 FOR UPDATE`, [orgId])) as {
    last_seq: string;
    last_hash: Buffer;
  }[];
  const entry: AuditEntry = {
    seq: String(BigInt(head!.last_seq) + 1n),
    id: event.id,
    occurredAt: new Date(event.occurredAt).toISOString(),
    action: payload.action,
    actorKind: payload.actor.kind,
    // Only ids are joined to names; anything else an event might carry stays out of the join.
    actorId: payload.actor.id !== null && isUuid(payload.actor.id) ? payload.actor.id : null,
    via: payload.actor.via,
    clientAddress: payload.clientAddress,
    targetType: payload.target.type,
    targetId: payload.target.id,
    targetName: payload.target.name,
    before: payload.before,
    after: payload.after,
    count: payload.count,
  };
  const hash = chainHash(head!.last_hash, entry);
  const inserted = (await m.query(
    `INSERT INTO audit_entries (org_id, seq, id, occurred_at, action, actor_kind, actor_id, via, client_address, target_type, target_id, target_name,
       before, after, count, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) ON CONFLICT (id) DO NOTHING RETURNING seq`,
    [
      orgId,
      entry.seq,
      entry.id,
      entry.occurredAt,
      entry.action,
      entry.actorKind,
      entry.actorId,
      entry.via,
      entry.clientAddress,
      entry.targetType,
      entry.targetId,
      entry.targetName,
      entry.before === null ? null : JSON.stringify(entry.before),
      entry.after === null ? null : JSON.stringify(entry.after),
      entry.count,
      head!.last_hash,
      hash,
    ],
  )) as unknown[];
  if (inserted.length > 0) await m.query(`UPDATE audit_chains SET last_seq = $2, last_hash = $3 WHERE org_id = $1`, [orgId, entry.seq, hash]);
}
