import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createEvent } from '@kz/events';
import { eventually, graphql } from '@kz/testing';
import { MessagingUnderTest } from './support/messaging-under-test';

const messaging = new MessagingUnderTest();
const { tap } = messaging;
let url: string;

const owner = { id: randomUUID(), phone: '+14155550611' };
const orgId = randomUUID();
/** The organisation keeps 7 days; "long" keeps 30; "held" is under a legal hold; "private" belongs to no organisation. */
const groups = { org: randomUUID(), long: randomUUID(), held: randomUUID(), private: randomUUID() };

const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;
const POLL = `mutation($i: CreatePollInput!) { createPoll(input: $i) { message { id } } }`;
const HISTORY = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Group { messages(last: 50) { edges { node { text } } } unreadCount } } }`;
const SEARCH = `query($q: String!) { searchMessages(query: $q) { edges { node { message { text } } } } }`;

const db = () => messaging.app.runtime.dataSource;
/** Where the disk store (the test's default, ATTACHMENTS_DIR) keeps a file's bytes. */
const storedFile = (key: string) => resolve('tmp/attachments', key);
let token: string;

async function send(groupId: string, text: string, daysAgo: number, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await graphql(url, SEND, { i: { groupId, text, ...extra } }, token);
  expect(res.errors).toBeUndefined();
  const id = res.data!.sendMessage.message.id as string;
  await db().query(`UPDATE messages SET sent_at = now() - make_interval(days => $2) WHERE id = $1`, [id, daysAgo]);
  return id;
}

async function texts(groupId: string): Promise<string[]> {
  const res = await graphql(url, HISTORY, { reps: [{ __typename: 'Group', id: groupId }] }, token);
  expect(res.errors).toBeUndefined();
  // System lines (the group's creation, say) have no text.
  return res.data!._entities[0].messages.edges.map((e: { node: { text: string | null } }) => e.node.text).filter((text: string | null) => text !== null);
}

beforeAll(async () => {
  // The job's own timer stays out of the way: the test runs each pass itself.
  url = await messaging.start(['messagingMessages', 'auditEntries'], { RETENTION_INTERVAL_MS: '86400000' });
  token = await messaging.token(owner);
  for (const [name, groupId] of Object.entries(groups)) {
    await tap.publish(
      createEvent('groups.group.created', {
        key: groupId,
        orgId: name === 'private' ? null : orgId,
        payload: {
          groupId,
          orgId: name === 'private' ? null : orgId,
          parentId: null,
          name,
          kind: 'ORGANIZATION',
          announcementOnly: false,
          createdBy: owner.id,
        },
      }),
    );
    await tap.publish(
      createEvent('groups.memberships.added', { key: groupId, orgId: null, payload: { groupId, members: [{ userId: owner.id, role: 'OWNER' }] } }),
    );
  }
  await tap.publish(createEvent('identity.organization.retention-changed', { key: orgId, orgId, payload: { orgId, keepDays: 7 } }));
  await tap.publish(
    createEvent('groups.group.retention-changed', { key: groups.long, orgId, payload: { groupId: groups.long, orgId, keepDays: 30, legalHold: false } }),
  );
  await tap.publish(
    createEvent('groups.group.retention-changed', { key: groups.held, orgId, payload: { groupId: groups.held, orgId, keepDays: null, legalHold: true } }),
  );
  // Every group, membership and policy is in the read model (they come on several topics and partitions).
  await eventually(async () => {
    const memberships = (await db().query(`SELECT count(*)::int AS n FROM group_members WHERE user_id = $1 AND group_id = ANY($2::uuid[])`, [
      owner.id,
      Object.values(groups),
    ])) as { n: number }[];
    expect(memberships[0]!.n).toBe(4);
    const ofOrganization = (await db().query(`SELECT count(*)::int AS n FROM known_groups WHERE org_id = $1`, [orgId])) as { n: number }[];
    expect(ofOrganization[0]!.n).toBe(3);
    const policies = (await db().query(`SELECT count(*)::int AS n FROM known_groups WHERE keep_days IS NOT NULL OR legal_hold`)) as { n: number }[];
    expect(policies[0]!.n).toBe(2);
    expect(await db().query(`SELECT keep_days FROM org_retention WHERE org_id = $1`, [orgId])).toEqual([{ keep_days: 7 }]);
  });
});

afterAll(() => messaging.stop());

describe('message retention', () => {
  it('deletes exactly what expired, with its files, polls and notifications, from every read model, and says so', async () => {
    const upload = await fetch(`${url.replace(/\/graphql$/, '')}/attachments?groupId=${groups.org}&filename=old.txt`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      body: 'expired bytes',
    });
    expect(upload.status).toBe(201);
    const attachmentId = ((await upload.json()) as { id: string }).id;
    const expired = [
      await send(groups.org, 'expiredtext with a file', 10, { attachmentIds: [attachmentId] }),
      await send(groups.org, 'expiredtext eight days', 8),
      await send(groups.long, 'expiredtext forty days', 40),
    ];
    const poll = await graphql(url, POLL, { i: { groupId: groups.org, question: 'expiredtext poll?', options: ['yes', 'no'] } }, token);
    expect(poll.errors).toBeUndefined();
    const pollId = poll.data!.createPoll.message.id as string;
    await db().query(`UPDATE messages SET sent_at = now() - interval '9 days' WHERE id = $1`, [pollId]);
    expired.push(pollId);
    const [{ storage_key: storageKey }] = (await db().query(`SELECT storage_key FROM attachments WHERE id = $1`, [attachmentId])) as [{ storage_key: string }];
    expect(existsSync(storedFile(storageKey))).toBe(true);
    await db().query(`INSERT INTO notifications (id, user_id, kind, group_id, message_id) VALUES ($1, $2, 'MENTION', $3, $4)`, [
      randomUUID(),
      owner.id,
      groups.org,
      expired[0],
    ]);
    await send(groups.org, 'kept six days', 6);
    await send(groups.long, 'kept ten days', 10);
    await send(groups.held, 'kept under hold', 400);
    await send(groups.private, 'kept without an organisation', 400);

    const deleted = await messaging.app.services.retention.sweep();
    expect(deleted).toBe(expired.length);

    // Gone from history, search, notifications and storage; what was within its period, held, or private stays.
    expect(await texts(groups.org)).toEqual(['kept six days']);
    expect(await texts(groups.long)).toEqual(['kept ten days']);
    expect(await texts(groups.held)).toEqual(['kept under hold']);
    expect(await texts(groups.private)).toEqual(['kept without an organisation']);
    expect((await graphql(url, SEARCH, { q: 'expiredtext' }, token)).data!.searchMessages.edges).toEqual([]);
    expect(await db().query(`SELECT id FROM messages WHERE id = ANY($1::uuid[])`, [expired])).toEqual([]);
    expect(await db().query(`SELECT id FROM attachments WHERE id = $1`, [attachmentId])).toEqual([]);
    expect(await db().query(`SELECT 1 FROM polls WHERE message_id = $1`, [pollId])).toEqual([]);
    expect(await db().query(`SELECT 1 FROM notifications WHERE message_id = ANY($1::uuid[])`, [expired])).toEqual([]);
    expect(existsSync(storedFile(storageKey))).toBe(false);

    // The events say which messages went, and the audit log how many, by the platform.
    await eventually(() => {
      const said = tap.ofType('messaging.messages.expired').flatMap((e) => e.payload.messageIds);
      expect(said.sort()).toEqual([...expired].sort());
      const audited = tap.ofType('audit.entry').filter((e) => e.payload.action === 'retention.messages-deleted');
      expect(audited.map((e) => [e.orgId, e.payload.target.id, e.payload.count, e.payload.actor.kind]).sort()).toEqual(
        [
          [orgId, groups.org, 3, 'SYSTEM'],
          [orgId, groups.long, 1, 'SYSTEM'],
        ].sort(),
      );
    });

    // Nothing more expired: a second pass deletes nothing. Lifting the hold lets the next pass delete there.
    expect(await messaging.app.services.retention.sweep()).toBe(0);
    await tap.publish(
      createEvent('groups.group.retention-changed', { key: groups.held, orgId, payload: { groupId: groups.held, orgId, keepDays: null, legalHold: false } }),
    );
    await eventually(async () => expect(await messaging.app.services.retention.sweep()).toBe(1));
    expect(await texts(groups.held)).toEqual([]);
  });
});
