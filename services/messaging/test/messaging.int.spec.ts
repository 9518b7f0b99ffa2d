import { randomUUID } from 'node:crypto';
import { createEvent } from '@kz/events';
import { eventually, graphql } from '@kz/testing';
import { MessagingUnderTest } from './support/messaging-under-test';

const messaging = new MessagingUnderTest();
const { issuer, tap } = messaging;
let url: string;

const alice = { id: randomUUID(), phone: '+14155550401' };
const bob = { id: randomUUID(), phone: '+14155550402' };
const groupId = randomUUID();

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id text sentAt author { id } group { id } } } }`;
const HISTORY = `query($reps: [_Any!]!, $first: Int, $after: String, $last: Int, $before: String) {
  _entities(representations: $reps) { ... on Group { messages(first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { kind text } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }
}`;

const tokenOf = (u: { id: string; phone: string }) => issuer.token(u.id, u.phone);

function history(token: string, args: Record<string, unknown>) {
  return graphql(url, HISTORY, { reps: [{ __typename: 'Group', id: groupId }], ...args }, token);
}

beforeAll(async () => {
  url = await messaging.start(['messagingMessages']);
  await tap.publish(
    createEvent('groups.memberships.added', { key: groupId, orgId: null, payload: { groupId, members: [{ userId: alice.id, role: 'OWNER' }] } }),
  );
});

afterAll(() => messaging.stop());

describe('messaging subgraph against PostgreSQL and Kafka', () => {
  it('lets a member known from the groups events post, and publishes message.sent', async () => {
    const token = await tokenOf(alice);
    const sent = await eventually(async () => {
      const r = await graphql(url, SEND, { input: { groupId, text: 'Hello team' } }, token);
      expect(r.errors).toBeUndefined();
      return r.data!.sendMessage.message;
    });
    expect(sent).toMatchObject({ text: 'Hello team', author: { id: alice.id }, group: { id: groupId } });
    await eventually(() =>
      expect(tap.ofType('messaging.message.sent').map((e) => e.payload)).toEqual([
        {
          messageId: sent.id,
          groupId,
          authorId: alice.id,
          text: 'Hello team',
          sentAt: sent.sentAt,
          audience: 'ALL',
          kind: 'TEXT',
          changeSeq: expect.stringMatching(/^\d+$/),
        },
      ]),
    );
  });

  it('answers NOT_FOUND to a non-member posting or reading, until the membership event arrives', async () => {
    const token = await tokenOf(bob);
    const post = await graphql(url, SEND, { input: { groupId, text: 'Let me in' } }, token);
    expect(post.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const read = await history(token, { last: 10 });
    expect(read.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const unknown = await graphql(url, SEND, { input: { groupId: 'nope', text: 'x' } }, token);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    await tap.publish(
      createEvent('groups.memberships.added', { key: groupId, orgId: null, payload: { groupId, members: [{ userId: bob.id, role: 'MEMBER' }] } }),
    );
    await eventually(async () => expect((await graphql(url, SEND, { input: { groupId, text: 'Thanks' } }, token)).errors).toBeUndefined());

    await tap.publish(createEvent('groups.memberships.removed', { key: groupId, orgId: null, payload: { groupId, userIds: [bob.id] } }));
    await eventually(async () => expect((await history(token, { last: 1 })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND'));
  });

  it('returns the first message again for a retried send with the same idempotency key', async () => {
    const token = await tokenOf(alice);
    const input = { groupId, text: 'Once only', idempotencyKey: randomUUID() };
    const first = await graphql(url, SEND, { input }, token);
    const retry = await graphql(url, SEND, { input }, token);
    expect(retry.data!.sendMessage.message.id).toBe(first.data!.sendMessage.message.id);
    await eventually(() => expect(tap.ofType('messaging.message.sent').filter((e) => e.payload.text === 'Once only')).toHaveLength(1));
  });

  it('refuses text over 4,000 characters with BAD_USER_INPUT naming the field, and stores nothing', async () => {
    const token = await tokenOf(alice);
    const res = await graphql(url, SEND, { input: { groupId, text: 'x'.repeat(4_001) } }, token);
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'text' });
    const page = await history(token, { last: 200 });
    expect(page.data!._entities[0].messages.edges.some((e: { node: { text: string | null } }) => (e.node.text ?? '').length > 4_000)).toBe(false);
  });

  it('pages history backwards from the newest and forwards from a cursor', async () => {
    const token = await tokenOf(alice);
    for (let i = 1; i <= 5; i++) await graphql(url, SEND, { input: { groupId, text: `n${i}` } }, token);
    const newest = await history(token, { last: 2 });
    const page = newest.data!._entities[0].messages;
    expect(page.edges.map((e: { node: { text: string } }) => e.node.text)).toEqual(['n4', 'n5']);
    expect(page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const older = (await history(token, { last: 2, before: page.pageInfo.startCursor })).data!._entities[0].messages;
    expect(older.edges.map((e: { node: { text: string } }) => e.node.text)).toEqual(['n2', 'n3']);
    const forward = (await history(token, { first: 1, after: older.pageInfo.endCursor })).data!._entities[0].messages;
    expect(forward.edges.map((e: { node: { text: string } }) => e.node.text)).toEqual(['n4']);
    const mixed = await history(token, { first: 1, last: 1 });
    expect(mixed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const newestCursor = newest.data!._entities[0].messages.pageInfo.endCursor;
    const pastTheEnd = (await history(token, { first: 10, after: newestCursor })).data!._entities[0].messages;
    expect(pastTheEnd).toMatchObject({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
  });

  it("shows a broadcast subscriber's reply to the group's admins and its author only, in every way of reading; an empty group has an empty page", async () => {
    const broadcastId = randomUUID();
    const [owner, author, other] = [alice, bob, { id: randomUUID(), phone: '+14155550403' }];
    const pageOf = async (u: { id: string; phone: string }) => {
      const res = await graphql(url, HISTORY, { reps: [{ __typename: 'Group', id: broadcastId }], last: 10 }, await tokenOf(u));
      expect(res.errors).toBeUndefined();
      // People's messages: the group's system entries (its creation, who joined) are not what this test is about.
      return res
        .data!._entities[0].messages.edges.filter((e: { node: { kind: string } }) => e.node.kind !== 'SYSTEM')
        .map((e: { node: { text: string } }) => e.node.text);
    };
    await tap.publish(
      createEvent('groups.group.created', {
        key: broadcastId,
        orgId: null,
        payload: { groupId: broadcastId, orgId: null, parentId: null, name: 'News', kind: 'BROADCAST', announcementOnly: true, createdBy: owner.id },
      }),
    );
    await tap.publish(
      createEvent('groups.memberships.added', {
        key: broadcastId,
        orgId: null,
        payload: {
          groupId: broadcastId,
          members: [
            { userId: owner.id, role: 'OWNER' },
            { userId: author.id, role: 'MEMBER' },
            { userId: other.id, role: 'MEMBER' },
          ],
        },
      }),
    );
    await eventually(async () => expect(await pageOf(other)).toEqual([]));
    const readAs = async (u: { id: string; phone: string }, query: string, variables: Record<string, unknown> = {}) => {
      const res = await graphql(url, query, { reps: [{ __typename: 'Group', id: broadcastId }], ...variables }, await tokenOf(u));
      expect(res.errors).toBeUndefined();
      return res.data!;
    };
    const CHANGES_CURSOR = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Group { changesCursor } } }`;
    const start = (await readAs(other, CHANGES_CURSOR))._entities[0].changesCursor as string;
    expect((await graphql(url, SEND, { input: { groupId: broadcastId, text: 'News for all' } }, await tokenOf(owner))).errors).toBeUndefined();
    let replyId = '';
    await eventually(async () => {
      const reply = await graphql(url, SEND, { input: { groupId: broadcastId, text: 'A zanzibar question for the admins' } }, await tokenOf(author));
      expect(reply.errors).toBeUndefined();
      replyId = reply.data!.sendMessage.message.id;
    });
    const both = ['News for all', 'A zanzibar question for the admins'];
    const changesOf = async (u: { id: string; phone: string }) =>
      (
        await readAs(
          u,
          `query($reps: [_Any!]!, $after: String!) { _entities(representations: $reps) { ... on Group { messageChanges(after: $after) { edges { node { message { kind text } } } } } } }`,
          {
            after: start,
          },
        )
      )._entities[0].messageChanges.edges
        .filter((e: { node: { message: { kind: string } } }) => e.node.message.kind !== 'SYSTEM')
        .map((e: { node: { message: { text: string } } }) => e.node.message.text);
    const unreadOf = async (u: { id: string; phone: string }) =>
      (await readAs(u, `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Group { unreadCount } } }`))._entities[0].unreadCount as number;
    const found = async (u: { id: string; phone: string }) =>
      (await readAs(u, `{ searchMessages(query: "zanzibar") { edges { node { message { id } } } } }`)).searchMessages.edges.length as number;
    const byId = (u: { id: string; phone: string }) =>
      tokenOf(u).then((token) =>
        graphql(
          url,
          `
            query ($id: ID!) {
              message(id: $id) {
                id
              }
            }
          `,
          { id: replyId },
          token,
        ),
      );
    for (const reader of [owner, author]) {
      expect(await pageOf(reader)).toEqual(both);
      expect(await changesOf(reader)).toEqual(both);
      expect(await found(reader)).toBe(1);
      expect((await byId(reader)).data!.message).toEqual({ id: replyId });
    }
    expect(await pageOf(other)).toEqual(['News for all']);
    expect(await changesOf(other)).toEqual(['News for all']);
    expect(await found(other)).toBe(0);
    expect((await byId(other)).errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    // Unread counts leave out the reader's own messages: the owner's news for the owner, the reply for its author.
    expect([await unreadOf(owner), await unreadOf(author), await unreadOf(other)]).toEqual([1, 1, 1]);
  });

  it("lets a connector granted POST_MESSAGES post to its organisation's groups as an admin would, as itself, and nowhere else", async () => {
    const orgId = randomUUID();
    const orgGroupId = randomUUID();
    const connectorId = randomUUID();
    const poster = await issuer.connectorToken(connectorId, orgId, ['POST_MESSAGES']);
    const reader = await issuer.connectorToken(randomUUID(), orgId, ['MESSAGES']);
    const stranger = await issuer.connectorToken(randomUUID(), randomUUID(), ['POST_MESSAGES']);
    const post = (token: string, input: Record<string, unknown>) => graphql(url, SEND, { input: { groupId: orgGroupId, ...input } }, token);

    // Until the groups service's event about the group arrives, messaging cannot tell its organisation.
    expect((await post(poster, { text: 'Too early' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await tap.publish(
      createEvent('groups.group.created', {
        key: orgGroupId,
        orgId,
        payload: { groupId: orgGroupId, orgId, parentId: null, name: 'Orders', kind: 'ORGANIZATION', announcementOnly: true, createdBy: alice.id },
      }),
    );
    const sent = await eventually(async () => {
      const r = await post(poster, { text: 'Order 7 shipped', announcement: true });
      expect(r.errors).toBeUndefined();
      return r.data!.sendMessage.message;
    });
    expect(sent.author).toEqual({ id: connectorId });
    await eventually(() =>
      expect(tap.ofType('messaging.message.sent').find((e) => e.payload.messageId === sent.id)?.payload).toMatchObject({
        authorId: connectorId,
        authorKind: 'CONNECTOR',
        kind: 'ANNOUNCEMENT',
        audience: 'ALL',
      }),
    );

    const refused = await post(reader, { text: 'Read-only' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toMatch(/POST_MESSAGES/);
    expect((await post(stranger, { text: 'Wrong organisation' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // A group of no organisation is never a connector's.
    const privateGroup = await graphql(url, SEND, { input: { groupId, text: 'Private' } }, poster);
    expect(privateGroup.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(tap.ofType('messaging.message.sent').filter((e) => e.payload.authorId === connectorId)).toHaveLength(1);
  });

  it('announces who gained or may have lost the reading of a group and its ancestors, once its answers already say so', async () => {
    const [parentId, childId] = [randomUUID(), randomUUID()];
    const dan = { id: randomUUID(), phone: '+14155550404' };
    const created = (id: string, parent: string | null) =>
      createEvent('groups.group.created', {
        key: id,
        orgId: null,
        payload: { groupId: id, orgId: null, parentId: parent, name: id, kind: 'PRIVATE', announcementOnly: false, createdBy: alice.id },
      });
    await tap.publish(created(parentId, null));
    await tap.publish(created(childId, parentId));
    const announced = (change: 'ADDED' | 'REMOVED') =>
      tap
        .ofType('messaging.readers.changed')
        .filter((e) => e.payload.change === change && e.payload.userIds.includes(dan.id))
        .map((e) => ({ groupId: e.payload.groupId, key: e.key }));
    const readsParent = async () => {
      const res = await graphql(url, HISTORY, { reps: [{ __typename: 'Group', id: parentId }], last: 1 }, await tokenOf(dan));
      return res.errors === undefined;
    };

    // A member of the sub-group reads the parent's history too.
    await tap.publish(
      createEvent('groups.memberships.added', { key: childId, orgId: null, payload: { groupId: childId, members: [{ userId: dan.id, role: 'MEMBER' }] } }),
    );
    await eventually(() => expect(announced('ADDED')).toHaveLength(2));
    expect(announced('ADDED')).toEqual(
      expect.arrayContaining([
        { groupId: childId, key: childId },
        { groupId: parentId, key: parentId },
      ]),
    );
    expect(await readsParent()).toBe(true);

    await tap.publish(createEvent('groups.subgroup.detached', { key: childId, orgId: null, payload: { groupId: childId, parentId } }));
    await eventually(() => expect(announced('REMOVED')).toEqual([{ groupId: parentId, key: parentId }]));
    expect(await readsParent()).toBe(false);

    await tap.publish(createEvent('groups.subgroup.attached', { key: childId, orgId: null, payload: { groupId: childId, parentId } }));
    await eventually(() => expect(announced('ADDED')).toHaveLength(3));
    expect(await readsParent()).toBe(true);

    // Moved under another parent: the first one's readers lose it, the second one's gain it.
    const otherParentId = randomUUID();
    await tap.publish(created(otherParentId, null));
    await tap.publish(createEvent('groups.subgroup.attached', { key: childId, orgId: null, payload: { groupId: childId, parentId: otherParentId } }));
    await eventually(() => expect(announced('ADDED')).toHaveLength(4));
    expect(announced('ADDED')[3]).toEqual({ groupId: otherParentId, key: otherParentId });
    expect(announced('REMOVED')).toEqual([
      { groupId: parentId, key: parentId },
      { groupId: parentId, key: parentId },
    ]);
    expect(await readsParent()).toBe(false);

    await tap.publish(createEvent('groups.memberships.removed', { key: childId, orgId: null, payload: { groupId: childId, userIds: [dan.id] } }));
    await eventually(() => expect(announced('REMOVED')).toHaveLength(4));
    expect(announced('REMOVED').slice(2)).toEqual(
      expect.arrayContaining([
        { groupId: childId, key: childId },
        { groupId: otherParentId, key: otherParentId },
      ]),
    );
    // A repeated removal changes nothing and announces nothing.
    await tap.publish(createEvent('groups.memberships.removed', { key: childId, orgId: null, payload: { groupId: childId, userIds: [dan.id] } }));
    await tap.publish(
      createEvent('groups.memberships.added', { key: childId, orgId: null, payload: { groupId: childId, members: [{ userId: alice.id, role: 'OWNER' }] } }),
    );
    await eventually(() =>
      expect(tap.ofType('messaging.readers.changed').some((e) => e.payload.groupId === childId && e.payload.userIds.includes(alice.id))).toBe(true),
    );
    expect(announced('REMOVED')).toHaveLength(4);
  });
});
