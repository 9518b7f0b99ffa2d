import { eventually, graphql } from '@kz/testing';
import { Stack } from './support/stack';

const stack = new Stack();
beforeAll(() => stack.start());
afterAll(() => stack.stop());

const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(stack.gatewayUrl, query, variables, token);
const code = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

const IMPORT = `mutation($i: ImportDirectoryMembersInput!) { importDirectoryMembers(input: $i) { outcomes { status } } }`;
const SET_NETWORKS = `mutation($i: SetMembersNetworkInput!) {
  setMembersNetwork(input: $i) { outcomes { userId status message member { user { id displayName } network } } }
}`;
const REMOVE_MEMBERS = `mutation($i: RemoveOrganizationMembersInput!) { removeOrganizationMembers(input: $i) { outcomes { userId status message } } }`;
const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;
const MEMBER_COUNT = `query($id: ID!) { group(id: $id) { memberCount } }`;
const UNKNOWN = '0190a000-0000-7000-8000-000000000999';

async function createOrg(token: string, name: string): Promise<string> {
  const res = await gql(`mutation($n: String!) { createOrganization(input: { name: $n }) { organization { id } } }`, { n: name }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.createOrganization.organization.id;
}

describe('bulk directory changes through the gateway', () => {
  it("moves and removes many people in one call each, one outcome per person, ending removed people's group memberships", async () => {
    const admin = await stack.signIn('+14155550901', 'Bulk Admin');
    const coAdmin = await stack.signIn('+14155550902', 'Co Admin');
    const ann = await stack.signIn('+14155550903', 'Ann Worker');
    const ben = await stack.signIn('+14155550904', 'Ben Contractor');
    const outsider = await stack.signIn('+14155550905', 'Outsider Admin');
    const orgId = await createOrg(admin.token, 'Bulk Fabrikam');
    const otherOrg = await createOrg(outsider.token, 'Elsewhere');

    const imported = await gql(
      IMPORT,
      {
        i: {
          organizationId: orgId,
          members: [
            { phone: '+14155550902', displayName: 'Co Admin', network: 'EMPLOYEE' },
            { phone: '+14155550903', displayName: 'Ann Worker', network: 'EMPLOYEE' },
            { phone: '+14155550904', displayName: 'Ben Contractor', network: 'OTHER' },
          ],
        },
      },
      admin.token,
    );
    expect(imported.data!.importDirectoryMembers.outcomes.map((o: { status: string }) => o.status)).toEqual(['CREATED', 'CREATED', 'CREATED']);
    const promoted = await gql(
      `mutation($i: SetOrganizationRoleInput!) { setOrganizationRole(input: $i) { member { role } } }`,
      { i: { organizationId: orgId, userId: coAdmin.userId, role: 'ADMIN' } },
      admin.token,
    );
    expect(promoted.data!.setOrganizationRole.member.role).toBe('ADMIN');

    // An organisation group with everyone in it; each can post once the groups service has heard of them.
    const groupId = await eventually(async () => {
      const res = await gql(
        `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
        { i: { name: 'Site', organizationId: orgId } },
        admin.token,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.createGroup.group.id as string;
    });
    const added = await gql(
      `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId, members: ['+14155550902', '+14155550903', '+14155550904'].map((phone) => ({ phone })) } },
      admin.token,
    );
    expect(added.errors).toBeUndefined();
    for (const person of [coAdmin, ann, ben]) {
      await eventually(async () => expect((await gql(SEND, { i: { groupId, text: 'on site' } }, person.token)).errors).toBeUndefined());
    }
    expect((await gql(MEMBER_COUNT, { id: groupId }, admin.token)).data!.group.memberCount).toBe(4);

    // Only the organisation's admins may; another organisation learns nothing.
    for (const [query, input] of [
      [SET_NETWORKS, { organizationId: orgId, userIds: [ben.userId], network: 'EMPLOYEE' }],
      [REMOVE_MEMBERS, { organizationId: orgId, userIds: [ben.userId] }],
    ] as const) {
      const byMember = await gql(query, { i: input }, ann.token);
      expect(code(byMember)).toBe('FORBIDDEN');
      expect(byMember.data ?? null).toBeNull();
      expect(code(await gql(query, { i: input }, outsider.token))).toBe('NOT_FOUND');
      expect(code(await gql(query, { i: { ...input, organizationId: otherOrg } }, admin.token))).toBe('NOT_FOUND');
    }

    const moved = await gql(
      SET_NETWORKS,
      { i: { organizationId: orgId, userIds: [ann.userId, ben.userId, outsider.userId, UNKNOWN], network: 'OTHER' } },
      admin.token,
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.setMembersNetwork.outcomes).toEqual([
      { userId: ann.userId, status: 'CHANGED', message: null, member: { user: { id: ann.userId, displayName: 'Ann Worker' }, network: 'OTHER' } },
      {
        userId: ben.userId,
        status: 'UNCHANGED',
        message: 'Already in the Others network.',
        member: { user: { id: ben.userId, displayName: 'Ben Contractor' }, network: 'OTHER' },
      },
      { userId: outsider.userId, status: 'NOT_FOUND', message: 'Not a member of this organisation.', member: null },
      { userId: UNKNOWN, status: 'NOT_FOUND', message: 'Not a member of this organisation.', member: null },
    ]);

    // Every admin named: the last one named stays, refused with the reason.
    const removed = await gql(
      REMOVE_MEMBERS,
      { i: { organizationId: orgId, userIds: [ann.userId, coAdmin.userId, outsider.userId, admin.userId, ben.userId] } },
      admin.token,
    );
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeOrganizationMembers.outcomes).toEqual([
      { userId: ann.userId, status: 'REMOVED', message: null },
      { userId: coAdmin.userId, status: 'REMOVED', message: null },
      { userId: outsider.userId, status: 'NOT_FOUND', message: 'Not a member of this organisation.' },
      { userId: admin.userId, status: 'LAST_ADMIN', message: 'An organisation needs at least one admin: make someone else admin first.' },
      { userId: ben.userId, status: 'REMOVED', message: null },
    ]);

    // The groups service ends their memberships of the organisation's groups; the admin stays.
    await eventually(async () => {
      for (const person of [coAdmin, ann, ben]) {
        expect(code(await gql(SEND, { i: { groupId, text: 'still here?' } }, person.token))).toBe('NOT_FOUND');
        expect(code(await gql(`query($id: ID!) { group(id: $id) { name } }`, { id: groupId }, person.token))).toBe('NOT_FOUND');
      }
      expect((await gql(MEMBER_COUNT, { id: groupId }, admin.token)).data!.group.memberCount).toBe(1);
    });
    expect((await gql(SEND, { i: { groupId, text: 'just me' } }, admin.token)).errors).toBeUndefined();
    const directory = await gql(`query($id: ID!) { organization(id: $id) { directory { edges { node { user { id } role } } } } }`, { id: orgId }, admin.token);
    expect(directory.data!.organization.directory.edges.map((e: { node: unknown }) => e.node)).toEqual([{ user: { id: admin.userId }, role: 'ADMIN' }]);
    expect(code(await gql(`query($id: ID!) { organization(id: $id) { name } }`, { id: orgId }, ann.token))).toBe('NOT_FOUND');
  });

  it('refuses more than 1,000 people in one call with BAD_USER_INPUT', async () => {
    const admin = await stack.signIn('+14155550911', 'Limit Admin');
    const orgId = await createOrg(admin.token, 'Limits');
    const userIds = Array.from({ length: 1_001 }, () => UNKNOWN);
    for (const [query, input] of [
      [SET_NETWORKS, { organizationId: orgId, userIds, network: 'OTHER' }],
      [REMOVE_MEMBERS, { organizationId: orgId, userIds }],
    ] as const) {
      const res = await gql(query, { i: input }, admin.token);
      expect(res.errors?.[0]).toMatchObject({
        message: 'At most 1,000 people can be changed in one call, and this one names 1,001; split the list.',
        extensions: { code: 'BAD_USER_INPUT', field: 'userIds' },
      });
    }
    const full = await gql(REMOVE_MEMBERS, { i: { organizationId: orgId, userIds: userIds.slice(1) } }, admin.token);
    expect(full.data!.removeOrganizationMembers.outcomes).toHaveLength(1_000);
  });
});
