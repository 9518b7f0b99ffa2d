import { SUBGRAPH_SECRET_HEADER } from '@kz/server';
import { eventually } from '@kz/testing';
import { jsonLines, sha256, unpackArchive } from './support/export-archive';
import { errorCode, specStack } from './support/spec-stack';

const { stack, gql, follow } = specStack();

const ok = <T extends { errors?: unknown; data?: any }>(res: T) => {
  expect(res.errors).toBeUndefined();
  return res.data!;
};

const START = `mutation($i: StartExportInput!) { startExport(input: $i) { export { id status from to } } }`;
const JOB = `query($id: ID!) { exportJob(id: $id) {
  id status recordsWritten recordsTotal percent failureReason downloadUrl archiveBytes archiveSha256 expiresAt startedBy { id } organization { id } } }`;
const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;

type Manifest = {
  format: string;
  exportId: string;
  organization: { id: string; name: string };
  counts: Record<string, number>;
  files: { path: string; records: number; bytes: number; sha256: string }[];
  attachments: { files: number; bytes: number };
};

async function download(url: string, token: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, ...headers } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

describe("an organisation's export", () => {
  it('writes everything the organisation owns to one archive that re-counts to the source, for its admins only, and then expires', async () => {
    const admin = await stack.signIn('+14155557101', 'Esme Exporter');
    const member = await stack.signIn('+14155557102', 'Milo Member');
    const orgId = ok(await gql(`mutation { createOrganization(input: { name: "Archivists" }) { organization { id } } }`, {}, admin.token)).createOrganization
      .organization.id as string;
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
        {
          i: {
            organizationId: orgId,
            phone: '+14155557102',
            displayName: 'Milo Member',
            network: 'EMPLOYEE',
            attributes: [{ name: 'Cost centre', value: 'CC-9' }],
          },
        },
        admin.token,
      ),
    );
    const createGroup = (name: string, parentId?: string) =>
      eventually(
        async () =>
          ok(
            await gql(
              `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
              { i: { name, organizationId: orgId, parentId } },
              admin.token,
            ),
          ).createGroup.group.id as string,
      );
    const team = await createGroup('Team');
    const desk = await createGroup('Desk', team);
    await stack.knownToGroups(member.userId);
    ok(
      await gql(
        `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
        { i: { groupId: team, members: [{ phone: '+14155557102' }] } },
        admin.token,
      ),
    );

    // History: a plain message, one edited, one deleted, a poll with a vote, a file.
    const send = (groupId: string, text: string, extra: Record<string, unknown> = {}) =>
      eventually(async () => ok(await gql(SEND, { i: { groupId, text, ...extra } }, admin.token)).sendMessage.message.id as string);
    await send(team, 'first note');
    const edited = await send(team, 'draft');
    ok(await gql(`mutation($i: EditMessageInput!) { editMessage(input: $i) { message { id } } }`, { i: { messageId: edited, text: 'final' } }, admin.token));
    const deleted = await send(desk, 'oops');
    ok(await gql(`mutation($i: MessageInput!) { deleteMessage(input: $i) { message { id } } }`, { i: { messageId: deleted } }, admin.token));
    const pollId = ok(
      await gql(
        `mutation($i: CreatePollInput!) { createPoll(input: $i) { message { id } } }`,
        { i: { groupId: team, question: 'Lunch?', options: ['Yes', 'No'] } },
        admin.token,
      ),
    ).createPoll.message.id as string;
    await eventually(async () =>
      ok(
        await gql(
          `mutation($i: AnswerPollInput!) { answerPoll(input: $i) { message { id } } }`,
          { i: { messageId: pollId, optionIndexes: [0] } },
          member.token,
        ),
      ),
    );
    const fileBytes = Buffer.from('%PDF-1.4 minutes of the meeting\n'.repeat(50));
    const upload = await fetch(`${stack.gatewayUrl.replace(/\/graphql$/, '')}/attachments?groupId=${team}&filename=minutes.pdf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/pdf' },
      body: fileBytes,
    });
    expect(upload.status).toBe(201);
    const attachmentId = ((await upload.json()) as { id: string }).id;
    await send(team, 'the minutes', { attachmentIds: [attachmentId] });

    // Only admins export, or see exports; a time range must make sense.
    expect(errorCode(await gql(START, { i: { organizationId: orgId } }, member.token))).toBe('FORBIDDEN');
    const backwards = await gql(START, { i: { organizationId: orgId, from: '2030-01-01T00:00:00Z', to: '2029-01-01T00:00:00Z' } }, admin.token);
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });

    const started = ok(await gql(START, { i: { organizationId: orgId } }, admin.token)).startExport.export;
    expect(started.status).toBe('QUEUED');
    expect(started.from).toBeNull();
    const progress = follow(admin.token, `subscription($id: ID!) { exportProgress(exportId: $id) { status export { percent downloadUrl } } }`, {
      id: started.id,
    });
    const job = await eventually(
      async () => {
        const now = ok(await gql(JOB, { id: started.id }, admin.token)).exportJob;
        expect(now.status).toBe('COMPLETED');
        return now;
      },
      { timeoutMs: 60_000 },
    );
    expect(job).toMatchObject({ percent: 100, startedBy: { id: admin.userId }, organization: { id: orgId }, failureReason: null });
    // Downloads go through the gateway's origin, as the web app makes them (this stack's links name the import service itself).
    expect(job.downloadUrl).toMatch(new RegExp(`/exports/${started.id}/archive$`));
    const archiveUrl = `${stack.gatewayUrl.replace(/\/graphql$/, '')}/exports/${started.id}/archive`;
    const heard = await eventually(async () => {
      const statuses = progress.received.map((r) => r.data?.['exportProgress']?.status);
      expect(statuses.at(-1)).toBe('COMPLETED');
      return progress.received.at(-1)!;
    });
    expect(heard.data!['exportProgress'].export).toEqual({ percent: 100, downloadUrl: job.downloadUrl });
    expect(
      ok(await gql(`query($o: ID!) { organization(id: $o) { exports { edges { node { id status } } } } }`, { o: orgId }, admin.token)).organization.exports
        .edges,
    ).toEqual([{ node: { id: started.id, status: 'COMPLETED' } }]);
    // The admin who started it is told it is ready.
    await eventually(async () =>
      expect(
        ok(await gql(`query { notifications(first: 20) { edges { node { kind exportJob { id status } } } } }`, {}, admin.token)).notifications.edges.map(
          (e: { node: unknown }) => e.node,
        ),
      ).toContainEqual({ kind: 'EXPORT_FINISHED', exportJob: { id: started.id, status: 'COMPLETED' } }),
    );
    expect(errorCode(await gql(JOB, { id: started.id }, member.token))).toBe('NOT_FOUND');
    expect(errorCode(await gql(`query($o: ID!) { organization(id: $o) { exports { edges { node { id } } } } }`, { o: orgId }, member.token))).toBe('FORBIDDEN');

    // The download: the member and strangers are refused; the admin gets the archive, checksummed, resumable.
    expect((await download(archiveUrl, member.token)).status).toBe(404);
    expect((await fetch(archiveUrl)).status).toBe(401);
    const whole = await download(archiveUrl, admin.token);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('application/gzip');
    expect(whole.body.length).toBe(job.archiveBytes);
    expect(sha256(whole.body)).toBe(job.archiveSha256);
    const tail = await download(archiveUrl, admin.token, { range: 'bytes=100-' });
    expect(tail.status).toBe(206);
    expect(tail.body.equals(whole.body.subarray(100))).toBe(true);

    // The archive re-counts to the source: the manifest first, each file's checksum, each kind's records.
    const archive = await unpackArchive(whole.body);
    expect(archive.order[0]).toBe('manifest.json');
    const manifest = JSON.parse(archive.files.get('manifest.json')!.toString('utf8')) as Manifest;
    expect(manifest).toMatchObject({ format: 'kaizala-organization-export', exportId: started.id, organization: { id: orgId, name: 'Archivists' } });
    for (const file of manifest.files) {
      const bytes = archive.files.get(file.path)!;
      expect({ path: file.path, sha256: sha256(bytes), bytes: bytes.length, records: jsonLines(bytes).length }).toEqual({
        path: file.path,
        sha256: file.sha256,
        bytes: file.bytes,
        records: file.records,
      });
    }
    const messagingDb = stack.messaging.runtime.dataSource;
    const groupsDb = stack.groups.runtime.dataSource;
    const count = async (db: typeof messagingDb, sql: string) => Number(((await db.query(sql, [orgId])) as { n: string }[])[0]!.n);
    const orgMessages = `m.group_id IN (SELECT id FROM known_groups WHERE org_id = $1)`;
    expect(manifest.counts).toEqual({
      organization: 1,
      'attribute-definitions': 1,
      people: 2,
      groups: 2,
      memberships: await count(groupsDb, `SELECT count(*) AS n FROM memberships m JOIN groups g ON g.id = m.group_id WHERE g.org_id = $1`),
      messages: await count(messagingDb, `SELECT count(*) AS n FROM messages m WHERE ${orgMessages}`),
      polls: 1,
      votes: 1,
      attachments: 1,
    });

    const people = jsonLines(archive.files.get('people.jsonl'));
    expect(people).toContainEqual(
      expect.objectContaining({ id: member.userId, name: 'Milo Member', phone: '+14155557102', attributes: { 'cost centre': 'CC-9' } }),
    );
    expect(jsonLines(archive.files.get('groups.jsonl'))).toContainEqual(expect.objectContaining({ id: desk, name: 'Desk', parentId: team }));
    const messages = jsonLines(archive.files.get('messages.jsonl'));
    expect(messages).toContainEqual(expect.objectContaining({ id: edited, text: 'final', editedAt: expect.any(String) }));
    expect(messages).toContainEqual(expect.objectContaining({ id: deleted, text: null, deletedAt: expect.any(String), deletedBy: admin.userId }));
    expect(jsonLines(archive.files.get('votes.jsonl'))).toEqual([expect.objectContaining({ messageId: pollId, userId: member.userId, optionIndexes: [0] })]);
    const [attachment] = jsonLines<{ id: string; path: string; sha256: string; size: number }>(archive.files.get('attachments.jsonl'));
    expect(attachment).toMatchObject({ id: attachmentId, path: `attachments/${attachmentId}/minutes.pdf`, size: fileBytes.length, sha256: sha256(fileBytes) });
    expect(sha256(archive.files.get(attachment!.path)!)).toBe(attachment!.sha256);
    expect(manifest.attachments).toMatchObject({ files: 1, bytes: fileBytes.length });

    // A range takes only the messages sent in it (the rest of the organisation as it is).
    const later = ok(await gql(START, { i: { organizationId: orgId, from: new Date(Date.now() - 1).toISOString() } }, admin.token)).startExport.export;
    const empty = await eventually(
      async () => {
        const now = ok(await gql(JOB, { id: later.id }, admin.token)).exportJob;
        expect(now.status).toBe('COMPLETED');
        return now;
      },
      { timeoutMs: 60_000 },
    );
    const ranged = await unpackArchive((await download(empty.downloadUrl, admin.token)).body);
    const rangedCounts = (JSON.parse(ranged.files.get('manifest.json')!.toString('utf8')) as Manifest).counts;
    expect(rangedCounts).toMatchObject({ people: 2, groups: 2, messages: 0, polls: 0, votes: 0, attachments: 0 });

    // Each start and download is in the audit log.
    await eventually(async () => {
      const actions = ok(
        await gql(
          `query($o: ID!) { organization(id: $o) { auditLog(first: 50, filter: { action: "export" }) { edges { node { action actorId targetId } } } } }`,
          { o: orgId },
          admin.token,
        ),
      ).organization.auditLog.edges.map((e: { node: { action: string } }) => e.node.action);
      expect(actions.filter((a: string) => a === 'export.started')).toHaveLength(2);
      expect(actions.filter((a: string) => a === 'export.downloaded').length).toBeGreaterThanOrEqual(3);
    });

    // Archives are kept for their time, then deleted.
    expect(await stack.import.services.exports.expire(new Date(Date.now() + 8 * 24 * 3600 * 1000))).toEqual(expect.arrayContaining([started.id, later.id]));
    expect(ok(await gql(JOB, { id: started.id }, admin.token)).exportJob).toMatchObject({ status: 'EXPIRED', downloadUrl: null });
    expect((await download(archiveUrl, admin.token)).status).toBe(404);
  });

  it("answers services' export pages to peers only", async () => {
    const orgId = '00000000-0000-4000-8000-000000000000';
    for (const base of [stack.identityUrl, stack.groupsUrl, stack.messagingUrl]) {
      const kind = base === stack.identityUrl ? 'people' : base === stack.groupsUrl ? 'groups' : 'messages';
      const stranger = await fetch(`${base}/export/${kind}?organizationId=${orgId}`);
      expect(stranger.status).toBe(403);
      expect(((await stranger.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('FORBIDDEN');
      const wrong = await fetch(`${base}/export/${kind}?organizationId=${orgId}`, { headers: { [SUBGRAPH_SECRET_HEADER]: 'x'.repeat(64) } });
      expect(wrong.status).toBe(403);
      const peer = await fetch(`${base}/export/${kind}?organizationId=${orgId}`, { headers: { [SUBGRAPH_SECRET_HEADER]: stack.subgraphSecret } });
      expect(peer.status).toBe(200);
      expect(await peer.text()).toBe('');
    }
    const file = await fetch(`${stack.messagingUrl}/export-files/${orgId}?organizationId=${orgId}`);
    expect(file.status).toBe(403);
  });
});
