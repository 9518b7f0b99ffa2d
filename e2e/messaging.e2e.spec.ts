import { randomUUID } from 'node:crypto';
import { eventually } from '@kz/testing';
import { Subscriber } from '@kz/stack';
import { errorCode as code, specStack } from './support/spec-stack';

const { stack, subscribers, gql } = specStack();
const field = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.['field'];

let phoneSeq = 0;
async function person(name: string) {
  const phone = `+1415557${String(1000 + phoneSeq++).padStart(4, '0')}`;
  const signedIn = await stack.signIn(phone, name);
  // Added by phone before groups hears of them, they would join later on their own, with no one who added them.
  await stack.knownToGroups(signedIn.userId);
  return { ...signedIn, phone };
}

const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id kind text replyTo { id text } mentions { id } } } }`;

async function chatGroup(admin: { token: string }, members: { phone: string; token: string }[], name = 'Chat'): Promise<string> {
  const groupId = await eventually(async () => {
    const res = await gql(`mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`, { i: { name } }, admin.token);
    expect(res.errors).toBeUndefined();
    return res.data!.createGroup.group.id as string;
  });
  if (members.length)
    await gql(
      `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId, members: members.map((m) => ({ phone: m.phone })) } },
      admin.token,
    );
  for (const m of [admin, ...members]) {
    await eventually(async () => expect((await gql(`query($id: ID!) { group(id: $id) { unreadCount } }`, { id: groupId }, m.token)).errors).toBeUndefined());
  }
  return groupId;
}

/** People's messages among a page's edges: the system entries (the group created, members added) left out. */
const people = (edges: { node: { kind: string } }[]) => edges.filter((e) => e.node.kind !== 'SYSTEM');

async function send(token: string, input: Record<string, unknown>) {
  const res = await gql(SEND, { i: input }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.sendMessage.message;
}

describe('messages', () => {
  it('replies, mentions, edits by the sender, deletes by the sender or an admin as tombstones, and announcements by admins', async () => {
    const admin = await person('Msg Admin');
    const bea = await person('Bea');
    const cal = await person('Cal');
    const outsider = await person('Out Sider');
    const groupId = await chatGroup(admin, [bea, cal]);

    const question = await send(bea.token, { groupId, text: 'Who has the van keys?' });
    const reply = await send(cal.token, { groupId, text: 'I do, @Bea', replyToId: question.id, mentions: [bea.userId] });
    expect(reply).toMatchObject({ kind: 'TEXT', replyTo: { id: question.id, text: 'Who has the van keys?' }, mentions: [{ id: bea.userId }] });
    expect(field(await gql(SEND, { i: { groupId, text: 'hey', mentions: [outsider.userId] } }, cal.token))).toBe('mentions');
    const otherGroup = await chatGroup(admin, [], 'Other');
    const foreign = await send(admin.token, { groupId: otherGroup, text: 'elsewhere' });
    expect(field(await gql(SEND, { i: { groupId, text: 'quoting', replyToId: foreign.id } }, admin.token))).toBe('replyToId');

    const EDIT = `mutation($i: EditMessageInput!) { editMessage(input: $i) { message { text editedAt } } }`;
    const edited = await gql(EDIT, { i: { messageId: reply.id, text: 'I do — at the front desk' } }, cal.token);
    expect(edited.data!.editMessage.message).toEqual({ text: 'I do — at the front desk', editedAt: expect.any(String) });
    expect(code(await gql(EDIT, { i: { messageId: reply.id, text: 'hijack' } }, bea.token))).toBe('FORBIDDEN');
    expect(code(await gql(EDIT, { i: { messageId: reply.id, text: 'x' } }, outsider.token))).toBe('NOT_FOUND');

    const DELETE = `mutation($i: MessageInput!) { deleteMessage(input: $i) { message { id text deleted deletedAt } } }`;
    expect(code(await gql(DELETE, { i: { messageId: question.id } }, cal.token))).toBe('FORBIDDEN');
    const byAdmin = await gql(DELETE, { i: { messageId: question.id } }, admin.token);
    expect(byAdmin.data!.deleteMessage.message).toMatchObject({ text: null, deleted: true });
    const history = await gql(
      `query($id: ID!) { group(id: $id) { messages(last: 10) { edges { node { kind text deleted replyTo { id deleted } } } } } }`,
      { id: groupId },
      bea.token,
    );
    expect(people(history.data!.group.messages.edges).map((e: any) => [e.node.text, e.node.deleted])).toEqual([
      [null, true],
      ['I do — at the front desk', false],
    ]);

    expect(code(await gql(SEND, { i: { groupId, text: 'All: fire drill at 3', announcement: true } }, bea.token))).toBe('FORBIDDEN');
    expect((await send(admin.token, { groupId, text: 'All: fire drill at 3', announcement: true })).kind).toBe('ANNOUNCEMENT');
  });

  it('returns the first message for a retried send with the same idempotency key', async () => {
    const admin = await person('Retry Sender');
    const groupId = await chatGroup(admin, []);
    const key = randomUUID();
    const [a, b] = await Promise.all([
      send(admin.token, { groupId, text: 'once', idempotencyKey: key }),
      send(admin.token, { groupId, text: 'once', idempotencyKey: key }),
    ]);
    expect(a.id).toBe(b.id);
    const history = await gql(`query($id: ID!) { group(id: $id) { messages(last: 10) { edges { node { kind text } } } } }`, { id: groupId }, admin.token);
    expect(people(history.data!.group.messages.edges)).toHaveLength(1);
  });
});

describe('receipts and history', () => {
  it('counts unread messages, moves read pointers forward only, and reports read by N of M', async () => {
    const admin = await person('Receipt Admin');
    const [r1, r2] = [await person('Reader One'), await person('Reader Two')];
    const groupId = await chatGroup(admin, [r1, r2]);
    const sent = [];
    for (let i = 0; i < 5; i++) sent.push(await send(admin.token, { groupId, text: `update ${i}` }));
    const UNREAD = `query($id: ID!) { group(id: $id) { unreadCount lastReadMessageId } }`;
    expect((await gql(UNREAD, { id: groupId }, r1.token)).data!.group).toEqual({ unreadCount: 5, lastReadMessageId: null });
    const MARK = `mutation($i: MarkReadInput!) { markRead(input: $i) { lastReadMessageId unreadCount } }`;
    expect((await gql(MARK, { i: { groupId, messageId: sent[2].id } }, r1.token)).data!.markRead).toEqual({ lastReadMessageId: sent[2].id, unreadCount: 2 });
    expect((await gql(MARK, { i: { groupId, messageId: sent[0].id } }, r1.token)).data!.markRead.lastReadMessageId).toBe(sent[2].id);
    await gql(MARK, { i: { groupId, messageId: sent[4].id } }, r2.token);
    const readBy = await gql(`query($id: ID!) { message(id: $id) { readBy { count of } } }`, { id: sent[1].id }, admin.token);
    expect(readBy.data!.message.readBy).toEqual({ count: 2, of: 2 });
    const latest = await gql(`query($id: ID!) { message(id: $id) { readBy { count of } } }`, { id: sent[4].id }, admin.token);
    expect(latest.data!.message.readBy).toEqual({ count: 1, of: 2 });
    // The author reading their own message is not counted: it was never news to them.
    await gql(MARK, { i: { groupId, messageId: sent[4].id } }, admin.token);
    const afterAuthorRead = await gql(`query($id: ID!) { message(id: $id) { readBy { count of } } }`, { id: sent[4].id }, admin.token);
    expect(afterAuthorRead.data!.message.readBy).toEqual({ count: 1, of: 2 });
    expect(field(await gql(MARK, { i: { groupId, messageId: randomUUID() } }, r1.token))).toBe('messageId');

    const around = await gql(
      `query($id: ID!, $m: ID!) { group(id: $id) { messages(around: $m) { edges { node { kind text } } pageInfo { hasPreviousPage hasNextPage } } } }`,
      { id: groupId, m: sent[2].id },
      r1.token,
    );
    expect(people(around.data!.group.messages.edges).map((e: any) => e.node.text)).toEqual(['update 0', 'update 1', 'update 2', 'update 3', 'update 4']);
  });

  it('searches the groups a person reads, with highlights, and nothing else', async () => {
    const a = await person('Searcher');
    const b = await person('Other Team');
    const mine = await chatGroup(a, [], 'Mine');
    const theirs = await chatGroup(b, [], 'Theirs');
    await send(a.token, { groupId: mine, text: 'The forklift needs a new battery before Monday' });
    await send(a.token, { groupId: mine, text: 'Lunch is on the roof' });
    await send(b.token, { groupId: theirs, text: 'Our forklift is fine' });
    const SEARCH = `query($q: String!) { searchMessages(query: $q) { edges { node { highlight message { text group { id } } } } } }`;
    const found = await gql(SEARCH, { q: 'forklift battery' }, a.token);
    expect(found.errors).toBeUndefined();
    expect(found.data!.searchMessages.edges).toEqual([
      {
        node: { highlight: expect.stringContaining('[[forklift]]'), message: { text: 'The forklift needs a new battery before Monday', group: { id: mine } } },
      },
    ]);
    expect(found.data!.searchMessages.edges[0].node.highlight).toContain('[[battery]]');
    const forklift = await gql(SEARCH, { q: 'forklift' }, a.token);
    expect(forklift.data!.searchMessages.edges).toHaveLength(1);
    expect(field(await gql(SEARCH, { q: '   ' }, a.token))).toBe('query');
  });
});

describe('polls', () => {
  const POLL = `mutation($i: CreatePollInput!) { createPoll(input: $i) { message { id kind poll { question options { index text votes } closed } } } }`;
  const ANSWER = `mutation($i: AnswerPollInput!) { answerPoll(input: $i) { message { poll { voters myAnswer options { votes } } } } }`;

  it('takes one answer per member, lets it change, updates results live, and hides results from members when asked', async () => {
    const admin = await person('Poll Admin');
    const [v1, v2] = [await person('Voter One'), await person('Voter Two')];
    const groupId = await chatGroup(admin, [v1, v2]);
    const created = await gql(POLL, { i: { groupId, question: 'Team lunch?', options: ['Pizza', 'Sushi', 'Tacos'] } }, admin.token);
    expect(created.errors).toBeUndefined();
    const poll = created.data!.createPoll.message;
    expect(poll).toMatchObject({
      kind: 'POLL',
      poll: {
        question: 'Team lunch?',
        closed: false,
        options: [
          { index: 0, text: 'Pizza', votes: 0 },
          { index: 1, text: 'Sushi', votes: 0 },
          { index: 2, text: 'Tacos', votes: 0 },
        ],
      },
    });

    const live = new Subscriber(stack.gatewayUrl, v2.token).subscribe(
      `subscription($g: ID) { messageEvents(groupId: $g) { kind message { poll { options { votes } } } } }`,
      { g: groupId },
    );
    subscribers.push(live);
    await new Promise((r) => setTimeout(r, 500));

    expect((await gql(ANSWER, { i: { messageId: poll.id, optionIndexes: [0] } }, v1.token)).data!.answerPoll.message.poll).toEqual({
      voters: 1,
      myAnswer: [0],
      options: [{ votes: 1 }, { votes: 0 }, { votes: 0 }],
    });
    expect((await gql(ANSWER, { i: { messageId: poll.id, optionIndexes: [1] } }, v1.token)).data!.answerPoll.message.poll).toEqual({
      voters: 1,
      myAnswer: [1],
      options: [{ votes: 0 }, { votes: 1 }, { votes: 0 }],
    });
    await gql(ANSWER, { i: { messageId: poll.id, optionIndexes: [1] } }, v2.token);
    expect(field(await gql(ANSWER, { i: { messageId: poll.id, optionIndexes: [0, 2] } }, v2.token))).toBe('optionIndexes');
    expect(field(await gql(ANSWER, { i: { messageId: poll.id, optionIndexes: [7] } }, v2.token))).toBe('optionIndexes');
    await eventually(() =>
      expect(
        live
          .payloads()
          .filter((p) => p.kind === 'POLL_UPDATED')
          .at(-1)
          ?.message.poll.options.map((o: any) => o.votes),
      ).toEqual([0, 2, 0]),
    );

    const hidden = await gql(POLL, { i: { groupId, question: 'Rate the offsite', options: ['Good', 'Bad'], resultsVisibleTo: 'ADMINS' } }, admin.token);
    const hiddenId = hidden.data!.createPoll.message.id;
    await gql(ANSWER, { i: { messageId: hiddenId, optionIndexes: [0] } }, v1.token);
    const asMember = await gql(`query($id: ID!) { message(id: $id) { poll { voters myAnswer options { votes } } } }`, { id: hiddenId }, v1.token);
    expect(asMember.data!.message.poll).toEqual({ voters: null, myAnswer: [0], options: [{ votes: null }, { votes: null }] });
    const asAdmin = await gql(`query($id: ID!) { message(id: $id) { poll { voters options { votes } } } }`, { id: hiddenId }, admin.token);
    expect(asAdmin.data!.message.poll).toEqual({ voters: 1, options: [{ votes: 1 }, { votes: 0 }] });
  });

  it('closes at its deadline and refuses bad polls', async () => {
    const admin = await person('Deadline Admin');
    const groupId = await chatGroup(admin, []);
    const soon = new Date(Date.now() + 1_500).toISOString();
    const poll = (await gql(POLL, { i: { groupId, question: 'Quick one?', options: ['Yes', 'No'], deadline: soon } }, admin.token)).data!.createPoll.message;
    await new Promise((r) => setTimeout(r, 1_700));
    const late = await gql(ANSWER, { i: { messageId: poll.id, optionIndexes: [0] } }, admin.token);
    expect(code(late)).toBe('CONFLICT');
    expect(late.errors![0]!.message).toMatch(/closed at/);
    expect(field(await gql(POLL, { i: { groupId, question: 'One option?', options: ['Only'] } }, admin.token))).toBe('options');
    expect(field(await gql(POLL, { i: { groupId, question: ' ', options: ['a', 'b'] } }, admin.token))).toBe('question');
  });
});

describe('live edits and deletes', () => {
  it('streams edited and deleted messages to subscribers', async () => {
    const admin = await person('Live Editor');
    const watcher = await person('Watcher');
    const groupId = await chatGroup(admin, [watcher]);
    const sub = new Subscriber(stack.gatewayUrl, watcher.token).subscribe(
      `subscription($g: ID) { messageEvents(groupId: $g) { kind messageId message { text deleted editedAt } } }`,
      { g: groupId },
    );
    subscribers.push(sub);
    await eventually(async () => {
      await send(admin.token, { groupId, text: 'probe' });
      expect(sub.payloads().length).toBeGreaterThan(0);
    });
    const message = await send(admin.token, { groupId, text: 'tpyo' });
    await gql(`mutation($i: EditMessageInput!) { editMessage(input: $i) { message { id } } }`, { i: { messageId: message.id, text: 'typo' } }, admin.token);
    await gql(`mutation($i: MessageInput!) { deleteMessage(input: $i) { message { id } } }`, { i: { messageId: message.id } }, admin.token);
    await eventually(() => {
      const mine = sub.payloads().filter((p) => p.messageId === message.id);
      expect(mine.map((p) => p.kind)).toEqual(['SENT', 'EDITED', 'DELETED']);
      expect(mine[2].message).toEqual({ text: null, deleted: true, editedAt: expect.any(String) });
    });
  });
});

describe('conversations', () => {
  const CONVERSATIONS = `query($first: Int, $after: String, $search: String) {
    myConversations(first: $first, after: $after, search: $search) {
      edges { cursor node { id name kind lastMessage { kind text author { id } } unreadCount } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

  it("lists a person's groups with their names from the groups service, the hub above their sub-group included, latest activity first", async () => {
    const admin = await person('Hub Admin');
    const dee = await person('Dee');
    const hub = await chatGroup(admin, [], 'Contoso Hub');
    const east = await eventually(async () => {
      const res = await gql(
        `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
        { i: { name: 'Contoso – East', parentId: hub } },
        admin.token,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.createGroup.group.id as string;
    });
    await gql(
      `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId: east, members: [{ phone: dee.phone }] } },
      admin.token,
    );
    const own = await chatGroup(admin, [dee], 'Night shift');
    await send(admin.token, { groupId: own, text: 'Shift swap anyone?' });
    // The hub's message reaches Dee through the sub-group, and is the latest activity.
    await eventually(async () => expect((await gql(`query($id: ID!) { group(id: $id) { unreadCount } }`, { id: hub }, dee.token)).errors).toBeUndefined());
    await send(admin.token, { groupId: hub, text: 'All hands on Friday' });

    const page = await gql(CONVERSATIONS, {}, dee.token);
    expect(page.errors).toBeUndefined();
    expect(page.data!.myConversations.edges.map((e: any) => e.node)).toEqual([
      {
        id: hub,
        name: 'Contoso Hub',
        kind: 'PRIVATE',
        lastMessage: { kind: 'TEXT', text: 'All hands on Friday', author: { id: admin.userId } },
        unreadCount: 1,
      },
      {
        id: own,
        name: 'Night shift',
        kind: 'PRIVATE',
        lastMessage: { kind: 'TEXT', text: 'Shift swap anyone?', author: { id: admin.userId } },
        unreadCount: 1,
      },
      // No one spoke in the sub-group: its latest entry says the admin added Dee, and is not unread.
      { id: east, name: 'Contoso – East', kind: 'PRIVATE', lastMessage: { kind: 'SYSTEM', text: null, author: { id: admin.userId } }, unreadCount: 0 },
    ]);

    const first = await gql(CONVERSATIONS, { first: 1 }, dee.token);
    expect(first.data!.myConversations.pageInfo.hasNextPage).toBe(true);
    const rest = await gql(CONVERSATIONS, { first: 5, after: first.data!.myConversations.pageInfo.endCursor }, dee.token);
    expect(rest.data!.myConversations.edges.map((e: any) => e.node.id)).toEqual([own, east]);
    const found = await gql(CONVERSATIONS, { search: 'contoso' }, dee.token);
    expect(found.data!.myConversations.edges.map((e: any) => e.node.id)).toEqual([hub, east]);
    expect(code(await gql(CONVERSATIONS, { after: 'not-a-cursor' }, dee.token))).toBe('BAD_USER_INPUT');
  });
});

describe('notifications', () => {
  const NOTIFICATION_FIELDS = `id kind read group { id name } message { id text author { id } } actor { id }`;

  it('streams a mention to the person mentioned as it is sent, lists it with an unread badge, and marks it read', async () => {
    const admin = await person('Notif Admin');
    const eve = await person('Eve');
    const groupId = await chatGroup(admin, [eve], 'Dispatch');
    const live = new Subscriber(stack.gatewayUrl, eve.token).subscribe(`subscription { notificationEvents { ${NOTIFICATION_FIELDS} } }`);
    subscribers.push(live);
    await live.ready();
    // Mentions until the subscription hears one: it listens once the gateway has taken it.
    await eventually(async () => {
      await send(admin.token, { groupId, text: '@Eve probe', mentions: [eve.userId] });
      expect(live.payloads('notificationEvents').length).toBeGreaterThan(0);
    });
    const mention = await send(admin.token, { groupId, text: '@Eve the truck is at gate 4', mentions: [eve.userId] });
    await eventually(() =>
      expect(live.payloads('notificationEvents').at(-1)).toEqual({
        id: expect.any(String),
        kind: 'MENTION',
        read: false,
        group: { id: groupId, name: 'Dispatch' },
        message: { id: mention.id, text: '@Eve the truck is at gate 4', author: { id: admin.userId } },
        actor: { id: admin.userId },
      }),
    );
    const streamed = live.payloads('notificationEvents').at(-1)!;

    const LIST = `{ notifications(first: 50) { edges { node { ${NOTIFICATION_FIELDS} } } } unreadNotificationCount }`;
    const listed = await gql(LIST, {}, eve.token);
    expect(listed.errors).toBeUndefined();
    const nodes = listed.data!.notifications.edges.map((e: any) => e.node);
    expect(nodes[0]).toEqual(streamed);
    // Added to the group by its admin, then the probes and the mention.
    expect(nodes.at(-1)).toMatchObject({ kind: 'GROUP_ADDED', group: { id: groupId }, actor: { id: admin.userId }, message: null });
    expect(listed.data!.unreadNotificationCount).toBe(nodes.length);
    expect((await gql(LIST, {}, admin.token)).data!.unreadNotificationCount).toBe(0);

    const MARK = `mutation($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) { unreadCount } }`;
    expect((await gql(MARK, { i: { upToId: nodes[1].id } }, eve.token)).data!.markNotificationsRead).toEqual({ unreadCount: 1 });
    expect((await gql(MARK, { i: {} }, eve.token)).data!.markNotificationsRead).toEqual({ unreadCount: 0 });
    expect(live.problem).toBeUndefined();
  });

  it("tells a group's admin of a join request filed through a link that needs approval", async () => {
    const admin = await person('Gate Admin');
    const asker = await person('Asker');
    const groupId = await chatGroup(admin, [], 'Gated');
    const link = await gql(
      `mutation($i: CreateInviteLinkInput!) { createInviteLink(input: $i) { inviteLink { url } } }`,
      { i: { groupId, requiresApproval: true } },
      admin.token,
    );
    const joined = await gql(
      `mutation($t: String!) { joinGroupByLink(input: { token: $t }) { outcome } }`,
      { t: link.data!.createInviteLink.inviteLink.url },
      asker.token,
    );
    expect(joined.data!.joinGroupByLink.outcome).toBe('REQUESTED');
    await eventually(async () => {
      const res = await gql(`{ notifications { edges { node { kind group { id name } actor { id } } } } }`, {}, admin.token);
      expect(res.data!.notifications.edges.map((e: any) => e.node)).toEqual([
        { kind: 'JOIN_REQUEST', group: { id: groupId, name: 'Gated' }, actor: { id: asker.userId } },
      ]);
    });
  });
});

describe('system entries', () => {
  const ENTRY = `id kind text author { id } systemEvent { kind actor { displayName } users { displayName } userCount name role }`;

  it('the history shows who joined, was added, left and what the group is called, live, never unread, and fixed', async () => {
    const admin = await person('Sys Admin');
    const bo = await person('Sys Bo');
    const cy = await person('Sys Cy');
    const dee = await person('Sys Dee');
    const groupId = await chatGroup(admin, [bo], 'Ops');
    const live = new Subscriber(stack.gatewayUrl, bo.token).subscribe(
      `subscription($g: ID) { messageEvents(groupId: $g) { kind messageId message { ${ENTRY} } } }`,
      { g: groupId },
    );
    subscribers.push(live);
    // Probes until one arrives: the subscription listens once the gateway has taken it. The latest to arrive is read.
    const probes: string[] = [];
    await eventually(async () => {
      probes.push((await send(admin.token, { groupId, text: 'probe' })).id);
      expect(live.payloads().some((p) => probes.includes(p.messageId))).toBe(true);
    });
    await eventually(() => expect(live.payloads().at(-1)?.messageId).toBe(probes.at(-1)));
    const probe = probes.at(-1)!;
    const MARK = `mutation($i: MarkReadInput!) { markRead(input: $i) { unreadCount } }`;
    expect((await gql(MARK, { i: { groupId, messageId: probe } }, bo.token)).data!.markRead.unreadCount).toBe(0);

    const ok = (res: { errors?: unknown }) => expect(res.errors).toBeUndefined();
    // Entries after the probe: the group's first ones may still be arriving while the subscription starts.
    const entries = () => {
      const payloads = live.payloads();
      return payloads.slice(payloads.findIndex((p) => p.messageId === probe) + 1).filter((p) => p.message?.kind === 'SYSTEM');
    };
    const nextEntry = async (count: number) => {
      await eventually(() => expect(entries()).toHaveLength(count));
      return entries()[count - 1]!;
    };
    ok(
      await gql(
        `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
        { i: { groupId, members: [{ phone: cy.phone }, { phone: dee.phone }] } },
        admin.token,
      ),
    );
    const addedEntry = await nextEntry(1);
    expect(addedEntry).toMatchObject({
      kind: 'SENT',
      message: {
        kind: 'SYSTEM',
        text: null,
        author: { id: admin.userId },
        systemEvent: { kind: 'MEMBERS_ADDED', actor: { displayName: 'Sys Admin' }, userCount: 2, name: null, role: null },
      },
    });
    expect(addedEntry.message.systemEvent.users.map((u: any) => u.displayName).sort()).toEqual(['Sys Cy', 'Sys Dee']);
    ok(await gql(`mutation($i: UpdateGroupInput!) { updateGroup(input: $i) { group { id } } }`, { i: { groupId, name: 'Night desk' } }, admin.token));
    expect((await nextEntry(2)).message.systemEvent).toMatchObject({ kind: 'GROUP_RENAMED', actor: { displayName: 'Sys Admin' }, name: 'Night desk' });
    await eventually(async () => ok(await gql(`mutation($i: GroupInput!) { leaveGroup(input: $i) { left } }`, { i: { groupId } }, cy.token)));
    expect((await nextEntry(3)).message.systemEvent).toMatchObject({
      kind: 'MEMBER_LEFT',
      actor: { displayName: 'Sys Cy' },
      users: [{ displayName: 'Sys Cy' }],
    });
    ok(
      await gql(
        `mutation($i: SetGroupRoleInput!) { setGroupRole(input: $i) { membership { role } } }`,
        { i: { groupId, userId: bo.userId, role: 'ADMIN' } },
        admin.token,
      ),
    );
    expect((await nextEntry(4)).message.systemEvent).toMatchObject({ kind: 'ROLE_CHANGED', users: [{ displayName: 'Sys Bo' }], role: 'ADMIN' });
    ok(
      await gql(
        `mutation($i: RemoveGroupMembersInput!) { removeGroupMembers(input: $i) { outcomes { status } } }`,
        { i: { groupId, userIds: [dee.userId] } },
        admin.token,
      ),
    );
    const removed = await nextEntry(5);
    expect(removed.message.systemEvent).toMatchObject({ kind: 'MEMBERS_REMOVED', actor: { displayName: 'Sys Admin' }, users: [{ displayName: 'Sys Dee' }] });

    // The same entries in the history, after the group's creation and Bo's own add; none of them is unread.
    const history = await gql(
      `query($id: ID!) { group(id: $id) { unreadCount messages(last: 20) { edges { node { ${ENTRY} } } } } }`,
      { id: groupId },
      bo.token,
    );
    ok(history);
    expect(history.data!.group.unreadCount).toBe(0);
    const kinds = history.data!.group.messages.edges.filter((e: any) => e.node.kind === 'SYSTEM').map((e: any) => e.node.systemEvent.kind);
    expect(kinds.slice(0, 2).sort()).toEqual(['GROUP_CREATED', 'MEMBERS_ADDED']);
    expect(kinds.slice(2)).toEqual(['MEMBERS_ADDED', 'GROUP_RENAMED', 'MEMBER_LEFT', 'ROLE_CHANGED', 'MEMBERS_REMOVED']);
    const conversations = await gql(`{ myConversations(first: 5) { edges { node { id lastMessage { id systemEvent { kind } } } } } }`, {}, bo.token);
    expect(conversations.data!.myConversations.edges.find((e: any) => e.node.id === groupId).node.lastMessage).toEqual({
      id: removed.messageId,
      systemEvent: { kind: 'MEMBERS_REMOVED' },
    });

    // Nobody edits, deletes or replies to an entry, not even the admin who acted.
    const edit = await gql(
      `mutation($i: EditMessageInput!) { editMessage(input: $i) { message { id } } }`,
      { i: { messageId: removed.messageId, text: 'x' } },
      admin.token,
    );
    expect([code(edit), field(edit)]).toEqual(['BAD_USER_INPUT', 'messageId']);
    const del = await gql(`mutation($i: MessageInput!) { deleteMessage(input: $i) { message { id } } }`, { i: { messageId: removed.messageId } }, admin.token);
    expect([code(del), field(del)]).toEqual(['BAD_USER_INPUT', 'messageId']);
    const reply = await gql(SEND, { i: { groupId, text: 'bye Dee', replyToId: removed.messageId } }, bo.token);
    expect([code(reply), field(reply)]).toEqual(['BAD_USER_INPUT', 'replyToId']);
    expect(live.problem).toBeUndefined();
  });
});
