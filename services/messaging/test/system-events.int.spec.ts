import { randomUUID } from 'node:crypto';
import { uuidv7 } from '@kz/db';
import { createEvent, type EventEnvelope } from '@kz/events';
import { eventually, graphql } from '@kz/testing';
import { MessagingUnderTest } from './support/messaging-under-test';

const messaging = new MessagingUnderTest();
const { issuer, tap } = messaging;
let url: string;

type Person = { id: string; phone: string };
type Role = 'OWNER' | 'ADMIN' | 'MEMBER';
let phones = 0;
const person = (): Person => ({ id: randomUUID(), phone: `+1415556${String(100 + phones++).padStart(4, '0')}` });
const token = (who: Person) => issuer.token(who.id, who.phone);

const ENTRY = `id kind text author { id } audience systemEvent { kind actor { id } users { id } userCount name role subgroup { id } }`;
const HISTORY = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Group {
  messages(last: 50) { edges { node { ${ENTRY} } } }
  unreadCount lastMessage { id kind }
  changesCursor
} } }`;
const CHANGES = `query($reps: [_Any!]!, $after: String!) { _entities(representations: $reps) { ... on Group {
  messageChanges(after: $after) { edges { node { kind message { id kind systemEvent { userCount } } } } }
} } }`;

interface Entry {
  id: string;
  kind: string;
  text: string | null;
  author: { id: string };
  audience: string;
  systemEvent: {
    kind: string;
    actor: { id: string } | null;
    users: { id: string }[];
    userCount: number;
    name: string | null;
    role: string | null;
    subgroup: { id: string } | null;
  } | null;
}

async function group(groupId: string, who: Person) {
  const res = await graphql(url, HISTORY, { reps: [{ __typename: 'Group', id: groupId }] }, await token(who));
  expect(res.errors).toBeUndefined();
  const g = res.data!._entities[0];
  return {
    messages: g.messages.edges.map((e: { node: Entry }) => e.node) as Entry[],
    unreadCount: g.unreadCount as number,
    lastMessage: g.lastMessage as { id: string; kind: string } | null,
    changesCursor: g.changesCursor as string,
  };
}
const system = async (groupId: string, who: Person) => (await group(groupId, who)).messages.filter((m) => m.kind === 'SYSTEM');

function created(groupId: string, by: Person, opts: { name?: string; parentId?: string; kind?: 'PRIVATE' | 'BROADCAST' } = {}) {
  return createEvent('groups.group.created', {
    key: groupId,
    orgId: null,
    payload: {
      groupId,
      orgId: null,
      parentId: opts.parentId ?? null,
      name: opts.name ?? 'Team',
      kind: opts.kind ?? 'PRIVATE',
      announcementOnly: opts.kind === 'BROADCAST',
      createdBy: by.id,
    },
  });
}
function added(groupId: string, members: { userId: string; role: Role }[], addedBy: string | null) {
  return createEvent('groups.memberships.added', { key: groupId, orgId: null, payload: { groupId, members, ...(addedBy ? { addedBy } : {}) } });
}
/** A new group as the groups service announces it: created, its creator its owner. */
async function newGroup(owner: Person, opts: { name?: string; parentId?: string; kind?: 'PRIVATE' | 'BROADCAST' } = {}): Promise<string> {
  const groupId = uuidv7();
  await tap.publish(created(groupId, owner, opts));
  await tap.publish(added(groupId, [{ userId: owner.id, role: 'OWNER' }], owner.id));
  await eventually(async () => expect((await system(groupId, owner)).map((m) => m.systemEvent!.kind)).toEqual(['GROUP_CREATED']));
  return groupId;
}

beforeAll(async () => {
  url = await messaging.start(['messagingMessages', 'messagingNotifications']);
});

afterAll(() => messaging.stop());

describe('system entries in a group’s history, from the groups service’s events', () => {
  it('writes a bulk add as one entry, sent like a message (history, changes, lastMessage, message.sent), and a redelivered event writes nothing again', async () => {
    const ana = person();
    const groupId = await newGroup(ana, { name: 'Night desk' });
    const [creation] = await system(groupId, ana);
    expect(creation).toMatchObject({
      text: null,
      author: { id: ana.id },
      systemEvent: { kind: 'GROUP_CREATED', actor: { id: ana.id }, name: 'Night desk', userCount: 0 },
    });
    const before = (await group(groupId, ana)).changesCursor;

    const people = Array.from({ length: 2_000 }, () => randomUUID());
    const bulk = added(
      groupId,
      people.map((userId) => ({ userId, role: 'MEMBER' as const })),
      ana.id,
    );
    await tap.publish(bulk);
    const entry = await eventually(async () => {
      const entries = await system(groupId, ana);
      expect(entries).toHaveLength(2);
      return entries[1]!;
    });
    expect(entry).toMatchObject({
      kind: 'SYSTEM',
      text: null,
      author: { id: ana.id },
      audience: 'ALL',
      systemEvent: { kind: 'MEMBERS_ADDED', actor: { id: ana.id }, userCount: 2_000, name: null, role: null, subgroup: null },
    });
    expect(entry.systemEvent!.users.map((u) => u.id)).toEqual(people.slice(0, 20));
    await eventually(() =>
      expect(tap.ofType('messaging.message.sent').find((e) => e.payload.messageId === entry.id)?.payload).toEqual({
        messageId: entry.id,
        groupId,
        authorId: ana.id,
        text: '',
        sentAt: expect.any(String),
        audience: 'ALL',
        kind: 'SYSTEM',
        changeSeq: expect.stringMatching(/^\d+$/),
      }),
    );
    const after = await group(groupId, ana);
    expect(after.lastMessage).toEqual({ id: entry.id, kind: 'SYSTEM' });
    const changes = await graphql(url, CHANGES, { reps: [{ __typename: 'Group', id: groupId }], after: before }, await token(ana));
    expect(changes.data!._entities[0].messageChanges.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { kind: 'SENT', message: { id: entry.id, kind: 'SYSTEM', systemEvent: { userCount: 2_000 } } },
    ]);

    // The same event again (a redelivery): the inbox applied it once.
    await tap.publish(bulk);
    const marker = person();
    await tap.publish(added(groupId, [{ userId: marker.id, role: 'MEMBER' }], marker.id));
    await eventually(async () => expect((await system(groupId, ana)).map((m) => m.systemEvent!.kind)).toEqual(['GROUP_CREATED', 'MEMBERS_ADDED', 'JOINED']));
    expect((await system(groupId, ana))[1]!.systemEvent!.userCount).toBe(2_000);
  });

  it("counts a bulk add's next batches into its entry, as an edit of it, while nothing came between", async () => {
    const ana = person();
    const groupId = await newGroup(ana);
    const batch = (n: number) => Array.from({ length: n }, () => ({ userId: randomUUID(), role: 'MEMBER' as const }));
    await tap.publish(added(groupId, batch(2_000), ana.id));
    await tap.publish(added(groupId, batch(2_000), ana.id));
    await tap.publish(added(groupId, batch(500), ana.id));
    await eventually(async () =>
      expect((await system(groupId, ana)).map((m) => [m.systemEvent!.kind, m.systemEvent!.userCount])).toEqual([
        ['GROUP_CREATED', 0],
        ['MEMBERS_ADDED', 4_500],
      ]),
    );
    const entry = (await system(groupId, ana))[1]!;
    await eventually(() => expect(tap.ofType('messaging.message.edited').filter((e) => e.payload.messageId === entry.id)).toHaveLength(2));
    expect(tap.ofType('messaging.message.sent').filter((e) => e.payload.messageId === entry.id)).toHaveLength(1);
  });

  it('is never unread, never found, never a notification, and cannot be edited, deleted or replied to', async () => {
    const ana = person();
    const bo = person();
    const groupId = await newGroup(ana);
    await tap.publish(added(groupId, [{ userId: bo.id, role: 'MEMBER' }], ana.id));
    const entry = await eventually(async () => {
      const entries = await system(groupId, bo);
      expect(entries).toHaveLength(2);
      return entries[1]!;
    });
    expect(entry.systemEvent).toMatchObject({ kind: 'MEMBERS_ADDED', actor: { id: ana.id }, users: [{ id: bo.id }], userCount: 1 });
    expect((await group(groupId, bo)).unreadCount).toBe(0);

    const asAna = await token(ana);
    const EDIT = `mutation($i: EditMessageInput!) { editMessage(input: $i) { message { id } } }`;
    const DELETE = `mutation($i: MessageInput!) { deleteMessage(input: $i) { message { id } } }`;
    const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;
    for (const res of [
      await graphql(url, EDIT, { i: { messageId: entry.id, text: 'Ana added everyone' } }, asAna),
      await graphql(url, DELETE, { i: { messageId: entry.id } }, asAna),
    ]) {
      expect(res.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'messageId' });
      expect(res.errors?.[0]?.message).toMatch(/entry about the group/);
    }
    const reply = await graphql(url, SEND, { i: { groupId, text: 'Welcome!', replyToId: entry.id } }, await token(bo));
    expect(reply.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'replyToId' });
    expect((await system(groupId, ana))[1]).toEqual(entry);

    const sent = await graphql(url, SEND, { i: { groupId, text: 'Welcome Bo' } }, asAna);
    expect(sent.errors).toBeUndefined();
    expect((await group(groupId, bo)).unreadCount).toBe(1);
    const search = await graphql(
      url,
      `
        query {
          searchMessages(query: "added") {
            edges {
              node {
                message {
                  id
                }
              }
            }
          }
        }
      `,
      {},
      await token(bo),
    );
    expect(search.data!.searchMessages.edges).toEqual([]);
    // Bo hears of being added (GROUP_ADDED), and of nothing the entry says.
    const notes = await graphql(
      url,
      `
        query {
          notifications {
            edges {
              node {
                kind
                message {
                  id
                }
              }
            }
          }
        }
      `,
      {},
      await token(bo),
    );
    expect(notes.data!.notifications.edges.map((e: { node: unknown }) => e.node)).toEqual([{ kind: 'GROUP_ADDED', message: null }]);
  });

  it('tells joining, leaving, removal, roles, a rename and sub-groups apart, and changes that change nothing write nothing', async () => {
    const ana = person();
    const [bo, cy, di] = [person(), person(), person()];
    const groupId = await newGroup(ana, { name: 'Dispatch' });
    const publish = (event: EventEnvelope) => tap.publish(event);
    await publish(added(groupId, [{ userId: bo.id, role: 'MEMBER' }], bo.id));
    await publish(added(groupId, [{ userId: cy.id, role: 'MEMBER' }], null));
    await publish(added(groupId, [{ userId: di.id, role: 'MEMBER' }], ana.id));
    // Already a member: no news.
    await publish(added(groupId, [{ userId: di.id, role: 'MEMBER' }], ana.id));
    await publish(
      createEvent('groups.memberships.role-changed', {
        key: groupId,
        orgId: null,
        payload: { groupId, members: [{ userId: bo.id, role: 'ADMIN' }], changedBy: ana.id },
      }),
    );
    await publish(
      createEvent('groups.memberships.role-changed', {
        key: groupId,
        orgId: null,
        payload: { groupId, members: [{ userId: bo.id, role: 'ADMIN' }], changedBy: ana.id },
      }),
    );
    await publish(createEvent('groups.memberships.removed', { key: groupId, orgId: null, payload: { groupId, userIds: [cy.id], removedBy: cy.id } }));
    await publish(createEvent('groups.memberships.removed', { key: groupId, orgId: null, payload: { groupId, userIds: [di.id], removedBy: ana.id } }));
    await publish(createEvent('groups.memberships.removed', { key: groupId, orgId: null, payload: { groupId, userIds: [di.id], removedBy: ana.id } }));
    // The group's own events are on another topic: they wait for these, so that the history's order is known.
    await eventually(async () => expect((await system(groupId, ana)).at(-1)!.systemEvent!.kind).toBe('MEMBERS_REMOVED'));
    const update = (name: string, announcementOnly = false) =>
      createEvent('groups.group.updated', { key: groupId, orgId: null, payload: { groupId, name, kind: 'PRIVATE', announcementOnly, updatedBy: ana.id } });
    await publish(update('Night desk'));
    await publish(update('Night desk', true));
    await eventually(async () => expect((await system(groupId, ana)).at(-1)!.systemEvent!.kind).toBe('GROUP_RENAMED'));
    // The sub-group's events share its key, so they arrive in order.
    const sub = uuidv7();
    await publish(created(sub, ana, { name: 'East' }));
    await publish(createEvent('groups.subgroup.attached', { key: sub, orgId: null, payload: { groupId: sub, parentId: groupId, attachedBy: ana.id } }));
    await publish(createEvent('groups.subgroup.detached', { key: sub, orgId: null, payload: { groupId: sub, parentId: groupId, detachedBy: bo.id } }));

    const kinds = (entries: Entry[]) =>
      entries.map((m) => [
        m.systemEvent!.kind,
        m.systemEvent!.actor?.id ?? null,
        m.systemEvent!.users.map((u) => u.id),
        m.systemEvent!.name,
        m.systemEvent!.role,
      ]);
    await eventually(async () =>
      expect(kinds(await system(groupId, ana))).toEqual([
        ['GROUP_CREATED', ana.id, [], 'Dispatch', null],
        ['JOINED', bo.id, [bo.id], null, null],
        ['JOINED', null, [cy.id], null, null],
        ['MEMBERS_ADDED', ana.id, [di.id], null, null],
        ['ROLE_CHANGED', ana.id, [bo.id], null, 'ADMIN'],
        ['MEMBER_LEFT', cy.id, [cy.id], null, null],
        ['MEMBERS_REMOVED', ana.id, [di.id], null, null],
        ['GROUP_RENAMED', ana.id, [], 'Night desk', null],
        ['SUBGROUP_ATTACHED', ana.id, [], 'East', null],
        ['SUBGROUP_DETACHED', bo.id, [], 'East', null],
      ]),
    );
    const entries = await system(groupId, ana);
    expect(entries.at(-1)!.systemEvent!.subgroup).toEqual({ id: sub });
    // Cy, who joined when their number signed up, is the author of an entry no one acted in.
    expect(entries[2]!.author).toEqual({ id: cy.id });
  });

  it("shows a broadcast group's entries about people to its admins and whoever acted only", async () => {
    const ana = person();
    const [sub1, sub2] = [person(), person()];
    const groupId = await newGroup(ana, { kind: 'BROADCAST' });
    await tap.publish(added(groupId, [{ userId: sub1.id, role: 'MEMBER' }], sub1.id));
    await tap.publish(added(groupId, [{ userId: sub2.id, role: 'MEMBER' }], ana.id));
    await eventually(async () => expect(await system(groupId, ana)).toHaveLength(3));
    await tap.publish(
      createEvent('groups.group.updated', {
        key: groupId,
        orgId: null,
        payload: { groupId, name: 'News', kind: 'BROADCAST', announcementOnly: true, updatedBy: ana.id },
      }),
    );
    await eventually(async () =>
      expect((await system(groupId, ana)).map((m) => m.systemEvent!.kind)).toEqual(['GROUP_CREATED', 'JOINED', 'MEMBERS_ADDED', 'GROUP_RENAMED']),
    );
    expect((await system(groupId, sub1)).map((m) => m.systemEvent!.kind)).toEqual(['GROUP_CREATED', 'JOINED', 'GROUP_RENAMED']);
    expect((await system(groupId, sub2)).map((m) => m.systemEvent!.kind)).toEqual(['GROUP_CREATED', 'GROUP_RENAMED']);
  });
});
