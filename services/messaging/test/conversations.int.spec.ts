import { randomUUID } from 'node:crypto';
import { uuidv7 } from '@kz/db';
import { createEvent } from '@kz/events';
import { eventually, graphql } from '@kz/testing';
import { MessagingUnderTest } from './support/messaging-under-test';

const messaging = new MessagingUnderTest();
const { issuer, tap } = messaging;
let url: string;

type Person = { id: string; phone: string };
let phones = 0;
const person = (): Person => ({ id: randomUUID(), phone: `+1415555${String(700 + phones++).padStart(4, '0')}` });

const CONVERSATIONS = `query($first: Int, $after: String, $search: String) {
  myConversations(first: $first, after: $after, search: $search) {
    edges { cursor node { id lastMessage { id text kind } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`;

interface ConversationPage {
  edges: { cursor: string; node: { id: string; lastMessage: { id: string; text: string | null; kind: string } | null } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

async function conversations(who: Person, variables: Record<string, unknown> = {}): Promise<ConversationPage> {
  const res = await graphql(url, CONVERSATIONS, variables, await issuer.token(who.id, who.phone));
  expect(res.errors).toBeUndefined();
  return res.data!.myConversations as ConversationPage;
}

const ids = (page: ConversationPage) => page.edges.map((e) => e.node.id);

async function createGroup(
  name: string,
  members: { who: Person; role: 'OWNER' | 'ADMIN' | 'MEMBER' }[],
  opts: { parentId?: string; kind?: 'PRIVATE' | 'BROADCAST' } = {},
) {
  const groupId = uuidv7();
  await tap.publish(
    createEvent('groups.group.created', {
      key: groupId,
      orgId: null,
      payload: {
        groupId,
        orgId: null,
        parentId: opts.parentId ?? null,
        name,
        kind: opts.kind ?? 'PRIVATE',
        announcementOnly: opts.kind === 'BROADCAST',
        createdBy: members[0]?.who.id ?? randomUUID(),
      },
    }),
  );
  if (members.length > 0) {
    await tap.publish(
      createEvent('groups.memberships.added', {
        key: groupId,
        orgId: null,
        payload: { groupId, members: members.map((m) => ({ userId: m.who.id, role: m.role })) },
      }),
    );
    // The group's history now opens with its system entries (its creation; the members who joined): they are its
    // latest activity until someone speaks, so each group's are awaited before the next group, for a known order.
    const entries = 1 + (members.some((m) => m.role !== 'OWNER') ? 1 : 0);
    const first = members[0]!.who;
    const token = await issuer.token(first.id, first.phone);
    await eventually(async () => {
      const res = await graphql(url, SYSTEM_ENTRIES, { reps: [{ __typename: 'Group', id: groupId }] }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities[0].messages.edges.filter((e: { node: { kind: string } }) => e.node.kind === 'SYSTEM')).toHaveLength(entries);
    });
  }
  return groupId;
}

const SYSTEM_ENTRIES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Group { messages(last: 10) { edges { node { kind } } } } } }`;

/** A conversation's preview as the test names it: a person's message by its id, a system entry as SYSTEM. */
const previews = (page: ConversationPage) => page.edges.map((e) => (e.node.lastMessage?.kind === 'SYSTEM' ? 'SYSTEM' : (e.node.lastMessage?.id ?? null)));

async function send(who: Person, groupId: string, text: string): Promise<string> {
  const token = await issuer.token(who.id, who.phone);
  return eventually(async () => {
    const res = await graphql(url, SEND, { input: { groupId, text } }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.sendMessage.message.id as string;
  });
}

beforeAll(async () => {
  url = await messaging.start();
});

afterAll(() => messaging.stop());

describe("a person's conversations", () => {
  it('lists the groups a person reads, latest activity first, a group where no one spoke by its system entries, a hub through its sub-group', async () => {
    const [me, other] = [person(), person()];
    const quiet = await createGroup('Quiet', [{ who: me, role: 'MEMBER' }]);
    const early = await createGroup('Early', [
      { who: other, role: 'OWNER' },
      { who: me, role: 'MEMBER' },
    ]);
    const late = await createGroup('Late', [{ who: me, role: 'OWNER' }]);
    const hub = await createGroup('Hub', [{ who: other, role: 'OWNER' }]);
    const east = await createGroup('Hub – East', [{ who: me, role: 'MEMBER' }], { parentId: hub });
    const notMine = await createGroup('Not mine', [{ who: other, role: 'OWNER' }]);

    await send(other, early, 'early 1');
    const earlyLast = await send(me, early, 'early 2');
    const hubLast = await send(other, hub, 'from the hub');
    const lateLast = await send(me, late, 'late');
    await send(other, notMine, 'private');
    // Created after every message: a group where no one spoke yet sorts by its system entries (its creation, who joined).
    const fresh = await createGroup('Fresh', [{ who: me, role: 'MEMBER' }]);

    await eventually(async () => expect(ids(await conversations(me))).toHaveLength(6));
    const page = await conversations(me);
    expect(ids(page)).toEqual([fresh, late, hub, early, east, quiet]);
    expect(previews(page)).toEqual(['SYSTEM', lateLast, hubLast, earlyLast, 'SYSTEM', 'SYSTEM']);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });

    // A new message moves its group to the top.
    const quietNow = await send(me, quiet, 'quiet no more');
    const moved = await conversations(me, { first: 2 });
    expect(ids(moved)).toEqual([quiet, fresh]);
    expect(moved.edges[0]!.node.lastMessage).toEqual({ id: quietNow, text: 'quiet no more', kind: 'TEXT' });
  });

  it("previews a broadcast group with the latest message the reader may see: an admins-only reply is not a plain member's preview", async () => {
    const [owner, asker, reader] = [person(), person(), person()];
    const news = await createGroup(
      'News',
      [
        { who: owner, role: 'OWNER' },
        { who: asker, role: 'MEMBER' },
        { who: reader, role: 'MEMBER' },
      ],
      { kind: 'BROADCAST' },
    );
    const announcement = await send(owner, news, 'All hands at 10');
    const question = await send(asker, news, 'Can I join remotely?');
    const preview = async (who: Person) => (await conversations(who)).edges.find((e) => e.node.id === news)?.node.lastMessage?.id;
    expect(await preview(reader)).toBe(announcement);
    expect(await preview(owner)).toBe(question);
    expect(await preview(asker)).toBe(question);

    // The same rule through Group.lastMessage on the entity, for several groups in one request.
    const other = await createGroup('Other', [{ who: reader, role: 'MEMBER' }]);
    const stranger = await createGroup('Stranger', [{ who: owner, role: 'OWNER' }]);
    const strangerMessage = await send(owner, stranger, 'not for the reader');
    const res = await graphql(
      url,
      `
        query ($reps: [_Any!]!) {
          _entities(representations: $reps) {
            ... on Group {
              id
              lastMessage {
                id
                kind
              }
            }
          }
        }
      `,
      { reps: [news, other, stranger].map((id) => ({ __typename: 'Group', id })) },
      await issuer.token(reader.id, reader.phone),
    );
    expect(res.errors).toBeUndefined();
    // The reader's own group shows its system entries (its creation, the reader joining); the stranger's, nothing.
    expect(res.data!._entities).toEqual([
      { id: news, lastMessage: { id: announcement, kind: 'TEXT' } },
      { id: other, lastMessage: { id: expect.any(String), kind: 'SYSTEM' } },
      { id: stranger, lastMessage: null },
    ]);
    expect(strangerMessage).toBeTruthy();
  });

  it('counts unread messages of every listed group in one go, as each alone would, and refuses a group the person does not read', async () => {
    const [me, other] = [person(), person()];
    const busy = await createGroup('Busy', [
      { who: other, role: 'OWNER' },
      { who: me, role: 'MEMBER' },
    ]);
    const calm = await createGroup('Calm', [
      { who: other, role: 'OWNER' },
      { who: me, role: 'MEMBER' },
    ]);
    const closed = await createGroup('Closed', [{ who: other, role: 'OWNER' }]);
    for (const text of ['one', 'two']) await send(other, busy, text);
    await send(other, calm, 'three');
    await send(me, calm, 'mine is never unread');

    const listed = await graphql(
      url,
      `
        query {
          myConversations(first: 10) {
            edges {
              node {
                id
                unreadCount
              }
            }
          }
        }
      `,
      {},
      await issuer.token(me.id, me.phone),
    );
    expect(listed.errors).toBeUndefined();
    const counts = new Map(listed.data!.myConversations.edges.map((e: { node: { id: string; unreadCount: number } }) => [e.node.id, e.node.unreadCount]));
    expect(Object.fromEntries([busy, calm].map((g) => [g, counts.get(g)]))).toEqual({ [busy]: 2, [calm]: 1 });

    const UNREAD = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Group { unreadCount } } }`;
    const reps = (...ids: string[]) => ({ reps: ids.map((id) => ({ __typename: 'Group', id })) });
    const together = await graphql(url, UNREAD, reps(busy, calm, closed), await issuer.token(me.id, me.phone));
    expect(together.data!._entities.slice(0, 2)).toEqual([{ unreadCount: 2 }, { unreadCount: 1 }]);
    expect(together.errors).toEqual([
      expect.objectContaining({ path: ['_entities', 2, 'unreadCount'], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    ]);
    const alone = await graphql(url, UNREAD, reps(busy), await issuer.token(me.id, me.phone));
    expect(alone.data!._entities).toEqual([{ unreadCount: 2 }]);
  });

  it('finds groups by part of their name in any case, wildcards taken literally, and follows a rename', async () => {
    const me = person();
    const east = await createGroup('Sales – East', [{ who: me, role: 'MEMBER' }]);
    const west = await createGroup('sales west', [{ who: me, role: 'MEMBER' }]);
    const percent = await createGroup('100% Support', [{ who: me, role: 'MEMBER' }]);
    const underscore = await createGroup('Ops_team', [{ who: me, role: 'MEMBER' }]);
    await eventually(async () => expect(ids(await conversations(me))).toHaveLength(4));

    expect(ids(await conversations(me, { search: 'SALES' }))).toEqual([west, east]);
    expect(ids(await conversations(me, { search: '0%' }))).toEqual([percent]);
    expect(ids(await conversations(me, { search: '%' }))).toEqual([percent]);
    expect(ids(await conversations(me, { search: '_' }))).toEqual([underscore]);
    expect(ids(await conversations(me, { search: 'o_s' }))).toEqual([]);
    expect(ids(await conversations(me, { search: '  ' }))).toHaveLength(4);

    await tap.publish(
      createEvent('groups.group.updated', { key: west, orgId: null, payload: { groupId: west, name: 'Pacific', kind: 'PRIVATE', announcementOnly: false } }),
    );
    await eventually(async () => expect(ids(await conversations(me, { search: 'pacific' }))).toEqual([west]));
    expect(ids(await conversations(me, { search: 'sales' }))).toEqual([east]);
  });

  it('pages with opaque keyset cursors, and refuses a cursor it did not issue with BAD_USER_INPUT', async () => {
    const me = person();
    const groups: string[] = [];
    for (let i = 0; i < 5; i++) groups.push(await createGroup(`Page ${i}`, [{ who: me, role: 'MEMBER' }]));
    await send(me, groups[1]!, 'bump');
    await eventually(async () => expect(ids(await conversations(me))).toHaveLength(5));
    const all = ids(await conversations(me));
    expect(all).toEqual([groups[1], groups[4], groups[3], groups[2], groups[0]]);

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: ConversationPage = await conversations(me, { first: 2, after });
      seen.push(...ids(page));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    expect(pages).toBe(3);

    const token = await issuer.token(me.id, me.phone);
    const history = await graphql(
      url,
      `
        query ($reps: [_Any!]!) {
          _entities(representations: $reps) {
            ... on Group {
              messages(last: 1) {
                pageInfo {
                  endCursor
                }
              }
            }
          }
        }
      `,
      { reps: [{ __typename: 'Group', id: groups[1] }] },
      token,
    );
    const foreign = history.data!._entities[0].messages.pageInfo.endCursor as string;
    for (const cursor of [foreign, 'garbled!', Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url')]) {
      const res = await graphql(url, CONVERSATIONS, { after: cursor }, token);
      expect(res.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    }
    const tooMany = await graphql(url, CONVERSATIONS, { first: 101 }, token);
    expect(tooMany.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
