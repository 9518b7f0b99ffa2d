import { SUBGRAPH_SECRET_HEADER } from '@kz/server';
import { Client } from 'pg';
import { importJWK, SignJWT, type JWK } from 'jose';
import { eventually, graphql, testDatabaseUrl, TestTokenIssuer } from '@kz/testing';
import { Stack } from './support/stack';

const stack = new Stack();
beforeAll(() => stack.start());
afterAll(() => stack.stop());

const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(stack.gatewayUrl, query, variables, token);
const code = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

const SIGN_IN = `mutation($p: PhoneNumber!, $c: String!) { signIn(input: { phone: $p, code: $c }) { accessToken refreshToken user { id } } }`;
const REFRESH = `mutation($t: String!) { refreshSession(input: { refreshToken: $t }) { accessToken refreshToken user { id phone } } }`;

async function requestCode(phone: string): Promise<string> {
  await gql(`mutation($p: PhoneNumber!) { requestSignInCode(input: { phone: $p }) { expiresInSeconds } }`, { p: phone });
  const sms = (await (await fetch(`${stack.identityUrl}/dev/sms?phone=${encodeURIComponent(phone)}`)).json()) as { body: string };
  return /(\d{6})/.exec(sms.body)![1]!;
}

async function createOrg(token: string, name: string): Promise<string> {
  const res = await gql(`mutation($n: String!) { createOrganization(input: { name: $n }) { organization { id } } }`, { n: name }, token);
  return res.data!.createOrganization.organization.id;
}

describe('sessions', () => {
  it('signs in, refreshes with rotation, and revokes the whole family when an old refresh token is reused', async () => {
    const phone = '+14155550801';
    const signedIn = (await gql(SIGN_IN, { p: phone, c: await requestCode(phone) })).data!.signIn;
    expect(signedIn.refreshToken).toEqual(expect.any(String));

    const first = await gql(REFRESH, { t: signedIn.refreshToken });
    expect(first.errors).toBeUndefined();
    expect(first.data!.refreshSession.user).toEqual({ id: signedIn.user.id, phone });
    const me = await gql(`{ me { id } }`, {}, first.data!.refreshSession.accessToken);
    expect(me.data!.me.id).toBe(signedIn.user.id);

    const reused = await gql(REFRESH, { t: signedIn.refreshToken });
    expect(code(reused)).toBe('UNAUTHENTICATED');
    expect(reused.errors![0]!.message).toMatch(/already used/);
    // The thief's reuse also kills the legitimate successor.
    expect(code(await gql(REFRESH, { t: first.data!.refreshSession.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('signs out one session or all of them', async () => {
    const phone = '+14155550802';
    const a = (await gql(SIGN_IN, { p: phone, c: await requestCode(phone) })).data!.signIn;
    const out = await gql(`mutation($t: String) { signOut(input: { refreshToken: $t }) { signedOut } }`, { t: a.refreshToken }, a.accessToken);
    expect(out.data!.signOut.signedOut).toBe(true);
    expect(code(await gql(REFRESH, { t: a.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('stops brute-forcing a code after five wrong guesses', async () => {
    const phone = '+14155550803';
    const right = await requestCode(phone);
    const wrong = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) expect(code(await gql(SIGN_IN, { p: phone, c: wrong }))).toBe('UNAUTHENTICATED');
    expect(code(await gql(SIGN_IN, { p: phone, c: right }))).toBe('UNAUTHENTICATED');
  });
});

describe('token checks at the gateway and at each subgraph', () => {
  async function identityKey(): Promise<{ kid: string; key: Awaited<ReturnType<typeof importJWK>> }> {
    const db = new Client({ connectionString: testDatabaseUrl(stack.namespace, 'identity') });
    await db.connect();
    const { rows } = await db.query<{ kid: string; private_jwk: JWK }>(`SELECT kid, private_jwk FROM signing_keys WHERE retired_at IS NULL`);
    await db.end();
    return { kid: rows[0]!.kid, key: await importJWK(rows[0]!.private_jwk, 'ES256') };
  }

  it('refuses forged, unsigned, expired and wrong-audience tokens', async () => {
    const user = await stack.signIn('+14155550804', 'Real');
    const { kid, key } = await identityKey();
    const claims = { kind: 'user', phone: '+14155550804' };
    const sign = (jwt: SignJWT) => jwt.setProtectedHeader({ alg: 'ES256', kid }).setSubject(user.userId).setIssuer('kz-identity').sign(key);
    const expired = await sign(
      new SignJWT(claims)
        .setAudience('kz-api')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60),
    );
    const wrongAudience = await sign(new SignJWT(claims).setAudience('another-api').setIssuedAt().setExpirationTime('5m'));
    const stranger = new TestTokenIssuer();
    await stranger.start();
    const forged = await stranger.token(user.userId, '+14155550804');
    await stranger.stop();
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(
      JSON.stringify({
        ...claims,
        sub: user.userId,
        iss: 'kz-identity',
        aud: 'kz-api',
        exp: Math.floor(Date.now() / 1000) + 300,
        iat: Math.floor(Date.now() / 1000),
      }),
    ).toString('base64url')}.`;

    // A subgraph checks tokens too, whoever passes them on: asked as a peer (with the subgraph secret) it refuses alike.
    const groupsUrl = `${stack.groupsUrl}/graphql`;
    const asPeer = { [SUBGRAPH_SECRET_HEADER]: stack.subgraphSecret };
    for (const token of [forged, unsigned, expired, wrongAudience]) {
      for (const url of [stack.gatewayUrl, groupsUrl]) {
        const res = await graphql(
          url,
          `
            {
              myGroups {
                edges {
                  cursor
                }
              }
            }
          `,
          {},
          token,
          asPeer,
        );
        expect(res.status).toBe(401);
        expect(code(res)).toBe('UNAUTHENTICATED');
        expect(res.data ?? null).toBeNull();
      }
    }
    expect(
      (
        await graphql(
          groupsUrl,
          `
            {
              myGroups {
                edges {
                  cursor
                }
              }
            }
          `,
          {},
          user.token,
          asPeer,
        )
      ).errors,
    ).toBeUndefined();
  });

  it('keeps tokens signed with the previous key valid after a key rotation', async () => {
    const kidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid as string;
    const user = await stack.signIn('+14155550805', 'Rotating');
    const next = await stack.identity.services.keys.rotate();
    const published = (await (await fetch(`${stack.identityUrl}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    expect(published.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([next.kid, kidOf(user.token)]));
    // Until the new key activates, tokens are still signed with the old one.
    let refreshToken = user.refreshToken;
    const fresh = await eventually(
      async () => {
        const refreshed = (await gql(REFRESH, { t: refreshToken })).data!.refreshSession;
        refreshToken = refreshed.refreshToken;
        expect(kidOf(refreshed.accessToken)).toBe(next.kid);
        return { token: refreshed.accessToken as string };
      },
      { timeoutMs: 15_000, intervalMs: 1_000 },
    );
    for (const token of [user.token, fresh.token]) {
      const res = await gql(`{ me { id } myGroups { edges { cursor } } }`, {}, token);
      expect(res.errors).toBeUndefined();
    }
  });
});

describe('organisations, directory and attributes', () => {
  it("shows the signed-in person their organisations with names, roles and networks (the web app's viewer query)", async () => {
    const person = await stack.signIn('+14155550870', 'Vera Viewer');
    const first = await createOrg(person.token, 'Viewer One');
    const second = await createOrg(person.token, 'Viewer Two');
    const res = await gql(`{ me { id displayName organizations { role network organization { id name } } } }`, {}, person.token);
    expect(res.errors).toBeUndefined();
    const organizations = res.data!.me.organizations as { role: string; network: string; organization: { id: string; name: string } }[];
    expect(organizations.map((o) => o.organization).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { id: first, name: 'Viewer One' },
      { id: second, name: 'Viewer Two' },
    ]);
    expect(organizations.every((o) => o.role === 'ADMIN' && o.network === 'EMPLOYEE')).toBe(true);
  });

  it('lets admins rename, promote, move between networks and remove, but never remove the last admin', async () => {
    const admin = await stack.signIn('+14155550810', 'Ada Admin');
    const orgId = await createOrg(admin.token, 'Contoso');
    const added = await gql(
      `mutation($i: AddDirectoryMemberInput!) { addDirectoryMember(input: $i) { member { user { id } displayName phone role network } } }`,
      { i: { organizationId: orgId, phone: '+1 415 555 0811', displayName: 'Bo Worker', network: 'EMPLOYEE' } },
      admin.token,
    );
    expect(added.errors).toBeUndefined();
    const bo = added.data!.addDirectoryMember.member;
    expect(bo).toMatchObject({ displayName: 'Bo Worker', phone: '+14155550811', role: 'MEMBER', network: 'EMPLOYEE' });

    const renamed = await gql(
      `mutation($i: RenameOrganizationInput!) { renameOrganization(input: $i) { organization { name } } }`,
      { i: { organizationId: orgId, name: 'Contoso Ltd' } },
      admin.token,
    );
    expect(renamed.data!.renameOrganization.organization.name).toBe('Contoso Ltd');

    const demoteSelf = await gql(
      `mutation($i: SetOrganizationRoleInput!) { setOrganizationRole(input: $i) { member { role } } }`,
      { i: { organizationId: orgId, userId: admin.userId, role: 'MEMBER' } },
      admin.token,
    );
    expect(code(demoteSelf)).toBe('CONFLICT');
    expect(demoteSelf.errors![0]!.message).toMatch(/at least one admin/);
    const removeSelf = await gql(
      `mutation($i: RemoveOrganizationMemberInput!) { removeOrganizationMember(input: $i) { removed } }`,
      { i: { organizationId: orgId, userId: admin.userId } },
      admin.token,
    );
    expect(code(removeSelf)).toBe('CONFLICT');

    const moved = await gql(
      `mutation($i: SetMemberNetworkInput!) { setMemberNetwork(input: $i) { member { network } } }`,
      { i: { organizationId: orgId, userId: bo.user.id, network: 'OTHER' } },
      admin.token,
    );
    expect(moved.data!.setMemberNetwork.member.network).toBe('OTHER');

    // Bo signs in for the first time: the directory's user record becomes theirs, and a member cannot administer.
    const boSession = await stack.signIn('+14155550811', 'ignored');
    expect(boSession.userId).toBe(bo.user.id);
    const boTries = await gql(
      `mutation($i: RenameOrganizationInput!) { renameOrganization(input: $i) { organization { name } } }`,
      { i: { organizationId: orgId, name: 'Mine' } },
      boSession.token,
    );
    expect(code(boTries)).toBe('FORBIDDEN');
  });

  it('removing someone from the organisation ends their membership of its groups', async () => {
    const admin = await stack.signIn('+14155550820', 'Org Admin');
    const worker = await stack.signIn('+14155550821', 'Leaving Worker');
    const orgId = await createOrg(admin.token, 'Fabrikam');
    await gql(
      `mutation($i: AddDirectoryMemberInput!) { addDirectoryMember(input: $i) { member { role } } }`,
      { i: { organizationId: orgId, phone: '+14155550821', displayName: 'Leaving Worker' } },
      admin.token,
    );
    const group = await eventually(async () => {
      const res = await gql(
        `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
        { i: { name: 'Floor', organizationId: orgId } },
        admin.token,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.createGroup.group;
    });
    await gql(
      `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId: group.id, members: [{ phone: '+14155550821' }] } },
      admin.token,
    );
    const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;
    await eventually(async () => expect((await gql(SEND, { i: { groupId: group.id, text: 'on shift' } }, worker.token)).errors).toBeUndefined());

    const removed = await gql(
      `mutation($i: RemoveOrganizationMemberInput!) { removeOrganizationMember(input: $i) { removed } }`,
      { i: { organizationId: orgId, userId: worker.userId } },
      admin.token,
    );
    expect(removed.data!.removeOrganizationMember.removed).toBe(true);
    await eventually(async () => {
      expect(code(await gql(SEND, { i: { groupId: group.id, text: 'still here?' } }, worker.token))).toBe('NOT_FOUND');
      expect(code(await gql(`query($id: ID!) { group(id: $id) { name } }`, { id: group.id }, worker.token))).toBe('NOT_FOUND');
    });
    const count = await gql(`query($id: ID!) { group(id: $id) { memberCount } }`, { id: group.id }, admin.token);
    expect(count.data!.group.memberCount).toBe(1);
  });

  it('validates attribute values and names the field at fault', async () => {
    const admin = await stack.signIn('+14155550830', 'Attr Admin');
    const orgId = await createOrg(admin.token, 'Northwind');
    const DEFINE = `mutation($i: DefineUserAttributeInput!) { defineUserAttribute(input: $i) { definition { name type mandatory } } }`;
    expect((await gql(DEFINE, { i: { organizationId: orgId, name: 'Employee ID', type: 'STRING', mandatory: true } }, admin.token)).errors).toBeUndefined();
    expect((await gql(DEFINE, { i: { organizationId: orgId, name: 'Grade', type: 'NUMBER' } }, admin.token)).errors).toBeUndefined();
    const ADD = `mutation($i: AddDirectoryMemberInput!) { addDirectoryMember(input: $i) { member { attributes { name value } } } }`;
    const base = { organizationId: orgId, phone: '+14155550831', displayName: 'Cy' };

    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, phone: 'not-a-number' }, 'phone'],
      [
        {
          ...base,
          attributes: [
            { name: 'Employee ID', value: 'E1' },
            { name: 'Shoe size', value: '9' },
          ],
        },
        'attributes.Shoe size',
      ],
      [
        {
          ...base,
          attributes: [
            { name: 'Employee ID', value: 'E1' },
            { name: 'Grade', value: 'senior' },
          ],
        },
        'attributes.Grade',
      ],
      [{ ...base, attributes: [{ name: 'Grade', value: '3' }] }, 'attributes.Employee ID'],
      [{ ...base, displayName: ' ' }, 'displayName'],
    ];
    for (const [input, field] of cases) {
      const res = await gql(ADD, { i: input }, admin.token);
      expect(res.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(res.errors?.[0]?.message.length).toBeGreaterThan(10);
    }
    const ok = await gql(
      ADD,
      {
        i: {
          ...base,
          attributes: [
            { name: 'employee id', value: 'E1' },
            { name: 'Grade', value: '3' },
          ],
        },
      },
      admin.token,
    );
    expect(ok.data!.addDirectoryMember.member.attributes).toEqual([
      { name: 'Employee ID', value: 'E1' },
      { name: 'Grade', value: '3' },
    ]);
    const suggested = await gql(`{ suggestedUserAttributes { name type } }`, {}, admin.token);
    expect(suggested.data!.suggestedUserAttributes.map((a: any) => a.name)).toEqual(['Employee ID', 'Job title', 'Manager', 'Department', 'Location']);
  });

  it('lists and searches the directory with keyset pages and a network filter', async () => {
    const admin = await stack.signIn('+14155550840', 'Dir Admin');
    const orgId = await createOrg(admin.token, 'Tailspin');
    const people = [
      ['+14155550841', 'Alice Arrow', 'EMPLOYEE'],
      ['+14155550842', 'Albert Ames', 'OTHER'],
      ['+14155550843', 'Bea Bloom', 'EMPLOYEE'],
      ['+14155550844', 'alina 50%_off', 'EMPLOYEE'],
    ];
    for (const [phone, displayName, network] of people) {
      const res = await gql(
        `mutation($i: AddDirectoryMemberInput!) { addDirectoryMember(input: $i) { member { role } } }`,
        { i: { organizationId: orgId, phone, displayName, network } },
        admin.token,
      );
      expect(res.errors).toBeUndefined();
    }
    const DIR = `query($id: ID!, $after: String, $search: String, $network: Network) { organization(id: $id) {
      directory(first: 2, after: $after, search: $search, network: $network) { edges { node { displayName network } } pageInfo { hasNextPage endCursor } } } }`;
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await gql(DIR, { id: orgId, after }, admin.token);
      const page = res.data.organization.directory;
      names.push(...page.edges.map((e: any) => e.node.displayName));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(names).toEqual(['Albert Ames', 'Alice Arrow', 'alina 50%_off', 'Bea Bloom', 'Dir Admin']);
    const al = await gql(DIR, { id: orgId, search: 'al' }, admin.token);
    expect(al.data!.organization.directory.edges.map((e: any) => e.node.displayName)).toEqual(['Albert Ames', 'Alice Arrow']);
    const employeesAl = await gql(DIR, { id: orgId, search: 'AL', network: 'EMPLOYEE' }, admin.token);
    expect(employeesAl.data!.organization.directory.edges.map((e: any) => e.node.displayName)).toEqual(['Alice Arrow', 'alina 50%_off']);
    const byPhone = await gql(DIR, { id: orgId, search: '+1415555084' }, admin.token);
    expect(byPhone.data!.organization.directory.edges).toHaveLength(2);
    const literal = await gql(DIR, { id: orgId, search: 'alina 50%' }, admin.token);
    expect(literal.data!.organization.directory.edges.map((e: any) => e.node.displayName)).toEqual(['alina 50%_off']);
  });
});

describe('tenancy and connectors', () => {
  it('shows an admin of one organisation nothing of another', async () => {
    const a = await stack.signIn('+14155550850', 'Admin A');
    const b = await stack.signIn('+14155550851', 'Admin B');
    const orgA = await createOrg(a.token, 'Org A');
    const orgB = await createOrg(b.token, 'Org B');
    const groupB = await eventually(async () => {
      const res = await gql(
        `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
        { i: { name: 'B only', organizationId: orgB } },
        b.token,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.createGroup.group.id as string;
    });
    const attempts = [
      gql(`query($id: ID!) { organization(id: $id) { name } }`, { id: orgB }, a.token),
      gql(`query($id: ID!) { organization(id: $id) { directory { edges { cursor } } } }`, { id: orgB }, a.token),
      gql(`query($id: ID!) { group(id: $id) { name } }`, { id: groupB }, a.token),
      gql(
        `mutation($i: AddDirectoryMemberInput!) { addDirectoryMember(input: $i) { member { role } } }`,
        { i: { organizationId: orgB, phone: '+14155550859', displayName: 'X' } },
        a.token,
      ),
      gql(
        `mutation($i: RegisterConnectorInput!) { registerConnector(input: $i) { clientSecret } }`,
        { i: { organizationId: orgB, name: 'X', permissions: ['GROUP_INFO'] } },
        a.token,
      ),
      gql(
        `mutation($i: RenameOrganizationInput!) { renameOrganization(input: $i) { organization { name } } }`,
        { i: { organizationId: orgB, name: 'Mine' } },
        a.token,
      ),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(code(res)).toBe('NOT_FOUND');
      expect(JSON.stringify(res.data ?? {})).not.toMatch(/Org B|B only/);
    }
    expect((await gql(`query($id: ID!) { organization(id: $id) { name } }`, { id: orgA }, a.token)).data!.organization.name).toBe('Org A');
  });

  it('limits the requests of each connector, answering 429 with Retry-After past the limit, and never limits people', async () => {
    const admin = await stack.signIn('+14155550870', 'Limit Admin');
    const orgId = await createOrg(admin.token, 'Rate limited');
    const token = await stack.connectorToken(admin.token, orgId, 'Chatty sync', ['ORGANIZATION_DATA']);

    const gateway = stack.newGateway({ CONNECTOR_RATE_LIMIT_REQUESTS: '3', CONNECTOR_RATE_LIMIT_WINDOW_SECONDS: '3600' });
    const url = `${await gateway.start()}/graphql`;
    try {
      const ask = (who: string) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${who}` },
          body: JSON.stringify({ query: `query($id: ID!) { organization(id: $id) { name } }`, variables: { id: orgId } }),
        });
      for (let i = 0; i < 3; i++) expect((await ask(token)).status).toBe(200);
      const refused = await ask(token);
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(3600);
      const body = (await refused.json()) as { data?: unknown; errors: { message: string; extensions: { code: string; retryAfter: number } }[] };
      expect(body.data).toBeUndefined();
      expect(body.errors[0]!.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter });
      expect(body.errors[0]!.message).toMatch(/try again in \d+ s/);
      // The organisation's people are not held back by their connector.
      for (let i = 0; i < 5; i++) expect((await ask(admin.token)).status).toBe(200);
    } finally {
      await gateway.stop();
    }
  });

  it('gives a connector exactly the permissions it was granted, for its own organisation only', async () => {
    const admin = await stack.signIn('+14155550860', 'Conn Admin');
    const member = await stack.signIn('+14155550861', 'Conn Member');
    const orgId = await createOrg(admin.token, 'Partnered');
    const otherOrg = await createOrg(member.token, 'Elsewhere');
    const group = await eventually(async () => {
      const res = await gql(
        `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
        { i: { name: 'Shared with partner', organizationId: orgId } },
        admin.token,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.createGroup.group.id as string;
    });
    const registered = await gql(
      `mutation($i: RegisterConnectorInput!) { registerConnector(input: $i) { clientSecret connector { id clientId permissions } } }`,
      { i: { organizationId: orgId, name: 'HR system', permissions: ['GROUP_INFO', 'ORGANIZATION_DATA'] } },
      admin.token,
    );
    expect(registered.errors).toBeUndefined();
    const { clientSecret, connector } = registered.data!.registerConnector;
    expect(connector.permissions).toEqual(['GROUP_INFO', 'ORGANIZATION_DATA']);
    const TOKEN = `mutation($i: IssueConnectorTokenInput!) { issueConnectorToken(input: $i) { accessToken expiresInSeconds } }`;
    const issued = await gql(TOKEN, { i: { clientId: connector.clientId, clientSecret } });
    const token = issued.data!.issueConnectorToken.accessToken as string;

    // Allowed: the organisation, its directory, its groups.
    const org = await gql(
      `query($id: ID!) { organization(id: $id) { name directory { edges { node { displayName phone } } } groups { edges { node { id name } } } } }`,
      { id: orgId },
      token,
    );
    expect(org.errors).toBeUndefined();
    expect(org.data!.organization.name).toBe('Partnered');
    expect(org.data!.organization.directory.edges.map((e: any) => e.node.displayName)).toEqual(['Conn Admin']);
    await eventually(async () => {
      const groups = await gql(`query($id: ID!) { organization(id: $id) { groups { edges { node { id } } } } }`, { id: orgId }, token);
      expect(groups.data!.organization.groups.edges.map((e: any) => e.node.id)).toEqual([group]);
    });
    expect((await gql(`query($id: ID!) { group(id: $id) { name memberCount } }`, { id: group }, token)).data!.group).toEqual({
      name: 'Shared with partner',
      memberCount: 1,
    });

    // Not granted: member lists, messages, any change; nothing of another organisation.
    expect(code(await gql(`query($id: ID!) { group(id: $id) { members { edges { cursor } } } }`, { id: group }, token))).toBe('FORBIDDEN');
    expect(code(await gql(`query($id: ID!) { group(id: $id) { messages(last: 5) { edges { cursor } } } }`, { id: group }, token))).toBe('FORBIDDEN');
    expect(code(await gql(`mutation { createGroup(input: { name: "by connector" }) { group { id } } }`, {}, token))).toBe('FORBIDDEN');
    expect(code(await gql(`mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`, { i: { groupId: group, text: 'hi' } }, token))).toBe(
      'FORBIDDEN',
    );
    expect(
      code(
        await gql(
          `mutation($i: RenameOrganizationInput!) { renameOrganization(input: $i) { organization { name } } }`,
          { i: { organizationId: orgId, name: 'x' } },
          token,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(code(await gql(`query($id: ID!) { organization(id: $id) { name } }`, { id: otherOrg }, token))).toBe('NOT_FOUND');
    expect((await gql(`{ me { id } }`, {}, token)).data!.me).toBeNull();

    // A rotated secret replaces the old one; a revoked connector gets no tokens.
    const rotated = await gql(
      `mutation($i: ConnectorInput!) { rotateConnectorSecret(input: $i) { clientSecret } }`,
      { i: { connectorId: connector.id } },
      admin.token,
    );
    const newSecret = rotated.data!.rotateConnectorSecret.clientSecret;
    expect(code(await gql(TOKEN, { i: { clientId: connector.clientId, clientSecret } }))).toBe('UNAUTHENTICATED');
    expect((await gql(TOKEN, { i: { clientId: connector.clientId, clientSecret: newSecret } })).errors).toBeUndefined();
    const revoked = await gql(
      `mutation($i: ConnectorInput!) { revokeConnector(input: $i) { connector { revokedAt } } }`,
      { i: { connectorId: connector.id } },
      admin.token,
    );
    expect(revoked.data!.revokeConnector.connector.revokedAt).toEqual(expect.any(String));
    expect(code(await gql(TOKEN, { i: { clientId: connector.clientId, clientSecret: newSecret } }))).toBe('UNAUTHENTICATED');
    expect(
      code(await gql(`mutation($i: ConnectorInput!) { revokeConnector(input: $i) { connector { id } } }`, { i: { connectorId: connector.id } }, member.token)),
    ).toBe('NOT_FOUND');
  });
});
