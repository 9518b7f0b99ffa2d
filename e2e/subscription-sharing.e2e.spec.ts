import { eventually } from '@kz/testing';
import type { Subscriber } from '@kz/stack';
import { specStack } from './support/spec-stack';

/**
 * The gateway resolves an event's message once for all subscribers whose
 * selection only has fields every reader sees alike, and shares the answer
 * only when every reader of the group gets it: these check that sharing never
 * shows anyone more than resolving per subscriber would.
 */
const { stack, gql, follow } = specStack();

let phoneSeq = 0;
async function person(name: string) {
  const phone = `+1415557${String(1000 + phoneSeq++).padStart(4, '0')}`;
  return { ...(await stack.signIn(phone, name)), phone };
}

const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;
/** Only fields every reader of the group sees alike: resolved once and shared. */
const SHAREABLE = `subscription($g: ID) { messageEvents(groupId: $g) { kind messageId message { id text author { id } } } }`;
/** A field of another subgraph: resolved per subscriber. */
const PER_SUBSCRIBER = `subscription($g: ID) { messageEvents(groupId: $g) { kind messageId message { id text author { displayName } } } }`;

const subscribe = (token: string, query: string, groupId: string): Subscriber => follow(token, query, { g: groupId });

const texts = (s: Subscriber) => s.payloads().map((p) => (p.message === null ? null : p.message?.text));

describe('shared resolution of subscription payloads', () => {
  it('shares what every reader sees, and never an admins-only reply with those who may not read it', async () => {
    const admin = await person('Broadcast Admin');
    const replier = await person('Replying Subscriber');
    const other = await person('Other Subscriber');
    const groupId = await eventually(async () => {
      const res = await gql(
        `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
        { i: { name: 'Sharing broadcast', broadcast: true } },
        admin.token,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.createGroup.group.id as string;
    });
    const added = await gql(
      `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId, members: [{ phone: replier.phone }, { phone: other.phone }] } },
      admin.token,
    );
    expect(added.errors).toBeUndefined();
    for (const m of [admin, replier, other]) {
      await eventually(async () =>
        expect((await gql(`query($id: ID!) { group(id: $id) { messages(last: 1) { edges { cursor } } } }`, { id: groupId }, m.token)).errors).toBeUndefined(),
      );
    }

    const subs = {
      admin: subscribe(admin.token, SHAREABLE, groupId),
      replier: subscribe(replier.token, SHAREABLE, groupId),
      other: subscribe(other.token, SHAREABLE, groupId),
      otherNamed: subscribe(other.token, PER_SUBSCRIBER, groupId),
    };
    // Live once a probe from the admin reached everyone.
    await eventually(
      async () => {
        await gql(SEND, { i: { groupId, text: 'probe' } }, admin.token);
        for (const s of Object.values(subs)) expect(texts(s)).toContain('probe');
      },
      { intervalMs: 300 },
    );

    const forAll = await gql(SEND, { i: { groupId, text: 'For every subscriber' } }, admin.token);
    const forAdmins = await gql(SEND, { i: { groupId, text: 'A reply for the admins' } }, replier.token);
    const last = await gql(SEND, { i: { groupId, text: 'Last one' } }, admin.token);
    expect([forAll.errors, forAdmins.errors, last.errors]).toEqual([undefined, undefined, undefined]);
    const replyId = forAdmins.data!.sendMessage.message.id as string;
    for (const s of Object.values(subs)) await eventually(() => expect(texts(s)).toContain('Last one'));

    const of = (s: Subscriber, id: string) => s.payloads().find((p) => p.messageId === id);
    // The admins-only reply: its author and the admin read it; the other subscriber is told a message came, not what it says.
    expect(of(subs.admin, replyId)).toEqual({
      kind: 'SENT',
      messageId: replyId,
      message: { id: replyId, text: 'A reply for the admins', author: { id: replier.userId } },
    });
    expect(of(subs.replier, replyId)?.message).toEqual({ id: replyId, text: 'A reply for the admins', author: { id: replier.userId } });
    expect(of(subs.other, replyId)).toEqual({ kind: 'SENT', messageId: replyId, message: null });
    expect(of(subs.otherNamed, replyId)).toEqual({ kind: 'SENT', messageId: replyId, message: null });

    // A message for everyone reaches all, with the per-subscriber fields resolved for the one who asked for them.
    const allId = forAll.data!.sendMessage.message.id as string;
    for (const s of [subs.admin, subs.replier, subs.other]) {
      expect(of(s, allId)?.message).toEqual({ id: allId, text: 'For every subscriber', author: { id: admin.userId } });
    }
    expect(of(subs.otherNamed, allId)?.message).toEqual({ id: allId, text: 'For every subscriber', author: { displayName: 'Broadcast Admin' } });
    for (const s of Object.values(subs)) expect(s.ended).toBeNull();
  });
});
