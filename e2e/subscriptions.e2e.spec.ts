import type { GatewayApp } from '@kz/gateway';
import { eventually, graphql } from '@kz/testing';
import WebSocket from 'ws';
import { Stack } from './support/stack';
import { Subscriber } from '@kz/stack';

const stack = new Stack();
const subscribers: Subscriber[] = [];
const extraGateways: GatewayApp[] = [];

beforeAll(async () => {
  await stack.start();
  await stack.gateway.subscriptionsReady();
});
afterAll(async () => {
  await Promise.allSettled(subscribers.map((s) => s.close()));
  await Promise.allSettled(extraGateways.map((g) => g.stop()));
  await stack.stop();
});

const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(stack.gatewayUrl, query, variables, token);
const code = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.['code'];

let phoneSeq = 0;
async function person(name: string) {
  const phone = `+1415556${String(1000 + phoneSeq++).padStart(4, '0')}`;
  return { ...(await stack.signIn(phone, name)), phone };
}

const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;
const EVENTS = `subscription($g: ID) { messageEvents(groupId: $g) { kind groupId messageId message { text author { displayName } } } }`;

async function anotherGateway(env: Record<string, string> = {}): Promise<GatewayApp> {
  const gateway = stack.newGateway(env);
  extraGateways.push(gateway);
  return gateway;
}

function subscribe(token: string | null, variables: Record<string, unknown>, url = stack.gatewayUrl): Subscriber {
  const s = new Subscriber(url, token).subscribe(EVENTS, variables);
  subscribers.push(s);
  return s;
}

async function groupWith(admin: { token: string }, name: string, members: { phone: string; token: string }[]): Promise<string> {
  const group = await eventually(async () => {
    const res = await gql(`mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`, { i: { name } }, admin.token);
    expect(res.errors).toBeUndefined();
    return res.data!.createGroup.group.id as string;
  });
  if (members.length > 0) {
    await gql(
      `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId: group, members: members.map((m) => ({ phone: m.phone })) } },
      admin.token,
    );
  }
  for (const m of [admin, ...members]) {
    await eventually(async () =>
      expect((await gql(`query($id: ID!) { group(id: $id) { messages(last: 1) { edges { cursor } } } }`, { id: group }, m.token)).errors).toBeUndefined(),
    );
  }
  return group;
}

/** Waits until a subscription is live: a probe message arrives. */
async function live(sub: Subscriber, sender: { token: string }, groupId: string): Promise<void> {
  await eventually(
    async () => {
      await gql(SEND, { i: { groupId, text: 'probe' } }, sender.token);
      expect(sub.payloads().some((p) => p.message?.text === 'probe')).toBe(true);
    },
    { intervalMs: 300 },
  );
}

describe('GraphQL subscriptions through the gateway (graphql-ws)', () => {
  it("delivers a group's new messages with fields other subgraphs own, and refuses non-members", async () => {
    const alice = await person('Alice Author');
    const bob = await person('Bob Listener');
    const eve = await person('Eve Outsider');
    const groupId = await groupWith(alice, 'Live team', [bob]);

    const sub = subscribe(bob.token, { g: groupId });
    await live(sub, alice, groupId);
    const sent = await gql(SEND, { i: { groupId, text: 'Shipment arrived' } }, alice.token);
    await eventually(() =>
      expect(sub.payloads()).toContainEqual({
        kind: 'SENT',
        groupId,
        messageId: sent.data!.sendMessage.message.id,
        message: { text: 'Shipment arrived', author: { displayName: 'Alice Author' } },
      }),
    );

    const outsider = subscribe(eve.token, { g: groupId });
    await eventually(() => expect(outsider.ended).toBe('complete'));
    expect(outsider.received).toEqual([
      expect.objectContaining({ errors: [expect.objectContaining({ message: 'Group was not found.', extensions: { code: 'NOT_FOUND' } })] }),
    ]);
  });

  it('ends a live subscription when the subscriber is removed from the group', async () => {
    const admin = await person('Remover');
    const leaver = await person('Removed One');
    const groupId = await groupWith(admin, 'Shrinking', [leaver]);
    const sub = subscribe(leaver.token, { g: groupId });
    await live(sub, admin, groupId);
    await gql(
      `mutation($i: RemoveGroupMembersInput!) { removeGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId, userIds: [leaver.userId] } },
      admin.token,
    );
    await eventually(() => {
      expect(sub.payloads().at(-1)).toMatchObject({ kind: 'ACCESS_ENDED', groupId, message: null });
      expect(sub.ended).toBe('complete');
    });
    const countBefore = sub.received.length;
    await gql(SEND, { i: { groupId, text: 'after removal' } }, admin.token);
    await new Promise((r) => setTimeout(r, 500));
    expect(sub.received.length).toBe(countBefore);
  });

  it("streams all of a subscriber's groups, including a parent group reaching sub-group members, and nothing else", async () => {
    const admin = await person('Hub Admin');
    const spoke = await person('Spoke Member');
    const parent = await groupWith(admin, 'Hub', []);
    const child = await groupWith(admin, 'Spoke', [spoke]);
    const unrelated = await groupWith(admin, 'Elsewhere', []);
    await gql(`mutation($i: AttachSubgroupInput!) { attachSubgroup(input: $i) { group { id } } }`, { i: { parentId: parent, groupId: child } }, admin.token);
    await eventually(async () =>
      expect((await gql(`query($id: ID!) { group(id: $id) { messages(last: 1) { edges { cursor } } } }`, { id: parent }, spoke.token)).errors).toBeUndefined(),
    );

    const sub = subscribe(spoke.token, {});
    await live(sub, admin, child);
    for (const [g, text] of [
      [parent, 'to everyone'],
      [child, 'to the spoke'],
      [unrelated, 'not for you'],
    ] as const) {
      expect((await gql(SEND, { i: { groupId: g, text } }, admin.token)).errors).toBeUndefined();
    }
    await eventually(() => {
      const texts = sub.payloads().map((p) => p.message?.text);
      expect(texts).toEqual(expect.arrayContaining(['to everyone', 'to the spoke']));
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(sub.payloads().map((p) => p.message?.text)).not.toContain('not for you');
  });

  it('with two gateway processes, each delivers every event to its own subscribers exactly once', async () => {
    const second = await anotherGateway();
    const secondUrl = `${await second.start()}/graphql`;
    await second.subscriptionsReady();
    const admin = await person('Twin Admin');
    const [a, b] = [await person('On First'), await person('On Second')];
    const groupId = await groupWith(admin, 'Twin gateways', [a, b]);
    const onFirst = subscribe(a.token, { g: groupId });
    const onSecond = subscribe(b.token, { g: groupId }, secondUrl);
    await live(onFirst, admin, groupId);
    await live(onSecond, admin, groupId);

    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await gql(SEND, { i: { groupId, text: `n${i}` } }, admin.token)).data!.sendMessage.message.id);
    for (const sub of [onFirst, onSecond]) {
      await eventually(() => expect(ids.every((id) => sub.payloads().some((p) => p.messageId === id))).toBe(true));
    }
    await new Promise((r) => setTimeout(r, 500));
    for (const sub of [onFirst, onSecond]) {
      for (const id of ids) expect(sub.payloads().filter((p) => p.messageId === id)).toHaveLength(1);
    }
  });

  it("lets a connector granted messages follow its organisation's groups live, and no more", async () => {
    const admin = await person('Partner Admin');
    const colleague = await person('Partner Colleague');
    const org = await gql(
      `mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { id } } }`,
      { i: { name: 'Partnered org' } },
      admin.token,
    );
    const orgId = org.data!.createOrganization.organization.id as string;
    const orgGroupId = await eventually(async () => {
      const res = await gql(
        `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
        { i: { name: 'Partner desk', organizationId: orgId } },
        admin.token,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.createGroup.group.id as string;
    });
    const privateGroupId = await groupWith(admin, 'Not the partner’s', [colleague]);
    const reader = await stack.connectorToken(admin.token, orgId, 'Archive', ['GROUP_INFO', 'MESSAGES']);
    const infoOnly = await stack.connectorToken(admin.token, orgId, 'Directory sync', ['GROUP_INFO']);

    // One group, and every group it may read: both get the organisation's messages, the second nothing else.
    const one = subscribe(reader, { g: orgGroupId });
    await live(one, admin, orgGroupId);
    const all = subscribe(reader, {});
    await eventually(
      async () => {
        await gql(SEND, { i: { groupId: orgGroupId, text: 'all-groups probe' } }, admin.token);
        expect(all.payloads().some((p) => p.message?.text === 'all-groups probe')).toBe(true);
      },
      { intervalMs: 300 },
    );
    await gql(SEND, { i: { groupId: privateGroupId, text: 'Private matter' } }, admin.token);
    const sent = await gql(SEND, { i: { groupId: orgGroupId, text: 'For the archive' } }, admin.token);
    for (const sub of [one, all]) {
      await eventually(() =>
        expect(sub.payloads()).toContainEqual({
          kind: 'SENT',
          groupId: orgGroupId,
          messageId: sent.data!.sendMessage.message.id,
          message: { text: 'For the archive', author: { displayName: 'Partner Admin' } },
        }),
      );
    }
    expect(all.payloads().some((p) => p.groupId === privateGroupId)).toBe(false);

    // Without the grant of messages, the group's messages are not followed; and what is a person's is refused.
    const refused = subscribe(infoOnly, { g: orgGroupId });
    await eventually(() => expect(refused.ended).toBe('complete'));
    expect(refused.received[0]?.errors?.[0]?.extensions?.['code']).toMatch(/NOT_FOUND|FORBIDDEN/);
    const personal = new Subscriber(stack.gatewayUrl, reader).subscribe(`subscription { notificationEvents { id } }`);
    subscribers.push(personal);
    await eventually(() => expect(personal.ended).toBe('error'));
    expect(JSON.stringify(personal.error)).toContain('A connector may subscribe to messageEvents and membershipEvents only');
    // Memberships are member lists: without that grant, not followed either.
    const memberships = new Subscriber(stack.gatewayUrl, infoOnly).subscribe(`subscription { membershipEvents { kind userIds } }`);
    subscribers.push(memberships);
    await eventually(() => expect(memberships.ended).toBe('error'));
    expect(JSON.stringify(memberships.error)).toContain('This connector was not granted member lists');
  });

  it('refuses a connection without a valid token, and queries over the WebSocket', async () => {
    const anonymous = subscribe(null, {});
    await eventually(() => expect(anonymous.closedWith?.code).toBe(4401));
    expect(anonymous.closedWith?.reason).toMatch(/Unauthorized/);
    const forged = subscribe('not.a.token', {});
    await eventually(() => expect(forged.closedWith?.code).toBe(4401));

    const user = await person('Query Sender');
    const wrongKind = new Subscriber(stack.gatewayUrl, user.token).subscribe(`query { me { id } }`);
    subscribers.push(wrongKind);
    await eventually(() => expect(wrongKind.ended).toBe('error'));
    expect(JSON.stringify(wrongKind.error)).toMatch(/Only subscriptions/);
  });

  it('refuses subscription documents nested too deep or too long with a parse error, and oversized messages with 1009', async () => {
    const user = await person('Hostile Subscriber');
    const deep = new Subscriber(stack.gatewayUrl, user.token).subscribe(`subscription { messageEvents ${'{ a '.repeat(5_000)}${'}'.repeat(5_000)} }`);
    const long = new Subscriber(stack.gatewayUrl, user.token).subscribe(
      `subscription { ${Array.from({ length: 4_000 }, (_, i) => `a${i}: messageEvents { kind }`).join(' ')} }`,
    );
    const huge = new Subscriber(stack.gatewayUrl, user.token).subscribe(`subscription { messageEvents { kind } } # ${'x'.repeat(2 * 1024 * 1024)}`);
    subscribers.push(deep, long, huge);
    await eventually(() => expect(deep.ended).toBe('error'));
    expect(JSON.stringify(deep.error)).toMatch(/more than 100 levels deep.*GRAPHQL_PARSE_FAILED/);
    await eventually(() => expect(long.ended).toBe('error'));
    expect(JSON.stringify(long.error)).toMatch(/more that 15000 tokens.*GRAPHQL_PARSE_FAILED/);
    await eventually(() => expect(huge.closedWith?.code).toBe(1009));
  });

  it('drops a subscriber that falls too far behind, with a clear close reason', async () => {
    const slowGateway = await anotherGateway({ SUBSCRIPTION_MAX_QUEUE: '10' });
    const url = `${await slowGateway.start()}/graphql`.replace(/^http/, 'ws');
    await slowGateway.subscriptionsReady();
    const admin = await person('Flooder');
    const slow = await person('Slow Reader');
    const groupId = await groupWith(admin, 'Firehose', [slow]);

    // A raw client that stops reading its socket after subscribing.
    const socket = new WebSocket(url, 'graphql-transport-ws');
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    await new Promise((r) => socket.once('open', r));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${slow.token}` } }));
    await new Promise((r) => socket.once('message', r));
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: EVENTS, variables: { g: groupId } } }));
    await new Promise((r) => setTimeout(r, 300));
    (socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const big = 'x'.repeat(4_000);
    await Promise.all(Array.from({ length: 60 }, () => gql(SEND, { i: { groupId, text: big } }, admin.token)));
    (socket as unknown as { _socket: { resume(): void } })._socket.resume();
    const { code: closeCode, reason } = await closed;
    expect(closeCode).toBe(4413);
    expect(reason).toMatch(/Subscriber too slow/);
  });

  it('streams membership changes of a group with the group resolved through the supergraph', async () => {
    const admin = await person('Member Admin');
    const watcher = await person('Member Watcher');
    const newcomer = await person('Newcomer');
    const groupId = await groupWith(admin, 'Roster', [watcher]);
    const sub = new Subscriber(stack.gatewayUrl, watcher.token).subscribe(
      `subscription($g: ID) { membershipEvents(groupId: $g) { kind groupId userIds role group { name memberCount } } }`,
      { g: groupId },
    );
    subscribers.push(sub);
    await new Promise((r) => setTimeout(r, 500));
    await gql(
      `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId, members: [{ phone: newcomer.phone }] } },
      admin.token,
    );
    await gql(
      `mutation($i: SetGroupRoleInput!) { setGroupRole(input: $i) { membership { role } } }`,
      { i: { groupId, userId: newcomer.userId, role: 'ADMIN' } },
      admin.token,
    );
    await gql(
      `mutation($i: RemoveGroupMembersInput!) { removeGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId, userIds: [newcomer.userId] } },
      admin.token,
    );
    await eventually(() => {
      const events = sub.received.map((r) => r.data?.['membershipEvents']).filter(Boolean);
      expect(events.map((e: any) => [e.kind, e.userIds, e.role])).toEqual([
        ['ADDED', [newcomer.userId], 'MEMBER'],
        ['ROLE_CHANGED', [newcomer.userId], 'ADMIN'],
        ['REMOVED', [newcomer.userId], null],
      ]);
      expect(events[0].group.name).toBe('Roster');
    });
  });

  it("shows a broadcast group's subscribers the changes of its admins and their own, not of the other subscribers", async () => {
    const admin = await person('Broadcast Admin');
    const [watcher, deputy, other, last] = await Promise.all(['Broadcast Watcher', 'Broadcast Deputy', 'Broadcast Other', 'Broadcast Last'].map(person));
    for (const p of [watcher!, deputy!, other!, last!]) await stack.knownToGroups(p.userId);
    const groupId = await eventually(async () => {
      const res = await gql(
        `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
        { i: { name: 'Newsroom', broadcast: true } },
        admin.token,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.createGroup.group.id as string;
    });
    const add = (p: { phone: string }, role: string) =>
      gql(
        `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
        { i: { groupId, members: [{ phone: p.phone, role }] } },
        admin.token,
      );
    await add(watcher!, 'MEMBER');
    await eventually(async () => expect((await gql(`query($id: ID!) { group(id: $id) { id } }`, { id: groupId }, watcher!.token)).errors).toBeUndefined());
    const MEMBERSHIP = `subscription($g: ID) { membershipEvents(groupId: $g) { kind userIds role } }`;
    const watching = new Subscriber(stack.gatewayUrl, watcher!.token).subscribe(MEMBERSHIP, { g: groupId });
    const running = new Subscriber(stack.gatewayUrl, admin.token).subscribe(MEMBERSHIP, { g: groupId });
    subscribers.push(watching, running);
    await new Promise((r) => setTimeout(r, 500));
    // The watcher's own add came before these subscriptions, but its event may reach the gateway after they start.
    const beforeSubscribing = (e: Record<string, any>) => e['kind'] === 'ADDED' && e['userIds'].length === 1 && e['userIds'][0] === watcher!.userId;
    const seen = (sub: Subscriber) =>
      sub
        .payloads('membershipEvents')
        .filter((e) => !beforeSubscribing(e))
        .map((e) => [e['kind'], e['userIds'], e['role']]);

    await add(deputy!, 'ADMIN');
    await add(other!, 'MEMBER');
    await gql(
      `mutation($i: RemoveGroupMembersInput!) { removeGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId, userIds: [other!.userId] } },
      admin.token,
    );
    await gql(
      `mutation($i: SetGroupRoleInput!) { setGroupRole(input: $i) { membership { role } } }`,
      { i: { groupId, userId: deputy!.userId, role: 'MEMBER' } },
      admin.token,
    );
    await add(last!, 'ADMIN');
    await eventually(() =>
      expect(seen(running)).toEqual([
        ['ADDED', [deputy!.userId], 'ADMIN'],
        ['ADDED', [other!.userId], 'MEMBER'],
        ['REMOVED', [other!.userId], null],
        ['ROLE_CHANGED', [deputy!.userId], 'MEMBER'],
        ['ADDED', [last!.userId], 'ADMIN'],
      ]),
    );
    await eventually(() =>
      expect(seen(watching)).toEqual([
        ['ADDED', [deputy!.userId], 'ADMIN'],
        ['ADDED', [last!.userId], 'ADMIN'],
      ]),
    );
  });

  it('resumes after a lost connection from the last event seen: every change since, then live events, each once', async () => {
    const admin = await person('Resume Admin');
    const reader = await person('Resume Reader');
    const groupId = await groupWith(admin, 'Resumable', [reader]);
    const RESUMABLE = `subscription($g: ID, $after: String) { messageEvents(groupId: $g, after: $after) { kind messageId cursor message { text deleted } } }`;
    const follow = (variables: Record<string, unknown>) => {
      const s = new Subscriber(stack.gatewayUrl, reader.token).subscribe(RESUMABLE, variables);
      subscribers.push(s);
      return s;
    };
    const send = async (text: string) => (await gql(SEND, { i: { groupId, text } }, admin.token)).data!.sendMessage.message.id as string;

    const first = follow({ g: groupId });
    await live(first, admin, groupId);
    const seen = await send('seen before the drop');
    await eventually(() => expect(first.payloads().some((p) => p.messageId === seen)).toBe(true));
    const lastSeen = first.payloads().find((p) => p.messageId === seen)!;
    expect(lastSeen.cursor).toEqual(expect.any(String));
    await first.close();

    // While disconnected: a new message, an edit of one seen, a deletion of another new one.
    const missed = await send('sent while away');
    const deletedWhileAway = await send('sent and deleted while away');
    expect(
      (
        await gql(
          `mutation($i: EditMessageInput!) { editMessage(input: $i) { message { id } } }`,
          { i: { messageId: seen, text: 'edited while away' } },
          admin.token,
        )
      ).errors,
    ).toBeUndefined();
    expect(
      (await gql(`mutation($i: MessageInput!) { deleteMessage(input: $i) { message { id } } }`, { i: { messageId: deletedWhileAway } }, admin.token)).errors,
    ).toBeUndefined();

    const resumed = follow({ g: groupId, after: lastSeen.cursor });
    await eventually(() => expect(resumed.payloads().length).toBeGreaterThanOrEqual(3));
    const afterLive = await send('live after resuming');
    await eventually(() => expect(resumed.payloads().some((p) => p.messageId === afterLive)).toBe(true));
    expect(resumed.payloads().map((p) => [p.kind, p.messageId, p.message?.text ?? null])).toEqual([
      ['SENT', missed, 'sent while away'],
      ['EDITED', seen, 'edited while away'],
      ['DELETED', deletedWhileAway, null],
      ['SENT', afterLive, 'live after resuming'],
    ]);

    // The same from the group's own position, read before the history: nothing before it, everything after.
    const position = (await gql(`query($id: ID!) { group(id: $id) { changesCursor } }`, { id: groupId }, reader.token)).data!.group.changesCursor as string;
    const fromPosition = follow({ g: groupId, after: position });
    await live(fromPosition, admin, groupId);
    expect(fromPosition.payloads().every((p) => p.message?.text === 'probe')).toBe(true);

    const withoutGroup = follow({ after: lastSeen.cursor });
    const badCursor = follow({ g: groupId, after: 'not-a-cursor' });
    await eventually(() => expect([withoutGroup.ended, badCursor.ended]).toEqual(['complete', 'complete']));
    expect(code(withoutGroup.received[0]!)).toBe('BAD_USER_INPUT');
    expect(code(badCursor.received[0]!)).toBe('BAD_USER_INPUT');
  });

  it('still answers queries and mutations over HTTP on the same URL', async () => {
    const user = await person('Http User');
    const res = await gql(`{ me { displayName } }`, {}, user.token);
    expect(res.data!.me.displayName).toBe('Http User');
    expect(code(await gql(`{ me { id } }`, {}, 'bad'))).toBe('UNAUTHENTICATED');
  });
});
