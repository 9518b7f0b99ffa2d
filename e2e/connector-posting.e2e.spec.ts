import { eventually } from '@kz/testing';
import { errorCode as code, specStack } from './support/spec-stack';

const { stack, gql, follow } = specStack();

const SEND = `mutation ($i: SendMessageInput!) {
  sendMessage(input: $i) { message { id kind text author { id kind displayName } attachments { filename } } }
}`;
const POLL = `mutation ($i: CreatePollInput!) { createPoll(input: $i) { message { id kind author { kind displayName } poll { question options { text } } } } }`;
const EVENTS = `subscription ($g: ID) { messageEvents(groupId: $g) { kind groupId message { text author { kind displayName } } } }`;

const subscribe = (token: string, variables: Record<string, unknown>) => follow(token, EVENTS, variables);

describe('a connector granted POST_MESSAGES', () => {
  it("posts messages, announcements, polls and files to its organisation's groups as itself, and listens to them live", async () => {
    const admin = await stack.signIn('+14155558101', 'Olga Owner');
    const member = await stack.signIn('+14155558102', 'Milo Member');
    const orgId = (await gql(`mutation { createOrganization(input: { name: "Botworks" }) { organization { id } } }`, {}, admin.token)).data!.createOrganization
      .organization.id as string;
    const otherOrgId = (await gql(`mutation { createOrganization(input: { name: "Elsewhere" }) { organization { id } } }`, {}, admin.token)).data!
      .createOrganization.organization.id as string;
    await stack.knownToGroups(member.userId);
    const createGroup = (input: Record<string, unknown>) =>
      eventually(async () => {
        const res = await gql(`mutation ($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`, { i: input }, admin.token);
        expect(res.errors).toBeUndefined();
        return res.data!.createGroup.group.id as string;
      });
    const groupId = await createGroup({ name: 'Orders', organizationId: orgId, announcementOnly: true });
    const privateGroupId = await createGroup({ name: 'Olga’s own' });
    const otherOrgGroupId = await createGroup({ name: 'Elsewhere – all', organizationId: otherOrgId });
    await gql(
      `mutation ($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId, members: [{ phone: '+14155558102' }] } },
      admin.token,
    );

    const bot = await stack.connectorToken(admin.token, orgId, 'Order bot', ['POST_MESSAGES', 'MESSAGES', 'GROUP_INFO']);
    const readOnly = await stack.connectorToken(admin.token, orgId, 'Archive', ['MESSAGES']);

    // Messaging learns of new groups from the groups service's events: until then the group is not found.
    const first = await eventually(async () => {
      const res = await gql(SEND, { i: { groupId, text: 'Order 1043 shipped', idempotencyKey: 'order-1043' } }, bot);
      expect(res.errors).toBeUndefined();
      return res.data!.sendMessage.message;
    });
    expect(first).toMatchObject({ kind: 'TEXT', text: 'Order 1043 shipped', author: { kind: 'CONNECTOR', displayName: 'Order bot' } });
    // A retry after a network error returns the first message rather than posting it twice.
    const retried = await gql(SEND, { i: { groupId, text: 'Order 1043 shipped', idempotencyKey: 'order-1043' } }, bot);
    expect(retried.data!.sendMessage.message.id).toBe(first.id);

    // The connector and a member both follow the group (live once a probe reaches them); each message below reaches
    // both. Messaging hears of the member from the groups service's events: until then the group is not theirs to follow.
    await eventually(async () =>
      expect((await gql(`query ($g: ID!) { group(id: $g) { messages(last: 1) { edges { cursor } } } }`, { g: groupId }, member.token)).errors).toBeUndefined(),
    );
    const botEvents = subscribe(bot, { g: groupId });
    const memberEvents = subscribe(member.token, { g: groupId });
    await eventually(
      async () => {
        await gql(SEND, { i: { groupId, text: 'probe' } }, admin.token);
        for (const events of [botEvents, memberEvents]) {
          expect({ ended: events.ended, errors: events.received.flatMap((r) => r.errors ?? []) }).toEqual({ ended: null, errors: [] });
          expect(events.payloads().some((p) => p.message?.text === 'probe')).toBe(true);
        }
      },
      { intervalMs: 300 },
    );

    // As the organisation's integration it posts with an admin's rights: announcements, polls and files.
    const announcement = await gql(SEND, { i: { groupId, text: 'Warehouse closed on Friday', announcement: true } }, bot);
    expect(announcement.errors).toBeUndefined();
    expect(announcement.data!.sendMessage.message.kind).toBe('ANNOUNCEMENT');
    const poll = await gql(POLL, { i: { groupId, question: 'Pick-up slot?', options: ['Morning', 'Afternoon'] } }, bot);
    expect(poll.errors).toBeUndefined();
    expect(poll.data!.createPoll.message).toMatchObject({ kind: 'POLL', author: { kind: 'CONNECTOR' }, poll: { question: 'Pick-up slot?' } });
    const origin = new URL(stack.gatewayUrl).origin;
    const upload = await fetch(`${origin}/attachments?groupId=${groupId}&filename=invoice-1043.pdf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bot}`, 'content-type': 'application/pdf' },
      body: '%PDF-1.4 invoice',
    });
    expect(upload.status).toBe(201);
    const { id: attachmentId } = (await upload.json()) as { id: string };
    const withFile = await gql(SEND, { i: { groupId, text: 'Invoice attached', attachmentIds: [attachmentId] } }, bot);
    expect(withFile.errors).toBeUndefined();
    expect(withFile.data!.sendMessage.message.attachments).toEqual([{ filename: 'invoice-1043.pdf' }]);

    // The member reads them as the connector's, in history and live; so does the connector's own subscription.
    const history = await gql(
      `query ($g: ID!) { group(id: $g) { messages(last: 50) { edges { node { text kind author { id kind displayName } } } } } }`,
      { g: groupId },
      member.token,
    );
    expect(history.errors).toBeUndefined();
    const posted = history
      .data!.group.messages.edges.map((e: { node: { text: string; author: { kind: string } } }) => e.node)
      .filter((n: { kind: string; text: string }) => n.kind !== 'SYSTEM' && n.text !== 'probe');
    expect(posted.map((n: { text: string }) => n.text)).toEqual(['Order 1043 shipped', 'Warehouse closed on Friday', 'Pick-up slot?', 'Invoice attached']);
    for (const node of posted) expect(node.author).toEqual({ id: first.author.id, kind: 'CONNECTOR', displayName: 'Order bot' });
    for (const events of [botEvents, memberEvents]) {
      await eventually(() =>
        expect(events.payloads()).toContainEqual({
          kind: 'SENT',
          groupId,
          message: { text: 'Invoice attached', author: { kind: 'CONNECTOR', displayName: 'Order bot' } },
        }),
      );
    }
    // People stay people.
    const me = await gql(`query { me { kind } }`, {}, member.token);
    expect(me.data!.me.kind).toBe('PERSON');

    // Without the grant, or outside its organisation, nothing is posted; and the member still cannot post in an announcement-only group.
    const withoutGrant = await gql(SEND, { i: { groupId, text: 'Archived' } }, readOnly);
    expect(code(withoutGrant)).toBe('FORBIDDEN');
    expect(withoutGrant.errors![0]!.message).toMatch(/POST_MESSAGES/);
    for (const elsewhere of [privateGroupId, otherOrgGroupId, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      expect(code(await gql(SEND, { i: { groupId: elsewhere, text: 'Hello?' } }, bot))).toBe('NOT_FOUND');
    }
    expect(code(await gql(SEND, { i: { groupId, text: 'Me too' } }, member.token))).toBe('FORBIDDEN');
    // What needs a person stays a person's.
    const edit = await gql(`mutation ($i: EditMessageInput!) { editMessage(input: $i) { message { id } } }`, { i: { messageId: first.id, text: 'x' } }, bot);
    expect(code(edit)).toBe('FORBIDDEN');

    const count = history.data!.group.messages.edges.length;
    const after = await gql(`query ($g: ID!) { group(id: $g) { messages(last: 50) { edges { node { id } } } } }`, { g: groupId }, member.token);
    expect(after.data!.group.messages.edges).toHaveLength(count);
  });
});
