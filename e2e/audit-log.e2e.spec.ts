import { eventually, graphql, WebhookReceiver } from '@kz/testing';
import { errorCode, specStack } from './support/spec-stack';

const { stack, gql } = specStack();
const receiver = new WebhookReceiver();
beforeAll(() => receiver.start());
afterAll(() => receiver.stop());

const ok = <T extends { errors?: unknown; data?: any }>(res: T) => {
  expect(res.errors).toBeUndefined();
  return res.data!;
};

/** A client behind a proxy the gateway trusts (the tests' loopback) says where it is. */
const CLIENT_ADDRESS = '203.0.113.7';
const fromClient = (query: string, variables: Record<string, unknown>, token: string) =>
  graphql(stack.gatewayUrl, query, variables, token, { 'x-forwarded-for': CLIENT_ADDRESS });

const LOG = `query($o: ID!, $f: AuditLogFilter, $first: Int, $after: String) {
  organization(id: $o) { auditLog(first: $first, after: $after, filter: $f) {
    edges { cursor node { sequence action actorKind actorId actorName via clientAddress targetType targetId targetName before after count hash occurredAt } }
    pageInfo { hasNextPage endCursor } } } }`;
const INTEGRITY = `query($o: ID!) { organization(id: $o) { auditLogIntegrity { intact entries headHash brokenAt problem } } }`;

type Entry = {
  sequence: string;
  action: string;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  via: string | null;
  clientAddress: string | null;
  targetType: string;
  targetId: string;
  before: string | null;
  after: string | null;
  count: number | null;
  hash: string;
};

async function entries(token: string, orgId: string, filter: Record<string, unknown> = {}): Promise<Entry[]> {
  const page = ok(await gql(LOG, { o: orgId, f: filter, first: 200 }, token)).organization.auditLog;
  return page.edges.map((e: { node: Entry }) => e.node);
}

const identityDb = () => stack.identity.runtime.dataSource;

describe("the organisation's audit log", () => {
  it("records every service's administrative actions once, with actor, address, target and change, for admins to filter, page, download and check", async () => {
    const admin = await stack.signIn('+14155554101', 'Ada Admin');
    const member = await stack.signIn('+14155554102', 'Mo Member');
    const orgId = ok(await fromClient(`mutation { createOrganization(input: { name: "Ledger Ltd" }) { organization { id } } }`, {}, admin.token))
      .createOrganization.organization.id as string;
    ok(
      await fromClient(
        `mutation($i: RenameOrganizationInput!) { renameOrganization(input: $i) { organization { name } } }`,
        { i: { organizationId: orgId, name: 'Ledger Limited' } },
        admin.token,
      ),
    );
    ok(
      await gql(
        `mutation($i: DefineUserAttributeInput!) { defineUserAttribute(input: $i) { definition { name } } }`,
        { i: { organizationId: orgId, name: 'Cost centre', type: 'STRING', mandatory: false } },
        admin.token,
      ),
    );
    ok(
      await gql(
        `mutation($i: AddDirectoryMemberInput!) { addDirectoryMember(input: $i) { member { role } } }`,
        { i: { organizationId: orgId, phone: '+14155554102', displayName: 'Mo Member', network: 'EMPLOYEE' } },
        admin.token,
      ),
    );
    ok(
      await gql(
        `mutation($i: SetMemberAttributesInput!) { setMemberAttributes(input: $i) { member { role } } }`,
        { i: { organizationId: orgId, userId: member.userId, attributes: [{ name: 'Cost centre', value: 'CC-7' }] } },
        admin.token,
      ),
    );
    ok(
      await gql(
        `mutation($i: SetOrganizationRoleInput!) { setOrganizationRole(input: $i) { member { role } } }`,
        { i: { organizationId: orgId, userId: member.userId, role: 'ADMIN' } },
        admin.token,
      ),
    );
    const imported = ok(
      await gql(
        `mutation($i: ImportDirectoryMembersInput!) { importDirectoryMembers(input: $i) { outcomes { status } } }`,
        {
          i: {
            organizationId: orgId,
            members: [1, 2, 3].map((n) => ({ phone: `+1415555420${n}`, displayName: `Bulk ${n}`, network: 'OTHER' })),
          },
        },
        admin.token,
      ),
    ).importDirectoryMembers.outcomes;
    expect(imported.map((o: { status: string }) => o.status)).toEqual(['CREATED', 'CREATED', 'CREATED']);
    const connector = ok(
      await gql(
        `mutation($i: RegisterConnectorInput!) { registerConnector(input: $i) { connector { id } } }`,
        { i: { organizationId: orgId, name: 'HR sync', permissions: ['ORGANIZATION_DATA'] } },
        admin.token,
      ),
    ).registerConnector.connector.id as string;
    ok(await gql(`mutation($i: ConnectorInput!) { rotateConnectorSecret(input: $i) { clientSecret } }`, { i: { connectorId: connector } }, admin.token));
    ok(await gql(`mutation($i: ConnectorInput!) { revokeConnector(input: $i) { connector { id } } }`, { i: { connectorId: connector } }, admin.token));

    // Groups: one entry for a bulk add, however many it adds.
    const groupId = await eventually(
      async () =>
        ok(
          await gql(
            `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
            { i: { name: 'Finance', organizationId: orgId } },
            admin.token,
          ),
        ).createGroup.group.id as string,
    );
    ok(
      await gql(
        `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
        { i: { groupId, members: [1, 2, 3].map((n) => ({ phone: `+1415555420${n}` })) } },
        admin.token,
      ),
    );
    // Imports: started and cancelled.
    const importId = ok(
      await gql(
        `mutation($i: StartImportInput!) { startImport(input: $i) { import { id } } }`,
        { i: { organizationId: orgId, groupIds: [groupId], defaultCountry: 'US' } },
        admin.token,
      ),
    ).startImport.import.id as string;
    ok(await gql(`mutation($i: CancelImportInput!) { cancelImport(input: $i) { import { status } } }`, { i: { importId } }, admin.token));
    // Webhooks: an endpoint registered (once the webhooks service knows the admin) and paused.
    const endpoint = await eventually(
      async () =>
        ok(
          await gql(
            `mutation($i: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $i) { endpoint { id } } }`,
            { i: { organizationId: orgId, url: receiver.url('/audit'), eventTypes: ['GROUP_CREATED'] } },
            admin.token,
          ),
        ).registerWebhookEndpoint.endpoint.id as string,
    );
    ok(await gql(`mutation($i: WebhookEndpointIdInput!) { pauseWebhookEndpoint(input: $i) { endpoint { status } } }`, { i: { id: endpoint } }, admin.token));
    // People: one removed by an admin, one who leaves.
    ok(
      await gql(
        `mutation($i: RemoveOrganizationMemberInput!) { removeOrganizationMember(input: $i) { removed } }`,
        { i: { organizationId: orgId, userId: await directoryId(admin.token, orgId, 'Bulk 1') } },
        admin.token,
      ),
    );
    ok(await gql(`mutation($i: LeaveOrganizationInput!) { leaveOrganization(input: $i) { left } }`, { i: { organizationId: orgId } }, member.token));
    // An admin's sign-in.
    await stack.signIn('+14155554101', 'Ada Admin');

    const expected = [
      'organization.created',
      'organization.renamed',
      'attribute.defined',
      'directory.member-added',
      'directory.attributes-changed',
      'organization.role-changed',
      'directory.imported',
      'connector.registered',
      'connector.secret-rotated',
      'connector.revoked',
      'group.created',
      'group.members-added',
      'import.started',
      'import.cancelled',
      'webhook-endpoint.registered',
      'webhook-endpoint.paused',
      'directory.member-removed',
      'organization.member-left',
      'admin.signed-in',
    ];
    const log = await eventually(
      async () => {
        const all = await entries(admin.token, orgId);
        expect(all.map((e) => e.action).sort()).toEqual([...expected].sort());
        return all;
      },
      { timeoutMs: 30_000 },
    );
    // Newest first, numbered 1… in the order recorded.
    expect(log.map((e) => Number(e.sequence))).toEqual(expected.map((_, i) => expected.length - i));
    const byAction = (action: string) => log.find((e) => e.action === action)!;
    expect(byAction('organization.created')).toMatchObject({
      actorKind: 'PERSON',
      actorId: admin.userId,
      actorName: 'Ada Admin',
      clientAddress: CLIENT_ADDRESS,
    });
    expect(byAction('organization.renamed')).toMatchObject({
      targetType: 'organization',
      targetId: orgId,
      before: JSON.stringify({ name: 'Ledger Ltd' }),
      after: JSON.stringify({ name: 'Ledger Limited' }),
      clientAddress: CLIENT_ADDRESS,
    });
    expect(byAction('organization.role-changed')).toMatchObject({ targetId: member.userId, before: '{"role":"MEMBER"}', after: '{"role":"ADMIN"}' });
    expect(JSON.parse(byAction('directory.attributes-changed').after!)).toEqual({ 'cost centre': 'CC-7' });
    expect(byAction('directory.imported')).toMatchObject({ count: 3 });
    expect(byAction('group.members-added')).toMatchObject({ targetType: 'group', targetId: groupId, count: 3 });
    expect(byAction('connector.revoked')).toMatchObject({ targetType: 'connector', targetId: connector });
    expect(byAction('import.started')).toMatchObject({ targetType: 'import', targetId: importId });
    expect(byAction('webhook-endpoint.paused')).toMatchObject({ targetId: endpoint, before: '{"status":"ACTIVE"}', after: '{"status":"PAUSED"}' });
    expect(byAction('organization.member-left')).toMatchObject({ actorId: member.userId, targetId: member.userId });
    // No entry repeats the secrets it is about.
    expect(JSON.stringify(log)).not.toMatch(/kzs_|whsec_/);

    // Filters: by actor, by the start of an action, by target, by time; and keyset pages.
    expect((await entries(admin.token, orgId, { actorId: member.userId })).map((e) => e.action)).toEqual(['organization.member-left']);
    expect((await entries(admin.token, orgId, { action: 'connector' })).map((e) => e.action)).toEqual([
      'connector.revoked',
      'connector.secret-rotated',
      'connector.registered',
    ]);
    expect((await entries(admin.token, orgId, { targetId: groupId })).map((e) => e.action)).toEqual(['group.members-added', 'group.created']);
    expect(await entries(admin.token, orgId, { to: '2000-01-01T00:00:00Z' })).toEqual([]);
    expect(errorCode(await gql(LOG, { o: orgId, f: { action: 'DROP TABLE' }, first: 5 }, admin.token))).toBe('BAD_USER_INPUT');
    const firstPage = ok(await gql(LOG, { o: orgId, first: 5 }, admin.token)).organization.auditLog;
    const secondPage = ok(await gql(LOG, { o: orgId, first: 5, after: firstPage.pageInfo.endCursor }, admin.token)).organization.auditLog;
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    expect(secondPage.edges.map((e: { node: Entry }) => e.node.sequence)).toEqual(log.slice(5, 10).map((e) => e.sequence));

    // Downloads, through the gateway, with the same filters.
    const base = stack.gatewayUrl.replace(/\/graphql$/, '');
    const csv = await fetch(`${base}/audit/${orgId}/entries.csv`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'sequence,occurred_at,action,actor_kind,actor_id,actor_name,via,client_address,target_type,target_id,target_name,count,before,after,hash',
    );
    expect(lines).toHaveLength(expected.length + 1);
    const jsonl = await fetch(`${base}/audit/${orgId}/entries.jsonl?action=connector`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(jsonl.status).toBe(200);
    const records = (await jsonl.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; sequence: string; hash: string });
    expect(records.map((r) => r.action)).toEqual(['connector.revoked', 'connector.secret-rotated', 'connector.registered']);
    expect(records[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    const stranger = await stack.signIn('+14155554103', 'Stan Stranger');
    expect((await fetch(`${base}/audit/${orgId}/entries.csv`, { headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);
    expect((await fetch(`${base}/audit/${orgId}/entries.csv`)).status).toBe(401);

    // Only admins read it, and connectors granted AUDIT_LOG (a SIEM); nothing in the API changes it.
    expect(errorCode(await gql(LOG, { o: orgId, first: 5 }, stranger.token))).toBe('NOT_FOUND');
    const siem = await stack.connectorToken(admin.token, orgId, 'SIEM', ['AUDIT_LOG']);
    const other = await stack.connectorToken(admin.token, orgId, 'Directory sync', ['ORGANIZATION_DATA']);
    expect(ok(await gql(LOG, { o: orgId, first: 200 }, siem)).organization.auditLog.edges.length).toBeGreaterThanOrEqual(expected.length);
    const siemFile = await fetch(`${base}/audit/${orgId}/entries.jsonl?action=connector`, { headers: { authorization: `Bearer ${siem}` } });
    expect(siemFile.status).toBe(200);
    const refusedConnector = await gql(LOG, { o: orgId, first: 5 }, other);
    expect(errorCode(refusedConnector)).toBe('FORBIDDEN');
    expect(refusedConnector.errors![0]!.message).toMatch(/AUDIT_LOG/);

    // The chain: intact, then broken by an entry changed in the database, then by one removed from its end.
    // The two connectors just registered are entries too, once identity has appended them.
    const total = expected.length + 2;
    const intact = await eventually(async () => {
      const check = ok(await gql(INTEGRITY, { o: orgId }, admin.token)).organization.auditLogIntegrity;
      expect(check).toMatchObject({ intact: true, entries: total, brokenAt: null });
      return check;
    });
    expect(intact.headHash).toMatch(/^[0-9a-f]{64}$/);
    await identityDb().query(`UPDATE audit_entries SET client_address = '198.51.100.1' WHERE org_id = $1 AND seq = 2`, [orgId]);
    expect(ok(await gql(INTEGRITY, { o: orgId }, admin.token)).organization.auditLogIntegrity).toMatchObject({ intact: false, entries: 1, brokenAt: '2' });
    await identityDb().query(`UPDATE audit_entries SET client_address = $2 WHERE org_id = $1 AND seq = 2`, [orgId, CLIENT_ADDRESS]);
    expect(ok(await gql(INTEGRITY, { o: orgId }, admin.token)).organization.auditLogIntegrity.intact).toBe(true);
    await identityDb().query(`DELETE FROM audit_entries WHERE org_id = $1 AND seq = $2`, [orgId, total]);
    const truncated = ok(await gql(INTEGRITY, { o: orgId }, admin.token)).organization.auditLogIntegrity;
    expect(truncated).toMatchObject({ intact: false, brokenAt: String(total) });
    expect(truncated.problem).toMatch(/recorded/);
  });
});

async function directoryId(token: string, orgId: string, name: string): Promise<string> {
  const res = ok(
    await gql(
      `query($o: ID!, $s: String) { organization(id: $o) { directory(first: 5, search: $s) { edges { node { user { id } } } } } }`,
      { o: orgId, s: name },
      token,
    ),
  );
  return res.organization.directory.edges[0].node.user.id as string;
}
