import { z } from 'zod';

/**
 * The `data` of each webhook, version 1: the contract partners code against, published as JSON Schema
 * (services/webhooks/payload-schemas, made by `npm run payload-schemas -w @kz/webhooks-service`). Every event is
 * checked against its schema before it is sent, so what is published is what arrives.
 */
const id = z.string().describe('An opaque id, as the GraphQL API shows it.');
const time = z.string().describe('An ISO 8601 date and time.');
const groupRole = z.enum(['OWNER', 'ADMIN', 'MEMBER']);
const orgRole = z.enum(['ADMIN', 'MEMBER']);
const personId = id.describe("A person's User id.");
const members = z.array(z.object({ userId: personId, role: groupRole })).describe('The people concerned and their role in the group now.');
const groupRef = z.object({ id });
const author = {
  authorId: id.describe("The author's User id: a person's, or a connector's when authorKind is CONNECTOR."),
  authorKind: z.enum(['PERSON', 'CONNECTOR']).describe("CONNECTOR: a partner system's connector posted it (POST_MESSAGES)."),
};

export const WEBHOOK_PAYLOADS = {
  MESSAGE_SENT: z.object({
    message: z.object({
      id,
      groupId: id,
      ...author,
      kind: z.enum(['TEXT', 'ANNOUNCEMENT', 'POLL']),
      text: z.string(),
      sentAt: time,
    }),
  }),
  MESSAGE_EDITED: z.object({ message: z.object({ id, groupId: id, editedAt: time }).describe('Read its new text through the API (Message.text).') }),
  MESSAGE_DELETED: z.object({ message: z.object({ id, groupId: id }), deletedBy: personId }),
  MESSAGES_EXPIRED: z.object({
    groupId: id,
    messageIds: z.array(id).describe("Deleted for good with their files, polls and votes: past the group's retention period."),
    sentBefore: time.describe('Every message of the group sent before this time is gone.'),
  }),
  POLL_CREATED: z.object({
    message: z.object({ id, groupId: id, ...author, kind: z.literal('POLL'), text: z.string(), sentAt: time }),
  }),
  POLL_ANSWERED: z.object({ poll: z.object({ messageId: id, groupId: id }).describe('Read the results through the API (Message.poll).') }),
  MEMBER_ADDED: z.object({ groupId: id, members, addedBy: personId.optional() }),
  MEMBER_REMOVED: z.object({ groupId: id, userIds: z.array(personId), removedBy: personId.optional() }),
  MEMBER_ROLE_CHANGED: z.object({ groupId: id, members, changedBy: personId.optional() }),
  GROUP_CREATED: z.object({
    group: z.object({
      id,
      name: z.string(),
      kind: z.enum(['PRIVATE', 'ORGANIZATION', 'BROADCAST']),
      announcementOnly: z.boolean(),
      parentId: id.nullable(),
      organizationId: id.nullable(),
    }),
    createdBy: personId,
  }),
  GROUP_UPDATED: z.object({
    group: z.object({ id, name: z.string(), kind: z.enum(['PRIVATE', 'ORGANIZATION', 'BROADCAST']), announcementOnly: z.boolean() }),
    updatedBy: personId.optional(),
  }),
  GROUP_DELETED: z.object({ group: groupRef }),
  GROUP_LINKED: z.object({ group: groupRef, organizationId: id }),
  GROUP_UNLINKED: z.object({ group: groupRef, organizationId: id }),
  SUBGROUP_ATTACHED: z.object({ group: groupRef, parentId: id, attachedBy: personId.optional() }),
  SUBGROUP_DETACHED: z.object({ group: groupRef, parentId: id, detachedBy: personId.optional() }),
  JOIN_REQUESTED: z.object({ groupId: id, requestId: id, userId: personId }),
  ORGANIZATION_MEMBER_JOINED: z.object({
    members: z.array(z.object({ userId: personId, role: orgRole, network: z.enum(['EMPLOYEE', 'OTHER']) })),
  }),
  ORGANIZATION_MEMBER_LEFT: z.object({ userId: personId }),
  ORGANIZATION_MEMBER_ROLE_CHANGED: z.object({ userId: personId, role: orgRole }),
  ORGANIZATION_UPDATED: z.object({ organization: z.object({ id, name: z.string() }) }),
  IMPORT_FINISHED: z.object({
    import: z.object({
      id,
      status: z.enum(['COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED']),
      total: z.number().int(),
      processed: z.number().int(),
      failed: z.number().int(),
    }),
    startedBy: personId,
  }),
} as const;

export type WebhookPayloads = { [K in keyof typeof WEBHOOK_PAYLOADS]: z.infer<(typeof WEBHOOK_PAYLOADS)[K]> };
