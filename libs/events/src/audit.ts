import { AsyncLocalStorage } from 'node:async_hooks';
import { createEvent, type EventEnvelope } from './envelope';
import type { PayloadOf } from './catalogue';

/** Where the request being served came from; each server sets it around a request (see GraphQLHttpServer's requestScope). */
export const requestOrigin = new AsyncLocalStorage<{ clientAddress: string }>();

export type AuditPayload = PayloadOf<'audit.entry'>;
export type AuditActor = AuditPayload['actor'];

/** Who acted, from the request's caller (Caller of @kz/auth, by shape): an import acts for its uploader, and says so. */
export function auditActor(caller: { kind: string; userId?: string; connectorId?: string; importId?: string }): AuditActor {
  if (caller.kind === 'user') return { kind: 'PERSON', id: caller.userId ?? null, via: null };
  if (caller.kind === 'import') return { kind: 'PERSON', id: caller.userId ?? null, via: `import:${caller.importId ?? ''}` };
  if (caller.kind === 'connector') return { kind: 'CONNECTOR', id: caller.connectorId ?? null, via: null };
  return { kind: 'SYSTEM', id: null, via: null };
}

export const SYSTEM_ACTOR: AuditActor = { kind: 'SYSTEM', id: null, via: null };

export interface AuditedAction {
  orgId: string;
  /** `<thing>.<what happened>`, e.g. group.created, directory.member-removed. */
  action: string;
  actor: AuditActor;
  target: { type: string; id: string; name?: string | null };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  count?: number | null;
}

/** An audit entry for the organisation's log, to emit in the change's own transaction; the client address is the request's. */
export function auditEvent(entry: AuditedAction): EventEnvelope<'audit.entry'> {
  return createEvent('audit.entry', {
    key: entry.orgId,
    orgId: entry.orgId,
    payload: {
      action: entry.action,
      actor: entry.actor,
      clientAddress: requestOrigin.getStore()?.clientAddress.slice(0, 100) ?? null,
      target: { type: entry.target.type, id: entry.target.id, name: entry.target.name?.slice(0, 500) ?? null },
      before: entry.before ?? null,
      after: entry.after ?? null,
      count: entry.count ?? null,
    },
  });
}

/** The fields that differ between `before` and `after` (a field either lacks counts as null), each side with only those: a change's summary. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = keys.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
  return { before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])), after: Object.fromEntries(changed.map((k) => [k, after[k] ?? null])) };
}
