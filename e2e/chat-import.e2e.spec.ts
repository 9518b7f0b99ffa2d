import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUBGRAPH_SECRET_HEADER } from '@kz/server';
import { eventually, graphql } from '@kz/testing';
import { ZipFile } from 'yazl';
import { parseWhatsAppExport, type ChatMessage } from '../services/import/src/domain/chat-export/whatsapp-parser';
import { errorCode, specStack } from './support/spec-stack';

const { stack, gql, follow } = specStack();

const ok = <T extends { errors?: unknown; data?: any }>(res: T) => {
  expect(res.errors).toBeUndefined();
  return res.data!;
};

const FIXTURES = join(__dirname, '..', 'services', 'import', 'src', 'domain', 'chat-export', 'fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

const START = `mutation($i: StartChatImportInput!) { startChatImport(input: $i) { uploadUrl maxUploadBytes import { id kind status } } }`;
const PREVIEW = `query($id: ID!) { importJob(id: $id) {
  kind status failureReason fileName counts { total processed failed }
  chat { group { id } newGroupName dateOrder timeZone reportUrl preview {
    fileKind format { platform dateOrder clock dateOrderFrom } messages systemEvents skippedLines media { referenced inArchive missing }
    firstAt lastAt authors { name phone messages match { user { id } displayName by } } samples { line sentAt author text } } } } }`;

/** A .zip as WhatsApp makes it when exporting with media. */
function zipOf(files: Record<string, Buffer>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, bytes] of Object.entries(files)) zip.addBuffer(bytes, name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

async function upload(uploadUrl: string, token: string, fileName: string, body: Buffer) {
  const res = await fetch(`${uploadUrl}?filename=${encodeURIComponent(fileName)}`, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body });
  return { status: res.status, body: (await res.json()) as any };
}

/** What the parser makes of a fixture: the figures the preview must show. */
function expected(text: string, timeZone: string) {
  const parsed = parseWhatsAppExport(text, { timeZone });
  const messages = parsed.entries.filter((e): e is ChatMessage => e.kind === 'MESSAGE');
  const perAuthor = new Map<string, number>();
  for (const m of messages) perAuthor.set(m.author, (perAuthor.get(m.author) ?? 0) + 1);
  return { parsed, messages, perAuthor };
}

describe('chat imports: start, upload and preview', () => {
  it('reads an Android export into a preview whose authors match the directory by number and by name, writing nothing', async () => {
    const admin = await stack.signIn('+14155558101', 'Alice Smith');
    const member = await stack.signIn('+14155558102', 'Mina Member');
    const orgId = ok(await gql(`mutation { createOrganization(input: { name: "Hikers" }) { organization { id } } }`, {}, admin.token)).createOrganization
      .organization.id as string;
    const addToDirectory = (phone: string, displayName: string) =>
      gql(
        `mutation($i: AddDirectoryMemberInput!) { addDirectoryMember(input: $i) { member { user { id } } } }`,
        { i: { organizationId: orgId, phone, displayName } },
        admin.token,
      );
    const bob = ok(await addToDirectory('+14155558103', 'Bob Jones')).addDirectoryMember.member.user.id as string;
    const newcomer = ok(await addToDirectory('+447911123456', 'Nia Newcomer')).addDirectoryMember.member.user.id as string;
    ok(await addToDirectory('+14155558102', 'Mina Member'));
    // Two Carols: a name several members have matches none of them.
    ok(await addToDirectory('+14155558104', 'Carol'));
    ok(await addToDirectory('+14155558105', 'carol'));
    const asked = ok(
      await gql(
        `query($o: ID!) { organization(id: $o) { directoryMatches(phones: ["+14155558103", "+14155550000"], names: ["CAROL", "bob jones"]) {
          query by candidates member { user { id } } } } }`,
        { o: orgId },
        admin.token,
      ),
    ).organization.directoryMatches;
    expect(asked).toEqual([
      { query: '+14155558103', by: 'PHONE', candidates: 1, member: { user: { id: bob } } },
      { query: '+14155550000', by: 'PHONE', candidates: 0, member: null },
      { query: 'CAROL', by: 'NAME', candidates: 2, member: null },
      { query: 'bob jones', by: 'NAME', candidates: 1, member: { user: { id: bob } } },
    ]);
    expect(
      errorCode(await gql(`query($o: ID!) { organization(id: $o) { directoryMatches(names: ["Bob Jones"]) { query } } }`, { o: orgId }, member.token)),
    ).toBe('FORBIDDEN');

    // Refusals read as sentences about the field at fault.
    const input = { organizationId: orgId, timeZone: 'Europe/London', defaultCountry: 'GB' };
    expect(errorCode(await gql(START, { i: input }, member.token))).toBe('FORBIDDEN');
    const badZone = await gql(START, { i: { ...input, timeZone: 'Mars/Olympus' } }, admin.token);
    expect(badZone.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'timeZone' });
    expect(badZone.errors?.[0]?.message).toMatch(/IANA name/);

    const started = ok(await gql(START, { i: input }, admin.token)).startChatImport;
    expect(started.import).toMatchObject({ kind: 'CHAT', status: 'QUEUED' });
    // The fixture's number is of the UK's range for drama, which no phone has: a real one here.
    const text = Buffer.from(fixture('android-24h-day-first.txt').toString('utf8').replaceAll('+44 7700 900123', '+44 7911 123456'));
    const answer = await upload(started.uploadUrl, admin.token, 'WhatsApp Chat with Hiking Club.txt', text);
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('COMPLETED');

    const job = ok(await gql(PREVIEW, { id: started.import.id }, admin.token)).importJob;
    const { parsed, messages, perAuthor } = expected(text.toString('utf8'), 'Europe/London');
    expect(job).toMatchObject({ kind: 'CHAT', status: 'COMPLETED', fileName: 'WhatsApp Chat with Hiking Club.txt' });
    expect(job.chat).toMatchObject({ group: null, newGroupName: 'Hiking Club', dateOrder: null, timeZone: 'Europe/London' });
    const preview = job.chat.preview;
    expect(preview).toMatchObject({
      fileKind: 'TEXT',
      format: { platform: 'ANDROID', dateOrder: 'DAY_FIRST', clock: 'H24', dateOrderFrom: 'FILE' },
      messages: messages.length,
      systemEvents: parsed.entries.length - messages.length,
      skippedLines: parsed.skipped.length,
      media: { referenced: messages.filter((m) => m.media).length, inArchive: 0, missing: messages.filter((m) => m.media).length },
    });
    expect(job.counts).toEqual({ total: parsed.entries.length, processed: parsed.entries.length, failed: parsed.skipped.length });
    const byName = Object.fromEntries(preview.authors.map((a: { name: string }) => [a.name, a]));
    expect(Object.keys(byName).sort()).toEqual([...perAuthor.keys()].sort());
    for (const [name, count] of perAuthor) expect(byName[name].messages).toBe(count);
    expect(byName['Alice Smith'].match).toEqual({ user: { id: admin.userId }, displayName: 'Alice Smith', by: 'NAME' });
    expect(byName['Bob Jones'].match).toEqual({ user: { id: bob }, displayName: 'Bob Jones', by: 'NAME' });
    expect(byName['+44 7911 123456']).toMatchObject({ phone: '+447911123456', match: { user: { id: newcomer }, displayName: 'Nia Newcomer', by: 'PHONE' } });
    expect(byName['Carol'].match).toBeNull();
    expect(preview.samples[0]).toMatchObject({ author: 'Alice Smith', text: 'Welcome everyone!' });
    expect(preview.samples[1].text).toBe("Clocks went forward\nLine two of Bob's message\n\nLine four, after a blank line");

    // The per-line report: each line of the file as written, and what became of it.
    expect(job.chat.reportUrl).toMatch(new RegExp(`/imports/${started.import.id}/report.csv$`));
    const report = await fetch(`${stack.gatewayUrl.replace(/\/graphql$/, '')}/imports/${started.import.id}/report.csv`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(report.status).toBe(200);
    const rows = (await report.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(rows[0]).toBe('line,text,became,detail');
    expect(rows).toContain('4,"26/03/2023, 00:59 - Alice Smith: Welcome everyone!",MESSAGE,by Alice Smith');
    expect(rows).toContain("6,Line two of Bob's message,CONTINUATION,part of the entry on line 5");
    expect(rows.filter((r) => r.includes(',SYSTEM_EVENT,'))).toHaveLength(parsed.entries.length - messages.length);
    expect(rows.filter((r) => /^\d+,/.test(r))).toHaveLength(
      text
        .toString('utf8')
        .split(/\r\n|\r|\n/)
        .filter((l, i, all) => i < all.length - 1 || l !== '').length,
    );
    expect(
      (
        await fetch(`${stack.gatewayUrl.replace(/\/graphql$/, '')}/imports/${started.import.id}/report.csv`, {
          headers: { authorization: `Bearer ${member.token}` },
        })
      ).status,
    ).toBe(404);

    // A preview is a dry run: nothing was created or written.
    const groups = ok(await gql(`query($o: ID!) { organization(id: $o) { groups(first: 50) { edges { node { name } } } } }`, { o: orgId }, admin.token));
    expect(groups.organization.groups.edges.map((e: { node: { name: string } }) => e.node.name)).not.toContain('Hiking Club');
  });

  it('reads an iPhone .zip with its media into an existing group’s preview, and refuses what is not a chat export at once', async () => {
    const admin = await stack.signIn('+14155558201', 'Alice');
    const { orgId, groupId } = await stack.organizationWithGroup(admin.token, 'Family office', 'Family');
    const input = { organizationId: orgId, groupId, timeZone: 'Europe/Berlin', defaultCountry: 'DE', dateOrder: 'DAY_FIRST' };
    const both = await gql(START, { i: { ...input, newGroupName: 'Another' } }, admin.token);
    expect(both.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'newGroupName' });

    const chat = fixture('ios-bom-mixed-line-ends.txt');
    const photo = Buffer.from('a photo of a puppy');
    const zipped = await zipOf({ '_chat.txt': chat, '00000012-PHOTO-2024-01-05-09-03-15.jpg': photo });
    const started = ok(await gql(START, { i: input }, admin.token)).startChatImport;
    const answer = await upload(started.uploadUrl, admin.token, 'WhatsApp Chat - Family.zip', zipped);
    expect(answer.status).toBe(200);
    const job = ok(await gql(PREVIEW, { id: started.import.id }, admin.token)).importJob;
    const { messages } = expected(chat.toString('utf8'), 'Europe/Berlin');
    expect(job.chat).toMatchObject({ group: { id: groupId }, newGroupName: null, dateOrder: 'DAY_FIRST' });
    expect(job.chat.preview).toMatchObject({
      fileKind: 'ZIP',
      format: { platform: 'IOS' },
      messages: messages.length,
      media: { referenced: messages.filter((m) => m.media).length, inArchive: 1, missing: messages.filter((m) => m.media).length - 1 },
    });
    // The BOM does not cost the first entry, and the first message's time is read in the phone's zone.
    expect(job.chat.preview.firstAt).toBe('2024-01-05T08:00:00.000Z');
    expect(job.chat.preview.samples[0]).toMatchObject({ author: 'Alice', text: 'Morning all!', sentAt: '2024-01-05T08:01:30.000Z' });

    // Applied, the photo the .zip holds becomes the message's attachment; files it lacks are noted on their messages.
    const applied = ok(
      await gql(`mutation($i: ApplyChatImportInput!) { applyChatImport(input: $i) { import { id } } }`, { i: { importId: started.import.id } }, admin.token),
    ).applyChatImport.import.id as string;
    await eventually(async () => expect(ok(await gql(PREVIEW, { id: applied }, admin.token)).importJob.status).toBe('COMPLETED'), { timeoutMs: 60_000 });
    const history = ok(
      await gql(
        `query($g: ID!) { group(id: $g) { messages(first: 100) { edges { node { text imported { originalAuthor } attachments { id filename contentType size } } } } } }`,
        { g: groupId },
        admin.token,
      ),
    ).group.messages.edges.map((e: any) => e.node);
    const puppy = history.find((m: any) => m.attachments.length > 0);
    expect(puppy).toMatchObject({
      text: 'Our new puppy',
      attachments: [{ id: expect.any(String), filename: '00000012-PHOTO-2024-01-05-09-03-15.jpg', contentType: 'image/jpeg', size: photo.length }],
    });
    // Through the gateway's origin, as the web app downloads it (this stack's attachment URLs name messaging's default port).
    const file = await fetch(`${stack.gatewayUrl.replace(/\/graphql$/, '')}/attachments/${puppy.attachments[0].id}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(Buffer.from(await file.arrayBuffer()).equals(photo)).toBe(true);
    expect(history.map((m: any) => m.text)).toEqual(
      expect.arrayContaining(['[Media was left out of the export]', expect.stringContaining('[File not in the export: 00000020-Report.pdf]')]),
    );

    // Not a chat export: refused at once with the reason, the import FAILED with it.
    for (const [name, body, reason] of [
      ['members.csv', fixture('not-a-chat.csv'), /does not look like a WhatsApp chat export|not a WhatsApp chat export/i],
      ['photos.zip', await zipOf({ 'IMG-1.jpg': photo }), /holds no chat text/],
    ] as const) {
      const refused = ok(await gql(START, { i: input }, admin.token)).startChatImport;
      const res = await upload(refused.uploadUrl, admin.token, name, body);
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'file' } });
      expect(res.body.errors[0].message).toMatch(reason);
      const failed = ok(await gql(PREVIEW, { id: refused.import.id }, admin.token)).importJob;
      expect(failed.status).toBe('FAILED');
      expect(failed.failureReason).toBe(res.body.errors[0].message);
      expect(failed.chat.preview).toBeNull();
    }
  });

  it('applies a preview: the history lands in a new group in the file’s order with original times, mapped or placeholder authors, never unread, once', async () => {
    const admin = await stack.signIn('+14155558301', 'Alice Smith');
    const bobSession = await stack.signIn('+14155558302', 'Bob Jones');
    const orgId = ok(await gql(`mutation { createOrganization(input: { name: "Trail club" }) { organization { id } } }`, {}, admin.token)).createOrganization
      .organization.id as string;
    ok(
      await gql(
        `mutation($i: AddDirectoryMemberInput!) { addDirectoryMember(input: $i) { member { user { id } } } }`,
        { i: { organizationId: orgId, phone: '+14155558302', displayName: 'Bob Jones' } },
        admin.token,
      ),
    );
    await stack.knownToGroups(bobSession.userId);
    const everything = follow(admin.token, `subscription { messageEvents { kind groupId count message { id } } }`);
    const text = fixture('android-24h-day-first.txt').toString('utf8');
    const { parsed, messages } = expected(text, 'Europe/London');
    const started = ok(await gql(START, { i: { organizationId: orgId, timeZone: 'Europe/London', defaultCountry: 'GB' } }, admin.token)).startChatImport;
    expect((await upload(started.uploadUrl, admin.token, 'WhatsApp Chat with Trail Talk.txt', Buffer.from(text))).status).toBe(200);

    const APPLY = `mutation($i: ApplyChatImportInput!) { applyChatImport(input: $i) { import { id kind status } } }`;
    const unknownAuthor = await gql(APPLY, { i: { importId: started.import.id, authors: [{ name: 'Zed', phone: null }] } }, admin.token);
    expect(unknownAuthor.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'authors' });
    const notInDirectory = await gql(APPLY, { i: { importId: started.import.id, authors: [{ name: 'Carol', phone: '+14155550199' }] } }, admin.token);
    expect(notInDirectory.errors?.[0]?.message).toMatch(/No one in the organisation's directory has the number/);

    // Alice and Bob match by name; Carol and the number stay placeholders; Bob becomes a member.
    const APPLIED = `query($id: ID!) { importJob(id: $id) { status failureReason counts { total processed created unchanged failed }
      chat { group { id } source { id } addAuthorsAsMembers mapping { name user { id } } } } }`;
    const runApply = async () => {
      const applied = ok(await gql(APPLY, { i: { importId: started.import.id, addAuthorsAsMembers: true } }, admin.token)).applyChatImport.import;
      expect(applied).toMatchObject({ kind: 'CHAT', status: 'RUNNING' });
      return eventually(
        async () => {
          const job = ok(await gql(APPLIED, { id: applied.id }, admin.token)).importJob;
          expect(job.status).toBe('COMPLETED');
          return job;
        },
        { timeoutMs: 60_000 },
      );
    };
    const first = await runApply();
    const entries = parsed.entries.length;
    expect(first.counts).toEqual({ total: entries, processed: entries, created: entries, unchanged: 0, failed: 0 });
    expect(first.chat).toMatchObject({ source: { id: started.import.id }, addAuthorsAsMembers: true });
    expect(first.chat.mapping).toEqual(
      expect.arrayContaining([
        { name: 'Alice Smith', user: { id: admin.userId } },
        { name: 'Bob Jones', user: { id: bobSession.userId } },
        { name: 'Carol', user: null },
      ]),
    );
    const groupId = first.chat.group.id as string;

    const HISTORY = `query($g: ID!) { group(id: $g) { name unreadCount messages(first: 100) { edges { node {
      id kind text sentAt deleted editedAt author { id } systemEvent { kind text } imported { originalAuthor placeholderAuthor importJob { id } } } } } } }`;
    const group = ok(await gql(HISTORY, { g: groupId }, admin.token)).group;
    expect(group.name).toBe('Trail Talk');
    const importedOf = (history: any) =>
      history.messages.edges.map((e: any) => e.node).filter((m: any) => m.imported || m.systemEvent?.kind === 'IMPORTED_NOTICE');
    const imported = importedOf(group);
    expect(imported).toHaveLength(entries);
    // The file's order, each with its original time.
    expect(imported.map((m: any) => m.sentAt)).toEqual(parsed.entries.map((e) => e.sentAt.toISOString()));
    const people = imported.filter((m: any) => m.kind === 'TEXT');
    expect(people).toHaveLength(messages.length);
    const welcome = people.find((m: any) => m.text === 'Welcome everyone!');
    expect(welcome).toMatchObject({
      author: { id: admin.userId },
      imported: { originalAuthor: 'Alice Smith', placeholderAuthor: false, importJob: { id: expect.any(String) } },
    });
    const carol = people.find((m: any) => m.imported.originalAuthor === 'Carol');
    expect(carol).toMatchObject({ deleted: true, text: null, author: { id: admin.userId }, imported: { placeholderAuthor: true } });
    expect(people.find((m: any) => m.imported.originalAuthor === 'Bob Jones' && m.editedAt)).toMatchObject({
      author: { id: bobSession.userId },
      text: 'See you at 10:30',
    });
    expect(people.find((m: any) => m.text === '[File not in the export: IMG-20231231-WA0001.jpg]\nView from the top')).toBeDefined();
    expect(imported.filter((m: any) => m.kind === 'SYSTEM').every((m: any) => m.systemEvent.kind === 'IMPORTED_NOTICE' && m.systemEvent.text)).toBe(true);

    // Bob is a member now; nothing imported is unread to him, and it is found by search.
    // (Messaging hears of his membership through the groups service's events.)
    await eventually(async () =>
      expect(ok(await gql(`query($g: ID!) { group(id: $g) { myRole unreadCount } }`, { g: groupId }, bobSession.token)).group).toEqual({
        myRole: 'MEMBER',
        unreadCount: 0,
      }),
    );
    const found = ok(await gql(`query { searchMessages(query: "Welcome everyone") { edges { node { message { id } } } } }`, {}, bobSession.token));
    expect(found.searchMessages.edges.map((e: any) => e.node.message.id)).toContain(welcome.id);

    // Live subscribers hear one HISTORY_IMPORTED event for the chunk, not one message each.
    const ofGroup = await eventually(() => {
      const events = everything.received.map((r) => r.data?.['messageEvents']).filter((e: any) => e?.groupId === groupId);
      expect(events.filter((e: any) => e.kind === 'HISTORY_IMPORTED')).toEqual([{ kind: 'HISTORY_IMPORTED', groupId, count: entries, message: null }]);
      return events;
    });
    expect(ofGroup.filter((e: any) => e.kind === 'SENT' && imported.some((m: any) => m.id === e.message?.id))).toEqual([]);

    // The same preview applied again goes to the same group, and writes nothing twice.
    const again = await runApply();
    expect(again.counts).toEqual({ total: entries, processed: entries, created: 0, unchanged: entries, failed: 0 });
    expect(again.chat.group.id).toBe(groupId);
    // (The group's own notices, such as Bob's joining, may still be arriving: only what the import wrote is compared.)
    const importedAgain = importedOf(ok(await gql(HISTORY, { g: groupId }, admin.token)).group);
    expect(importedAgain.map((m: any) => m.id)).toEqual(imported.map((m: any) => m.id));
  });

  it("keeps writing a group's history to chat imports: not in the public API, refused to people's tokens even from a peer", async () => {
    const admin = await stack.signIn('+14155558401', 'Ida Intruder');
    const groupId = await eventually(
      async () => ok(await gql(`mutation { createGroup(input: { name: "Mine" }) { group { id } } }`, {}, admin.token)).createGroup.group.id as string,
    );
    const write = `mutation($i: ImportGroupHistoryInput!) { importGroupHistory(input: $i) { written } }`;
    const entry = { id: '01900000-0000-7000-8000-000000000001', sentAt: '2024-01-01T00:00:00Z', kind: 'TEXT', text: 'forged history' };
    const viaGateway = await gql(write, { i: { groupId, entries: [entry] } }, admin.token);
    expect(viaGateway.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    const asPeer = await graphql(`${stack.messagingUrl}/graphql`, write, { i: { groupId, entries: [entry] } }, admin.token, {
      [SUBGRAPH_SECRET_HEADER]: stack.subgraphSecret,
    });
    expect(asPeer.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const file = await fetch(`${stack.messagingUrl}/import-files?groupId=${groupId}&id=${entry.id}&filename=x.jpg`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'image/jpeg' },
      body: Buffer.from('not yours'),
    });
    expect(file.status).toBe(403);
  });
});
