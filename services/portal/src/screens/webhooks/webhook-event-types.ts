import type { WebhookEventType } from '../../gql/graphql';

/**
 * Each event type in words, grouped as an admin thinks of them. A Record, so a type added to the schema fails the
 * type check until it is explained here.
 */
export const EVENT_TYPES: Record<WebhookEventType, { label: string; section: EventSection }> = {
  MESSAGE_SENT: { label: 'Message sent', section: 'Messages' },
  MESSAGE_EDITED: { label: 'Message edited', section: 'Messages' },
  MESSAGE_DELETED: { label: 'Message deleted', section: 'Messages' },
  MESSAGES_EXPIRED: { label: 'Messages deleted by retention', section: 'Messages' },
  POLL_CREATED: { label: 'Poll created', section: 'Messages' },
  POLL_ANSWERED: { label: 'Poll answered', section: 'Messages' },
  MEMBER_ADDED: { label: 'Members added', section: 'Group members' },
  MEMBER_REMOVED: { label: 'Members removed', section: 'Group members' },
  MEMBER_ROLE_CHANGED: { label: 'Member role changed', section: 'Group members' },
  JOIN_REQUESTED: { label: 'Join requested', section: 'Group members' },
  GROUP_CREATED: { label: 'Group created', section: 'Groups' },
  GROUP_UPDATED: { label: 'Group updated', section: 'Groups' },
  GROUP_DELETED: { label: 'Group deleted', section: 'Groups' },
  GROUP_LINKED: { label: 'Group mapped to the organisation', section: 'Groups' },
  GROUP_UNLINKED: { label: 'Group unmapped', section: 'Groups' },
  SUBGROUP_ATTACHED: { label: 'Sub-group attached', section: 'Groups' },
  SUBGROUP_DETACHED: { label: 'Sub-group detached', section: 'Groups' },
  ORGANIZATION_MEMBER_JOINED: { label: 'Person joined the organisation', section: 'Organisation' },
  ORGANIZATION_MEMBER_LEFT: { label: 'Person left the organisation', section: 'Organisation' },
  ORGANIZATION_MEMBER_ROLE_CHANGED: { label: 'Organisation role changed', section: 'Organisation' },
  ORGANIZATION_UPDATED: { label: 'Organisation updated', section: 'Organisation' },
  IMPORT_FINISHED: { label: 'Bulk upload finished', section: 'Organisation' },
};

export type EventSection = 'Messages' | 'Group members' | 'Groups' | 'Organisation';
export const EVENT_SECTIONS: readonly EventSection[] = ['Messages', 'Group members', 'Groups', 'Organisation'];

export const eventTypesOf = (section: EventSection) => (Object.keys(EVENT_TYPES) as WebhookEventType[]).filter((type) => EVENT_TYPES[type].section === section);

const WHEN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
export const formatWhen = (iso: string) => WHEN.format(new Date(iso));
