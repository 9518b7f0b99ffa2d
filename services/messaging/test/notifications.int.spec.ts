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
const person = (): Person => ({ id: randomUUID(), phone: `+1415555${String(800 + phones++).padStart(4, '0')}` });
type Role = 'OWNER' | 'ADMIN' | 'MEMBER';

const NOTIFICATIONS = `query($first: Int, $after: String) {
  notifications(first: $first, after: $after) {
    edges { cursor node { id kind read createdAt group { id } message { id text } actor { id } importJob { id } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
  unreadNotificationCount
}`;
const MARK = `mutation($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) { unreadCount } }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`;

interface NotificationNode {
  id: string;
  kind: string;
  read: boolean;
  group: { id: string } | null;
  message: { id: string; text: string } | null;
  actor: { id: string } | null;
  importJob: { id: string } | null;
}

const notAdded = (n: NotificationNode) => n.kind !== 'GROUP_ADDED';
const token = (who: Person) => issuer.token(who.id, who.phone);

async function inbox(who: Person, variables: Record<string, unknown> = {}) {
  const res = await graphql(url, NOTIFICATIONS, variables, await token(who));
  expect(res.errors).toBeUndefined();
  const page = res.data!.notifications as { edges: { cursor: string; node: NotificationNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
  return { nodes: page.edges.map((e) => e.node), pageInfo: page.pageInfo, unread: res.data!.unreadNotificationCount as number };
}

async function group(members: { who: Person; role: Role }[], opts: { kind?: 'PRIVATE' | 'BROADCAST'; addedBy?: string } = {}): Promise<string> {
  const groupId = uuidv7();
  await tap.publish(
    createEvent('groups.group.created', {
      key: groupId,
      orgId: null,
      payload: {
        groupId,
        orgId: null,
        parentId: null,
        name: 'Team',
        kind: opts.kind ?? 'PRIVATE',
        announcementOnly: opts.kind === 'BROADCAST',
        createdBy: members[0]!.who.id,
      },
    }),
  );
  await addMembers(groupId, members, opts.addedBy ?? members[0]!.who.id);
  return groupId;
}

function addMembers(groupId: string, members: { who: Person; role: Role }[], addedBy?: string) {
  return tap.publish(
    createEvent('groups.memberships.added', {
      key: groupId,
      orgId: null,
      payload: { groupId, members: members.map((m) => ({ userId: m.who.id, role: m.role })), ...(addedBy ? { addedBy } : {}) },
    }),
  );
}

async function send(who: Person, input: Record<string, unknown>): Promise<string> {
  const t = await token(who);
  return eventually(async () => {
    const res = await graphql(url, SEND, { input }, t);
    expect(res.errors).toBeUndefined();
    return res.data!.sendMessage.message.id as string;
  });
}

const announced = (userId: string) =>
  tap.ofType('messaging.notifications.created').flatMap((e) => e.payload.notificationIds.filter((_, i) => e.payload.userIds[i] === userId));

beforeAll(async () => {
  url = await messaging.start(['messagingNotifications']);
});

afterAll(() => messaging.stop());

describe('notifications', () => {
  it('tells people mentioned and the author replied to, in the commit of the message, never its own author, and streams each to its person', async () => {
    const [ann, bob, cy] = [person(), person(), person()];
    const groupId = await group([
      { who: ann, role: 'OWNER' },
      { who: bob, role: 'MEMBER' },
      { who: cy, role: 'MEMBER' },
    ]);
    const question = await send(bob, { groupId, text: 'Who has the van keys?' });
    const answer = await send(ann, { groupId, text: 'I do, @Cy knows too', replyToId: question, mentions: [cy.id, ann.id] });
    await send(bob, { groupId, text: 'Talking to myself', replyToId: question, mentions: [bob.id] });

    const forBob = await inbox(bob);
    expect(forBob.nodes.filter(notAdded)).toEqual([
      {
        id: expect.any(String),
        kind: 'REPLY',
        read: false,
        createdAt: expect.any(String),
        group: { id: groupId },
        message: { id: answer, text: 'I do, @Cy knows too' },
        actor: { id: ann.id },
        importJob: null,
      },
    ]);
    // Added to the group by Ann, and replied to.
    expect(forBob.unread).toBe(2);
    expect((await inbox(cy)).nodes.filter(notAdded).map((n) => [n.kind, n.message?.id])).toEqual([['MENTION', answer]]);
    expect((await inbox(ann)).nodes).toEqual([]);
    await eventually(() => expect(announced(bob.id)).toEqual(forBob.nodes.map((n) => n.id).reverse()));

    // One person's notification is no one else's.
    const stolen = await graphql(
      url,
      `
        query ($id: ID!) {
          notification(id: $id) {
            id
          }
        }
      `,
      { id: forBob.nodes[0]!.id },
      await token(cy),
    );
    expect(stolen.data!.notification).toBeNull();
    const own = await graphql(
      url,
      `
        query ($id: ID!) {
          notification(id: $id) {
            id
            kind
          }
        }
      `,
      { id: forBob.nodes[0]!.id },
      await token(bob),
    );
    expect(own.data!.notification).toEqual({ id: forBob.nodes[0]!.id, kind: 'REPLY' });

    // Once Cy leaves, the mention stays but its message is no longer Cy's to read.
    await tap.publish(createEvent('groups.memberships.removed', { key: groupId, orgId: null, payload: { groupId, userIds: [cy.id] } }));
    await eventually(async () => expect((await inbox(cy)).nodes.filter(notAdded).map((n) => [n.kind, n.message])).toEqual([['MENTION', null]]));
  });

  it("tells no one of a broadcast subscriber's reply but the admins", async () => {
    const [owner, asker, other] = [person(), person(), person()];
    const groupId = await group(
      [
        { who: owner, role: 'OWNER' },
        { who: asker, role: 'MEMBER' },
        { who: other, role: 'MEMBER' },
      ],
      { kind: 'BROADCAST' },
    );
    const news = await send(owner, { groupId, text: 'Office closed Friday' });
    const reply = await send(asker, { groupId, text: 'Even for @Other?', replyToId: news, mentions: [other.id] });
    expect((await inbox(owner)).nodes.map((n) => [n.kind, n.message?.id])).toEqual([['REPLY', reply]]);
    expect((await inbox(other)).nodes.filter(notAdded)).toEqual([]);
  });

  it('tells each person added to a group who added them, 2,000 at a time in one statement and one event, but not someone who joined by themselves', async () => {
    const [admin, joiner] = [person(), person()];
    const groupId = await group([{ who: admin, role: 'OWNER' }], { addedBy: admin.id });
    const crowd = Array.from({ length: 2_000 }, () => ({ who: person(), role: 'MEMBER' as const }));
    await addMembers(groupId, crowd, admin.id);
    await addMembers(groupId, [{ who: joiner, role: 'MEMBER' }], joiner.id);
    const last = crowd.at(-1)!.who;
    await eventually(async () => expect((await inbox(last)).nodes).toHaveLength(1));
    expect((await inbox(last)).nodes[0]).toMatchObject({ kind: 'GROUP_ADDED', group: { id: groupId }, actor: { id: admin.id }, message: null });
    await eventually(() => expect(announced(last.id)).toHaveLength(1));
    const batch = tap.ofType('messaging.notifications.created').find((e) => e.payload.userIds.includes(last.id))!;
    expect(batch.payload.notificationIds).toHaveLength(2_000);
    expect(batch.key).toBe(groupId);
    expect((await inbox(admin)).nodes).toEqual([]);
    expect((await inbox(joiner)).nodes).toEqual([]);
  });

  it("tells a group's admins of a join request, and the person who started an import once when it ends", async () => {
    const [owner, admin, member, asker, orgAdmin] = [person(), person(), person(), person(), person()];
    const groupId = await group([
      { who: owner, role: 'OWNER' },
      { who: admin, role: 'ADMIN' },
      { who: member, role: 'MEMBER' },
    ]);
    await eventually(async () => expect((await inbox(member)).nodes).toHaveLength(1));
    // The organisation's admins decide too; an organisation's admin asking is not told of their own request.
    await tap.publish(
      createEvent('groups.join-request.filed', {
        key: groupId,
        orgId: null,
        payload: { groupId, requestId: uuidv7(), userId: asker.id, orgAdminIds: [orgAdmin.id, owner.id, asker.id] },
      }),
    );
    for (const who of [owner, admin, orgAdmin]) {
      await eventually(async () =>
        expect((await inbox(who)).nodes.filter((n) => n.kind === 'JOIN_REQUEST')).toEqual([
          expect.objectContaining({ group: { id: groupId }, actor: { id: asker.id } }),
        ]),
      );
    }
    expect((await inbox(member)).nodes.map((n) => n.kind)).toEqual(['GROUP_ADDED']);
    expect((await inbox(asker)).nodes).toEqual([]);

    const importId = uuidv7();
    const orgId = randomUUID();
    const progress = (status: 'RUNNING' | 'COMPLETED') =>
      createEvent('import.job.progress', {
        key: importId,
        orgId,
        payload: { importId, orgId, startedBy: owner.id, status, total: 10, processed: status === 'RUNNING' ? 5 : 10, failed: 0 },
      });
    for (const status of ['RUNNING', 'COMPLETED', 'COMPLETED'] as const) await tap.publish(progress(status));
    await eventually(async () => expect((await inbox(owner)).nodes.filter((n) => n.kind === 'IMPORT_FINISHED')).toHaveLength(1));
    await tap.publish(progress('COMPLETED'));
    await eventually(() => expect(announced(owner.id)).toHaveLength(2));
    expect((await inbox(owner)).nodes.map((n) => [n.kind, n.importJob?.id ?? null])).toEqual([
      ['IMPORT_FINISHED', importId],
      ['JOIN_REQUEST', null],
    ]);
  });

  it('pages newest first by cursor, counts unread, and marks read up to one or all', async () => {
    const [ann, bob] = [person(), person()];
    const groupId = await group([
      { who: ann, role: 'OWNER' },
      { who: bob, role: 'MEMBER' },
    ]);
    const sent: string[] = [];
    for (let i = 0; i < 4; i++) sent.push(await send(ann, { groupId, text: `@Bob ${i}`, mentions: [bob.id] }));
    const all = await inbox(bob);
    expect(all.nodes.map((n) => n.message?.id ?? n.kind)).toEqual([...sent].reverse().concat('GROUP_ADDED'));
    expect(all.unread).toBe(5);

    const first = await inbox(bob, { first: 2 });
    expect(first.nodes.map((n) => n.message?.id)).toEqual([sent[3], sent[2]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await inbox(bob, { first: 2, after: first.pageInfo.endCursor });
    expect(next.nodes.map((n) => n.message?.id)).toEqual([sent[1], sent[0]]);

    const t = await token(bob);
    const upTo = await graphql(url, MARK, { i: { upToId: next.nodes[0]!.id } }, t);
    expect(upTo.data!.markNotificationsRead).toEqual({ unreadCount: 2 });
    expect((await inbox(bob)).nodes.map((n) => n.read)).toEqual([false, false, true, true, true]);
    expect((await graphql(url, MARK, { i: {} }, t)).data!.markNotificationsRead).toEqual({ unreadCount: 0 });
    expect((await inbox(bob)).unread).toBe(0);

    expect((await graphql(url, MARK, { i: { upToId: 'nope' } }, t)).errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'upToId' });
    expect((await graphql(url, NOTIFICATIONS, { after: 'garbled' }, t)).errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect((await graphql(url, NOTIFICATIONS, { first: 0 }, t)).errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((await graphql(url, NOTIFICATIONS, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
