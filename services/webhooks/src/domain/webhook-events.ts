import { isFinalImportStatus, type EventEnvelope, type EventType } from '@kz/events';
import { WEBHOOK_PAYLOADS, type WebhookPayloads } from './webhook-payloads';

/**
 * The events partners receive: a stable name and shape per kind, what the GraphQL types show (ids, names, roles,
 * times), never internal rows. Version 1 of every shape; a change to a shape needs a new version, delivered beside
 * the old one until partners move.
 */
export const WEBHOOK_EVENT_NAMES = {
  MESSAGE_SENT: 'message.sent',
  MESSAGE_EDITED: 'message.edited',
  MESSAGE_DELETED: 'message.deleted',
  MESSAGES_EXPIRED: 'message.expired',
  POLL_CREATED: 'poll.created',
  POLL_ANSWERED: 'poll.answered',
  MEMBER_ADDED: 'member.added',
  MEMBER_REMOVED: 'member.removed',
  MEMBER_ROLE_CHANGED: 'member.role_changed',
  GROUP_CREATED: 'group.created',
  GROUP_UPDATED: 'group.updated',
  GROUP_DELETED: 'group.deleted',
  GROUP_LINKED: 'group.linked',
  GROUP_UNLINKED: 'group.unlinked',
  SUBGROUP_ATTACHED: 'group.subgroup_attached',
  SUBGROUP_DETACHED: 'group.subgroup_detached',
  JOIN_REQUESTED: 'group.join_requested',
  ORGANIZATION_MEMBER_JOINED: 'organization.member_joined',
  ORGANIZATION_MEMBER_LEFT: 'organization.member_left',
  ORGANIZATION_MEMBER_ROLE_CHANGED: 'organization.member_role_changed',
  ORGANIZATION_UPDATED: 'organization.updated',
  IMPORT_FINISHED: 'import.finished',
} as const satisfies Record<keyof typeof WEBHOOK_PAYLOADS, string>;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_NAMES;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENT_NAMES) as WebhookEventType[];
export const WEBHOOK_PAYLOAD_VERSION = 1;

export const isWebhookEventType = (value: string): value is WebhookEventType => Object.hasOwn(WEBHOOK_EVENT_NAMES, value);

/** One event as partners see it: which organisation and group it concerns (null for the organisation itself), and its data. */
export interface WebhookEvent {
  readonly id: string;
  readonly type: WebhookEventType;
  readonly orgId: string;
  readonly groupId: string | null;
  readonly occurredAt: string;
  readonly data: Record<string, unknown>;
}

type FinishedImportStatus = WebhookPayloads['IMPORT_FINISHED']['import']['status'];
const isFinished = (status: string): status is FinishedImportStatus => isFinalImportStatus(status);

type Translation = { [K in WebhookEventType]: { type: K; groupId: string | null; data: WebhookPayloads[K] } }[WebhookEventType] | null;
type Translators = { [K in EventType]?: (payload: EventEnvelope<K>['payload'], envelope: EventEnvelope<K>) => Translation };

/** Leaves out who acted when the event does not say, rather than sending null. */
const withoutUndefined = <T extends Record<string, unknown>>(data: T): T =>
  Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as T;

const TRANSLATORS: Translators = {
  'messaging.message.sent': (p) => {
    // A system entry repeats, as history text, a change that has a webhook of its own (member.added, group.updated...).
    if (p.kind === 'SYSTEM') return null;
    const message = {
      id: p.messageId,
      groupId: p.groupId,
      authorId: p.authorId,
      authorKind: p.authorKind ?? ('PERSON' as const),
      text: p.text,
      sentAt: p.sentAt,
    };
    if (p.kind === 'POLL') return { type: 'POLL_CREATED', groupId: p.groupId, data: { message: { ...message, kind: 'POLL' } } };
    return { type: 'MESSAGE_SENT', groupId: p.groupId, data: { message: { ...message, kind: p.kind ?? 'TEXT' } } };
  },
  'messaging.message.edited': (p) => ({
    type: 'MESSAGE_EDITED',
    groupId: p.groupId,
    data: { message: { id: p.messageId, groupId: p.groupId, editedAt: p.editedAt } },
  }),
  'messaging.message.deleted': (p) => ({
    type: 'MESSAGE_DELETED',
    groupId: p.groupId,
    data: { message: { id: p.messageId, groupId: p.groupId }, deletedBy: p.deletedBy },
  }),
  'messaging.messages.expired': (p) => ({
    type: 'MESSAGES_EXPIRED',
    groupId: p.groupId,
    data: { groupId: p.groupId, messageIds: p.messageIds, sentBefore: p.sentBefore },
  }),
  'messaging.poll.updated': (p) => ({ type: 'POLL_ANSWERED', groupId: p.groupId, data: { poll: { messageId: p.messageId, groupId: p.groupId } } }),
  'groups.memberships.added': (p) => ({
    type: 'MEMBER_ADDED',
    groupId: p.groupId,
    data: withoutUndefined({ groupId: p.groupId, members: p.members, addedBy: p.addedBy }),
  }),
  'groups.memberships.removed': (p) => ({
    type: 'MEMBER_REMOVED',
    groupId: p.groupId,
    data: withoutUndefined({ groupId: p.groupId, userIds: p.userIds, removedBy: p.removedBy }),
  }),
  'groups.memberships.role-changed': (p) => ({
    type: 'MEMBER_ROLE_CHANGED',
    groupId: p.groupId,
    data: withoutUndefined({ groupId: p.groupId, members: p.members, changedBy: p.changedBy }),
  }),
  'groups.group.created': (p) => ({
    type: 'GROUP_CREATED',
    groupId: p.groupId,
    data: {
      group: { id: p.groupId, name: p.name, kind: p.kind, announcementOnly: p.announcementOnly, parentId: p.parentId, organizationId: p.orgId },
      createdBy: p.createdBy,
    },
  }),
  'groups.group.updated': (p) => ({
    type: 'GROUP_UPDATED',
    groupId: p.groupId,
    data: withoutUndefined({ group: { id: p.groupId, name: p.name, kind: p.kind, announcementOnly: p.announcementOnly }, updatedBy: p.updatedBy }),
  }),
  'groups.group.deleted': (p) => ({ type: 'GROUP_DELETED', groupId: p.groupId, data: { group: { id: p.groupId } } }),
  'groups.group.linked': (p) => ({ type: 'GROUP_LINKED', groupId: p.groupId, data: { group: { id: p.groupId }, organizationId: p.orgId } }),
  'groups.group.unlinked': (p) => ({ type: 'GROUP_UNLINKED', groupId: p.groupId, data: { group: { id: p.groupId }, organizationId: p.orgId } }),
  'groups.subgroup.attached': (p) => ({
    type: 'SUBGROUP_ATTACHED',
    groupId: p.groupId,
    data: withoutUndefined({ group: { id: p.groupId }, parentId: p.parentId, attachedBy: p.attachedBy }),
  }),
  'groups.subgroup.detached': (p) => ({
    type: 'SUBGROUP_DETACHED',
    groupId: p.groupId,
    data: withoutUndefined({ group: { id: p.groupId }, parentId: p.parentId, detachedBy: p.detachedBy }),
  }),
  'groups.join-request.filed': (p) => ({ type: 'JOIN_REQUESTED', groupId: p.groupId, data: { groupId: p.groupId, requestId: p.requestId, userId: p.userId } }),
  'identity.organization.member-added': (p) => ({
    type: 'ORGANIZATION_MEMBER_JOINED',
    groupId: null,
    data: { members: [{ userId: p.userId, role: p.role, network: p.network }] },
  }),
  'identity.organization.members-added': (p) => ({ type: 'ORGANIZATION_MEMBER_JOINED', groupId: null, data: { members: p.members } }),
  'identity.organization.member-removed': (p) => ({ type: 'ORGANIZATION_MEMBER_LEFT', groupId: null, data: { userId: p.userId } }),
  'identity.organization.member-role-changed': (p) => ({
    type: 'ORGANIZATION_MEMBER_ROLE_CHANGED',
    groupId: null,
    data: { userId: p.userId, role: p.role },
  }),
  'identity.organization.updated': (p) => ({ type: 'ORGANIZATION_UPDATED', groupId: null, data: { organization: { id: p.orgId, name: p.name } } }),
  'import.job.progress': ({ status, ...p }) =>
    isFinished(status)
      ? {
          type: 'IMPORT_FINISHED',
          groupId: null,
          data: { import: { id: p.importId, status, total: p.total, processed: p.processed, failed: p.failed }, startedBy: p.startedBy },
        }
      : null,
};

/** The partner-facing event an internal one stands for, or null when partners get nothing from it (or it is no organisation's). */
export function webhookEventOf(envelope: EventEnvelope): WebhookEvent | null {
  const orgId = orgOf(envelope);
  if (orgId === null) return null;
  const translate = TRANSLATORS[envelope.type] as ((payload: unknown, envelope: EventEnvelope) => Translation) | undefined;
  const translated = translate?.(envelope.payload, envelope) ?? null;
  if (!translated) return null;
  // What is sent is what the published schema says; an event that does not fit is a bug here, and is parked.
  const data = WEBHOOK_PAYLOADS[translated.type].parse(translated.data) as Record<string, unknown>;
  return { id: envelope.id, orgId, occurredAt: envelope.occurredAt, type: translated.type, groupId: translated.groupId, data };
}

/** Organisation events name it in their payload; everything else in the envelope (null for a private group). */
function orgOf(envelope: EventEnvelope): string | null {
  const payload = envelope.payload as { orgId?: unknown };
  return typeof payload.orgId === 'string' ? payload.orgId : envelope.orgId;
}

/** The JSON body sent for an event: the same fields for every type, `data` shaped per type. */
export function webhookBody(event: WebhookEvent, redelivery: boolean): string {
  return JSON.stringify({
    type: WEBHOOK_EVENT_NAMES[event.type],
    version: WEBHOOK_PAYLOAD_VERSION,
    timestamp: event.occurredAt,
    organizationId: event.orgId,
    groupId: event.groupId,
    redelivery,
    data: event.data,
  });
}
