import { eventually } from '@kz/testing';
import { errorCode as code, specStack } from './support/spec-stack';

const { stack, gql, follow } = specStack();

const SEND = `mutation ($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;
const HISTORY = `query ($g: ID!) { group(id: $g) { messages(last: 100) { edges { node { text } } } } }`;
const SEARCH = `query ($q: String!) { searchMessages(query: $q) { edges { node { message { id } } } } }`;
const JOIN = `mutation ($i: JoinGroupByLinkInput!) { joinGroupByLink(input: $i) { outcome } }`;
const PREVIEW = `query ($t: String!) { inviteLink(token: $t) { groupName } }`;
const ADD_TO_DIRECTORY = `mutation ($i: AddDirectoryMemberInput!) { addDirectoryMember(input: $i) { member { user { id } } } }`;

async function orgGroup(adminToken: string, orgId: string, name: string): Promise<string> {
  return eventually(async () => {
    const res = await gql(`mutation ($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`, { i: { name, organizationId: orgId } }, adminToken);
    expect(res.errors).toBeUndefined();
    return res.data!.createGroup.group.id as string;
  });
}

async function inviteLink(adminToken: string, groupId: string, requiresApproval: boolean): Promise<string> {
  const res = await gql(
    `mutation ($i: CreateInviteLinkInput!) { createInviteLink(input: $i) { inviteLink { url } } }`,
    { i: { groupId, requiresApproval } },
    adminToken,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createInviteLink.inviteLink.url as string;
}

describe('removal from an organisation ends access everywhere', () => {
  it('ends memberships, join requests, history, search, files and live streams of its groups; links refuse the person until the directory has them again', async () => {
    const admin = await stack.signIn('+14155558301', 'Rita Admin');
    const person = await stack.signIn('+14155558302', 'Pavel Person');
    const orgId = (await gql(`mutation { createOrganization(input: { name: "Removals Ltd" }) { organization { id } } }`, {}, admin.token)).data!
      .createOrganization.organization.id as string;
    const added = await gql(ADD_TO_DIRECTORY, { i: { organizationId: orgId, phone: '+14155558302', displayName: 'Pavel Person' } }, admin.token);
    expect(added.errors).toBeUndefined();
    await stack.knownToGroups(person.userId);
    const team = await orgGroup(admin.token, orgId, 'Removals – team');
    const approvals = await orgGroup(admin.token, orgId, 'Removals – by approval');
    const open = await orgGroup(admin.token, orgId, 'Removals – open');
    await gql(
      `mutation ($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId: team, members: [{ phone: '+14155558302' }] } },
      admin.token,
    );
    const openLink = await inviteLink(admin.token, open, false);
    const approvalLink = await inviteLink(admin.token, approvals, true);
    expect((await gql(JOIN, { i: { token: approvalLink } }, person.token)).data!.joinGroupByLink.outcome).toBe('REQUESTED');

    // Before: the person reads the team's history, finds its messages, downloads its files and follows it live.
    const upload = await eventually(async () => {
      const res = await fetch(`${new URL(stack.gatewayUrl).origin}/attachments?groupId=${team}&filename=plan.pdf`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/pdf' },
        body: '%PDF-1.4 plan',
      });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string };
    });
    const withFile = await gql(
      `mutation ($i: SendMessageInput!) { sendMessage(input: $i) { message { id attachments { id } } } }`,
      { i: { groupId: team, text: 'Confidential removals plan', attachmentIds: [upload.id] } },
      admin.token,
    );
    const fileUrl = `${new URL(stack.gatewayUrl).origin}/attachments/${withFile.data!.sendMessage.message.attachments[0].id}`;
    await eventually(async () => expect((await gql(HISTORY, { g: team }, person.token)).errors).toBeUndefined());
    await eventually(async () => expect((await gql(SEARCH, { q: 'confidential' }, person.token)).data!.searchMessages.edges).toHaveLength(1));
    expect((await fetch(fileUrl, { headers: { authorization: `Bearer ${person.token}` } })).status).toBe(200);
    const live = follow(person.token, `subscription ($g: ID) { messageEvents(groupId: $g) { kind groupId message { text } } }`, { g: team });
    await eventually(
      async () => {
        await gql(SEND, { i: { groupId: team, text: 'probe' } }, admin.token);
        expect(live.payloads().some((p) => p.message?.text === 'probe')).toBe(true);
      },
      { intervalMs: 300 },
    );

    // The removal.
    const removed = await gql(
      `mutation ($i: RemoveOrganizationMemberInput!) { removeOrganizationMember(input: $i) { removed } }`,
      { i: { organizationId: orgId, userId: person.userId } },
      admin.token,
    );
    expect(removed.errors).toBeUndefined();

    // The live stream ends as access does; then history, search and files answer as if the group were not there.
    await eventually(() => expect(live.payloads().at(-1)).toMatchObject({ kind: 'ACCESS_ENDED', groupId: team, message: null }));
    expect(code(await gql(HISTORY, { g: team }, person.token))).toBe('NOT_FOUND');
    expect((await gql(SEARCH, { q: 'confidential' }, person.token)).data!.searchMessages.edges).toEqual([]);
    expect((await fetch(fileUrl, { headers: { authorization: `Bearer ${person.token}` } })).status).toBe(404);
    expect(code(await gql(SEND, { i: { groupId: team, text: 'Still here?' } }, person.token))).toBe('NOT_FOUND');
    // The request they had filed was declined, and the organisation's links refuse them, saying why.
    const requests = await gql(`query ($g: ID!) { group(id: $g) { joinRequests { edges { node { id } } } } }`, { g: approvals }, admin.token);
    expect(requests.data!.group.joinRequests.edges).toEqual([]);
    for (const link of [openLink, approvalLink]) {
      const join = await gql(JOIN, { i: { token: link } }, person.token);
      expect(code(join)).toBe('FORBIDDEN');
      expect(join.errors![0]!.message).toMatch(/removed from this group's organisation/);
      expect(code(await gql(PREVIEW, { t: link }, person.token))).toBe('FORBIDDEN');
    }
    // Their messages stay, as the organisation's records.
    const teamHistory = await gql(HISTORY, { g: team }, admin.token);
    expect(teamHistory.data!.group.messages.edges.map((e: { node: { text: string } }) => e.node.text)).toContain('Confidential removals plan');

    // Added to the directory again, the same link lets them in.
    expect(
      (await gql(ADD_TO_DIRECTORY, { i: { organizationId: orgId, phone: '+14155558302', displayName: 'Pavel Person' } }, admin.token)).errors,
    ).toBeUndefined();
    await eventually(async () => expect((await gql(JOIN, { i: { token: openLink } }, person.token)).data?.joinGroupByLink.outcome).toBe('JOINED'));
  });

  it("ends an organisation admin's member streams of groups they saw only as its admin, when demoted or removed", async () => {
    const owner = await stack.signIn('+14155558321', 'Olive Owner');
    const demoted = await stack.signIn('+14155558322', 'Dev Demoted');
    const removed = await stack.signIn('+14155558323', 'Rae Removed');
    const joiner = await stack.signIn('+14155558324', 'Jo Joiner');
    const orgId = (await gql(`mutation { createOrganization(input: { name: "Standing Co" }) { organization { id } } }`, {}, owner.token)).data!
      .createOrganization.organization.id as string;
    const SET_ROLE = `mutation ($i: SetOrganizationRoleInput!) { setOrganizationRole(input: $i) { member { role } } }`;
    for (const [person, phone, displayName] of [
      [demoted, '+14155558322', 'Dev Demoted'],
      [removed, '+14155558323', 'Rae Removed'],
      [joiner, '+14155558324', 'Jo Joiner'],
    ] as const) {
      expect((await gql(ADD_TO_DIRECTORY, { i: { organizationId: orgId, phone, displayName } }, owner.token)).errors).toBeUndefined();
      if (person !== joiner) {
        expect((await gql(SET_ROLE, { i: { organizationId: orgId, userId: person.userId, role: 'ADMIN' } }, owner.token)).errors).toBeUndefined();
      }
    }
    const groupId = await orgGroup(owner.token, orgId, 'Payroll');
    await stack.knownToGroups(joiner.userId);

    // Neither admin is in the group: each follows its members as the organisation's admin.
    const MEMBERS = `subscription ($g: ID) { membershipEvents(groupId: $g) { kind groupId userIds } }`;
    const streams = [follow(demoted.token, MEMBERS, { g: groupId }), follow(removed.token, MEMBERS, { g: groupId })];
    await eventually(
      async () => {
        const ADD = `mutation ($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`;
        const REMOVE = `mutation ($i: RemoveGroupMembersInput!) { removeGroupMembers(input: $i) { outcomes { status } } }`;
        await gql(ADD, { i: { groupId, members: [{ phone: '+14155558324' }] } }, owner.token);
        await gql(REMOVE, { i: { groupId, userIds: [joiner.userId] } }, owner.token);
        for (const stream of streams)
          expect(stream.payloads('membershipEvents').some((p) => p.kind === 'ADDED' && p.userIds.includes(joiner.userId))).toBe(true);
      },
      { intervalMs: 300 },
    );

    expect((await gql(SET_ROLE, { i: { organizationId: orgId, userId: demoted.userId, role: 'MEMBER' } }, owner.token)).errors).toBeUndefined();
    await eventually(() => expect(streams[0]!.payloads('membershipEvents').at(-1)).toMatchObject({ kind: 'ACCESS_ENDED', groupId }));
    expect(streams[1]!.payloads('membershipEvents').at(-1)?.kind).not.toBe('ACCESS_ENDED');
    const removal = await gql(
      `mutation ($i: RemoveOrganizationMemberInput!) { removeOrganizationMember(input: $i) { removed } }`,
      { i: { organizationId: orgId, userId: removed.userId } },
      owner.token,
    );
    expect(removal.errors).toBeUndefined();
    await eventually(() => expect(streams[1]!.payloads('membershipEvents').at(-1)).toMatchObject({ kind: 'ACCESS_ENDED', groupId }));
  });

  it('lets a member leave an organisation themselves, with the same effect; its last admin cannot leave', async () => {
    const admin = await stack.signIn('+14155558311', 'Lea Admin');
    const member = await stack.signIn('+14155558312', 'Leo Leaver');
    const orgId = (await gql(`mutation { createOrganization(input: { name: "Leavers Ltd" }) { organization { id } } }`, {}, admin.token)).data!
      .createOrganization.organization.id as string;
    await gql(ADD_TO_DIRECTORY, { i: { organizationId: orgId, phone: '+14155558312', displayName: 'Leo Leaver' } }, admin.token);
    await stack.knownToGroups(member.userId);
    const group = await orgGroup(admin.token, orgId, 'Leavers – all');
    const link = await inviteLink(admin.token, group, false);
    await eventually(async () => expect((await gql(JOIN, { i: { token: link } }, member.token)).data?.joinGroupByLink.outcome).toBe('JOINED'));
    await eventually(async () => expect((await gql(HISTORY, { g: group }, member.token)).errors).toBeUndefined());

    const LEAVE = `mutation ($i: LeaveOrganizationInput!) { leaveOrganization(input: $i) { left } }`;
    const lastAdmin = await gql(LEAVE, { i: { organizationId: orgId } }, admin.token);
    expect(code(lastAdmin)).toBe('CONFLICT');
    expect(lastAdmin.errors![0]!.message).toMatch(/last admin/);
    expect(code(await gql(LEAVE, { i: { organizationId: '00000000-0000-4000-8000-000000000000' } }, member.token))).toBe('NOT_FOUND');

    expect((await gql(LEAVE, { i: { organizationId: orgId } }, member.token)).data!.leaveOrganization.left).toBe(true);
    const me = await gql(`query { me { organizations { organization { id } } } }`, {}, member.token);
    expect(me.data!.me.organizations).toEqual([]);
    await eventually(async () => expect(code(await gql(HISTORY, { g: group }, member.token))).toBe('NOT_FOUND'));
    expect(code(await gql(JOIN, { i: { token: link } }, member.token))).toBe('FORBIDDEN');
    expect(code(await gql(LEAVE, { i: { organizationId: orgId } }, member.token))).toBe('NOT_FOUND');
  });
});
