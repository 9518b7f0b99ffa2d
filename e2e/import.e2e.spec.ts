import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually, graphql } from '@kz/testing';
import { Stack } from './support/stack';
import { Subscriber } from '@kz/stack';

// Small chunks, so a file of a few hundred rows is several chunk jobs.
const stack = new Stack(undefined, { IMPORT_CHUNK_ROWS: '40' });
beforeAll(() => stack.start());
afterAll(() => stack.stop());

const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(stack.gatewayUrl, query, variables, token);

let phoneSeq = 0;
const adminPhone = () => `+1415555${String(2000 + phoneSeq++).padStart(4, '0')}`;
/** Indian mobile numbers written locally, as a spreadsheet of an Indian organisation would hold them. */
const localMobile = (n: number) => `98${String(n).padStart(8, '0')}`;

const START = `mutation($i: StartImportInput!) { startImport(input: $i) { uploadUrl maxUploadBytes import { id status } } }`;
const JOB = `query($id: ID!) { importJob(id: $id) {
  status failureReason percent rowsPerSecond estimatedSecondsLeft errorReportUrl fileName mode existingUsers defaultCountry
  groups { id } startedBy { id displayName } organization { id name }
  counts { total processed created updated unchanged failed } } }`;
const MEMBER_COUNT = `query($id: ID!) { group(id: $id) { memberCount } }`;
const DIRECTORY = `query($id: ID!, $s: String) { organization(id: $id) { directory(first: 200, search: $s) { edges { node { displayName network phone attributes { name value } } } } } }`;

interface Admin {
  token: string;
  userId: string;
  orgId: string;
}

async function orgAdmin(orgName: string): Promise<Admin> {
  const { token, userId } = await stack.signIn(adminPhone(), `${orgName} Admin`);
  const org = await gql(`mutation($n: String!) { createOrganization(input: { name: $n }) { organization { id } } }`, { n: orgName }, token);
  const orgId = org.data!.createOrganization.organization.id as string;
  const defined = await gql(
    `mutation($o: ID!) { defineUserAttribute(input: { organizationId: $o, name: "Employee ID", type: STRING, mandatory: true }) { definition { name } } }`,
    { o: orgId },
    token,
  );
  expect(defined.errors).toBeUndefined();
  return { token, userId, orgId };
}

/** An organisation group, once the groups service has heard that its creator is an org admin. */
async function createGroup(admin: Admin, name: string): Promise<string> {
  return eventually(async () => {
    const res = await gql(
      `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
      { i: { name, organizationId: admin.orgId } },
      admin.token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.createGroup.group.id as string;
  });
}

async function startImport(admin: Admin, input: Record<string, unknown>): Promise<{ id: string; uploadUrl: string }> {
  const res = await gql(START, { i: { organizationId: admin.orgId, defaultCountry: 'IN', ...input } }, admin.token);
  expect(res.errors).toBeUndefined();
  return { id: res.data!.startImport.import.id, uploadUrl: res.data!.startImport.uploadUrl };
}

async function upload(url: string, token: string, body: string | Buffer): Promise<{ status: number; json: any }> {
  const res = await fetch(`${url}?filename=members.csv`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body });
  return { status: res.status, json: await res.json() };
}

async function finished(admin: Admin, id: string): Promise<any> {
  return eventually(
    async () => {
      const res = await gql(JOB, { id }, admin.token);
      expect(res.errors).toBeUndefined();
      expect(['COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED']).toContain(res.data!.importJob.status);
      return res.data!.importJob;
    },
    { timeoutMs: 60_000 },
  );
}

async function memberCount(admin: Admin, groupId: string): Promise<number> {
  return (await gql(MEMBER_COUNT, { id: groupId }, admin.token)).data!.group.memberCount;
}

async function errorReport(url: string, token: string): Promise<string> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/csv');
  return (await res.text()).replace(/^\uFEFF/, '');
}

/** A file of `valid` good rows (numbers from `from`) followed by the bad rows every test expects. */
function mixedFile(from: number, valid: number): string {
  const lines = ['Phone;Name;Network;Group role;Employee ID *'];
  for (let i = 0; i < valid; i++)
    lines.push(`${localMobile(from + i)};Person ${from + i};${i % 5 === 0 ? 'Other' : 'Employee'};${i === 0 ? 'Admin' : ''};E-${from + i}`);
  lines.push(`12;Too Short;Employee;;E-x1`);
  lines.push(`${localMobile(from + valid)};;Employee;;E-x2`);
  lines.push(`${localMobile(from + valid + 1)};Bad Network;Contractor;;E-x3`);
  lines.push(`${localMobile(from)};"Repeat, Of First";Employee;;E-x4`);
  lines.push(`${localMobile(from + valid + 2)};"=HYPERLINK(""http://evil"")";Employee;;`);
  return `${lines.join('\r\n')}\r\n`;
}
const BAD_ROWS = 5;

describe('member CSV imports through the gateway', () => {
  it("describes and serves the organisation's template, with mandatory attributes marked", async () => {
    const admin = await orgAdmin('Template Org');
    const res = await gql(`query($o: ID!) { importTemplate(organizationId: $o) { columns { name required } downloadUrl } }`, { o: admin.orgId }, admin.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.importTemplate.columns.map((c: { name: string }) => c.name)).toEqual(['Phone', 'Name', 'Network', 'Group role', 'Employee ID *']);
    const file = await fetch(res.data!.importTemplate.downloadUrl, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(file.status).toBe(200);
    expect((await file.text()).replace(/^\uFEFF/, '').trim()).toBe('Phone,Name,Network,Group role,Employee ID *');

    const outsider = await stack.signIn(adminPhone(), 'Not An Admin');
    const refused = await gql(`query($o: ID!) { importTemplate(organizationId: $o) { downloadUrl } }`, { o: admin.orgId }, outsider.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a dry run reports what would happen and changes nothing', async () => {
    const admin = await orgAdmin('Dry Run Org');
    const groupId = await createGroup(admin, 'Dry run group');
    const { id, uploadUrl } = await startImport(admin, { groupIds: [groupId], mode: 'DRY_RUN' });
    const answer = await upload(uploadUrl, admin.token, mixedFile(100, 30));
    expect(answer.status).toBe(200);
    const job = await finished(admin, id);
    expect(job).toMatchObject({ status: 'COMPLETED_WITH_ERRORS', mode: 'DRY_RUN', percent: 100 });
    expect(job.counts).toEqual({ total: 30 + BAD_ROWS, processed: 30 + BAD_ROWS, created: 30, updated: 0, unchanged: 0, failed: BAD_ROWS });
    expect(await memberCount(admin, groupId)).toBe(1);
    const directory = await gql(DIRECTORY, { id: admin.orgId, s: 'person' }, admin.token);
    expect(directory.data!.organization.directory.edges).toHaveLength(0);
  });

  it('applies the valid rows of a mixed file, reports the others with reasons, and a second upload of it changes nothing', async () => {
    const admin = await orgAdmin('Mixed Org');
    const groupId = await createGroup(admin, 'Everyone');
    const progress = new Subscriber(stack.gatewayUrl, admin.token);
    const { id, uploadUrl } = await startImport(admin, { groupIds: [groupId] });
    progress.subscribe(
      `subscription($id: ID!) { importProgress(importId: $id) { status import { percent counts { processed } startedBy { displayName } } } }`,
      { id },
    );
    await eventually(async () => expect(progress.received.length).toBeGreaterThan(0));

    const answer = await upload(uploadUrl, admin.token, mixedFile(200, 120));
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ id, counts: { total: 120 + BAD_ROWS, failed: BAD_ROWS - 1 } });
    const job = await finished(admin, id);
    // One row fails in identity (the mandatory attribute), four at intake.
    expect(job.counts).toEqual({ total: 125, processed: 125, created: 120, updated: 0, unchanged: 0, failed: BAD_ROWS });
    expect(job).toMatchObject({ status: 'COMPLETED_WITH_ERRORS', fileName: 'members.csv', startedBy: { id: admin.userId, displayName: 'Mixed Org Admin' } });
    expect(job.rowsPerSecond).toBeGreaterThan(0);
    await eventually(async () => expect(await memberCount(admin, groupId)).toBe(121));

    const entry = await gql(DIRECTORY, { id: admin.orgId, s: 'person 205' }, admin.token);
    expect(entry.data!.organization.directory.edges[0].node).toMatchObject({
      network: 'OTHER',
      phone: '+919800000205',
      attributes: [{ name: 'Employee ID', value: 'E-205' }],
    });

    const report = (await errorReport(job.errorReportUrl, admin.token)).trim().split('\r\n');
    expect(report[0]).toBe('Row,Phone,Name,Network,Group role,Employee ID *,Reason');
    expect(report).toHaveLength(1 + BAD_ROWS);
    expect(report[1]).toMatch(/^122,12,Too Short,Employee,,E-x1,.*not a valid phone number/);
    expect(report[2]).toMatch(/^123,9800000320,,Employee,,E-x2,The name is missing\./);
    expect(report[3]).toMatch(/^124,9800000321,Bad Network,Contractor,,E-x3,"Network ""Contractor"" is not known; use Employee or Other\."$/);
    expect(report[4]).toMatch(/^125,9800000200,"Repeat, Of First",Employee,,E-x4,The number \+919800000200 is already in row 2/);
    // A formula is shown, never run, and the missing mandatory attribute is named.
    expect(report[5]).toMatch(/^126,9800000322,"'=HYPERLINK\(""http:\/\/evil""\)",Employee,,,.*Employee ID is mandatory/);

    await eventually(async () => expect(progress.received.at(-1)?.data?.importProgress.status).toBe('COMPLETED_WITH_ERRORS'));
    expect(progress.ended).toBe('complete');
    const statuses = progress.received.map((r) => r.data!.importProgress.status);
    expect(statuses[0]).toBe('QUEUED');
    expect(statuses).toContain('RUNNING');
    expect(progress.received.at(-1)!.data!.importProgress.import).toMatchObject({
      percent: 100,
      counts: { processed: 125 },
      startedBy: { displayName: 'Mixed Org Admin' },
    });

    const again = await startImport(admin, { groupIds: [groupId] });
    expect((await upload(again.uploadUrl, admin.token, mixedFile(200, 120))).status).toBe(200);
    const second = await finished(admin, again.id);
    expect(second.counts).toEqual({ total: 125, processed: 125, created: 0, updated: 0, unchanged: 120, failed: BAD_ROWS });
    expect(await memberCount(admin, groupId)).toBe(121);

    const history = await gql(
      `query($o: ID!) { organization(id: $o) { imports(first: 5) { edges { node { id startedBy { id } } } } } }`,
      { o: admin.orgId },
      admin.token,
    );
    expect(history.data!.organization.imports.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([again.id, id]);
  });

  it('updates existing people when asked, and only then', async () => {
    const admin = await orgAdmin('Update Org');
    const first = await startImport(admin, {});
    await upload(first.uploadUrl, admin.token, 'Phone,Name,Employee ID\n9800000500,Asha,E-1\n9800000501,Ravi,E-2\n');
    expect((await finished(admin, first.id)).counts).toMatchObject({ created: 2 });
    const skip = await startImport(admin, { existingUsers: 'SKIP' });
    await upload(skip.uploadUrl, admin.token, 'Phone,Name,Network,Employee ID\n9800000500,Asha,Other,E-9\n');
    expect((await finished(admin, skip.id)).counts).toMatchObject({ unchanged: 1, updated: 0 });
    const update = await startImport(admin, { existingUsers: 'UPDATE' });
    await upload(update.uploadUrl, admin.token, 'Phone,Name,Network,Employee ID\n9800000500,Asha K,Other,E-9\n9800000501,Ravi,Employee,E-2\n');
    expect((await finished(admin, update.id)).counts).toMatchObject({ updated: 1, unchanged: 1 });
    const entry = await gql(DIRECTORY, { id: admin.orgId, s: 'asha' }, admin.token);
    expect(entry.data!.organization.directory.edges[0].node).toMatchObject({
      displayName: 'Asha K',
      network: 'OTHER',
      attributes: [{ name: 'Employee ID', value: 'E-9' }],
    });
  });

  it('cancels at the next chunk and says how far it got', async () => {
    const admin = await orgAdmin('Cancel Org');
    const groupId = await createGroup(admin, 'Cancelled');
    const { id, uploadUrl } = await startImport(admin, { groupIds: [groupId] });
    const lines = ['Phone,Name,Employee ID'];
    for (let i = 0; i < 2_000; i++) lines.push(`${localMobile(10_000 + i)},Person ${i},E-${i}`);
    expect((await upload(uploadUrl, admin.token, lines.join('\n'))).status).toBe(200);
    const cancelled = await gql(`mutation($i: CancelImportInput!) { cancelImport(input: $i) { import { status } } }`, { i: { importId: id } }, admin.token);
    expect(cancelled.data!.cancelImport.import.status).toBe('CANCELLED');
    // Chunks already running finish and are counted; no chunk starts after the cancel.
    const job = await eventually(async () => {
      const now = (await gql(JOB, { id }, admin.token)).data!.importJob;
      expect(await memberCount(admin, groupId)).toBe(1 + now.counts.created);
      return now;
    });
    expect(job.status).toBe('CANCELLED');
    expect(job.counts.processed).toBeLessThan(2_000);
    // The chunks no job will read are not kept.
    expect(existsSync(join(stack.importsDir, id))).toBe(false);
    const again = await gql(`mutation($i: CancelImportInput!) { cancelImport(input: $i) { import { status } } }`, { i: { importId: id } }, admin.token);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  describe('a file that cannot be read fails the whole import at once, with the reason', () => {
    const cases: [string, string | Buffer, number, RegExp][] = [
      ['no phone column', 'Name,Employee ID\nAsha,E-1\n', 400, /no phone column/],
      ['an empty file', '', 400, /empty/],
      ['only a header', '\uFEFFPhone,Name\n', 400, /empty/],
      ['a binary file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xff, 0xfe]), 400, /not a text CSV/],
      ['an unknown column', 'Phone,Name,Shoe size\n9800000900,Asha,7\n', 400, /"Shoe size" is not known/],
      ['an unterminated quote', 'Phone,Name\n9800000901,"Asha\n', 400, /malformed/],
    ];
    it.each(cases)('%s', async (_name, body, status, reason) => {
      const admin = await orgAdmin(`Bad File Org ${_name}`);
      const { id, uploadUrl } = await startImport(admin, {});
      const answer = await upload(uploadUrl, admin.token, body);
      expect(answer.status).toBe(status);
      expect(answer.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(answer.json.errors[0].message).toMatch(reason);
      const job = (await gql(JOB, { id }, admin.token)).data!.importJob;
      expect(job.status).toBe('FAILED');
      expect(job.failureReason).toMatch(reason);
    });

    it('reads UTF-16 with a BOM, tabs, quoted newlines and loose header spelling', async () => {
      const admin = await orgAdmin('Encoding Org');
      const text = '  PHONE number\tFull  Name\temployee id\n9800000950\t"Zoë\nNewline"\tE-1\n';
      const { id, uploadUrl } = await startImport(admin, {});
      const answer = await upload(uploadUrl, admin.token, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      expect(answer.status).toBe(200);
      expect((await finished(admin, id)).counts).toMatchObject({ created: 1, failed: 0 });
      const entry = await gql(DIRECTORY, { id: admin.orgId, s: 'zo' }, admin.token);
      expect(entry.data!.organization.directory.edges[0].node.displayName).toBe('Zoë\nNewline');
    });
  });

  it("refuses a second upload, other people's imports and non-admins", async () => {
    const admin = await orgAdmin('Guarded Org');
    const { id, uploadUrl } = await startImport(admin, {});
    expect((await upload(uploadUrl, admin.token, 'Phone,Name,Employee ID\n9800000990,Asha,E-1\n')).status).toBe(200);
    const twice = await upload(uploadUrl, admin.token, 'Phone,Name,Employee ID\n9800000991,Ravi,E-2\n');
    expect(twice.status).toBe(409);
    expect(twice.json.errors[0].extensions.code).toBe('CONFLICT');

    const stranger = await stack.signIn(adminPhone(), 'Stranger');
    expect((await upload(uploadUrl, stranger.token, 'Phone,Name\n')).status).toBe(404);
    expect((await gql(JOB, { id }, stranger.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const notAdmin = await gql(START, { i: { organizationId: admin.orgId, defaultCountry: 'IN' } }, stranger.token);
    expect(notAdmin.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const badCountry = await gql(START, { i: { organizationId: admin.orgId, defaultCountry: 'Narnia' } }, admin.token);
    expect(badCountry.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const watcher = new Subscriber(stack.gatewayUrl, stranger.token);
    watcher.subscribe(`subscription($id: ID!) { importProgress(importId: $id) { status } }`, { id });
    await eventually(async () => expect(watcher.ended).toBe('complete'));
    expect(watcher.received).toEqual([
      expect.objectContaining({ errors: [expect.objectContaining({ message: 'Import was not found.', extensions: { code: 'NOT_FOUND' } })] }),
    ]);
  });

  it("shows the organisation's upload history to its other admins, and only their own uploads to others", async () => {
    const admin = await orgAdmin('History Org');
    const { id, uploadUrl } = await startImport(admin, {});
    await upload(uploadUrl, admin.token, 'Phone,Name,Employee ID\n9800000800,Asha,E-1\n12,Bad,E-2\n');
    await finished(admin, id);
    const phone = adminPhone();
    const colleague = await stack.signIn(phone, 'Second Admin');
    const added = await gql(
      `mutation($i: AddDirectoryMemberInput!) { addDirectoryMember(input: $i) { member { role } } }`,
      { i: { organizationId: admin.orgId, phone, displayName: 'Second Admin', attributes: [{ name: 'Employee ID', value: 'E-2A' }] } },
      admin.token,
    );
    expect(added.errors).toBeUndefined();
    const history = `query($o: ID!) { organization(id: $o) { imports(first: 5) { edges { node { id startedBy { id } errorReportUrl } } } } }`;
    expect((await gql(history, { o: admin.orgId }, colleague.token)).data!.organization.imports.edges).toEqual([]);
    const promoted = await gql(
      `mutation($i: SetOrganizationRoleInput!) { setOrganizationRole(input: $i) { member { role } } }`,
      { i: { organizationId: admin.orgId, userId: colleague.userId, role: 'ADMIN' } },
      admin.token,
    );
    expect(promoted.errors).toBeUndefined();
    const seen = (await gql(history, { o: admin.orgId }, colleague.token)).data!.organization.imports.edges;
    expect(seen).toEqual([{ node: { id, startedBy: { id: admin.userId }, errorReportUrl: expect.stringContaining(id) } }]);
    expect((await gql(JOB, { id }, colleague.token)).data!.importJob.counts).toMatchObject({ created: 1, failed: 1 });
    expect(await errorReport(seen[0].node.errorReportUrl, colleague.token)).toMatch(/^Row,Phone,Name,Employee ID,Reason\r\n3,12,Bad,E-2,/);
  });

  it('runs from the command line: upload, progress, summary and where the error report is', async () => {
    const admin = await orgAdmin('CLI Org');
    const groupId = await createGroup(admin, 'CLI group');
    const dir = mkdtempSync(join(tmpdir(), 'kz-cli-'));
    const file = join(dir, 'people.csv');
    writeFileSync(file, mixedFile(700, 10));
    try {
      const run = promisify(execFile);
      const cli = join(__dirname, '..', 'cli', 'dist', 'main.js');
      const env = { ...process.env, KZ_TOKEN: admin.token, KZ_GATEWAY_URL: stack.gatewayUrl };
      const result = await run(process.execPath, [cli, 'import', file, '--org', admin.orgId, '--group', groupId, '--country', 'IN'], { env }).catch((e) => e);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/uploading people\.csv/);
      expect(result.stderr).toMatch(/\[#+\] 100\.0% 15\/15 COMPLETED_WITH_ERRORS/);
      expect(result.stdout).toMatch(/^COMPLETED_WITH_ERRORS: 15 rows, 10 created, 0 updated, 0 unchanged, 5 failed/);
      expect(result.stdout).toMatch(/error report: http:\/\/\S+\/imports\/\S+\/errors\.csv/);
      expect(await memberCount(admin, groupId)).toBe(11);

      const usage = await run(process.execPath, [cli, 'import', file], { env }).catch((e) => e);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toMatch(/usage: npm run kz -- import FILE --org ORG_ID/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
