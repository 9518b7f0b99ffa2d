import { eventually } from '@kz/testing';
import { errorCode, specStack } from './support/spec-stack';

const { stack, gql } = specStack();

const ok = <T extends { errors?: unknown; data?: any }>(res: T) => {
  expect(res.errors).toBeUndefined();
  return res.data!;
};

const ORG_RETENTION = `mutation($i: SetMessageRetentionInput!) { setMessageRetention(input: $i) { organization { messageRetentionDays } } }`;
const GROUP_RETENTION = `mutation($i: SetGroupRetentionInput!) { setGroupRetention(input: $i) { group { messageRetentionDays legalHold } } }`;
const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;
const HISTORY = `query($g: ID!) { group(id: $g) { messages(last: 20) { edges { node { text } } } } }`;
const LOG = `query($o: ID!) { organization(id: $o) { auditLog(first: 50, filter: { action: "retention" }) { edges { node { action actorKind targetId before after count } } } } }`;

describe('message retention through the gateway', () => {
  it("lets an organisation's admins set how long it and each group keep messages, with a legal hold, and deletes what expired", async () => {
    const admin = await stack.signIn('+14155556101', 'Rita Retention');
    const member = await stack.signIn('+14155556102', 'Manu Member');
    const orgId = ok(await gql(`mutation { createOrganization(input: { name: "Keepers" }) { organization { id } } }`, {}, admin.token)).createOrganization
      .organization.id as string;
    const createGroup = (name: string, organizationId?: string) =>
      eventually(
        async () =>
          ok(await gql(`mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`, { i: { name, organizationId } }, admin.token)).createGroup
            .group.id as string,
      );
    const [team, archive, own] = [await createGroup('Team', orgId), await createGroup('Archive', orgId), await createGroup('Rita’s own')];

    // Bad input reads as a sentence with its field; only admins decide; private groups have no organisation to decide.
    const tooLong = await gql(ORG_RETENTION, { i: { organizationId: orgId, keepDays: 50_000 } }, admin.token);
    expect(tooLong.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'keepDays' });
    expect(errorCode(await gql(ORG_RETENTION, { i: { organizationId: orgId, keepDays: 7 } }, member.token))).toBe('NOT_FOUND');
    expect(errorCode(await gql(GROUP_RETENTION, { i: { groupId: own, keepDays: 7 } }, admin.token))).toBe('BAD_USER_INPUT');

    expect(ok(await gql(ORG_RETENTION, { i: { organizationId: orgId, keepDays: 7 } }, admin.token)).setMessageRetention.organization).toEqual({
      messageRetentionDays: 7,
    });
    expect(ok(await gql(GROUP_RETENTION, { i: { groupId: archive, keepDays: null, legalHold: true } }, admin.token)).setGroupRetention.group).toEqual({
      messageRetentionDays: null,
      legalHold: true,
    });

    // Messages in each group, then aged as if sent ten days ago (messaging hears of new groups through events).
    const sent: string[] = [];
    for (const [groupId, text] of [
      [team, 'old team note'],
      [archive, 'old archived note'],
      [own, 'old private note'],
    ]) {
      sent.push(await eventually(async () => ok(await gql(SEND, { i: { groupId, text } }, admin.token)).sendMessage.message.id as string));
    }
    await stack.messaging.runtime.dataSource.query(`UPDATE messages SET sent_at = now() - interval '10 days' WHERE id = ANY($1::uuid[])`, [sent]);
    ok(await gql(SEND, { i: { groupId: team, text: 'fresh team note' } }, admin.token));

    // Messaging applies the policies from identity's and groups' events; a pass then deletes only the team's old note
    // (this one, or the job's own on its interval: whichever runs first).
    const textsOf = async (groupId: string) =>
      ok(await gql(HISTORY, { g: groupId }, admin.token))
        .group.messages.edges.map((e: { node: { text: string | null } }) => e.node.text)
        .filter((t: string | null) => t !== null);
    await eventually(
      async () => {
        await stack.messaging.services.retention.sweep();
        expect(await textsOf(team)).toEqual(['fresh team note']);
      },
      { timeoutMs: 30_000 },
    );
    expect(await textsOf(archive)).toEqual(['old archived note']);
    expect(await textsOf(own)).toEqual(['old private note']);

    // The audit log has the policies, who set them, and what the platform deleted.
    const entries = await eventually(async () => {
      const found = ok(await gql(LOG, { o: orgId }, admin.token)).organization.auditLog.edges.map((e: { node: unknown }) => e.node);
      expect(found).toHaveLength(3);
      return found;
    });
    expect(entries).toEqual([
      { action: 'retention.messages-deleted', actorKind: 'SYSTEM', targetId: team, before: null, after: expect.stringContaining('"keepDays":7'), count: 1 },
      { action: 'retention.group-policy-set', actorKind: 'PERSON', targetId: archive, before: '{"legalHold":false}', after: '{"legalHold":true}', count: null },
      {
        action: 'retention.organization-policy-set',
        actorKind: 'PERSON',
        targetId: orgId,
        before: '{"keepDays":null}',
        after: '{"keepDays":7}',
        count: null,
      },
    ]);
  });
});
