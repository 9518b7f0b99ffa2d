import { createEvent } from '@kz/events';
import { WEBHOOK_EVENT_NAMES, WEBHOOK_EVENT_TYPES, webhookBody, webhookEventOf } from './webhook-events';

const orgId = '0190a0b4-0000-7000-8000-000000000001';
const groupId = '0190a0b4-0000-7000-8000-000000000002';
const userId = '0190a0b4-0000-7000-8000-000000000003';
const sent = (kind: 'TEXT' | 'POLL' | 'SYSTEM', org: string | null = orgId) =>
  createEvent('messaging.message.sent', {
    key: groupId,
    orgId: org,
    payload: { messageId: userId, groupId, authorId: userId, text: 'hi', sentAt: '2026-12-04T10:00:00.000Z', kind },
  });

describe('webhookEventOf', () => {
  it('shows a message as partners see one, in the group it was sent to', () => {
    const envelope = sent('TEXT');
    expect(webhookEventOf(envelope)).toEqual({
      id: envelope.id,
      type: 'MESSAGE_SENT',
      orgId,
      groupId,
      occurredAt: envelope.occurredAt,
      data: { message: { id: userId, groupId, authorId: userId, authorKind: 'PERSON', kind: 'TEXT', text: 'hi', sentAt: '2026-12-04T10:00:00.000Z' } },
    });
  });

  it('says when a connector posted the message, rather than a person', () => {
    const envelope = createEvent('messaging.message.sent', {
      key: groupId,
      orgId,
      payload: {
        messageId: userId,
        groupId,
        authorId: userId,
        authorKind: 'CONNECTOR',
        text: 'Order 7 shipped',
        sentAt: '2026-12-04T10:00:00.000Z',
        kind: 'TEXT',
      },
    });
    expect(webhookEventOf(envelope)?.data).toMatchObject({ message: { authorId: userId, authorKind: 'CONNECTOR' } });
  });

  it("tells partners which messages a group's retention period deleted", () => {
    const envelope = createEvent('messaging.messages.expired', {
      key: groupId,
      orgId,
      payload: { groupId, messageIds: [userId], sentBefore: '2025-12-04T10:00:00.000Z' },
    });
    expect(webhookEventOf(envelope)).toMatchObject({
      type: 'MESSAGES_EXPIRED',
      groupId,
      data: { groupId, messageIds: [userId], sentBefore: '2025-12-04T10:00:00.000Z' },
    });
    expect(JSON.parse(webhookBody(webhookEventOf(envelope)!, false))).toMatchObject({ type: 'message.expired', version: 1 });
  });

  it('tells polls from messages, and leaves out system entries and private groups', () => {
    expect(webhookEventOf(sent('POLL'))?.type).toBe('POLL_CREATED');
    expect(webhookEventOf(sent('SYSTEM'))).toBeNull();
    expect(webhookEventOf(sent('TEXT', null))).toBeNull();
  });

  it("takes an organisation event's organisation from its payload, and it concerns no group", () => {
    const event = createEvent('identity.organization.member-removed', { key: orgId, orgId: null, payload: { orgId, userId } });
    expect(webhookEventOf(event)).toMatchObject({ type: 'ORGANIZATION_MEMBER_LEFT', orgId, groupId: null, data: { userId } });
  });

  it('sends an import once it has finished, not while it runs', () => {
    const progress = (status: 'RUNNING' | 'COMPLETED') =>
      createEvent('import.job.progress', {
        key: userId,
        orgId,
        payload: { importId: userId, orgId, startedBy: userId, status, total: 10, processed: 10, failed: 0 },
      });
    expect(webhookEventOf(progress('RUNNING'))).toBeNull();
    expect(webhookEventOf(progress('COMPLETED'))).toMatchObject({ type: 'IMPORT_FINISHED', data: { import: { status: 'COMPLETED', total: 10 } } });
  });

  it('omits who acted when the event does not say', () => {
    const added = createEvent('groups.memberships.added', { key: groupId, orgId, payload: { groupId, members: [{ userId, role: 'MEMBER' }] } });
    expect(webhookEventOf(added)?.data).toEqual({ groupId, members: [{ userId, role: 'MEMBER' }] });
  });
});

describe('webhookBody', () => {
  it('names the type as partners know it and marks redeliveries', () => {
    const event = webhookEventOf(sent('TEXT'))!;
    expect(JSON.parse(webhookBody(event, true))).toMatchObject({ type: 'message.sent', version: 1, organizationId: orgId, groupId, redelivery: true });
  });

  it('has a distinct dotted name for every event type', () => {
    const names = WEBHOOK_EVENT_TYPES.map((type) => WEBHOOK_EVENT_NAMES[type]);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+\.[a-z_]+$/);
  });
});
