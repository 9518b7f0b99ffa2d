import { eventually, graphql, WebhookReceiver } from '@kz/testing';
import { Stack } from './support/stack';

const stack = new Stack();
const receiver = new WebhookReceiver();

beforeAll(async () => {
  await receiver.start();
  await stack.start();
});
afterAll(async () => {
  await stack.stop();
  await receiver.stop();
});

const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(stack.gatewayUrl, query, variables, token);

const REGISTER = `mutation ($i: RegisterWebhookEndpointInput!) {
  registerWebhookEndpoint(input: $i) { signingSecret endpoint { id status organization { id name } } }
}`;

describe('webhooks through the gateway', () => {
  it("an org admin's endpoint receives the organisation's changes and messages, signed; a connector with WEBHOOKS manages endpoints too", async () => {
    const admin = await stack.signIn('+14155557001', 'Wendy Admin');
    const member = await stack.signIn('+14155557002', 'Mo Member');
    const org = (await gql(`mutation { createOrganization(input: { name: "Hooked Ltd" }) { organization { id } } }`, {}, admin.token)).data!.createOrganization
      .organization;

    // The webhooks service learns who administers the organisation from identity's events.
    const registered = await eventually(async () => {
      const res = await gql(
        REGISTER,
        { i: { organizationId: org.id, url: receiver.url('/org'), eventTypes: ['GROUP_CREATED', 'MEMBER_ADDED', 'MESSAGE_SENT'], description: 'CRM sync' } },
        admin.token,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.registerWebhookEndpoint;
    });
    expect(registered.endpoint).toEqual({ id: expect.any(String), status: 'ACTIVE', organization: { id: org.id, name: 'Hooked Ltd' } });
    receiver.secrets.set('/org', [registered.signingSecret]);

    await stack.knownToGroups(member.userId);
    const group = await eventually(async () => {
      const res = await gql(
        `mutation ($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
        { i: { name: 'Hooked – Sales', organizationId: org.id } },
        admin.token,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.createGroup.group.id as string;
    });
    await gql(
      `mutation ($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId: group, members: [{ phone: '+14155557002' }] } },
      admin.token,
    );
    const sent = await eventually(async () => {
      const res = await gql(
        `mutation ($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`,
        { i: { groupId: group, text: 'Quarterly numbers are in' } },
        member.token,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.sendMessage.message.id as string;
    });

    await eventually(() =>
      expect(receiver.at('/org').map((r) => r.body.type)).toEqual(expect.arrayContaining(['group.created', 'member.added', 'message.sent'])),
    );
    for (const delivery of receiver.at('/org')) expect(delivery.verifiedWith).toEqual([registered.signingSecret]);
    const message = receiver.at('/org').find((r) => r.body.type === 'message.sent')!;
    expect(message.body).toMatchObject({
      organizationId: org.id,
      groupId: group,
      data: { message: { id: sent, authorId: member.userId, text: 'Quarterly numbers are in', kind: 'TEXT' } },
    });

    const partner = await stack.connectorToken(admin.token, org.id, 'Partner hooks', ['WEBHOOKS']);
    const byPartner = await gql(REGISTER, { i: { organizationId: org.id, url: receiver.url('/partner'), eventTypes: ['MESSAGE_DELETED'] } }, partner);
    expect(byPartner.errors).toBeUndefined();
    const listed = await gql(`query ($id: ID!) { organization(id: $id) { webhookEndpoints { description eventTypes } } }`, { id: org.id }, admin.token);
    expect(listed.data!.organization.webhookEndpoints).toEqual([
      { description: 'CRM sync', eventTypes: ['GROUP_CREATED', 'MEMBER_ADDED', 'MESSAGE_SENT'] },
      { description: '', eventTypes: ['MESSAGE_DELETED'] },
    ]);
    const asMember = await gql(REGISTER, { i: { organizationId: org.id, url: receiver.url('/member'), eventTypes: ['MESSAGE_SENT'] } }, member.token);
    expect(asMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("an endpoint answering 410 Gone is disabled at once, and the organisation's admins are told in their notifications", async () => {
    const admin = await stack.signIn('+14155557011', 'Greta Gone');
    const org = (await gql(`mutation { createOrganization(input: { name: "Gone Ltd" }) { organization { id } } }`, {}, admin.token)).data!.createOrganization
      .organization;
    receiver.script('/gone', { status: 410, body: 'unsubscribed' });
    const endpoint = await eventually(async () => {
      const res = await gql(REGISTER, { i: { organizationId: org.id, url: receiver.url('/gone'), eventTypes: ['GROUP_CREATED'] } }, admin.token);
      expect(res.errors).toBeUndefined();
      return res.data!.registerWebhookEndpoint.endpoint.id as string;
    });
    await gql(
      `mutation ($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
      { i: { name: 'Gone – Ops', organizationId: org.id } },
      admin.token,
    );

    const told = await eventually(async () => {
      const res = await gql(`query { notifications(first: 5) { edges { node { kind webhookEndpoint { id url status disabledReason } } } } }`, {}, admin.token);
      const node = res.data!.notifications.edges.map((e: { node: { kind: string } }) => e.node).find((n: { kind: string }) => n.kind === 'WEBHOOK_DISABLED');
      expect(node).toBeDefined();
      return node;
    });
    expect(told.webhookEndpoint).toEqual({
      id: endpoint,
      url: receiver.url('/gone'),
      status: 'DISABLED',
      disabledReason: 'The endpoint answered 410 Gone, asking for no more deliveries; resume it to receive events again, and replay what it missed.',
    });
  });
});
