import { randomUUID } from 'node:crypto';
import { createEvent, type AuditPayload } from '@kz/events';
import { createGroupsApp, loadGroupsConfig, type GroupsApp } from '@kz/groups-service';
import { deleteTestTopics, dropTestDatabases, eventually, EventTap, graphql, silentLogger, testDatabaseUrl, testNamespace, TestTokenIssuer } from '@kz/testing';
import { OrganizationStanding } from '../src/domain/organization-standing';
import { FakeIdentity } from './fake-identity';

const ns = testNamespace();
const issuer = new TestTokenIssuer();
const tap = new EventTap(ns);
const identity = new FakeIdentity();
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
  await identity.start();
  // identity agrees with the events published below; tests that need them to disagree say so.
  identity.set(orgId, owner.id, 'ADMIN');
  app = await createGroupsApp(
    loadGroupsConfig({
      NODE_ENV: 'test',
      GROUPS_PORT: '0',
      GROUPS_DATABASE_URL: testDatabaseUrl(ns, 'groups'),
      KAFKA_NAMESPACE: ns,
      IDENTITY_URL: identity.url,
      IDENTITY_TIMEOUT_MS: '300',
      ...issuer.env(),
    }),
    silentLogger(),
  );
  url = `${await app.start()}/graphql`;
  await app.runtime.kafkaConnected();
  await tap.listen(['groupsGroups', 'groupsMemberships', 'groupsPhoneInvitations']);
  await tap.publish(registered(owner));
  await tap.publish(
    createEvent('identity.organization.member-added', {
      key: orgId,
      orgId,
      payload: { orgId, userId: owner.id, role: 'ADMIN', network: 'EMPLOYEE' },
    }),
  );
});

async function knownToGroups(userId: string): Promise<void> {
  await eventually(async () => {
    const rows = (await app.runtime.dataSource.query(`SELECT 1 FROM known_users WHERE id = $1`, [userId])) as unknown[];
    if (rows.length === 0) throw new Error(`groups has not heard of user ${userId} yet`);
  });
}

afterAll(async () => {
  await tap.stop();
  await app.stop();
  await identity.stop();
  await issuer.stop();
  await dropTestDatabases(ns);
  await deleteTestTopics(ns);
});

const tokenOf = (u: { id: string; phone: string }) => issuer.token(u.id, u.phone);

describe('groups subgraph against PostgreSQL and Kafka', () => {
  it('creates an organisation group in an organisation the caller belongs to', async () => {
    const token = await tokenOf(owner);
    const res = await eventually(async () => {
      const r = await graphql(url, CREATE, { input: { name: 'Contoso – Sales', organizationId: orgId } }, token);
      expect(r.errors).toBeUndefined();
      return r;
    });
    expect(res.data!.createGroup.group).toMatchObject({
      name: 'Contoso – Sales',
      kind: 'ORGANIZATION',
      memberCount: 1,
      myRole: 'OWNER',
      organization: { id: orgId },
    });
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
    // Adding before the sign-up is consumed would leave the member pending, to join on their own a moment later.
    await knownToGroups(member.id);
    const res = await graphql(
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
    expect(res.data!.addGroupMembers.outcomes.map((o: { status: string }) => o.status)).toEqual([
      'ADDED',
      'PENDING',
      'INVALID',
      'ALREADY_MEMBER',
      'NOT_ALLOWED',
    ]);
    expect(res.data!.addGroupMembers.group.memberCount).toBe(2);

    await eventually(() => {
      const invited = tap.ofType('groups.phone-invitations.added').filter((e) => e.payload.groupId === group.id);
      expect(invited.map((e) => e.payload)).toEqual([{ groupId: group.id, groupName: 'Field team', invitedBy: owner.id, phones: [pendingPhone] }]);
    });

    const late = { id: randomUUID(), phone: pendingPhone };
    await tap.publish(registered(late));
    await eventually(async () => {
      const page = await graphql(
        url,
        `
          query ($id: ID!) {
            group(id: $id) {
              memberCount
              members(first: 10) {
                totalCount
                edges {
                  node {
                    role
                    user {
                      id
                    }
                  }
                }
              }
            }
          }
        `,
        { id: group.id },
        token,
      );
      expect(page.data!.group.memberCount).toBe(3);
      expect(page.data!.group.members.edges.map((e: { node: { user: { id: string } } }) => e.node.user.id)).toEqual([owner.id, member.id, late.id]);
    });
    await eventually(() => {
      const added = tap.ofType('groups.memberships.added').filter((e) => e.payload.groupId === group.id);
      expect(added.flatMap((e) => e.payload.members.map((m) => m.userId))).toEqual([owner.id, member.id, late.id]);
    });
  });

  it('adds a member whose role is sent as an explicit null as a MEMBER, as when it is left out', async () => {
    const token = await tokenOf(owner);
    const group = (await graphql(url, CREATE, { input: { name: 'Null role' } }, token)).data!.createGroup.group;
    const res = await graphql(url, ADD, { input: { groupId: group.id, members: [{ phone: '+14155550298', role: null }] } }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.addGroupMembers.outcomes.map((o: { status: string }) => o.status)).toEqual(['PENDING']);
    // Added again while still pending: still pending, and not invited (texted) a second time.
    const again = await graphql(url, ADD, { input: { groupId: group.id, members: [{ phone: '+14155550298' }, { phone: '+14155550297' }] } }, token);
    expect(again.data!.addGroupMembers.outcomes.map((o: { status: string }) => o.status)).toEqual(['PENDING', 'PENDING']);
    await eventually(() => {
      const invited = tap.ofType('groups.phone-invitations.added').filter((e) => e.payload.groupId === group.id);
      expect(invited.map((e) => e.payload.phones)).toEqual([['+14155550298'], ['+14155550297']]);
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
      const count = (
        await graphql(
          url,
          `
            query ($id: ID!) {
              group(id: $id) {
                memberCount
              }
            }
          `,
          { id: group.id },
          token,
        )
      ).data!.group.memberCount;
      expect(count).toBe(6);
    });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await graphql(
        url,
        `
          query ($id: ID!, $after: String) {
            group(id: $id) {
              members(first: 2, after: $after) {
                edges {
                  cursor
                  node {
                    user {
                      id
                    }
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
          }
        `,
        { id: group.id, after },
        token,
      );
      const members = page.data.group.members;
      seen.push(...members.edges.map((e: { node: { user: { id: string } } }) => e.node.user.id));
      if (!members.pageInfo.hasNextPage) break;
      after = members.pageInfo.endCursor;
    }
    expect(seen[0]).toBe(owner.id);
    expect([...seen.slice(1)].sort()).toEqual(users.map((u) => u.id).sort());
    const bad = await graphql(
      url,
      `
        query ($id: ID!) {
          group(id: $id) {
            members(first: 2, after: "zzz") {
              edges {
                cursor
              }
            }
          }
        }
      `,
      { id: group.id },
      token,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages a name search, a phone search and a role filter with cursors, one member per page', async () => {
    const token = await tokenOf(owner);
    const group = (await graphql(url, CREATE, { input: { name: 'Searched' } }, token)).data!.createGroup.group;
    const users = ['Kim Alpha', 'Kim Beta', 'Kim Gamma', 'Lee Delta'].map((displayName, i) => ({ id: randomUUID(), phone: `+1415555041${i}`, displayName }));
    for (const u of users) {
      await tap.publish(
        createEvent('identity.user.registered', { key: u.id, orgId: null, payload: { userId: u.id, phone: u.phone, displayName: u.displayName } }),
      );
    }
    const added = await graphql(
      url,
      ADD,
      { input: { groupId: group.id, members: users.map((u, i) => ({ phone: u.phone, role: i === 1 ? 'ADMIN' : 'MEMBER' })) } },
      token,
    );
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

  it("shows a broadcast group's subscribers only its admins and themselves, and lets only admins search members by phone", async () => {
    const token = await tokenOf(owner);
    const [first, second, deputy] = ['Sub One', 'Sub Two', 'Deputy Admin'].map((displayName, i) => ({
      id: randomUUID(),
      phone: `+1415555045${i}`,
      displayName,
    }));
    for (const u of [first!, second!, deputy!]) {
      await tap.publish(
        createEvent('identity.user.registered', { key: u.id, orgId: null, payload: { userId: u.id, phone: u.phone, displayName: u.displayName } }),
      );
    }
    for (const u of [first!, second!, deputy!]) await knownToGroups(u.id);
    const broadcast = (await graphql(url, CREATE, { input: { name: 'Announcements', broadcast: true } }, token)).data!.createGroup.group;
    const plain = (await graphql(url, CREATE, { input: { name: 'Plain' } }, token)).data!.createGroup.group;
    const added = await graphql(
      url,
      ADD,
      { input: { groupId: broadcast.id, members: [{ phone: first!.phone }, { phone: second!.phone }, { phone: deputy!.phone, role: 'ADMIN' }] } },
      token,
    );
    expect(added.errors).toBeUndefined();
    expect((await graphql(url, ADD, { input: { groupId: plain.id, members: [{ phone: first!.phone }] } }, token)).errors).toBeUndefined();
    const LIST = `query($id: ID!, $search: String) { group(id: $id) { members(first: 50, search: $search) { totalCount edges { node { user { id } } } } } }`;
    const list = async (groupId: string, as: { id: string; phone: string }, search?: string) => {
      const res = await graphql(url, LIST, { id: groupId, search }, await tokenOf(as));
      if (res.errors) return res.errors.map((e) => e.extensions?.['code']);
      return {
        total: res.data!.group.members.totalCount,
        ids: res.data!.group.members.edges.map((e: { node: { user: { id: string } } }) => e.node.user.id).sort(),
      };
    };

    // A subscriber sees who runs the group and themselves; the group's admins see every subscriber.
    expect(await list(broadcast.id, first!)).toEqual({ total: 4, ids: [owner.id, first!.id, deputy!.id].sort() });
    expect(await list(broadcast.id, first!, 'Sub')).toEqual({ total: 4, ids: [first!.id] });
    for (const admin of [owner, deputy!])
      expect(await list(broadcast.id, admin)).toEqual({ total: 4, ids: [owner.id, first!.id, second!.id, deputy!.id].sort() });
    // Phone numbers are searched by admins only, in any group.
    expect(await list(broadcast.id, first!, '+14155550451')).toEqual(['FORBIDDEN']);
    expect(await list(plain.id, first!, '+1415555')).toEqual(['FORBIDDEN']);
    expect(await list(plain.id, first!)).toEqual({ total: 2, ids: [owner.id, first!.id].sort() });
    expect(await list(broadcast.id, deputy!, '+14155550451')).toEqual({ total: 4, ids: [second!.id] });
  });

  it('answers NOT_FOUND to non-members and unknown ids, and FORBIDDEN to members adding people', async () => {
    const token = await tokenOf(owner);
    const group = (await graphql(url, CREATE, { input: { name: 'Private' } }, token)).data!.createGroup.group;
    const hidden = await graphql(
      url,
      `
        query ($id: ID!) {
          group(id: $id) {
            name
          }
        }
      `,
      { id: group.id },
      await tokenOf(stranger),
    );
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(hidden.data?.group ?? null).toBeNull();
    const unknown = await graphql(
      url,
      `
        query {
          group(id: "not-an-id") {
            name
          }
        }
      `,
      {},
      token,
    );
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
    await tap.publish(
      createEvent('identity.organization.member-added', { key: orgId, orgId, payload: { orgId, userId: adminOther.id, role: 'ADMIN', network: 'EMPLOYEE' } }),
    );
    await eventually(async () => {
      const seen = await graphql(
        url,
        `
          query ($id: ID!) {
            group(id: $id) {
              name
              myRole
            }
          }
        `,
        { id: orgGroup.id },
        await tokenOf(adminOther),
      );
      expect(seen.data!.group).toEqual({ name: 'Org wide', myRole: null });
    });
  });

  it('lists my groups newest first', async () => {
    const res = await graphql(
      url,
      `
        {
          myGroups(first: 2) {
            edges {
              node {
                name
              }
            }
            pageInfo {
              hasNextPage
            }
          }
        }
      `,
      {},
      await tokenOf(owner),
    );
    expect(res.data!.myGroups.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Org wide', 'Private']);
    expect(res.data!.myGroups.pageInfo.hasNextPage).toBe(true);
  });

  it("names the organisation's admins in a join request to one of its groups, as they may decide it", async () => {
    const token = await tokenOf(owner);
    const orgGroup = (await graphql(url, CREATE, { input: { name: 'Org door', organizationId: orgId } }, token)).data!.createGroup.group;
    const link = await graphql(
      url,
      `
        mutation ($i: CreateInviteLinkInput!) {
          createInviteLink(input: $i) {
            inviteLink {
              url
            }
          }
        }
      `,
      { i: { groupId: orgGroup.id, requiresApproval: true } },
      token,
    );
    expect(link.errors).toBeUndefined();
    const asker = { id: randomUUID(), phone: '+14155550289' };
    await tap.publish(registered(asker));
    const joined = await eventually(async () => {
      const res = await graphql(
        url,
        `
          mutation ($i: JoinGroupByLinkInput!) {
            joinGroupByLink(input: $i) {
              outcome
            }
          }
        `,
        { i: { token: link.data!.createInviteLink.inviteLink.url } },
        await tokenOf(asker),
      );
      expect(res.errors).toBeUndefined();
      return res.data!.joinGroupByLink.outcome;
    });
    expect(joined).toBe('REQUESTED');
    await eventually(() =>
      expect(tap.ofType('groups.join-request.filed').find((e) => e.payload.groupId === orgGroup.id)?.payload).toMatchObject({
        userId: asker.id,
        orgAdminIds: expect.arrayContaining([owner.id]),
      }),
    );
  });
});

describe('organisation standing: the read model first, identity when it falls short', () => {
  const ORG_GROUPS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { groups { edges { node { name } } } } } }`;
  const GROUP = `query($id: ID!) { group(id: $id) { name } }`;
  const UPDATE = `mutation($input: UpdateGroupInput!) { updateGroup(input: $input) { group { name } } }`;
  const code = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;
  const person = (phone: string) => ({ id: randomUUID(), phone });
  const readModelRows = async (org: string) =>
    (await app.runtime.dataSource.query(`SELECT user_id, role FROM org_members WHERE org_id = $1`, [org])) as { user_id: string; role: string }[];
  async function knownToReadModel(org: string, user: { id: string }, role: 'ADMIN' | 'MEMBER'): Promise<void> {
    await tap.publish(
      createEvent('identity.organization.member-added', { key: org, orgId: org, payload: { orgId: org, userId: user.id, role, network: 'EMPLOYEE' } }),
    );
    await eventually(async () => expect(await readModelRows(org)).toContainEqual({ user_id: user.id, role }));
  }

  it("creates and lists an organisation's groups on the first try when only identity knows the organisation, and writes nothing to the read model", async () => {
    const founder = person('+14155550301');
    const org = randomUUID();
    identity.set(org, founder.id, 'ADMIN');
    const token = await tokenOf(founder);
    const created = await graphql(url, CREATE, { input: { name: 'Day one', organizationId: org } }, token);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createGroup.group).toMatchObject({ kind: 'ORGANIZATION', organization: { id: org } });
    const listed = await graphql(url, ORG_GROUPS, { r: [{ __typename: 'Organization', id: org }] }, token);
    expect(listed.data!._entities[0].groups.edges).toEqual([{ node: { name: 'Day one' } }]);
    expect(await readModelRows(org)).toEqual([]);
  });

  it("lets a member made admin a moment ago see and manage the organisation's groups, asking identity once per request", async () => {
    const org = randomUUID();
    const founder = person('+14155550302');
    const promoted = person('+14155550303');
    identity.set(org, founder.id, 'ADMIN');
    identity.set(org, promoted.id, 'MEMBER');
    await knownToReadModel(org, promoted, 'MEMBER');
    const groups: { id: string }[] = [];
    for (const name of ['North', 'South'])
      groups.push((await graphql(url, CREATE, { input: { name, organizationId: org } }, await tokenOf(founder))).data!.createGroup.group);
    const token = await tokenOf(promoted);
    expect(code(await graphql(url, GROUP, { id: groups[0].id }, token))).toBe('NOT_FOUND');
    expect(code(await graphql(url, ORG_GROUPS, { r: [{ __typename: 'Organization', id: org }] }, token))).toBe('FORBIDDEN');

    identity.set(org, promoted.id, 'ADMIN');
    const before = identity.asked.length;
    const both = await graphql(
      url,
      `
        query ($a: ID!, $b: ID!) {
          a: group(id: $a) {
            name
          }
          b: group(id: $b) {
            name
          }
        }
      `,
      { a: groups[0].id, b: groups[1].id },
      token,
    );
    expect(both.data).toEqual({ a: { name: 'North' }, b: { name: 'South' } });
    expect(identity.asked.slice(before)).toEqual([[org]]);
    const updated = await graphql(url, UPDATE, { input: { groupId: groups[0].id, name: 'North (all)' } }, token);
    expect(updated.data!.updateGroup.group.name).toBe('North (all)');
  });

  it('refuses at once a change by an admin identity has demoted, while reading follows the read model until the event arrives', async () => {
    const org = randomUUID();
    const founder = person('+14155550304');
    const demoted = person('+14155550305');
    identity.set(org, founder.id, 'ADMIN');
    await knownToReadModel(org, demoted, 'ADMIN');
    const group = (await graphql(url, CREATE, { input: { name: 'Ledger', organizationId: org } }, await tokenOf(founder))).data!.createGroup.group;
    const token = await tokenOf(demoted);
    identity.set(org, demoted.id, 'MEMBER');
    expect(code(await graphql(url, UPDATE, { input: { groupId: group.id, name: 'Mine' } }, token))).toBe('NOT_FOUND');
    expect(code(await graphql(url, CREATE, { input: { name: 'Side project', organizationId: org } }, token))).toBeUndefined();
    expect((await graphql(url, GROUP, { id: group.id }, token)).data!.group).toEqual({ name: 'Ledger' });

    await tap.publish(
      createEvent('identity.organization.member-role-changed', { key: org, orgId: org, payload: { orgId: org, userId: demoted.id, role: 'MEMBER' } }),
    );
    await eventually(async () => expect(code(await graphql(url, GROUP, { id: group.id }, token))).toBe('NOT_FOUND'));
  });

  it('answers UNAVAILABLE when identity is down or slow, and never asks it when the read model settles the check', async () => {
    const org = randomUUID();
    const admin = person('+14155550306');
    await knownToReadModel(org, admin, 'ADMIN');
    const token = await tokenOf(admin);
    identity.set(org, admin.id, 'ADMIN');
    const group = (await graphql(url, CREATE, { input: { name: 'Resilient', organizationId: org } }, token)).data!.createGroup.group;
    try {
      for (const mode of ['down', 'slow'] as const) {
        identity.mode = mode;
        const res = await graphql(url, CREATE, { input: { name: 'Not now', organizationId: randomUUID() } }, token);
        expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'UNAVAILABLE' }, message: expect.stringMatching(/identity service/) });
        // Reading what the read model grants needs no identity.
        const asked = identity.asked.length;
        const listed = await graphql(url, ORG_GROUPS, { r: [{ __typename: 'Organization', id: org }] }, token);
        expect(listed.data!._entities[0].groups.edges).toEqual([{ node: { name: 'Resilient' } }]);
        expect((await graphql(url, GROUP, { id: group.id }, token)).data!.group).toEqual({ name: 'Resilient' });
        expect(identity.asked.length).toBe(asked);
      }
    } finally {
      identity.mode = 'up';
    }
  });

  it("ends a removed person's invitations to the organisation's groups, even when their sign-up arrives after the removal", async () => {
    const token = await tokenOf(owner);
    const orgGroup = (await graphql(url, CREATE, { input: { name: 'Org invitations', organizationId: orgId } }, token)).data!.createGroup.group;
    const privateGroup = (await graphql(url, CREATE, { input: { name: 'Private invitations' } }, token)).data!.createGroup.group;
    const late = { id: randomUUID(), phone: '+14155550466' };
    for (const groupId of [orgGroup.id, privateGroup.id]) {
      const added = await graphql(url, ADD, { input: { groupId, members: [{ phone: late.phone }] } }, token);
      expect(added.data!.addGroupMembers.outcomes.map((o: { status: string }) => o.status)).toEqual(['PENDING']);
    }
    // Identity's removal and sign-up events travel on different topics: here the removal is consumed first.
    await tap.publish(createEvent('identity.organization.member-removed', { key: orgId, orgId, payload: { orgId, userId: late.id } }));
    await eventually(async () =>
      expect(await app.runtime.dataSource.query(`SELECT 1 FROM org_removals WHERE org_id = $1 AND user_id = $2`, [orgId, late.id])).toHaveLength(1),
    );
    await tap.publish(registered(late));
    await knownToGroups(late.id);
    const memberships = async () =>
      ((await app.runtime.dataSource.query(`SELECT group_id FROM memberships WHERE user_id = $1`, [late.id])) as { group_id: string }[]).map((r) => r.group_id);
    // The invitation to the group of no organisation still holds; the organisation's is gone.
    await eventually(async () => expect(await memberships()).toEqual([privateGroup.id]));
    expect(await app.runtime.dataSource.query(`SELECT 1 FROM pending_memberships WHERE phone = $1`, [late.phone])).toEqual([]);
  });
});

describe('organisation audit log: one entry per administrative action on an organisation group', () => {
  const org = randomUUID();
  const boss = { id: randomUUID(), phone: '+14155550701' };
  const people = Array.from({ length: 3 }, (_, i) => ({ id: randomUUID(), phone: `+1415555071${i}` }));
  const askers = Array.from({ length: 2 }, (_, i) => ({ id: randomUUID(), phone: `+1415555072${i}` }));
  const person = { kind: 'PERSON', id: boss.id, via: null };

  /** The audit entries written to the outbox (in commit order), with the envelope's key and organisation. */
  async function auditEntries(where: { orgId?: string } = {}): Promise<({ key: string; orgId: string | null } & AuditPayload)[]> {
    const rows = (await app.runtime.dataSource.query(
      `SELECT key, envelope FROM outbox_events WHERE topic = 'audit.entries' AND ($1::text IS NULL OR key = $1) ORDER BY seq`,
      [where.orgId ?? null],
    )) as { key: string; envelope: { orgId: string | null; payload: AuditPayload } }[];
    return rows.map((r) => ({ key: r.key, orgId: r.envelope.orgId, ...r.envelope.payload }));
  }

  /** Runs an operation and answers the audit entries it wrote to the organisation's log. */
  async function entriesOf(run: () => Promise<unknown>): Promise<AuditPayload[]> {
    const before = (await auditEntries({ orgId: org })).length;
    await run();
    const entries = (await auditEntries({ orgId: org })).slice(before);
    for (const e of entries) expect({ key: e.key, orgId: e.orgId }).toEqual({ key: org, orgId: org });
    return entries.map(({ key: _key, orgId: _orgId, ...payload }) => payload);
  }

  async function call(query: string, variables: Record<string, unknown>, as: { id: string; phone: string } = boss) {
    const res = await graphql(url, query, variables, await tokenOf(as));
    expect(res.errors).toBeUndefined();
    return res.data!;
  }

  const GROUP_OP = (field: string) => `mutation($input: GroupInput!) { ${field}(input: $input) { group { id } } }`;
  const created = (name: string, input: Record<string, unknown>) => call(CREATE, { input: { name, ...input } });

  beforeAll(async () => {
    identity.set(org, boss.id, 'ADMIN');
    for (const u of [boss, ...people, ...askers]) await tap.publish(registered(u));
    for (const u of [boss, ...people, ...askers]) await knownToGroups(u.id);
  });

  it('records group creation, settings, hierarchy, linking and deletion with their before and after', async () => {
    let top = { id: '', name: '' };
    const [createdTop] = await entriesOf(async () => (top = (await created('Audit HQ', { organizationId: org })).createGroup.group));
    expect(createdTop).toEqual({
      action: 'group.created',
      actor: person,
      clientAddress: expect.any(String),
      target: { type: 'group', id: top.id, name: 'Audit HQ' },
      before: null,
      after: { name: 'Audit HQ', kind: 'ORGANIZATION' },
      count: null,
    });

    let sub = { id: '' };
    expect(await entriesOf(async () => (sub = (await created('Audit floor', { parentId: top.id })).createGroup.group))).toMatchObject([
      {
        action: 'group.created',
        target: { type: 'group', id: sub.id, name: 'Audit floor' },
        after: { name: 'Audit floor', kind: 'ORGANIZATION', parentId: top.id },
      },
    ]);

    const UPDATE = `mutation($input: UpdateGroupInput!) { updateGroup(input: $input) { group { id } } }`;
    expect(
      await entriesOf(() => call(UPDATE, { input: { groupId: top.id, name: 'Audit head office', description: 'Where it happens', announcementOnly: true } })),
    ).toEqual([
      {
        action: 'group.updated',
        actor: person,
        clientAddress: expect.any(String),
        target: { type: 'group', id: top.id, name: 'Audit head office' },
        before: { name: 'Audit HQ', description: null, announcementOnly: false },
        after: { name: 'Audit head office', description: 'Where it happens', announcementOnly: true },
        count: null,
      },
    ]);
    // Only what changed is recorded; an update that changes nothing records nothing.
    expect(await entriesOf(() => call(UPDATE, { input: { groupId: top.id, name: 'Audit head office', description: 'Now shorter' } }))).toMatchObject([
      { action: 'group.updated', before: { description: 'Where it happens' }, after: { description: 'Now shorter' } },
    ]);
    expect(await entriesOf(() => call(UPDATE, { input: { groupId: top.id, name: 'Audit head office' } }))).toEqual([]);

    expect(await entriesOf(() => call(GROUP_OP('detachSubgroup'), { input: { groupId: sub.id } }))).toMatchObject([
      { action: 'group.detached', actor: person, target: { type: 'group', id: sub.id, name: 'Audit floor' }, before: { parentId: top.id }, after: null },
    ]);
    const ATTACH = `mutation($input: AttachSubgroupInput!) { attachSubgroup(input: $input) { group { id } } }`;
    expect(await entriesOf(() => call(ATTACH, { input: { parentId: top.id, groupId: sub.id } }))).toMatchObject([
      { action: 'group.attached', actor: person, target: { type: 'group', id: sub.id, name: 'Audit floor' }, before: null, after: { parentId: top.id } },
    ]);

    // Unlinked, the group leaves the organisation's log (the entry is the organisation's); linked again, it returns to it.
    const loner = (await created('Audit loner', { organizationId: org })).createGroup.group;
    expect(await entriesOf(() => call(GROUP_OP('unlinkGroupFromOrganization'), { input: { groupId: loner.id } }))).toMatchObject([
      { action: 'group.unlinked', actor: person, target: { type: 'group', id: loner.id, name: 'Audit loner' }, before: { organizationId: org }, after: null },
    ]);
    const LINK = `mutation($input: LinkGroupInput!) { linkGroupToOrganization(input: $input) { group { id } } }`;
    expect(await entriesOf(() => call(LINK, { input: { groupId: loner.id, organizationId: org } }))).toMatchObject([
      { action: 'group.linked', actor: person, target: { type: 'group', id: loner.id, name: 'Audit loner' }, before: null, after: { organizationId: org } },
    ]);

    const DELETE = `mutation($input: GroupInput!) { deleteGroup(input: $input) { deleted } }`;
    expect(await entriesOf(() => call(DELETE, { input: { groupId: sub.id } }))).toEqual([
      {
        action: 'group.deleted',
        actor: person,
        clientAddress: expect.any(String),
        target: { type: 'group', id: sub.id, name: 'Audit floor' },
        before: { name: 'Audit floor' },
        after: null,
        count: null,
      },
    ]);
  });

  it('records a bulk add once with its count, never again for a replay, and removals and role changes, but not a member leaving', async () => {
    const group = (await created('Audit members', { organizationId: org })).createGroup.group;
    const target = { type: 'group', id: group.id, name: 'Audit members' };
    const members = [
      ...people.map((p) => ({ phone: p.phone })),
      { phone: '+14155550781' },
      { phone: '+14155550782' },
      { phone: 'garbage' },
      { phone: boss.phone },
    ];
    const input = { groupId: group.id, members, requestKey: 'audit-add-1' };
    let first: unknown;
    expect(await entriesOf(async () => (first = await call(ADD, { input })))).toEqual([
      { action: 'group.members-added', actor: person, clientAddress: expect.any(String), target, before: null, after: null, count: 5 },
    ]);
    // A retry with the same key answers as the first call did and writes no second entry.
    expect(await entriesOf(async () => expect(await call(ADD, { input })).toEqual(first))).toEqual([]);
    // Nothing new to add: no entry.
    expect(await entriesOf(() => call(ADD, { input: { groupId: group.id, members: [{ phone: people[0]!.phone }] } }))).toEqual([]);

    const ROLE = `mutation($input: SetGroupRoleInput!) { setGroupRole(input: $input) { membership { role } } }`;
    expect(await entriesOf(() => call(ROLE, { input: { groupId: group.id, userId: people[0]!.id, role: 'ADMIN' } }))).toEqual([
      {
        action: 'group.role-changed',
        actor: person,
        clientAddress: expect.any(String),
        target,
        before: { userId: people[0]!.id, role: 'MEMBER' },
        after: { userId: people[0]!.id, role: 'ADMIN' },
        count: null,
      },
    ]);

    const REMOVE = `mutation($input: RemoveGroupMembersInput!) { removeGroupMembers(input: $input) { outcomes { status } } }`;
    const gone = [people[1]!.id, people[2]!.id];
    expect(await entriesOf(() => call(REMOVE, { input: { groupId: group.id, userIds: [...gone, randomUUID()] } }))).toEqual([
      { action: 'group.members-removed', actor: person, clientAddress: expect.any(String), target, before: { userIds: gone }, after: null, count: 2 },
    ]);

    // Leaving is the member's own business, not an administrative action.
    expect(
      await entriesOf(() => call(`mutation($input: GroupInput!) { leaveGroup(input: $input) { left } }`, { input: { groupId: group.id } }, people[0])),
    ).toEqual([]);
  });

  it("records an import's bulk add as its uploader's, via the import", async () => {
    const group = (await created('Audit import', { organizationId: org })).createGroup.group;
    const importCaller = { kind: 'import' as const, userId: boss.id, phone: boss.phone, orgId: org, importId: 'imp-42' };
    const standing = new OrganizationStanding(importCaller, null, app.services.orgRoles);
    const entries = await entriesOf(() =>
      app.services.memberships.add(
        importCaller,
        standing,
        group.id,
        [
          { phone: people[0]!.phone, role: 'MEMBER' },
          { phone: '+14155550783', role: 'MEMBER' },
        ],
        {
          requestKey: 'chunk-1',
        },
      ),
    );
    expect(entries).toEqual([
      {
        action: 'group.members-added',
        actor: { kind: 'PERSON', id: boss.id, via: 'import:imp-42' },
        clientAddress: null,
        target: { type: 'group', id: group.id, name: 'Audit import' },
        before: null,
        after: null,
        count: 2,
      },
    ]);
  });

  it('records invite links created and revoked, and join requests decided, but not people joining by link', async () => {
    const group = (await created('Audit door', { organizationId: org })).createGroup.group;
    const CREATE_LINK = `mutation($i: CreateInviteLinkInput!) { createInviteLink(input: $i) { inviteLink { id url } } }`;
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    let link = { id: '', url: '' };
    expect(
      await entriesOf(
        async () => (link = (await call(CREATE_LINK, { i: { groupId: group.id, requiresApproval: true, maxUses: 5, expiresAt } })).createInviteLink.inviteLink),
      ),
    ).toEqual([
      {
        action: 'invite-link.created',
        actor: person,
        clientAddress: expect.any(String),
        target: { type: 'invite-link', id: link.id, name: null },
        before: null,
        after: { groupId: group.id, role: 'MEMBER', requiresApproval: true, expiresAt, maxUses: 5 },
        count: null,
      },
    ]);

    const JOIN = `mutation($i: JoinGroupByLinkInput!) { joinGroupByLink(input: $i) { outcome } }`;
    expect(
      await entriesOf(async () => {
        for (const asker of askers) expect((await call(JOIN, { i: { token: link.url } }, asker)).joinGroupByLink.outcome).toBe('REQUESTED');
      }),
    ).toEqual([]);
    const requests = (await app.runtime.dataSource.query(`SELECT id, user_id FROM join_requests WHERE group_id = $1`, [group.id])) as {
      id: string;
      user_id: string;
    }[];
    const requestOf = (u: { id: string }) => requests.find((r) => r.user_id === u.id)!.id;
    const DECIDE = `mutation($i: DecideJoinRequestInput!) { decideJoinRequest(input: $i) { joinRequest { id } } }`;
    const target = { type: 'group', id: group.id, name: 'Audit door' };
    expect(await entriesOf(() => call(DECIDE, { i: { joinRequestId: requestOf(askers[0]!), accept: true } }))).toEqual([
      {
        action: 'join-request.approved',
        actor: person,
        clientAddress: expect.any(String),
        target,
        before: null,
        after: { userId: askers[0]!.id },
        count: null,
      },
    ]);
    expect(await entriesOf(() => call(DECIDE, { i: { joinRequestId: requestOf(askers[1]!), accept: false } }))).toEqual([
      {
        action: 'join-request.declined',
        actor: person,
        clientAddress: expect.any(String),
        target,
        before: null,
        after: { userId: askers[1]!.id },
        count: null,
      },
    ]);

    const REVOKE = `mutation($i: InviteLinkInput!) { revokeInviteLink(input: $i) { inviteLink { id } } }`;
    expect(await entriesOf(() => call(REVOKE, { i: { inviteLinkId: link.id } }))).toEqual([
      {
        action: 'invite-link.revoked',
        actor: person,
        clientAddress: expect.any(String),
        target: { type: 'invite-link', id: link.id, name: null },
        before: null,
        after: { groupId: group.id },
        count: null,
      },
    ]);
    // Already revoked: nothing changes, nothing is recorded.
    expect(await entriesOf(() => call(REVOKE, { i: { inviteLinkId: link.id } }))).toEqual([]);
  });

  it('records nothing for a private group outside any organisation', async () => {
    const before = (await auditEntries()).length;
    const group = (await created('Audit-free', {})).createGroup.group;
    const sub = (await created('Audit-free child', { parentId: group.id })).createGroup.group;
    await call(`mutation($input: UpdateGroupInput!) { updateGroup(input: $input) { group { id } } }`, { input: { groupId: group.id, name: 'Still private' } });
    await call(ADD, { input: { groupId: group.id, members: [{ phone: people[0]!.phone }, { phone: people[1]!.phone }, { phone: '+14155550784' }] } });
    await call(`mutation($input: SetGroupRoleInput!) { setGroupRole(input: $input) { membership { role } } }`, {
      input: { groupId: group.id, userId: people[0]!.id, role: 'ADMIN' },
    });
    await call(`mutation($input: RemoveGroupMembersInput!) { removeGroupMembers(input: $input) { outcomes { status } } }`, {
      input: { groupId: group.id, userIds: [people[1]!.id] },
    });
    const link = (await call(`mutation($i: CreateInviteLinkInput!) { createInviteLink(input: $i) { inviteLink { id } } }`, { i: { groupId: group.id } }))
      .createInviteLink.inviteLink;
    await call(`mutation($i: InviteLinkInput!) { revokeInviteLink(input: $i) { inviteLink { id } } }`, { i: { inviteLinkId: link.id } });
    await call(GROUP_OP('detachSubgroup'), { input: { groupId: sub.id } });
    await call(`mutation($input: AttachSubgroupInput!) { attachSubgroup(input: $input) { group { id } } }`, { input: { parentId: group.id, groupId: sub.id } });
    await call(`mutation($input: GroupInput!) { deleteGroup(input: $input) { deleted } }`, { input: { groupId: group.id } });
    expect((await auditEntries()).slice(before)).toEqual([]);
  });
});
