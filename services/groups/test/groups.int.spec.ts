import { randomUUID } from 'node:crypto';
import { createEvent } from '@kz/events';
import { createGroupsApp, loadGroupsConfig, type GroupsApp } from '@kz/groups-service';
import {
  deleteTestTopics,
  dropTestDatabases,
  eventually,
  EventTap,
  graphql,
  silentLogger,
  testDatabaseUrl,
  testNamespace,
  TestTokenIssuer,
} from '@kz/testing';

const ns = testNamespace();
const issuer = new TestTokenIssuer();
const tap = new EventTap(ns);
let app: GroupsApp;
let url: string;

const owner = { id: randomUUID(), phone: '+14155550201' };
const member = { id: randomUUID(), phone: '+14155550202' };
const stranger = { id: randomUUID(), phone: '+14155550203' };
const orgId = randomUUID();

const CREATE = `mutation($input: CreateGroupInput!) { createGroup(input: $input) { group { id name kind memberCount myRole organization { id } } } }`;
const ADD = `mutation($input: AddGroupMembersInput!) {
  addGroupMembers(input: $input) { group { memberCount } outcomes { phone status message user { id } } }
}`;

function registered(user: { id: string; phone: string }) {
  return createEvent('identity.user.registered', { key: user.id, orgId: null, payload: { userId: user.id, phone: user.phone, displayName: 'x' } });
}

beforeAll(async () => {
  await issuer.start();
  app = await createGroupsApp(
    loadGroupsConfig({ NODE_ENV: 'test', GROUPS_PORT: '0', GROUPS_DATABASE_URL: testDatabaseUrl(ns, 'groups'), KAFKA_NAMESPACE: ns, ...issuer.env() }),
    silentLogger(),
  );
  url = `${await app.start()}/graphql`;
  await app.runtime.kafkaConnected();
  await tap.listen(['groupsGroups', 'groupsMemberships']);
  await tap.publish(registered(owner));
  await tap.publish(
    createEvent('identity.organization.member-added', {
      key: orgId,
      orgId,
      payload: { orgId, userId: owner.id, role: 'ADMIN', network: 'EMPLOYEE' },
    }),
  );
});

afterAll(async () => {
  await tap.stop();
  await app.stop();
  await issuer.stop();
  await dropTestDatabases(ns);
  await deleteTestTopics(ns);
});

const tokenOf = (u: { id: string; phone: string }) => issuer.token(u.id, u.phone);

describe('groups subgraph against PostgreSQL and Kafka', () => {
  it('creates an organisation group once the organisation membership has arrived from identity', async () => {
    const token = await tokenOf(owner);
    const res = await eventually(async () => {
      const r = await graphql(url, CREATE, { input: { name: 'Contoso – Sales', organizationId: orgId } }, token);
      expect(r.errors).toBeUndefined();
      return r;
    });
    expect(res.data!.createGroup.group).toMatchObject({ name: 'Contoso – Sales', kind: 'ORGANIZATION', memberCount: 1, myRole: 'OWNER', organization: { id: orgId } });
  });

  it('refuses a group in an organisation the caller does not belong to, with NOT_FOUND', async () => {
    const res = await graphql(url, CREATE, { input: { name: 'Nope', organizationId: orgId } }, await tokenOf(stranger));
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const blank = await graphql(url, CREATE, { input: { name: '   ' } }, await tokenOf(stranger));
    expect(blank.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('adds registered numbers at once, keeps unregistered ones pending until sign-up, and reports every item', async () => {
    const token = await tokenOf(owner);
    await tap.publish(registered(member));
    const group = (await graphql(url, CREATE, { input: { name: 'Field team' } }, token)).data!.createGroup.group;
    const pendingPhone = '+14155550299';
    const res = await eventually(async () => {
      const r = await graphql(
        url,
        ADD,
        {
          input: {
            groupId: group.id,
            members: [{ phone: member.phone }, { phone: '(415) 555-0299' }, { phone: 'garbage' }, { phone: owner.phone }, { phone: member.phone, role: 'OWNER' }],
          },
        },
        token,
      );
      expect(r.data!.addGroupMembers.outcomes[0].status).toBe('ADDED');
      return r;
    });
    expect(res.data!.addGroupMembers.outcomes.map((o: { status: string }) => o.status)).toEqual(['ADDED', 'PENDING', 'INVALID', 'ALREADY_MEMBER', 'NOT_ALLOWED']);
    expect(res.data!.addGroupMembers.group.memberCount).toBe(2);

    const late = { id: randomUUID(), phone: pendingPhone };
    await tap.publish(registered(late));
    await eventually(async () => {
      const page = await graphql(url, `query($id: ID!) { group(id: $id) { memberCount members(first: 10) { totalCount edges { node { role user { id } } } } } }`, { id: group.id }, token);
      expect(page.data!.group.memberCount).toBe(3);
      expect(page.data!.group.members.edges.map((e: { node: { user: { id: string } } }) => e.node.user.id)).toEqual([owner.id, member.id, late.id]);
    });
    await eventually(() => {
      const added = tap.ofType('groups.memberships.added').filter((e) => e.payload.groupId === group.id);
      expect(added.flatMap((e) => e.payload.members.map((m) => m.userId))).toEqual([owner.id, member.id, late.id]);
    });
  });

  it('pages member lists with opaque keyset cursors', async () => {
    const token = await tokenOf(owner);
    const group = (await graphql(url, CREATE, { input: { name: 'Paged' } }, token)).data!.createGroup.group;
    const users = Array.from({ length: 5 }, (_, i) => ({ id: randomUUID(), phone: `+1415555031${i}` }));
    for (const u of users) await tap.publish(registered(u));
    // Whether each number is already known here or still pending, all six end up members.
    const added = await graphql(url, ADD, { input: { groupId: group.id, members: users.map((u) => ({ phone: u.phone })) } }, token);
    expect(added.errors).toBeUndefined();
    await eventually(async () => {
      const count = (await graphql(url, `query($id: ID!) { group(id: $id) { memberCount } }`, { id: group.id }, token)).data!.group.memberCount;
      expect(count).toBe(6);
    });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await graphql(url, `query($id: ID!, $after: String) { group(id: $id) { members(first: 2, after: $after) { edges { cursor node { user { id } } } pageInfo { hasNextPage endCursor } } } }`, { id: group.id, after }, token);
      const members = page.data.group.members;
      seen.push(...members.edges.map((e: { node: { user: { id: string } } }) => e.node.user.id));
      if (!members.pageInfo.hasNextPage) break;
      after = members.pageInfo.endCursor;
    }
    expect(seen[0]).toBe(owner.id);
    expect([...seen.slice(1)].sort()).toEqual(users.map((u) => u.id).sort());
    const bad = await graphql(url, `query($id: ID!) { group(id: $id) { members(first: 2, after: "zzz") { edges { cursor } } } }`, { id: group.id }, token);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages a name search, a phone search and a role filter with cursors, one member per page', async () => {
    const token = await tokenOf(owner);
    const group = (await graphql(url, CREATE, { input: { name: 'Searched' } }, token)).data!.createGroup.group;
    const users = ['Kim Alpha', 'Kim Beta', 'Kim Gamma', 'Lee Delta'].map((displayName, i) => ({ id: randomUUID(), phone: `+1415555041${i}`, displayName }));
    for (const u of users) {
      await tap.publish(createEvent('identity.user.registered', { key: u.id, orgId: null, payload: { userId: u.id, phone: u.phone, displayName: u.displayName } }));
    }
    const added = await graphql(url, ADD, { input: { groupId: group.id, members: users.map((u, i) => ({ phone: u.phone, role: i === 1 ? 'ADMIN' : 'MEMBER' })) } }, token);
    expect(added.errors).toBeUndefined();
    const PAGE = `query($id: ID!, $after: String, $search: String, $role: GroupRole) {
      group(id: $id) { members(first: 1, after: $after, search: $search, role: $role) { edges { node { user { id } } } pageInfo { hasNextPage endCursor } } }
    }`;
    const walk = async (filter: { search?: string; role?: string }) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = await graphql(url, PAGE, { id: group.id, after, ...filter }, token);
        expect(page.errors).toBeUndefined();
        seen.push(...page.data.group.members.edges.map((e: { node: { user: { id: string } } }) => e.node.user.id));
        if (!page.data.group.members.pageInfo.hasNextPage) return seen;
        after = page.data.group.members.pageInfo.endCursor;
      }
    };
    const [alpha, beta, gamma, delta] = users.map((u) => u.id);
    await eventually(async () => expect(await walk({ search: 'kim' })).toEqual([alpha, beta, gamma]));
    expect(await walk({ search: '+1 415 555 041' })).toEqual([alpha, beta, gamma, delta]);
    expect(await walk({ search: 'KIM', role: 'ADMIN' })).toEqual([beta]);
    expect(await walk({ search: '+14155550413', role: 'MEMBER' })).toEqual([delta]);
    expect((await walk({ role: 'MEMBER' })).sort()).toEqual([alpha, gamma, delta].sort());
    expect(await walk({ search: 'nobody' })).toEqual([]);
  });

  it('answers NOT_FOUND to non-members and unknown ids, and FORBIDDEN to members adding people', async () => {
    const token = await tokenOf(owner);
    const group = (await graphql(url, CREATE, { input: { name: 'Private' } }, token)).data!.createGroup.group;
    const hidden = await graphql(url, `query($id: ID!) { group(id: $id) { name } }`, { id: group.id }, await tokenOf(stranger));
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(hidden.data?.group ?? null).toBeNull();
    const unknown = await graphql(url, `query { group(id: "not-an-id") { name } }`, {}, token);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const add = await graphql(url, ADD, { input: { groupId: group.id, members: [{ phone: stranger.phone }] } }, await tokenOf(stranger));
    expect(add.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    await graphql(url, ADD, { input: { groupId: group.id, members: [{ phone: member.phone }] } }, token);
    const byMember = await graphql(url, ADD, { input: { groupId: group.id, members: [{ phone: stranger.phone }] } }, await tokenOf(member));
    expect(byMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets organisation admins see organisation groups they are not members of', async () => {
    const token = await tokenOf(owner);
    const orgGroup = (await graphql(url, CREATE, { input: { name: 'Org wide', organizationId: orgId } }, token)).data!.createGroup.group;
    const adminOther = { id: randomUUID(), phone: '+14155550288' };
    await tap.publish(createEvent('identity.organization.member-added', { key: orgId, orgId, payload: { orgId, userId: adminOther.id, role: 'ADMIN', network: 'EMPLOYEE' } }));
    await eventually(async () => {
      const seen = await graphql(url, `query($id: ID!) { group(id: $id) { name myRole } }`, { id: orgGroup.id }, await tokenOf(adminOther));
      expect(seen.data!.group).toEqual({ name: 'Org wide', myRole: null });
    });
  });

  it('lists my groups newest first', async () => {
    const res = await graphql(url, `{ myGroups(first: 2) { edges { node { name } } pageInfo { hasNextPage } } }`, {}, await tokenOf(owner));
    expect(res.data!.myGroups.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Org wide', 'Private']);
    expect(res.data!.myGroups.pageInfo.hasNextPage).toBe(true);
  });
});
