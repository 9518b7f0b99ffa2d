import type { Caller } from '@kz/auth';
import { auditActor, auditEvent, type AuditedAction, type EventEnvelope } from '@kz/events';
import type { GroupEntity } from '../entities/group.entity';

/** The administrative actions on a group that go to its organisation's audit log. */
export type GroupAuditAction =
  | 'group.created'
  | 'group.updated'
  | 'group.deleted'
  | 'group.attached'
  | 'group.detached'
  | 'group.linked'
  | 'group.unlinked'
  | 'group.members-added'
  | 'group.members-removed'
  | 'group.role-changed'
  | 'join-request.approved'
  | 'join-request.declined'
  | 'retention.group-policy-set';

export type InviteLinkAuditAction = 'invite-link.created' | 'invite-link.revoked';

/** What an entry says changed: the changed fields before and after, or how many a bulk call touched. */
export type AuditChange = Pick<AuditedAction, 'before' | 'after' | 'count'>;

/** Past this many, a bulk removal's entry gives only its count. */
export const AUDITED_IDS_MAX = 20;

type AuditedGroup = Pick<GroupEntity, 'id' | 'orgId' | 'name'>;

/**
 * The audit entry of an action on an organisation's group, by `caller` (an import's own caller, so the entry names
 * the import); none for a group of no organisation. Emit it in the change's transaction.
 */
export function groupAuditEntry(caller: Caller, action: GroupAuditAction, group: AuditedGroup, change: AuditChange = {}): EventEnvelope<'audit.entry'>[] {
  return entryIn(group.orgId, caller, action, { type: 'group', id: group.id, name: group.name }, change);
}

/** The audit entry of an action on an invite link to an organisation's group; none for a group of no organisation. */
export function inviteLinkAuditEntry(
  caller: Caller,
  action: InviteLinkAuditAction,
  group: Pick<GroupEntity, 'id' | 'orgId'>,
  link: { id: string },
  change: AuditChange = {},
): EventEnvelope<'audit.entry'>[] {
  return entryIn(group.orgId, caller, action, { type: 'invite-link', id: link.id }, { ...change, after: { groupId: group.id, ...change.after } });
}

function entryIn(orgId: string | null, caller: Caller, action: string, target: AuditedAction['target'], change: AuditChange): EventEnvelope<'audit.entry'>[] {
  if (orgId === null) return [];
  return [auditEvent({ orgId, action, actor: auditActor(caller), target, ...change })];
}
