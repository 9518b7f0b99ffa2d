import { eventually, graphql } from '@kz/testing';
import { PrivateKafka } from '@kz/stack';
import { Stack } from './support/stack';

/**
 * The groups service learns who belongs to which organisation from identity's
 * events (its org_members read model). These flows must not depend on those
 * events having arrived: the broker is stopped, so they cannot arrive, and
 * every step is asserted on its first try.
 */
const kafka = new PrivateKafka();
let stack: Stack;

beforeAll(async () => {
  await kafka.start();
  stack = await new Stack(kafka.brokers).start();
});

afterAll(async () => {
  // The broker comes back first (a no-op when it runs), so the services disconnect from it cleanly.
  await kafka.start().catch(() => undefined);
  await stack?.stop();
  await kafka.destroy();
});

type Res = Awaited<ReturnType<typeof graphql>>;
const gql = (query: string, variables: Record<string, unknown>, token: string) => graphql(stack.gatewayUrl, query, variables, token);
const code = (res: Res) => res.errors?.[0]?.extensions?.code;
function ok(res: Res): Record<string, any> {
  expect(res.errors).toBeUndefined();
  return res.data!;
}

const CREATE_ORG = `mutation($n: String!) { createOrganization(input: { name: $n }) { organization { id } } }`;
const CREATE_GROUP = `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id kind organization { id } parent { id } } } }`;
const LINK = `mutation($i: LinkGroupInput!) { linkGroupToOrganization(input: $i) { group { id kind organization { id } } } }`;
const UPDATE = `mutation($i: UpdateGroupInput!) { updateGroup(input: $i) { group { name } } }`;
const UNLINK = `mutation($i: GroupInput!) { unlinkGroupFromOrganization(input: $i) { group { id } } }`;
const ORG_GROUPS = `query($id: ID!) { organization(id: $id) { groups(first: 20) { edges { node { name } } } } }`;
const GROUP = `query($id: ID!) { group(id: $id) { name organization { id } } }`;
const ADD_TO_DIRECTORY = `mutation($i: AddDirectoryMemberInput!) { addDirectoryMember(input: $i) { member { user { id } } } }`;
const SET_ROLE = `mutation($i: SetOrganizationRoleInput!) { setOrganizationRole(input: $i) { member { role } } }`;
const TEMPLATE = `query($o: ID!) { importTemplate(organizationId: $o) { columns { name } } }`;
const START_IMPORT = `mutation($i: StartImportInput!) { startImport(input: $i) { import { id status } } }`;

/** What the groups service's read model says of a person in an organisation (null: no row). */
async function readModelRole(orgId: string, userId: string): Promise<string | null> {
  const rows = (await stack.groups.runtime.dataSource.query(`SELECT role FROM org_members WHERE org_id = $1 AND user_id = $2`, [orgId, userId])) as {
    role: string;
  }[];
  return rows[0]?.role ?? null;
}

async function newAdmin(phone: string, name: string, orgName: string): Promise<{ token: string; userId: string; orgId: string }> {
  const person = await stack.signIn(phone, name);
  const orgId = ok(await gql(CREATE_ORG, { n: orgName }, person.token)).createOrganization.organization.id as string;
  return { ...person, orgId };
}

async function makeAdmin(adminToken: string, orgId: string, phone: string, name: string): Promise<{ token: string; userId: string }> {
  const person = await stack.signIn(phone, name);
  ok(await gql(ADD_TO_DIRECTORY, { i: { organizationId: orgId, phone, displayName: name } }, adminToken));
  expect(ok(await gql(SET_ROLE, { i: { organizationId: orgId, userId: person.userId, role: 'ADMIN' } }, adminToken)).setOrganizationRole.member.role).toBe(
    'ADMIN',
  );
  return person;
}

describe("organisation standing in the groups service, while identity's events cannot reach it", () => {
  it("refuses a demoted admin's changes at once, though the read model still says admin", async () => {
    const owner = await newAdmin('+14155557001', 'Owner', 'Demotion Inc');
    const deputy = await makeAdmin(owner.token, owner.orgId, '+14155557002', 'Deputy');
    const finance = ok(await gql(CREATE_GROUP, { i: { name: 'Finance', organizationId: owner.orgId } }, owner.token)).createGroup.group;
    await eventually(async () => expect(await readModelRole(owner.orgId, deputy.userId)).toBe('ADMIN'), { timeoutMs: 30_000 });
    ok(await gql(UPDATE, { i: { groupId: finance.id, name: 'Finance (all)' } }, deputy.token));

    await kafka.stop();
    ok(await gql(SET_ROLE, { i: { organizationId: owner.orgId, userId: deputy.userId, role: 'MEMBER' } }, owner.token));
    expect(await readModelRole(owner.orgId, deputy.userId)).toBe('ADMIN');

    // A change that only organisation-admin standing allows asks identity, which knows of the demotion:
    // no longer an admin and no member of the group, the deputy is told it does not exist.
    expect(code(await gql(UPDATE, { i: { groupId: finance.id, name: 'Mine now' } }, deputy.token))).toBe('NOT_FOUND');
    expect(code(await gql(UNLINK, { i: { groupId: finance.id } }, deputy.token))).toBe('NOT_FOUND');
    expect(ok(await gql(GROUP, { id: finance.id }, owner.token)).group.name).toBe('Finance (all)');
  });

  it('takes an admin from sign-in through organisation, groups, sub-groups, linking, listing, import and a new admin, each on the first try', async () => {
    await kafka.stop();
    const admin = await newAdmin('+14155557011', 'Admin', 'Contoso');
    const orgId = admin.orgId;

    const contoso = ok(await gql(CREATE_GROUP, { i: { name: 'Contoso', organizationId: orgId } }, admin.token)).createGroup.group;
    expect(contoso).toMatchObject({ kind: 'ORGANIZATION', organization: { id: orgId }, parent: null });
    const sales = ok(await gql(CREATE_GROUP, { i: { name: 'Contoso – Sales', parentId: contoso.id } }, admin.token)).createGroup.group;
    expect(sales).toMatchObject({ kind: 'ORGANIZATION', organization: { id: orgId }, parent: { id: contoso.id } });
    const east = ok(await gql(CREATE_GROUP, { i: { name: 'Sales (East)', parentId: sales.id } }, admin.token)).createGroup.group;
    expect(east).toMatchObject({ organization: { id: orgId }, parent: { id: sales.id } });
    const chat = ok(await gql(CREATE_GROUP, { i: { name: 'Old chat' } }, admin.token)).createGroup.group;
    expect(ok(await gql(LINK, { i: { groupId: chat.id, organizationId: orgId } }, admin.token)).linkGroupToOrganization.group).toMatchObject({
      kind: 'ORGANIZATION',
      organization: { id: orgId },
    });

    const names = (res: Res) => (ok(res).organization.groups.edges as { node: { name: string } }[]).map((e) => e.node.name).sort();
    const all = ['Contoso', 'Contoso – Sales', 'Old chat', 'Sales (East)'];
    expect(names(await gql(ORG_GROUPS, { id: orgId }, admin.token))).toEqual(all);

    expect(ok(await gql(TEMPLATE, { o: orgId }, admin.token)).importTemplate.columns.length).toBeGreaterThan(0);
    expect(
      ok(await gql(START_IMPORT, { i: { organizationId: orgId, groupIds: [sales.id], mode: 'DRY_RUN', defaultCountry: 'US' } }, admin.token)).startImport.import
        .status,
    ).toBe('QUEUED');

    // A person made admin a moment ago administers every group of the organisation at once.
    const deputy = await makeAdmin(admin.token, orgId, '+14155557012', 'New Admin');
    expect(names(await gql(ORG_GROUPS, { id: orgId }, deputy.token))).toEqual(all);
    expect(ok(await gql(GROUP, { id: east.id }, deputy.token)).group).toEqual({ name: 'Sales (East)', organization: { id: orgId } });
    expect(ok(await gql(UPDATE, { i: { groupId: east.id, name: 'Sales (East Coast)' } }, deputy.token)).updateGroup.group.name).toBe('Sales (East Coast)');
    expect(ok(await gql(TEMPLATE, { o: orgId }, deputy.token)).importTemplate.columns.length).toBeGreaterThan(0);

    // A stranger still learns nothing.
    const stranger = await stack.signIn('+14155557013', 'Stranger');
    expect(code(await gql(CREATE_GROUP, { i: { name: 'Intruder', organizationId: orgId } }, stranger.token))).toBe('NOT_FOUND');
    expect(code(await gql(GROUP, { id: east.id }, stranger.token))).toBe('NOT_FOUND');

    // identity's answers were used, not written: the read model still waits for the events, which arrive once the broker is back.
    expect(await readModelRole(orgId, admin.userId)).toBeNull();
    await kafka.start();
    await eventually(
      async () => {
        expect(await readModelRole(orgId, admin.userId)).toBe('ADMIN');
        expect(await readModelRole(orgId, deputy.userId)).toBe('ADMIN');
      },
      { timeoutMs: 60_000 },
    );
  });
});
