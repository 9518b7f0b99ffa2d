import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { eventually, graphql } from '@kz/testing';
import { Stack } from './support/stack';

const stack = new Stack();
beforeAll(() => stack.start());
afterAll(() => stack.stop());

const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(stack.gatewayUrl, query, variables, token);

async function upload(token: string | null, groupId: string, body: Buffer, contentType: string, filename = 'photo.png') {
  const res = await fetch(`${stack.messagingUrl}/attachments?groupId=${groupId}&filename=${encodeURIComponent(filename)}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('attachments', () => {
  it('uploads a file, sends it with a message, and serves it only to members', async () => {
    const sender = await stack.signIn('+14155558001', 'Sender');
    const member = await stack.signIn('+14155558002', 'Member');
    const outsider = await stack.signIn('+14155558003', 'Outsider');
    const groupId = await eventually(async () => {
      const res = await gql(`mutation { createGroup(input: { name: "Files" }) { group { id } } }`, {}, sender.token);
      return res.data!.createGroup.group.id as string;
    });
    await gql(
      `mutation($i: AddGroupMembersInput!) { addGroupMembers(input: $i) { outcomes { status } } }`,
      { i: { groupId, members: [{ phone: '+14155558002' }] } },
      sender.token,
    );
    await eventually(async () => expect((await upload(sender.token, groupId, Buffer.from('x'), 'image/png')).status).toBe(201));

    const bytes = randomBytes(200_000);
    const uploaded = await upload(sender.token, groupId, bytes, 'image/png', '../../etc/site plan.png');
    expect(uploaded).toEqual({ status: 201, body: { id: expect.any(String), filename: 'site plan.png', contentType: 'image/png', size: 200_000 } });

    const sent = await gql(
      `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id attachments { id filename contentType size url } } } }`,
      { i: { groupId, text: 'Site plan attached', attachmentIds: [uploaded.body.id] } },
      sender.token,
    );
    expect(sent.errors).toBeUndefined();
    const [attachment] = sent.data!.sendMessage.message.attachments;
    expect(attachment).toMatchObject({ filename: 'site plan.png', size: 200_000 });
    const again = await gql(
      `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`,
      { i: { groupId, text: 'twice', attachmentIds: [uploaded.body.id] } },
      sender.token,
    );
    expect(again.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'attachmentIds' });

    const downloadUrl = `${stack.messagingUrl}/attachments/${attachment.id}`;
    await eventually(async () => {
      const res = await fetch(downloadUrl, { headers: { authorization: `Bearer ${member.token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    });
    expect((await fetch(downloadUrl, { headers: { authorization: `Bearer ${outsider.token}` } })).status).toBe(404);
    expect((await fetch(downloadUrl)).status).toBe(401);
  });

  it('refuses wrong types, oversized files and non-members with clear errors, keeping nothing', async () => {
    const sender = await stack.signIn('+14155558011', 'Limits');
    const outsider = await stack.signIn('+14155558012', 'Not Member');
    const groupId = (await gql(`mutation { createGroup(input: { name: "Limits" }) { group { id } } }`, {}, sender.token)).data!.createGroup.group.id;
    await eventually(async () => expect((await upload(sender.token, groupId, Buffer.from('ok'), 'text/plain')).status).toBe(201));

    const exe = await upload(sender.token, groupId, Buffer.from('MZ'), 'application/x-msdownload');
    expect(exe).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'contentType' } }] } });
    const big = await upload(sender.token, groupId, Buffer.alloc(1024 * 1024 + 1), 'image/png');
    expect(big).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] } });
    expect(big.body.errors[0].message).toMatch(/at most 1,048,576 bytes/);
    const stranger = await upload(outsider.token, groupId, Buffer.from('hi'), 'text/plain');
    expect(stranger.status).toBe(404);
    const anonymous = await upload(null, groupId, Buffer.from('hi'), 'text/plain');
    expect(anonymous.status).toBe(401);
    // Only the accepted probe upload is on disk: refused bytes were never kept.
    expect(readdirSync(join(stack.attachmentsDir, groupId))).toHaveLength(1);
  });
});
