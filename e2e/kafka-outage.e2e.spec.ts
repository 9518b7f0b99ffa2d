import { eventually, EventTap, graphql } from '@kz/testing';
import { PrivateKafka } from '@kz/stack';
import { Stack } from './support/stack';

const kafka = new PrivateKafka();
let stack: Stack;
let tap: EventTap;

beforeAll(async () => {
  await kafka.start();
  stack = await new Stack(kafka.brokers).start();
  tap = new EventTap(stack.namespace, kafka.brokers);
  await tap.listen(['messagingMessages', 'groupsMemberships', 'identityUsers']);
});

afterAll(async () => {
  await tap?.stop();
  await stack?.stop();
  await kafka.destroy();
});

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`;
const gql = (query: string, variables: Record<string, unknown>, token?: string) => graphql(stack.gatewayUrl, query, variables, token);

describe('Kafka broker outage during the slice', () => {
  it('accepts every write while the broker is down, and delivers every message and event exactly once after it returns', async () => {
    const admin = await stack.signIn('+14155550601', 'Admin');
    const member = await stack.signIn('+14155550602', 'Member');
    const org = (await gql(`mutation { createOrganization(input: { name: "Outage Inc" }) { organization { id } } }`, {}, admin.token)).data!.createOrganization
      .organization;
    const group = await eventually(async () => {
      const res = await gql(
        `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
        { i: { name: 'Ops', organizationId: org.id } },
        admin.token,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.createGroup.group;
    });
    await gql(
      `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId: group.id, members: [{ phone: '+14155550602' }] } },
      admin.token,
    );
    await eventually(async () => expect((await gql(SEND, { input: { groupId: group.id, text: 'before' } }, member.token)).errors).toBeUndefined());

    await kafka.stop();

    // While the broker is away every write still succeeds: the outbox holds the events.
    const sentIds: string[] = [];
    for (let i = 0; i < 20; i++) {
      const author = i % 2 === 0 ? admin : member;
      const res = await gql(SEND, { input: { groupId: group.id, text: `during outage ${i}` } }, author.token);
      expect(res.errors).toBeUndefined();
      sentIds.push(res.data!.sendMessage.message.id);
    }
    const late = await stack.signIn('+14155550603', 'Late Joiner');
    const added = await gql(
      `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId: group.id, members: [{ phone: '+14155550603' }] } },
      admin.token,
    );
    expect(added.data!.addGroupMembers.outcomes[0].status).toBe('PENDING');
    const notReady = await fetch(stack.identityUrl.replace(/\/?$/, '/readyz'));
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ checks: { database: true, kafka: false } });

    await kafka.start();

    // The late joiner's sign-up travels identity → groups (pending becomes active) → messaging.
    await eventually(async () => expect((await gql(SEND, { input: { groupId: group.id, text: 'after' } }, late.token)).errors).toBeUndefined(), {
      timeoutMs: 60_000,
    });
    await eventually(
      () => {
        const sent = tap.ofType('messaging.message.sent').map((e) => e.payload.messageId);
        for (const id of sentIds) expect(sent.filter((s) => s === id)).toHaveLength(1);
        expect(new Set(tap.received.map((r) => r.event.id)).size).toBe(tap.received.length);
      },
      { timeoutMs: 60_000 },
    );
    const joined = tap.ofType('groups.memberships.added').filter((e) => e.payload.members.some((m) => m.userId === late.userId));
    expect(joined).toHaveLength(1);

    const history = await gql(
      `query($id: ID!) { group(id: $id) { memberCount messages(last: 100) { edges { node { id kind text } } } } }`,
      { id: group.id },
      admin.token,
    );
    // People's messages: the entries about who was added are not what this counts.
    const texts = history.data!.group.messages.edges.filter((e: any) => e.node.kind !== 'SYSTEM').map((e: any) => e.node.text);
    expect(texts).toEqual(['before', ...sentIds.map((_, i) => `during outage ${i}`), 'after']);
    expect(history.data!.group.memberCount).toBe(3);
  });
});
