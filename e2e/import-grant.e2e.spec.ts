import { uuidv7 } from '@kz/db';
import { SUBGRAPH_SECRET_HEADER } from '@kz/server';
import { eventually, graphql } from '@kz/testing';
import { errorCode, specStack } from './support/spec-stack';

const { stack, gql } = specStack();

const ok = <T extends { errors?: unknown; data?: any }>(res: T) => {
  expect(res.errors).toBeUndefined();
  return res.data!;
};

const CREATE_ORG = `mutation($n: String!) { createOrganization(input: { name: $n }) { organization { id } } }`;
const CREATE_GROUP = `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`;
const ADD_TO_DIRECTORY = `mutation($i: AddDirectoryMemberInput!) { addDirectoryMember(input: $i) { member { user { id } } } }`;
const SET_ROLE = `mutation($i: SetOrganizationRoleInput!) { setOrganizationRole(input: $i) { member { role } } }`;
const ISSUE = `mutation($i: IssueImportGrantInput!) { issueImportGrant(input: $i) { grant expiresInSeconds } }`;
const EXCHANGE = `mutation($i: ExchangeImportGrantInput!) { exchangeImportGrant(input: $i) { accessToken expiresInSeconds } }`;
const IMPORT_PEOPLE = `mutation($i: ImportDirectoryMembersInput!) { importDirectoryMembers(input: $i) { outcomes { status message } } }`;
const ADD_MEMBERS = `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`;

/** A call to a subgraph as a peer service makes it: with the shared secret. */
const asPeer = (base: string, query: string, variables: Record<string, unknown>, token?: string) =>
  graphql(`${base}/graphql`, query, variables, token, { [SUBGRAPH_SECRET_HEADER]: stack.subgraphSecret });

let phoneSeq = 0;
const phone = () => `+1415555${String(3100 + phoneSeq++).padStart(4, '0')}`;

async function orgWithGroup(name: string) {
  const adminPhone = phone();
  const admin = { ...(await stack.signIn(adminPhone, `${name} Admin`)), phone: adminPhone };
  const orgId = ok(await gql(CREATE_ORG, { n: name }, admin.token)).createOrganization.organization.id as string;
  // Groups hears of the new admin through identity's events.
  const groupId = await eventually(
    async () => ok(await gql(CREATE_GROUP, { i: { name: `${name} all`, organizationId: orgId } }, admin.token)).createGroup.group.id as string,
  );
  return { ...admin, orgId, groupId };
}

const identityGrantRow = async (importId: string) =>
  ((await stack.identity.runtime.dataSource.query(`SELECT ended_at FROM import_grants WHERE import_id = $1`, [importId])) as { ended_at: Date | null }[])[0];

describe("an import's authority: a grant for its bulk adds only, in its organisation, for as long as it runs", () => {
  it('exchanges a grant for short tokens that only the two bulk adds of its organisation take', async () => {
    const a = await orgWithGroup('Grant Org A');
    const b = await orgWithGroup('Grant Org B');
    const importId = uuidv7();
    const issued = ok(await asPeer(stack.identityUrl, ISSUE, { i: { organizationId: a.orgId, importId } }, a.token)).issueImportGrant;
    expect(issued.expiresInSeconds).toBeGreaterThan(0);
    // Once per import; never for an organisation the caller does not administer.
    expect(errorCode(await asPeer(stack.identityUrl, ISSUE, { i: { organizationId: a.orgId, importId } }, a.token))).toBe('CONFLICT');
    expect(errorCode(await asPeer(stack.identityUrl, ISSUE, { i: { organizationId: b.orgId, importId: uuidv7() } }, a.token))).toBe('NOT_FOUND');
    // Not in the public API, and not without the peers' secret.
    expect(errorCode(await gql(EXCHANGE, { i: { grant: issued.grant } }))).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await graphql(`${stack.identityUrl}/graphql`, EXCHANGE, { i: { grant: issued.grant } })).status).toBe(403);
    // A forged secret for a real import is refused.
    const forged = `${importId}.${'A'.repeat(43)}`;
    expect(errorCode(await asPeer(stack.identityUrl, EXCHANGE, { i: { grant: forged } }))).toBe('UNAUTHENTICATED');

    const exchanged = ok(await asPeer(stack.identityUrl, EXCHANGE, { i: { grant: issued.grant } })).exchangeImportGrant;
    expect(exchanged.expiresInSeconds).toBeLessThanOrEqual(300);
    const token = exchanged.accessToken as string;

    // Its organisation's bulk adds take it, acting for the uploader.
    const newcomer = phone();
    const people = ok(
      await asPeer(
        stack.identityUrl,
        IMPORT_PEOPLE,
        { i: { organizationId: a.orgId, members: [{ phone: newcomer, displayName: 'Newcomer', network: 'EMPLOYEE' }] } },
        token,
      ),
    );
    expect(people.importDirectoryMembers.outcomes).toEqual([{ status: 'CREATED', message: null }]);
    expect(
      ok(await asPeer(stack.groupsUrl, ADD_MEMBERS, { i: { groupId: a.groupId, members: [{ phone: newcomer }] } }, token)).addGroupMembers.outcomes,
    ).toEqual([{ status: expect.stringMatching(/ADDED|PENDING/) }]);

    // Another organisation's are refused, though its uploader is an admin there too.
    ok(await gql(ADD_TO_DIRECTORY, { i: { organizationId: b.orgId, phone: a.phone, displayName: 'A in B' } }, b.token));
    ok(await gql(SET_ROLE, { i: { organizationId: b.orgId, userId: a.userId, role: 'ADMIN' } }, b.token));
    expect(
      errorCode(
        await asPeer(
          stack.identityUrl,
          IMPORT_PEOPLE,
          { i: { organizationId: b.orgId, members: [{ phone: phone(), displayName: 'X', network: 'EMPLOYEE' }] } },
          token,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(errorCode(await asPeer(stack.groupsUrl, ADD_MEMBERS, { i: { groupId: b.groupId, members: [{ phone: newcomer }] } }, token))).toBe('FORBIDDEN');

    // Nothing else takes it: not reads at the subgraphs that take its bulk adds, nor any other subgraph, nor the gateway.
    const orgQuery = `query($id: ID!) { organization(id: $id) { name } }`;
    expect(errorCode(await asPeer(stack.identityUrl, orgQuery, { id: a.orgId }, token))).toBe('FORBIDDEN');
    expect(errorCode(await asPeer(stack.groupsUrl, `query($id: ID!) { group(id: $id) { name } }`, { id: a.groupId }, token))).toBe('FORBIDDEN');
    expect(
      errorCode(
        await asPeer(
          stack.groupsUrl,
          `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
          { i: { name: 'x', organizationId: a.orgId } },
          token,
        ),
      ),
    ).toBe('FORBIDDEN');
    // Messaging takes it for a chat import's history only (importGroupHistory); the import and webhooks services not at all.
    expect(errorCode(await asPeer(stack.messagingUrl, `{ __typename }`, {}, token))).toBe('FORBIDDEN');
    expect(errorCode(await asPeer(stack.webhooksUrl, `{ __typename }`, {}, token))).toBe('UNAUTHENTICATED');
    const atGateway = await gql(orgQuery, { id: a.orgId }, token);
    expect(atGateway.status).toBe(401);
    expect(errorCode(atGateway)).toBe('UNAUTHENTICATED');

    // An uploader who is no longer an admin: the grant gives no new token.
    const inB = ok(await asPeer(stack.identityUrl, ISSUE, { i: { organizationId: b.orgId, importId: uuidv7() } }, a.token)).issueImportGrant;
    expect(ok(await asPeer(stack.identityUrl, EXCHANGE, { i: { grant: inB.grant } })).exchangeImportGrant.accessToken).toEqual(expect.any(String));
    ok(await gql(SET_ROLE, { i: { organizationId: b.orgId, userId: a.userId, role: 'MEMBER' } }, b.token));
    expect(errorCode(await asPeer(stack.identityUrl, EXCHANGE, { i: { grant: inB.grant } }))).toBe('FORBIDDEN');
  });

  it('keeps the grant sealed in the import database and ends it with the import', async () => {
    const a = await orgWithGroup('Grant Org C');
    const started = ok(
      await gql(
        `mutation($i: StartImportInput!) { startImport(input: $i) { import { id } } }`,
        { i: { organizationId: a.orgId, groupIds: [a.groupId], defaultCountry: 'US' } },
        a.token,
      ),
    ).startImport.import.id as string;
    const [row] = (await stack.import.runtime.dataSource.query(`SELECT acting_grant FROM import_jobs WHERE id = $1`, [started])) as {
      acting_grant: string | null;
    }[];
    const sealed = row!.acting_grant!;
    expect(sealed).toEqual(expect.any(String));
    // What the database holds is not the grant: identity refuses it, as it refuses the grant's id with any guess.
    expect(sealed.startsWith(started)).toBe(false);
    expect(errorCode(await asPeer(stack.identityUrl, EXCHANGE, { i: { grant: sealed } }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await asPeer(stack.identityUrl, EXCHANGE, { i: { grant: `${started}.${sealed}` } }))).toBe('UNAUTHENTICATED');
    expect((await identityGrantRow(started))?.ended_at).toBeNull();

    ok(await gql(`mutation($i: CancelImportInput!) { cancelImport(input: $i) { import { status } } }`, { i: { importId: started } }, a.token));
    const [after] = (await stack.import.runtime.dataSource.query(`SELECT acting_grant FROM import_jobs WHERE id = $1`, [started])) as {
      acting_grant: string | null;
    }[];
    expect(after!.acting_grant).toBeNull();
    // Identity hears the import ended and ends the grant.
    await eventually(async () => expect((await identityGrantRow(started))?.ended_at).toBeInstanceOf(Date), { timeoutMs: 30_000 });
  });
});
