import { eventually, graphql } from '@kz/testing';
import { Stack } from './support/stack';

const stack = new Stack();
beforeAll(() => stack.start());
afterAll(() => stack.stop());

const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(stack.gatewayUrl, query, variables, token);
const code = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

type Person = { token: string; refreshToken: string; userId: string };
let phoneSeq = 0;
const nextPhone = () => `+1415555${String(1000 + phoneSeq++).padStart(4, '0')}`;
async function person(name: string): Promise<Person & { phone: string }> {
  const phone = nextPhone();
  return { ...(await stack.signIn(phone, name)), phone };
}

const CREATE = `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id name kind announcementOnly parent { id } organization { id } } } }`;
const ADD = `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status message } group { memberCount } } }`;
const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;
const HISTORY = `query($id: ID!) { group(id: $id) { messages(last: 50) { edges { node { kind text author { displayName } } } } } }`;

async function createGroup(token: string, input: Record<string, unknown>): Promise<any> {
  return eventually(async () => {
    const res = await gql(CREATE, { i: input }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.createGroup.group;
  });
}

async function createOrg(token: string, name: string): Promise<string> {
  return (await gql(`mutation($n: String!) { createOrganization(input: { name: $n }) { organization { id } } }`, { n: name }, token)).data!.createOrganization
    .organization.id;
}

async function addMember(adminToken: string, groupId: string, phone: string, role = 'MEMBER'): Promise<void> {
  const res = await gql(ADD, { i: { groupId, members: [{ phone, role }] } }, adminToken);
  expect(res.errors).toBeUndefined();
}

/** Waits until the member can post: messaging has heard of the membership. */
async function canPost(token: string, groupId: string, text = 'hello'): Promise<void> {
  await eventually(async () => expect((await gql(SEND, { i: { groupId, text } }, token)).errors).toBeUndefined());
}

describe('kinds of group and posting rules', () => {
  it("keeps announcement-only groups for admins, and sends a broadcast subscriber's reply only to the admins", async () => {
    const admin = await person('Broad Caster');
    const sub = await person('Sub Scriber');
    const other = await person('Other Scriber');
    const announcements = await createGroup(admin.token, { name: 'Notices', announcementOnly: true });
    expect(announcements.announcementOnly).toBe(true);
    await addMember(admin.token, announcements.id, sub.phone);
    await canPost(admin.token, announcements.id, 'Office closed Friday');
    await eventually(async () => expect(code(await gql(SEND, { i: { groupId: announcements.id, text: 'can I?' } }, sub.token))).toBe('FORBIDDEN'));

    const broadcast = await createGroup(admin.token, { name: 'CEO updates', broadcast: true });
    expect(broadcast).toMatchObject({ kind: 'BROADCAST', announcementOnly: true });
    await addMember(admin.token, broadcast.id, sub.phone);
    await addMember(admin.token, broadcast.id, other.phone);
    await canPost(admin.token, broadcast.id, 'Q3 went well');
    await canPost(sub.token, broadcast.id, 'Congratulations!');
    await canPost(other.token, broadcast.id, 'Thanks for sharing');
    // People's messages (the entries about who was added are the history's too, and for the admins only in a broadcast group).
    const texts = async (token: string) =>
      ((await gql(HISTORY, { id: broadcast.id }, token)).data!.group.messages.edges as any[]).filter((e) => e.node.kind !== 'SYSTEM').map((e) => e.node.text);
    expect(await texts(admin.token)).toEqual(['Q3 went well', 'Congratulations!', 'Thanks for sharing']);
    expect(await texts(sub.token)).toEqual(['Q3 went well', 'Congratulations!']);
    expect(await texts(other.token)).toEqual(['Q3 went well', 'Thanks for sharing']);
  });

  it("updates a group's settings and validates them", async () => {
    const admin = await person('Settings Admin');
    const group = await createGroup(admin.token, { name: 'Plain' });
    const UPDATE = `mutation($i: UpdateGroupInput!) { updateGroup(input: $i) { group { name description avatarUrl welcomeMessage } } }`;
    const updated = await gql(
      UPDATE,
      {
        i: { groupId: group.id, name: 'Fancy', description: 'All things fancy', avatarUrl: 'https://cdn.example.com/a.png', welcomeMessage: 'Welcome aboard!' },
      },
      admin.token,
    );
    expect(updated.data!.updateGroup.group).toEqual({
      name: 'Fancy',
      description: 'All things fancy',
      avatarUrl: 'https://cdn.example.com/a.png',
      welcomeMessage: 'Welcome aboard!',
    });
    const badUrl = await gql(UPDATE, { i: { groupId: group.id, avatarUrl: 'javascript:alert(1)' } }, admin.token);
    expect(code(badUrl)).toBe('BAD_USER_INPUT');
    const blank = await gql(UPDATE, { i: { groupId: group.id, name: '  ' } }, admin.token);
    expect(blank.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
  });
});

describe('hierarchy', () => {
  it("nests sub-groups, refuses cycles, counts members with sub-groups, and lets a parent's message reach sub-group members", async () => {
    const admin = await person('Hier Admin');
    const east = await person('East Seller');
    const orgId = await createOrg(admin.token, 'Contoso');
    const all = await createGroup(admin.token, { name: 'Contoso – All', organizationId: orgId });
    const sales = await createGroup(admin.token, { name: 'Contoso – Sales', parentId: all.id });
    expect(sales).toMatchObject({ parent: { id: all.id }, organization: { id: orgId }, kind: 'ORGANIZATION' });
    const salesEast = await createGroup(admin.token, { name: 'Contoso – Sales (East)', organizationId: orgId });
    const ATTACH = `mutation($i: AttachSubgroupInput!) { attachSubgroup(input: $i) { group { id parent { id } } } }`;
    expect((await gql(ATTACH, { i: { parentId: sales.id, groupId: salesEast.id } }, admin.token)).data!.attachSubgroup.group.parent.id).toBe(sales.id);

    const cycle = await gql(ATTACH, { i: { parentId: salesEast.id, groupId: all.id } }, admin.token);
    expect(cycle.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'parentId' }, message: expect.stringMatching(/cycle/) });
    expect(code(await gql(ATTACH, { i: { parentId: all.id, groupId: all.id } }, admin.token))).toBe('BAD_USER_INPUT');

    await addMember(admin.token, salesEast.id, east.phone);
    const counts = await gql(
      `query($id: ID!) { group(id: $id) { memberCount memberCountWithSubgroups subgroups { edges { node { name } } } } }`,
      { id: all.id },
      admin.token,
    );
    expect(counts.data!.group).toEqual({ memberCount: 1, memberCountWithSubgroups: 4, subgroups: { edges: [{ node: { name: 'Contoso – Sales' } }] } });

    // Hub and spoke: East's member reads what is posted to the top-level group.
    await canPost(admin.token, all.id, 'All hands at 10');
    await eventually(async () => {
      const history = await gql(HISTORY, { id: all.id }, east.token);
      expect(history.errors).toBeUndefined();
      expect(history.data!.group.messages.edges.map((e: any) => e.node.text)).toContain('All hands at 10');
    });
    // ...but cannot post there, being no member of it.
    expect(code(await gql(SEND, { i: { groupId: all.id, text: 'me too' } }, east.token))).toBe('NOT_FOUND');

    const detached = await gql(
      `mutation($i: GroupInput!) { detachSubgroup(input: $i) { group { parent { id } } } }`,
      { i: { groupId: salesEast.id } },
      admin.token,
    );
    expect(detached.data!.detachSubgroup.group.parent).toBeNull();
    await eventually(async () => expect(code(await gql(HISTORY, { id: all.id }, east.token))).toBe('NOT_FOUND'));

    const listed = await gql(
      `query($id: ID!) { organization(id: $id) { groups { edges { node { name memberCount parent { name } } } } } }`,
      { id: orgId },
      admin.token,
    );
    expect(listed.data!.organization.groups.edges.map((e: any) => [e.node.name, e.node.memberCount, e.node.parent?.name ?? null])).toEqual([
      ['Contoso – Sales (East)', 2, null],
      ['Contoso – Sales', 1, 'Contoso – All'],
      ['Contoso – All', 1, null],
    ]);
  });
});

describe('roles and membership', () => {
  it('makes and removes admins, keeps a last admin, lets admins remove members and members leave', async () => {
    const owner = await person('Role Owner');
    const second = await person('Second Admin');
    const member = await person('Plain Member');
    const group = await createGroup(owner.token, { name: 'Roles' });
    await addMember(owner.token, group.id, second.phone);
    await addMember(owner.token, group.id, member.phone);
    const ROLE = `mutation($i: SetGroupRoleInput!) { setGroupRole(input: $i) { membership { role } } }`;
    await eventually(async () => {
      const promoted = await gql(ROLE, { i: { groupId: group.id, userId: second.userId, role: 'ADMIN' } }, owner.token);
      expect(promoted.data!.setGroupRole.membership.role).toBe('ADMIN');
    });
    expect(code(await gql(ROLE, { i: { groupId: group.id, userId: owner.userId, role: 'MEMBER' } }, second.token))).toBe('CONFLICT');
    expect(code(await gql(ROLE, { i: { groupId: group.id, userId: second.userId, role: 'MEMBER' } }, member.token))).toBe('FORBIDDEN');

    const LEAVE = `mutation($i: GroupInput!) { leaveGroup(input: $i) { left } }`;
    expect((await gql(LEAVE, { i: { groupId: group.id } }, second.token)).data!.leaveGroup.left).toBe(true);
    const lastAdmin = await gql(LEAVE, { i: { groupId: group.id } }, owner.token);
    expect(code(lastAdmin)).toBe('CONFLICT');
    expect(lastAdmin.errors![0]!.message).toMatch(/last admin/);

    const REMOVE = `mutation($i: RemoveGroupMembersInput!) { removeGroupMembers(input: $i) { outcomes { userId status } group { memberCount } } }`;
    const removed = await gql(
      REMOVE,
      { i: { groupId: group.id, userIds: [member.userId, 'nope', '00000000-0000-7000-8000-000000000001', owner.userId] } },
      owner.token,
    );
    expect(removed.data!.removeGroupMembers.outcomes.map((o: any) => o.status)).toEqual(['REMOVED', 'INVALID', 'NOT_A_MEMBER', 'NOT_ALLOWED']);
    expect(removed.data!.removeGroupMembers.group.memberCount).toBe(1);
    await eventually(async () => expect(code(await gql(SEND, { i: { groupId: group.id, text: 'hi' } }, member.token))).toBe('NOT_FOUND'));
    expect((await gql(LEAVE, { i: { groupId: group.id } }, owner.token)).data!.leaveGroup.left).toBe(true);
  });

  it('texts a number added before it signed up where to sign in, and makes it a member when it does, texted once', async () => {
    const admin = await person('Pending Admin');
    const group = await createGroup(admin.token, { name: 'Waiting room' });
    const phone = nextPhone();
    const added = await gql(ADD, { i: { groupId: group.id, members: [{ phone }] } }, admin.token);
    expect(added.data!.addGroupMembers.outcomes[0].status).toBe('PENDING');
    expect(added.data!.addGroupMembers.group.memberCount).toBe(1);
    // The text, read at the development SMS sink through the gateway (the web app's origin, where its link points).
    const app = new URL(stack.gatewayUrl).origin;
    const text = await eventually(async () => {
      const res = await fetch(`${app}/dev/sms?phone=${encodeURIComponent(phone)}&purpose=invitation`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { body: string }).body;
    });
    expect(text).toBe(`Pending Admin added you to Waiting room on Work chat. Sign in with this number to join: ${app}/sign-in?next=/chat/${group.id}`);
    const newcomer = await stack.signIn(phone, 'New Comer');
    await eventually(async () =>
      expect((await gql(`query($id: ID!) { group(id: $id) { myRole } }`, { id: group.id }, newcomer.token)).data?.group).toEqual({ myRole: 'MEMBER' }),
    );
    await canPost(newcomer.token, group.id, 'I made it');
    // Added again once signed up: a member already, and no second text.
    expect((await gql(ADD, { i: { groupId: group.id, members: [{ phone }] } }, admin.token)).data!.addGroupMembers.outcomes[0].status).toBe('ALREADY_MEMBER');
    const texts = (await stack.identity.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM dev_sms_messages WHERE phone = $1 AND purpose = 'invitation'`,
      [phone],
    )) as { n: number }[];
    expect(texts[0]!.n).toBe(1);
    const members = await gql(
      `query($id: ID!) { group(id: $id) { memberCount members { edges { node { user { id displayName } } } } } }`,
      { id: group.id },
      admin.token,
    );
    expect(members.data!.group.memberCount).toBe(2);
    expect(members.data!.group.members.edges.map((e: any) => e.node.user.displayName)).toEqual(['Pending Admin', 'New Comer']);
  });

  it('searches members by name prefix, phone prefix and role', async () => {
    const admin = await person('Search Admin');
    const group = await createGroup(admin.token, { name: 'Searchable' });
    const people = [await person('Zed Zulu'), await person('Zoe Zeta'), await person('Yan Young')];
    await gql(ADD, { i: { groupId: group.id, members: people.map((p, i) => ({ phone: p.phone, role: i === 2 ? 'ADMIN' : 'MEMBER' })) } }, admin.token);
    const MEMBERS = `query($id: ID!, $search: String, $role: GroupRole) { group(id: $id) { members(search: $search, role: $role) { totalCount edges { node { role user { displayName } } } } } }`;
    await eventually(async () => {
      const z = await gql(MEMBERS, { id: group.id, search: 'z' }, admin.token);
      expect(z.data!.group.members.edges.map((e: any) => e.node.user.displayName)).toEqual(['Zed Zulu', 'Zoe Zeta']);
      expect(z.data!.group.members.totalCount).toBe(4);
    });
    const byPhone = await gql(MEMBERS, { id: group.id, search: people[1]!.phone }, admin.token);
    expect(byPhone.data!.group.members.edges.map((e: any) => e.node.user.displayName)).toEqual(['Zoe Zeta']);
    const admins = await gql(MEMBERS, { id: group.id, role: 'ADMIN' }, admin.token);
    expect(admins.data!.group.members.edges.map((e: any) => e.node.user.displayName)).toEqual(['Yan Young']);
  });
});

describe('invite links', () => {
  const LINK = `mutation($i: CreateInviteLinkInput!) { createInviteLink(input: $i) { inviteLink { id url qrCodeSvg qrCodePng role requiresApproval maxUses uses } } }`;
  const JOIN = `mutation($t: String!) { joinGroupByLink(input: { token: $t }) { outcome group { id name } } }`;

  it('joins by link with a QR code, and refuses links past their uses, expiry or revocation with a clear reason', async () => {
    const admin = await person('Link Admin');
    const [a, b] = [await person('Joiner A'), await person('Joiner B')];
    const group = await createGroup(admin.token, { name: 'Open house', welcomeMessage: 'Hi and welcome', avatarUrl: 'https://example.com/open-house.png' });
    const created = await gql(LINK, { i: { groupId: group.id, maxUses: 1 } }, admin.token);
    const link = created.data!.createInviteLink.inviteLink;
    expect(link.url).toMatch(/^http:\/\/127\.0\.0\.1:4000\/join\/[A-Za-z0-9_-]{20,}$/);
    expect(link.qrCodeSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(link.qrCodePng).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(link.qrCodePng.split(',')[1], 'base64').subarray(1, 4).toString()).toBe('PNG');

    const preview = await gql(
      `query($t: String!) { inviteLink(token: $t) { groupName groupAvatarUrl groupKind memberCount requiresApproval } }`,
      { t: link.url },
      a.token,
    );
    expect(preview.data!.inviteLink).toEqual({
      groupName: 'Open house',
      groupAvatarUrl: 'https://example.com/open-house.png',
      groupKind: 'PRIVATE',
      memberCount: 1,
      requiresApproval: false,
    });
    const joined = await gql(JOIN, { t: link.url }, a.token);
    expect(joined.data!.joinGroupByLink).toEqual({ outcome: 'JOINED', group: { id: group.id, name: 'Open house' } });
    const welcome = await gql(`query($id: ID!) { group(id: $id) { welcomeMessage myRole } }`, { id: group.id }, a.token);
    expect(welcome.data!.group).toEqual({ welcomeMessage: 'Hi and welcome', myRole: 'MEMBER' });
    expect((await gql(JOIN, { t: link.url }, a.token)).data!.joinGroupByLink.outcome).toBe('ALREADY_MEMBER');

    const usedUp = await gql(JOIN, { t: link.url }, b.token);
    expect(usedUp.errors![0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'token' },
      message: expect.stringMatching(/already used 1 time, its limit/),
    });

    const soon = new Date(Date.now() + 1_500).toISOString();
    const expiring = (await gql(LINK, { i: { groupId: group.id, expiresAt: soon } }, admin.token)).data!.createInviteLink.inviteLink;
    await new Promise((r) => setTimeout(r, 1_600));
    const expired = await gql(JOIN, { t: expiring.url }, b.token);
    expect(expired.errors![0]!.message).toMatch(/expired on/);
    expect(code(await gql(LINK, { i: { groupId: group.id, expiresAt: '2020-01-01T00:00:00Z' } }, admin.token))).toBe('BAD_USER_INPUT');

    const open = (await gql(LINK, { i: { groupId: group.id } }, admin.token)).data!.createInviteLink.inviteLink;
    await gql(`mutation($i: InviteLinkInput!) { revokeInviteLink(input: $i) { inviteLink { revokedAt } } }`, { i: { inviteLinkId: open.id } }, admin.token);
    expect((await gql(JOIN, { t: open.url }, b.token)).errors![0]!.message).toMatch(/revoked/);
    expect(code(await gql(JOIN, { t: 'no-such-token' }, b.token))).toBe('NOT_FOUND');
    expect(code(await gql(LINK, { i: { groupId: group.id } }, a.token))).toBe('FORBIDDEN');
  });

  it('queues joins through an approval link until an admin decides', async () => {
    const admin = await person('Gate Keeper');
    const [yes, no] = [await person('Accepted Asker'), await person('Declined Asker')];
    const group = await createGroup(admin.token, { name: 'Members only' });
    const link = (await gql(LINK, { i: { groupId: group.id, requiresApproval: true, role: 'ADMIN' } }, admin.token)).data!.createInviteLink.inviteLink;
    for (const p of [yes, no]) expect((await gql(JOIN, { t: link.url }, p.token)).data!.joinGroupByLink).toEqual({ outcome: 'REQUESTED', group: null });
    expect(code(await gql(`query($id: ID!) { group(id: $id) { name } }`, { id: group.id }, yes.token))).toBe('NOT_FOUND');

    const requests = await gql(
      `query($id: ID!) { group(id: $id) { joinRequests { edges { node { id user { id } status } } } } }`,
      { id: group.id },
      admin.token,
    );
    const byUser = new Map(requests.data!.group.joinRequests.edges.map((e: any) => [e.node.user.id, e.node.id]));
    const DECIDE = `mutation($i: DecideJoinRequestInput!) { decideJoinRequest(input: $i) { joinRequest { status } } }`;
    expect((await gql(DECIDE, { i: { joinRequestId: byUser.get(yes.userId), accept: true } }, admin.token)).data!.decideJoinRequest.joinRequest.status).toBe(
      'ACCEPTED',
    );
    expect((await gql(DECIDE, { i: { joinRequestId: byUser.get(no.userId), accept: false } }, admin.token)).data!.decideJoinRequest.joinRequest.status).toBe(
      'DECLINED',
    );
    expect(code(await gql(DECIDE, { i: { joinRequestId: byUser.get(no.userId), accept: true } }, admin.token))).toBe('CONFLICT');
    const seen = await gql(`query($id: ID!) { group(id: $id) { myRole } }`, { id: group.id }, yes.token);
    expect(seen.data!.group.myRole).toBe('ADMIN');
    expect(code(await gql(`query($id: ID!) { group(id: $id) { name } }`, { id: group.id }, no.token))).toBe('NOT_FOUND');
  });
});

describe('mapping to the organisation and who sees what', () => {
  it('links a private group to the organisation (admins only), lets org admins manage it, and only they unlink it', async () => {
    const owner = await person('Private Owner');
    const member = await person('Private Member');
    const orgAdmin = await person('The Org Admin');
    const orgId = await createOrg(orgAdmin.token, 'Woodgrove');
    await gql(
      `mutation($i: AddDirectoryMemberInput!) { addDirectoryMember(input: $i) { member { role } } }`,
      { i: { organizationId: orgId, phone: owner.phone, displayName: 'Private Owner' } },
      orgAdmin.token,
    );
    await gql(
      `mutation($i: AddDirectoryMemberInput!) { addDirectoryMember(input: $i) { member { role } } }`,
      { i: { organizationId: orgId, phone: member.phone, displayName: 'Private Member' } },
      orgAdmin.token,
    );
    const group = await createGroup(owner.token, { name: 'Side project' });
    await addMember(owner.token, group.id, member.phone);
    const LINK = `mutation($i: LinkGroupInput!) { linkGroupToOrganization(input: $i) { group { kind organization { id } } } }`;

    expect(code(await gql(LINK, { i: { groupId: group.id, organizationId: orgId } }, member.token))).toBe('FORBIDDEN');
    expect(code(await gql(`query($id: ID!) { group(id: $id) { name } }`, { id: group.id }, orgAdmin.token))).toBe('NOT_FOUND');
    // A tree of groups belongs to one organisation or none: with a private sub-group below it, the group is not linked.
    const notes = await createGroup(owner.token, { name: 'Side project – notes' });
    const attached = await gql(
      `mutation($i: AttachSubgroupInput!) { attachSubgroup(input: $i) { group { id } } }`,
      { i: { parentId: group.id, groupId: notes.id } },
      owner.token,
    );
    expect(attached.errors).toBeUndefined();
    const inTree = await eventually(async () => {
      const res = await gql(LINK, { i: { groupId: group.id, organizationId: orgId } }, owner.token);
      expect(code(res)).toBe('CONFLICT');
      return res;
    });
    expect(inTree.errors![0]!.message).toMatch(/Detach this group's sub-groups before linking it/);
    expect(
      (await gql(`mutation($i: GroupInput!) { detachSubgroup(input: $i) { group { id } } }`, { i: { groupId: notes.id } }, owner.token)).errors,
    ).toBeUndefined();
    const linked = await eventually(async () => {
      const res = await gql(LINK, { i: { groupId: group.id, organizationId: orgId } }, owner.token);
      expect(res.errors).toBeUndefined();
      return res.data!.linkGroupToOrganization.group;
    });
    expect(linked).toEqual({ kind: 'ORGANIZATION', organization: { id: orgId } });

    // The organisation's admin now sees and manages it without being a member.
    const seen = await gql(`query($id: ID!) { group(id: $id) { name myRole } }`, { id: group.id }, orgAdmin.token);
    expect(seen.data!.group).toEqual({ name: 'Side project', myRole: null });
    expect((await gql(ADD, { i: { groupId: group.id, members: [{ phone: nextPhone() }] } }, orgAdmin.token)).errors).toBeUndefined();

    const UNLINK = `mutation($i: GroupInput!) { unlinkGroupFromOrganization(input: $i) { group { kind organization { id } } } }`;
    expect(code(await gql(UNLINK, { i: { groupId: group.id } }, owner.token))).toBe('FORBIDDEN');
    expect((await gql(UNLINK, { i: { groupId: group.id } }, orgAdmin.token)).data!.unlinkGroupFromOrganization.group).toEqual({
      kind: 'PRIVATE',
      organization: null,
    });
  });

  it("answers NOT_FOUND to non-members and to another organisation's admin, and deletes groups", async () => {
    const owner = await person('Vault Owner');
    const stranger = await person('Stranger');
    const otherAdmin = await person('Other Org Admin');
    const orgId = await createOrg(owner.token, 'Vault Org');
    await createOrg(otherAdmin.token, 'Other Org');
    const group = await createGroup(owner.token, { name: 'Vault', organizationId: orgId });
    for (const token of [stranger.token, otherAdmin.token]) {
      const res = await gql(`query($id: ID!) { group(id: $id) { name members { totalCount } } }`, { id: group.id }, token);
      expect(code(res)).toBe('NOT_FOUND');
      expect(res.data?.group ?? null).toBeNull();
      expect(code(await gql(ADD, { i: { groupId: group.id, members: [{ phone: nextPhone() }] } }, token))).toBe('NOT_FOUND');
    }
    expect(code(await gql(`query($id: ID!) { organization(id: $id) { groups { edges { cursor } } } }`, { id: orgId }, otherAdmin.token))).toBe('NOT_FOUND');
    const deleted = await gql(`mutation($i: GroupInput!) { deleteGroup(input: $i) { deleted } }`, { i: { groupId: group.id } }, owner.token);
    expect(deleted.data!.deleteGroup.deleted).toBe(true);
    expect(code(await gql(`query($id: ID!) { group(id: $id) { name } }`, { id: group.id }, owner.token))).toBe('NOT_FOUND');
  });
});
