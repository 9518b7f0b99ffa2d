import { createIdentityApp, loadIdentityConfig, type IdentityApp } from '@kz/identity-service';
import { deleteTestTopics, dropTestDatabases, eventually, EventTap, graphql, silentLogger, testDatabaseUrl, testNamespace } from '@kz/testing';

const ns = testNamespace();
let app: IdentityApp;
let base: string;
let url: string;
const tap = new EventTap(ns);
let admin: { token: string; userId: string };
let orgId: string;
/** Ann (EMPLOYEE), Ben (OTHER), Cat (EMPLOYEE), Dan (EMPLOYEE, made ADMIN). */
let people: string[];

const REQUEST_CODE = `mutation($phone: PhoneNumber!) { requestSignInCode(input: { phone: $phone }) { retryAfterSeconds } }`;
const SIGN_IN = `mutation($phone: PhoneNumber!, $code: String!, $name: String) {
  signIn(input: { phone: $phone, code: $code, displayName: $name }) { accessToken user { id } }
}`;
const IMPORT = `mutation($i: ImportDirectoryMembersInput!) { importDirectoryMembers(input: $i) { outcomes { status user { id displayName } } } }`;
const SET_NETWORKS = `mutation($i: SetMembersNetworkInput!) {
  setMembersNetwork(input: $i) { outcomes { userId status message member { user { id displayName } displayName phone network role } } }
}`;
const REMOVE_MEMBERS = `mutation($i: RemoveOrganizationMembersInput!) { removeOrganizationMembers(input: $i) { outcomes { userId status message } } }`;
const DIRECTORY = `query($id: ID!) { organization(id: $id) { directory(first: 50) { edges { node { user { id } network role } } } } }`;
const UNKNOWN = '0190a000-0000-7000-8000-000000000999';

const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  app = await createIdentityApp(
    loadIdentityConfig({ NODE_ENV: 'test', IDENTITY_PORT: '0', IDENTITY_DATABASE_URL: testDatabaseUrl(ns, 'identity'), KAFKA_NAMESPACE: ns }),
    silentLogger(),
  );
  base = await app.start();
  url = `${base}/graphql`;
  await app.runtime.kafkaConnected();
  await tap.listen(['identityOrganizations']);
});

afterAll(async () => {
  await tap.stop();
  await app.stop();
  await dropTestDatabases(ns);
  await deleteTestTopics(ns);
});

describe('bulk directory changes against PostgreSQL and Kafka', () => {
  beforeAll(async () => {
    admin = await signIn('+14155550701', 'Bulk Admin');
    const created = await graphql(
      url,
      `
        mutation {
          createOrganization(input: { name: "Bulk Co" }) {
            organization {
              id
            }
          }
        }
      `,
      {},
      admin.token,
    );
    orgId = created.data!.createOrganization.organization.id;
    const imported = await graphql(
      url,
      IMPORT,
      {
        i: {
          organizationId: orgId,
          members: [
            { phone: '+14155550711', displayName: 'Ann Employee', network: 'EMPLOYEE' },
            { phone: '+14155550712', displayName: 'Ben Other', network: 'OTHER' },
            { phone: '+14155550713', displayName: 'Cat Employee', network: 'EMPLOYEE' },
            { phone: '+14155550714', displayName: 'Dan Admin', network: 'EMPLOYEE' },
          ],
        },
      },
      admin.token,
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importDirectoryMembers.outcomes.map((o: { user: { displayName: string } }) => o.user.displayName)).toEqual([
      'Ann Employee',
      'Ben Other',
      'Cat Employee',
      'Dan Admin',
    ]);
    people = imported.data!.importDirectoryMembers.outcomes.map((o: { user: { id: string } }) => o.user.id);
    const promoted = await graphql(
      url,
      `
        mutation ($i: SetOrganizationRoleInput!) {
          setOrganizationRole(input: $i) {
            member {
              role
            }
          }
        }
      `,
      { i: { organizationId: orgId, userId: people[3], role: 'ADMIN' } },
      admin.token,
    );
    expect(promoted.data!.setOrganizationRole.member.role).toBe('ADMIN');
  });

  it('moves members between networks with one outcome per id in input order, and one event per person moved', async () => {
    const [ann, ben, cat] = people as [string, string, string];
    const res = await graphql(
      url,
      SET_NETWORKS,
      { i: { organizationId: orgId, userIds: [ann, ben, UNKNOWN, 'not-an-id', cat, ann], network: 'OTHER' } },
      admin.token,
    );
    expect(res.errors).toBeUndefined();
    const member = (id: string, displayName: string, phone: string) => ({ user: { id, displayName }, displayName, phone, network: 'OTHER', role: 'MEMBER' });
    expect(res.data!.setMembersNetwork.outcomes).toEqual([
      { userId: ann, status: 'CHANGED', message: null, member: member(ann, 'Ann Employee', '+14155550711') },
      { userId: ben, status: 'UNCHANGED', message: 'Already in the Others network.', member: member(ben, 'Ben Other', '+14155550712') },
      { userId: UNKNOWN, status: 'NOT_FOUND', message: 'Not a member of this organisation.', member: null },
      { userId: 'not-an-id', status: 'NOT_FOUND', message: 'Not a member of this organisation.', member: null },
      { userId: cat, status: 'CHANGED', message: null, member: member(cat, 'Cat Employee', '+14155550713') },
      { userId: ann, status: 'CHANGED', message: null, member: member(ann, 'Ann Employee', '+14155550711') },
    ]);
    const networks = await directory();
    expect([ann, ben, cat].map((id) => networks.get(id)?.network)).toEqual(['OTHER', 'OTHER', 'OTHER']);
    await eventually(() =>
      expect(tap.ofType('identity.organization.network-changed').map((e) => [e.key, e.payload])).toEqual([
        [orgId, { orgId, userId: ann, network: 'OTHER' }],
        [orgId, { orgId, userId: cat, network: 'OTHER' }],
      ]),
    );

    // The single form shares the rules: back to Employees, and someone not in the organisation is an error.
    const single = await graphql(
      url,
      `
        mutation ($i: SetMemberNetworkInput!) {
          setMemberNetwork(input: $i) {
            member {
              network
            }
          }
        }
      `,
      { i: { organizationId: orgId, userId: cat, network: 'EMPLOYEE' } },
      admin.token,
    );
    expect(single.data!.setMemberNetwork.member.network).toBe('EMPLOYEE');
    const stranger = await graphql(
      url,
      `
        mutation ($i: SetMemberNetworkInput!) {
          setMemberNetwork(input: $i) {
            member {
              network
            }
          }
        }
      `,
      { i: { organizationId: orgId, userId: UNKNOWN, network: 'EMPLOYEE' } },
      admin.token,
    );
    expect(code(stranger)).toBe('NOT_FOUND');
    await eventually(() => expect(tap.ofType('identity.organization.network-changed')).toHaveLength(3));
  });

  it('refuses lists that are empty or longer than 1,000 with BAD_USER_INPUT, before changing anything', async () => {
    const tooMany = Array.from({ length: 1_001 }, () => people[0]);
    for (const [query, input] of [
      [SET_NETWORKS, { organizationId: orgId, userIds: tooMany, network: 'EMPLOYEE' }],
      [REMOVE_MEMBERS, { organizationId: orgId, userIds: tooMany }],
    ] as const) {
      const res = await graphql(url, query, { i: input }, admin.token);
      expect(res.errors?.[0]).toMatchObject({
        message: 'At most 1,000 people can be changed in one call, and this one names 1,001; split the list.',
        extensions: { code: 'BAD_USER_INPUT', field: 'userIds' },
      });
      const empty = await graphql(url, query, { i: { ...input, userIds: [] } }, admin.token);
      expect(empty.errors?.[0]).toMatchObject({ message: 'Name at least one person.', extensions: { code: 'BAD_USER_INPUT', field: 'userIds' } });
    }
    expect((await directory()).get(people[0]!)?.network).toBe('OTHER');
  });

  it("lets admins only: a member or a connector is FORBIDDEN, a stranger and another organisation's admin get NOT_FOUND", async () => {
    const member = await signIn('+14155550712', 'Ben Other');
    const outsider = await signIn('+14155550721', 'Outsider');
    const elsewhere = await graphql(
      url,
      `
        mutation {
          createOrganization(input: { name: "Elsewhere" }) {
            organization {
              id
            }
          }
        }
      `,
      {},
      outsider.token,
    );
    expect(elsewhere.errors).toBeUndefined();
    const connector = await connectorToken();
    for (const [query, input] of [
      [SET_NETWORKS, { organizationId: orgId, userIds: [people[0]], network: 'EMPLOYEE' }],
      [REMOVE_MEMBERS, { organizationId: orgId, userIds: [people[0]] }],
    ] as const) {
      expect(code(await graphql(url, query, { i: input }, member.token))).toBe('FORBIDDEN');
      expect(code(await graphql(url, query, { i: input }, outsider.token))).toBe('NOT_FOUND');
      expect(code(await graphql(url, query, { i: { ...input, organizationId: 'not-an-org' } }, admin.token))).toBe('NOT_FOUND');
      expect(code(await graphql(url, query, { i: input }))).toBe('UNAUTHENTICATED');
      // As for the single forms, a connector (even one granted the organisation's data) cannot change the directory.
      expect(code(await graphql(url, query, { i: input }, connector))).toBe('FORBIDDEN');
    }
    const networks = await directory();
    expect(networks.get(people[0]!)?.network).toBe('OTHER');
    expect(networks.size).toBe(5);
  });

  it('removes people one after another with an outcome each, never the last admin, and publishes member-removed per person', async () => {
    const [ann, ben, cat, dan] = people as [string, string, string, string];
    const res = await graphql(url, REMOVE_MEMBERS, { i: { organizationId: orgId, userIds: [dan, ann, UNKNOWN, admin.userId, ben, ann] } }, admin.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.removeOrganizationMembers.outcomes).toEqual([
      { userId: dan, status: 'REMOVED', message: null },
      { userId: ann, status: 'REMOVED', message: null },
      { userId: UNKNOWN, status: 'NOT_FOUND', message: 'Not a member of this organisation.' },
      { userId: admin.userId, status: 'LAST_ADMIN', message: 'An organisation needs at least one admin: make someone else admin first.' },
      { userId: ben, status: 'REMOVED', message: null },
      { userId: ann, status: 'REMOVED', message: null },
    ]);
    const left = await directory();
    expect([...left.keys()].sort()).toEqual([admin.userId, cat].sort());
    expect(left.get(admin.userId)?.role).toBe('ADMIN');
    await eventually(() =>
      expect(tap.ofType('identity.organization.member-removed').map((e) => [e.key, e.payload])).toEqual([
        [orgId, { orgId, userId: dan }],
        [orgId, { orgId, userId: ann }],
        [orgId, { orgId, userId: ben }],
      ]),
    );

    // Someone removed is no longer found; the single form refuses the last admin as before.
    const again = await graphql(url, REMOVE_MEMBERS, { i: { organizationId: orgId, userIds: [ann] } }, admin.token);
    expect(again.data!.removeOrganizationMembers.outcomes).toEqual([{ userId: ann, status: 'NOT_FOUND', message: 'Not a member of this organisation.' }]);
    const single = (userId: string) =>
      graphql(
        url,
        `
          mutation ($i: RemoveOrganizationMemberInput!) {
            removeOrganizationMember(input: $i) {
              removed
            }
          }
        `,
        { i: { organizationId: orgId, userId } },
        admin.token,
      );
    const lastAdmin = await single(admin.userId);
    expect(lastAdmin.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/at least one admin/) });
    expect(code(await single(ann))).toBe('NOT_FOUND');
    expect((await single(cat)).data!.removeOrganizationMember.removed).toBe(true);
    await eventually(() => expect(tap.ofType('identity.organization.member-removed').map((e) => e.payload.userId)).toEqual([dan, ann, ben, cat]));
  });
});

async function directory(): Promise<Map<string, { network: string; role: string }>> {
  const res = await graphql(url, DIRECTORY, { id: orgId }, admin.token);
  expect(res.errors).toBeUndefined();
  return new Map(
    res.data!.organization.directory.edges.map((e: { node: { user: { id: string }; network: string; role: string } }) => [e.node.user.id, e.node]),
  );
}

async function connectorToken(): Promise<string> {
  const registered = await graphql(
    url,
    `
      mutation ($i: RegisterConnectorInput!) {
        registerConnector(input: $i) {
          clientSecret
          connector {
            clientId
          }
        }
      }
    `,
    { i: { organizationId: orgId, name: 'HR sync', permissions: ['ORGANIZATION_DATA'] } },
    admin.token,
  );
  const { clientSecret, connector } = registered.data!.registerConnector;
  const issued = await graphql(
    url,
    `
      mutation ($i: IssueConnectorTokenInput!) {
        issueConnectorToken(input: $i) {
          accessToken
        }
      }
    `,
    {
      i: { clientId: connector.clientId, clientSecret },
    },
  );
  return issued.data!.issueConnectorToken.accessToken;
}

async function signIn(phone: string, name: string): Promise<{ token: string; userId: string }> {
  await graphql(url, REQUEST_CODE, { phone });
  const sms = (await (await fetch(`${base}/dev/sms?phone=${encodeURIComponent(phone)}`)).json()) as { body: string };
  const res = await graphql(url, SIGN_IN, { phone, code: /(\d{6})/.exec(sms.body)![1], name });
  return { token: res.data!.signIn.accessToken, userId: res.data!.signIn.user.id };
}
