import { eventually, graphql } from '@kz/testing';
import { Stack } from './support/stack';

const stack = new Stack();
beforeAll(() => stack.start());
afterAll(() => stack.stop());

const gql = (query: string, variables: Record<string, unknown>, token?: string) => graphql(stack.gatewayUrl, query, variables, token);

describe('the first slice, through the gateway', () => {
  it('signs in, creates an organisation and a group, adds a member by phone, and they chat', async () => {
    const admin = await stack.signIn('+14155550501', 'Asha Admin');
    const member = await stack.signIn('+14155550502', 'Ben Member');
    const outsider = await stack.signIn('+14155550503', 'Omar Outsider');

    const me = await gql(`{ me { displayName phone } }`, {}, admin.token);
    expect(me.data!.me).toEqual({ displayName: 'Asha Admin', phone: '+14155550501' });

    const org = (await gql(`mutation { createOrganization(input: { name: "Contoso" }) { organization { id name } } }`, {}, admin.token)).data!
      .createOrganization.organization;

    // The groups service learns the organisation from identity's events.
    const group = await eventually(async () => {
      const res = await gql(
        `mutation($input: CreateGroupInput!) { createGroup(input: $input) { group { id name kind organization { id name } } } }`,
        { input: { name: 'Contoso – Sales', organizationId: org.id } },
        admin.token,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.createGroup.group;
    });
    expect(group).toMatchObject({ kind: 'ORGANIZATION', organization: { id: org.id, name: 'Contoso' } });

    const added = await gql(
      `mutation($input: AddGroupMembersInput!) { addGroupMembers(input: $input) { outcomes { status } group { memberCount } } }`,
      { input: { groupId: group.id, members: [{ phone: '+1 415 555 0502' }] } },
      admin.token,
    );
    expect(['ADDED', 'PENDING']).toContain(added.data!.addGroupMembers.outcomes[0].status);

    // Messaging learns the membership from the groups service's events.
    const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id text author { id displayName } } } }`;
    const sent = await eventually(async () => {
      const res = await gql(SEND, { input: { groupId: group.id, text: 'Hello from the field' } }, member.token);
      expect(res.errors).toBeUndefined();
      return res.data!.sendMessage.message;
    });
    expect(sent).toMatchObject({ text: 'Hello from the field', author: { id: member.userId, displayName: 'Ben Member' } });
    await eventually(async () => expect((await gql(SEND, { input: { groupId: group.id, text: 'Welcome, Ben' } }, admin.token)).errors).toBeUndefined());

    const HISTORY = `query($id: ID!) { group(id: $id) { name memberCount members(first: 10) { edges { node { role user { id displayName } } } }
      messages(last: 50) { edges { node { kind text author { displayName } } } } } }`;
    const history = await gql(HISTORY, { id: group.id }, admin.token);
    expect(history.errors).toBeUndefined();
    expect(history.data!.group.memberCount).toBe(2);
    expect(history.data!.group.members.edges.map((e: any) => [e.node.role, e.node.user.displayName])).toEqual([
      ['OWNER', 'Asha Admin'],
      ['MEMBER', 'Ben Member'],
    ]);
    // The history tells who created the group and who came in (an entry each), besides the conversation.
    const edges = history.data!.group.messages.edges as any[];
    expect(edges.filter((e) => e.node.kind === 'SYSTEM')).toHaveLength(2);
    expect(edges.filter((e) => e.node.kind !== 'SYSTEM').map((e) => `${e.node.author.displayName}: ${e.node.text}`)).toEqual([
      'Ben Member: Hello from the field',
      'Asha Admin: Welcome, Ben',
    ]);

    // Outsiders learn nothing: the group, its history and posting are all NOT_FOUND.
    const peek = await gql(HISTORY, { id: group.id }, outsider.token);
    expect(peek.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(peek.data?.group ?? null).toBeNull();
    const post = await gql(SEND, { input: { groupId: group.id, text: 'hi?' } }, outsider.token);
    expect(post.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const foreignOrg = await gql(`query($id: ID!) { organization(id: $id) { name } }`, { id: org.id }, outsider.token);
    expect(foreignOrg.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const unknown = await gql(`query { group(id: "00000000-0000-7000-8000-000000000000") { name } }`, {}, admin.token);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses calls without a valid token with UNAUTHENTICATED and no data', async () => {
    const anon = await gql(`mutation { createGroup(input: { name: "x" }) { group { id } } }`, {});
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await gql(`{ me { id } }`, {}, 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4In0.');
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(forged.data ?? null).toBeNull();
  });

  it('answers bad input with BAD_USER_INPUT and a message a person can act on', async () => {
    const user = await stack.signIn('+14155550504', 'Dee');
    const badPhone = await gql(`mutation { requestSignInCode(input: { phone: "12" }) { expiresInSeconds } }`, {});
    expect(badPhone.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badPhone.errors?.[0]?.message).toMatch(/phone number/);
    const longText = await gql(
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`,
      { input: { groupId: '00000000-0000-7000-8000-000000000000', text: 'x'.repeat(4_001) } },
      user.token,
    );
    expect(longText.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'text' }, message: expect.stringMatching(/4,000/) });
  });
});
