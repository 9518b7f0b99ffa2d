import { eventually, graphql, testDatabaseUrl } from '@kz/testing';
import { Client } from 'pg';
import { Stack } from './support/stack';
import { Subscriber } from '@kz/stack';

/**
 * A person added to a group while following all their groups gets the group's
 * messages from the moment messaging counts them as a reader, however late
 * messaging applies the membership compared with the gateway hearing of it.
 */
const stack = new Stack();
const subscribers: Subscriber[] = [];
let messagingDb: Client | undefined;

beforeAll(async () => {
  await stack.start();
  await stack.gateway.subscriptionsReady();
});
afterAll(async () => {
  await messagingDb?.end().catch(() => undefined);
  await Promise.allSettled(subscribers.map((s) => s.close()));
  await stack.stop();
});

const gql = (query: string, variables: Record<string, unknown>, token: string) => graphql(stack.gatewayUrl, query, variables, token);

let phoneSeq = 0;
async function person(name: string) {
  const phone = `+1415556${String(1000 + phoneSeq++).padStart(4, '0')}`;
  return { ...(await stack.signIn(phone, name)), phone };
}

const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;
const ALL_MESSAGES = `subscription { messageEvents { kind groupId message { text } } }`;
const ALL_MEMBERSHIPS = `subscription { membershipEvents { kind groupId userIds } }`;
const GROUP_MESSAGES = `subscription($g: ID) { messageEvents(groupId: $g) { kind message { text } } }`;

function subscribe(token: string, query: string, variables: Record<string, unknown> = {}): Subscriber {
  const s = new Subscriber(stack.gatewayUrl, token).subscribe(query, variables);
  subscribers.push(s);
  return s;
}

async function createGroup(owner: { token: string }, name: string): Promise<string> {
  const groupId = await eventually(async () => {
    const res = await gql(`mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`, { i: { name } }, owner.token);
    expect(res.errors).toBeUndefined();
    return res.data!.createGroup.group.id as string;
  });
  await readsThrough(owner, groupId);
  return groupId;
}

/** Waits until messaging counts the person as a reader of the group. */
async function readsThrough(reader: { token: string }, groupId: string): Promise<void> {
  await eventually(async () =>
    expect((await gql(`query($id: ID!) { group(id: $id) { messages(last: 1) { edges { cursor } } } }`, { id: groupId }, reader.token)).errors).toBeUndefined(),
  );
}

/** Stalls messaging's consumer of membership events (it waits on this lock; messaging's reads do not) until released. */
async function holdMessagingMemberships(): Promise<() => Promise<void>> {
  messagingDb = new Client({ connectionString: testDatabaseUrl(stack.namespace, 'messaging') });
  await messagingDb.connect();
  await messagingDb.query('BEGIN');
  await messagingDb.query('LOCK TABLE group_members IN EXCLUSIVE MODE');
  return async () => {
    await messagingDb!.query('COMMIT');
    await messagingDb!.end();
    messagingDb = undefined;
  };
}

const texts = (s: Subscriber, groupId: string) =>
  s
    .payloads()
    .filter((p) => p.groupId === groupId)
    .map((p) => p.message?.text);

describe('a new member following all their groups', () => {
  it("receives the group's messages once messaging has applied the membership, though a message came before it", async () => {
    const admin = await person('Group Admin');
    const newcomer = await person('New Member');
    const team = await createGroup(admin, 'Team the newcomer joins');
    const own = await createGroup(newcomer, "Newcomer's own group");

    const newcomerMessages = subscribe(newcomer.token, ALL_MESSAGES);
    const newcomerMemberships = subscribe(newcomer.token, ALL_MEMBERSHIPS);
    const adminMessages = subscribe(admin.token, GROUP_MESSAGES, { g: team });
    await eventually(
      async () => {
        await gql(SEND, { i: { groupId: own, text: 'probe' } }, newcomer.token);
        await gql(SEND, { i: { groupId: team, text: 'probe' } }, admin.token);
        expect(texts(newcomerMessages, own)).toContain('probe');
        expect(adminMessages.payloads().map((p) => p.message?.text)).toContain('probe');
      },
      { intervalMs: 300 },
    );

    const release = await holdMessagingMemberships();

    const added = await gql(
      `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId: team, members: [{ phone: newcomer.phone }] } },
      admin.token,
    );
    expect(added.errors).toBeUndefined();
    // The gateway has heard of the membership (groups, which made it, lets the newcomer see the group).
    await eventually(() =>
      expect(newcomerMemberships.received.map((r) => r.data?.['membershipEvents']).filter((e) => e?.groupId === team && e.kind === 'ADDED')).toHaveLength(1),
    );

    // A message messaging does not yet show the newcomer: the gateway asks, and is told no.
    await gql(SEND, { i: { groupId: team, text: 'before the membership applied' } }, admin.token);
    await eventually(() => expect(adminMessages.payloads().map((p) => p.message?.text)).toContain('before the membership applied'));
    // A later message of the newcomer's own group reaches them after the gateway decided about the one before.
    await gql(SEND, { i: { groupId: own, text: 'after the decision' } }, newcomer.token);
    await eventually(() => expect(texts(newcomerMessages, own)).toContain('after the decision'));

    await release();
    await readsThrough(newcomer, team);

    await gql(SEND, { i: { groupId: team, text: 'second' } }, admin.token);
    await gql(SEND, { i: { groupId: team, text: 'third' } }, admin.token);
    await eventually(() => expect(texts(newcomerMessages, team)).toEqual(expect.arrayContaining(['second', 'third'])));
    expect(newcomerMessages.ended).toBeNull();
  });

  it("receives a parent group's messages through a sub-group they join, and through a group of theirs attached under a parent", async () => {
    const admin = await person('Hub Admin');
    const newcomer = await person('Spoke Member');
    const hub = await createGroup(admin, 'Hub');
    const spokeRes = await gql(
      `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
      { i: { name: 'Spoke', parentId: hub } },
      admin.token,
    );
    expect(spokeRes.errors).toBeUndefined();
    const spoke = spokeRes.data!.createGroup.group.id as string;
    const own = await createGroup(newcomer, "Spoke member's team");
    await readsThrough(admin, spoke);

    const newcomerMessages = subscribe(newcomer.token, ALL_MESSAGES);
    await eventually(
      async () => {
        await gql(SEND, { i: { groupId: own, text: 'probe' } }, newcomer.token);
        expect(texts(newcomerMessages, own)).toContain('probe');
      },
      { intervalMs: 300 },
    );

    // Joining the sub-group while messaging is held back: a hub message first meets a "no", then the reader change clears it.
    const release = await holdMessagingMemberships();
    const added = await gql(
      `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId: spoke, members: [{ phone: newcomer.phone }] } },
      admin.token,
    );
    expect(added.errors).toBeUndefined();
    await gql(SEND, { i: { groupId: hub, text: 'hub, before the membership applied' } }, admin.token);
    await release();
    await readsThrough(newcomer, hub);
    await gql(SEND, { i: { groupId: hub, text: 'hub, after' } }, admin.token);
    await eventually(() => expect(texts(newcomerMessages, hub)).toContain('hub, after'));

    // A group the newcomer is in, attached under another parent by its admin: that parent's messages reach them too.
    const region = await createGroup(admin, 'Region');
    const team = await createGroup(admin, 'Team moved under the region');
    const joined = await gql(
      `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId: team, members: [{ phone: newcomer.phone }] } },
      admin.token,
    );
    expect(joined.errors).toBeUndefined();
    await readsThrough(newcomer, team);
    // A region message before the move: the gateway decides the newcomer may not read it.
    const adminRegion = subscribe(admin.token, GROUP_MESSAGES, { g: region });
    await eventually(
      async () => {
        await gql(SEND, { i: { groupId: region, text: 'region, before the move' } }, admin.token);
        expect(adminRegion.payloads().map((p) => p.message?.text)).toContain('region, before the move');
      },
      { intervalMs: 300 },
    );
    const attached = await gql(
      `mutation($i: AttachSubgroupInput!) { attachSubgroup(input: $i) { group { id } } }`,
      { i: { parentId: region, groupId: team } },
      admin.token,
    );
    expect(attached.errors).toBeUndefined();
    await readsThrough(newcomer, region);
    await gql(SEND, { i: { groupId: region, text: 'region' } }, admin.token);
    await eventually(() => expect(texts(newcomerMessages, region)).toContain('region'));
    expect(texts(newcomerMessages, region)).not.toContain('region, before the move');
    expect(newcomerMessages.ended).toBeNull();
  });
});
