import { z } from 'zod';

/**
 * The one place where topics and event payloads are defined. Producers and
 * consumers both validate against these schemas; a change to a payload's shape
 * needs a new version number.
 */
export const Topics = {
  identityUsers: { name: 'identity.users', partitions: 6 },
  identityOrganizations: { name: 'identity.organizations', partitions: 6 },
  groupsGroups: { name: 'groups.groups', partitions: 6 },
  groupsMemberships: { name: 'groups.memberships', partitions: 12 },
  /** Numbers invited before they signed up: a topic of its own, so the gateway's subscriptions never read phone numbers. */
  groupsPhoneInvitations: { name: 'groups.phone-invitations', partitions: 6 },
  messagingMessages: { name: 'messaging.messages', partitions: 12 },
  /** People's notifications: a topic of its own, so neither the message streams nor the notifications wait on the other. */
  messagingNotifications: { name: 'messaging.notifications', partitions: 6 },
  importJobs: { name: 'import.jobs', partitions: 6 },
  webhooksEndpoints: { name: 'webhooks.endpoints', partitions: 3 },
  /** Administrative actions of every service, keyed by organisation, for its audit log (identity keeps it). */
  auditEntries: { name: 'audit.entries', partitions: 6 },
} as const;

export type TopicKey = keyof typeof Topics;

const id = z.string().min(1);
const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/);
const role = z.enum(['OWNER', 'ADMIN', 'MEMBER']);
/** A message's position in its group's change log (a bigint, as decimal); absent from events written before positions existed. */
const changeSeq = z
  .string()
  .regex(/^\d{1,19}$/)
  .optional();
const network = z.enum(['EMPLOYEE', 'OTHER']);
const groupKind = z.enum(['PRIVATE', 'ORGANIZATION', 'BROADCAST']);

/** An import job's statuses, and those it ends in: once it has one of these it changes no more. */
export const IMPORT_STATUSES = ['QUEUED', 'VALIDATING', 'RUNNING', 'COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const FINAL_IMPORT_STATUSES: readonly ImportStatus[] = ['COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED'];

/** An export's statuses; after the running ones it changes only from COMPLETED to EXPIRED, when its archive is deleted. */
export const EXPORT_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];
export const FINAL_EXPORT_STATUSES: readonly ExportStatus[] = ['COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED'];
export const isFinalImportStatus = (status: string): boolean => (FINAL_IMPORT_STATUSES as readonly string[]).includes(status);

export const EventCatalogue = {
  'identity.user.registered': {
    version: 1,
    topic: 'identityUsers',
    payload: z.object({ userId: id, phone: e164, displayName: z.string() }),
  },
  /** People a bulk directory import created, in one event per batch (keyed by organisation). */
  'identity.users.registered': {
    version: 1,
    topic: 'identityUsers',
    payload: z.object({ users: z.array(z.object({ userId: id, phone: e164, displayName: z.string() })).min(1) }),
  },
  'identity.user.profile-changed': {
    version: 1,
    topic: 'identityUsers',
    payload: z.object({ userId: id, displayName: z.string() }),
  },
  'identity.organization.created': {
    version: 1,
    topic: 'identityOrganizations',
    payload: z.object({ orgId: id, name: z.string(), createdBy: id }),
  },
  'identity.organization.member-added': {
    version: 1,
    topic: 'identityOrganizations',
    payload: z.object({ orgId: id, userId: id, role: z.enum(['ADMIN', 'MEMBER']), network }),
  },
  /** A bulk directory import's new members of one organisation, in one event per batch. */
  'identity.organization.members-added': {
    version: 1,
    topic: 'identityOrganizations',
    payload: z.object({ orgId: id, members: z.array(z.object({ userId: id, role: z.enum(['ADMIN', 'MEMBER']), network })).min(1) }),
  },
  'identity.organization.updated': {
    version: 1,
    topic: 'identityOrganizations',
    payload: z.object({ orgId: id, name: z.string() }),
  },
  /** How long the organisation keeps its messages: days, or null for ever. Groups may keep theirs shorter or longer. */
  'identity.organization.retention-changed': {
    version: 1,
    topic: 'identityOrganizations',
    payload: z.object({ orgId: id, keepDays: z.number().int().min(1).max(36_500).nullable() }),
  },
  'identity.organization.member-role-changed': {
    version: 1,
    topic: 'identityOrganizations',
    payload: z.object({ orgId: id, userId: id, role: z.enum(['ADMIN', 'MEMBER']) }),
  },
  'identity.organization.network-changed': {
    version: 1,
    topic: 'identityOrganizations',
    payload: z.object({ orgId: id, userId: id, network }),
  },
  'identity.organization.member-removed': {
    version: 1,
    topic: 'identityOrganizations',
    payload: z.object({ orgId: id, userId: id }),
  },
  'identity.organization.attributes-changed': {
    version: 1,
    topic: 'identityOrganizations',
    payload: z.object({
      orgId: id,
      definitions: z.array(z.object({ key: z.string(), name: z.string(), type: z.enum(['STRING', 'NUMBER', 'BOOLEAN', 'DATE']), mandatory: z.boolean() })),
    }),
  },
  'groups.group.created': {
    version: 1,
    topic: 'groupsGroups',
    payload: z.object({
      groupId: id,
      orgId: id.nullable(),
      parentId: id.nullable(),
      name: z.string(),
      kind: groupKind,
      announcementOnly: z.boolean(),
      createdBy: id,
    }),
  },
  /** An organisation group's own retention period (null: the organisation's) and legal hold (no deletion while set). */
  'groups.group.retention-changed': {
    version: 1,
    topic: 'groupsGroups',
    payload: z.object({ groupId: id, orgId: id, keepDays: z.number().int().min(1).max(36_500).nullable(), legalHold: z.boolean() }),
  },
  'groups.group.updated': {
    version: 1,
    topic: 'groupsGroups',
    payload: z.object({
      groupId: id,
      name: z.string(),
      kind: groupKind,
      announcementOnly: z.boolean(),
      /** Who changed it; absent from events written before it was added. */
      updatedBy: id.optional(),
    }),
  },
  'groups.group.linked': {
    version: 1,
    topic: 'groupsGroups',
    payload: z.object({ groupId: id, orgId: id }),
  },
  'groups.group.unlinked': {
    version: 1,
    topic: 'groupsGroups',
    payload: z.object({ groupId: id, orgId: id }),
  },
  'groups.group.deleted': {
    version: 1,
    topic: 'groupsGroups',
    payload: z.object({ groupId: id }),
  },
  'groups.subgroup.attached': {
    version: 1,
    topic: 'groupsGroups',
    /** attachedBy: who attached it; absent from events written before it was added. */
    payload: z.object({ groupId: id, parentId: id, attachedBy: id.optional() }),
  },
  'groups.subgroup.detached': {
    version: 1,
    topic: 'groupsGroups',
    /** detachedBy: who detached it; absent when no one in particular did (its parent was deleted), and from events written before it was added. */
    payload: z.object({ groupId: id, parentId: id, detachedBy: id.optional() }),
  },
  /**
   * Someone asked to join through a link that needs approval: the group's admins decide, and for an organisation's
   * group its organisation's admins too (named here, as only groups knows them). Not sent again while the request is
   * pending.
   */
  'groups.join-request.filed': {
    version: 1,
    topic: 'groupsGroups',
    payload: z.object({ groupId: id, requestId: id, userId: id, orgAdminIds: z.array(id).optional() }),
  },
  'groups.invite.accepted': {
    version: 1,
    topic: 'groupsGroups',
    payload: z.object({ groupId: id, inviteId: id, userId: id }),
  },
  'groups.memberships.added': {
    version: 1,
    topic: 'groupsMemberships',
    payload: z.object({
      groupId: id,
      members: z.array(z.object({ userId: id, role })).min(1),
      /** Who added them (the person themselves when they joined by a link or created the group); absent when no one in particular did, and from events written before it was added. */
      addedBy: id.optional(),
    }),
  },
  'groups.memberships.role-changed': {
    version: 1,
    topic: 'groupsMemberships',
    payload: z.object({
      groupId: id,
      members: z.array(z.object({ userId: id, role })).min(1),
      /** Who changed the roles; absent from events written before it was added. */
      changedBy: id.optional(),
    }),
  },
  /**
   * A person's standing in an organisation changed as the groups service decides access (its read model applied
   * identity's event): made admin or member, or removed (role null). Subscriptions that followed an organisation group
   * through that standing ask again.
   */
  'groups.org-standing.changed': {
    version: 1,
    topic: 'groupsMemberships',
    payload: z.object({ orgId: id, userId: id, role: z.enum(['ADMIN', 'MEMBER']).nullable() }),
  },
  'groups.memberships.removed': {
    version: 1,
    topic: 'groupsMemberships',
    payload: z.object({
      groupId: id,
      userIds: z.array(id).min(1),
      /** Who removed them (the person themselves when they left); absent when no one in particular did (they left the organisation), and from events written before it was added. */
      removedBy: id.optional(),
    }),
  },
  /**
   * Numbers that no one has signed up with were added to a group (pending until they sign up), in batches of at most
   * 2,000, on the group's key. Identity texts each number once per group, saying who added them and where to sign in.
   */
  'groups.phone-invitations.added': {
    version: 1,
    topic: 'groupsPhoneInvitations',
    payload: z.object({ groupId: id, groupName: z.string(), invitedBy: id, phones: z.array(e164).min(1).max(2_000) }),
  },
  'messaging.message.sent': {
    version: 1,
    topic: 'messagingMessages',
    payload: z.object({
      messageId: id,
      groupId: id,
      authorId: id,
      text: z.string(),
      sentAt: z.string().datetime({ offset: true }),
      changeSeq,
      /** Who reads it: ALL, or ADMINS for a broadcast subscriber's reply (the admins and its author); absent from events written before it was added. */
      audience: z.enum(['ALL', 'ADMINS']).optional(),
      /**
       * SYSTEM: an entry messaging wrote in the group's history about the group itself (people added, a rename...); its
       * text is empty and its author the person who acted (read the message's systemEvent). Absent from events written
       * before it was added.
       */
      kind: z.enum(['TEXT', 'ANNOUNCEMENT', 'POLL', 'SYSTEM']).optional(),
      /** CONNECTOR: a partner system's connector posted it (POST_MESSAGES) and authorId is the connector's id; absent for a person. */
      authorKind: z.literal('CONNECTOR').optional(),
    }),
  },
  'messaging.message.edited': {
    version: 1,
    topic: 'messagingMessages',
    payload: z.object({ messageId: id, groupId: id, editedAt: z.string().datetime({ offset: true }), changeSeq }),
  },
  'messaging.message.deleted': {
    version: 1,
    topic: 'messagingMessages',
    payload: z.object({ messageId: id, groupId: id, deletedBy: id, changeSeq }),
  },
  /**
   * Messages the group's retention period expired were deleted for good, with their files, polls and notifications:
   * gone from history, search and unread counts. One event per batch (at most 1,000), on the group's key.
   */
  'messaging.messages.expired': {
    version: 1,
    topic: 'messagingMessages',
    payload: z.object({ groupId: id, messageIds: z.array(id).min(1).max(1_000), sentBefore: z.string() }),
  },
  'messaging.poll.updated': {
    version: 1,
    topic: 'messagingMessages',
    payload: z.object({ messageId: id, groupId: id, changeSeq }),
  },
  /**
   * Who reads a group changed in messaging's read model: written in the same transaction as the change, on the group's
   * key, so it reaches a consumer before any message event of the group that the change concerns. ADDED: these
   * people read the group now (a membership in it or in a sub-group at any depth). REMOVED: these people may no longer
   * read it (some may still, through another sub-group); ask messaging again.
   */
  'messaging.readers.changed': {
    version: 1,
    topic: 'messagingMessages',
    payload: z.object({ groupId: id, change: z.enum(['ADDED', 'REMOVED']), userIds: z.array(id).min(1).max(2_000) }),
  },
  /**
   * Part of an imported chat's history was written into the group (one event per chunk of up to 1,000 entries, never
   * one per message): subscribers refresh the group's history instead of hearing each old message as new.
   */
  'messaging.history.imported': {
    version: 1,
    topic: 'messagingMessages',
    payload: z.object({ groupId: id, importId: id, count: z.number().int().min(1) }),
  },
  /**
   * Notifications messaging stored for people (mentions, replies, group adds, join requests, finished imports): person
   * userIds[i] has notification notificationIds[i]. At most 2,000 per event, keyed by what they are about (a group or
   * an import); the gateway streams each to its person.
   */
  'messaging.notifications.created': {
    version: 1,
    topic: 'messagingNotifications',
    payload: z
      .object({ userIds: z.array(id).min(1).max(2_000), notificationIds: z.array(id).min(1).max(2_000) })
      .refine((p) => p.userIds.length === p.notificationIds.length, { message: 'userIds and notificationIds pair up: the same length' }),
  },
  /** An import's status and counts after a stage or chunk; keyed by import id, so in order per import. */
  'import.job.progress': {
    version: 1,
    topic: 'importJobs',
    payload: z.object({
      importId: id,
      orgId: id,
      startedBy: id,
      status: z.enum(IMPORT_STATUSES),
      total: z.number().int(),
      processed: z.number().int(),
      failed: z.number().int(),
    }),
  },
  /** An export's status and how many of its records are written, after each page; keyed by export id, so in order per export. */
  'export.job.progress': {
    version: 1,
    topic: 'importJobs',
    payload: z.object({
      exportId: id,
      orgId: id,
      startedBy: id,
      status: z.enum(EXPORT_STATUSES),
      total: z.number().int(),
      written: z.number().int(),
    }),
  },
  /**
   * A webhook endpoint was disabled: every attempt at a delivery failed for about two days, or it answered 410 Gone.
   * Names the organisation's admins (as webhooks knows them) so they can be told.
   */
  'webhooks.endpoint.disabled': {
    version: 1,
    topic: 'webhooksEndpoints',
    payload: z.object({ endpointId: id, orgId: id, url: z.string(), reason: z.string(), adminIds: z.array(id) }),
  },
  /**
   * An administrative action, written in the same transaction as the change (audit.ts builds it). `before` and
   * `after` summarise the fields it changed; `count` is how many a bulk call touched.
   */
  'audit.entry': {
    version: 1,
    topic: 'auditEntries',
    payload: z.object({
      action: z.string().regex(/^[a-z][a-z-]*(\.[a-z][a-z-]*)+$/),
      actor: z.object({ kind: z.enum(['PERSON', 'CONNECTOR', 'SYSTEM']), id: z.string().nullable(), via: z.string().nullable() }),
      clientAddress: z.string().max(100).nullable(),
      target: z.object({ type: z.string().min(1).max(40), id: z.string().min(1).max(200), name: z.string().max(500).nullable() }),
      before: z.record(z.string(), z.unknown()).nullable(),
      after: z.record(z.string(), z.unknown()).nullable(),
      count: z.number().int().nonnegative().nullable(),
    }),
  },
} as const satisfies Record<string, { version: number; topic: TopicKey; payload: z.ZodType }>;

export type EventType = keyof typeof EventCatalogue;
export type PayloadOf<T extends EventType> = z.infer<(typeof EventCatalogue)[T]['payload']>;

/** The base topic name of an event type; Kafka's name is `<namespace>.<base>`. */
export function topicOf(type: EventType): string {
  return Topics[EventCatalogue[type].topic].name;
}

/**
 * A namespace prefixes every topic and consumer group, so one broker can hold
 * several isolated deployments (and each test run its own).
 */
export function kafkaTopic(namespace: string, baseName: string): string {
  return `${namespace}.${baseName}`;
}
