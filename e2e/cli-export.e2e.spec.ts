import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@kz/testing';
import { jsonLines, sha256, unpackArchive } from './support/export-archive';
import { specStack } from './support/spec-stack';

const { stack, gql } = specStack();

const ok = <T extends { errors?: unknown; data?: any }>(res: T) => {
  expect(res.errors).toBeUndefined();
  return res.data!;
};

const CLI = join(__dirname, '..', 'cli', 'dist', 'main.js');
const JOB = `query($id: ID!) { exportJob(id: $id) { id status archiveBytes archiveSha256 } }`;
const FORBIDDEN = "Only the organisation's admins can export its data and see its exports. (FORBIDDEN)";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built command line, as an admin runs it from a terminal, with an access token in KZ_TOKEN. */
function kz(args: string[], token: string, cwd = process.cwd()): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, KZ_TOKEN: token }, cwd }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

async function unpacked(file: string) {
  const archive = await unpackArchive(readFileSync(file));
  const manifest = JSON.parse(archive.files.get('manifest.json')!.toString('utf8')) as { exportId: string; counts: Record<string, number> };
  return { manifest, messages: jsonLines<{ text: string | null }>(archive.files.get('messages.jsonl')) };
}

describe('kz export', () => {
  let admin: { token: string; userId: string };
  let member: { token: string; userId: string };
  let orgId: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kz-cli-export-'));
    admin = await stack.signIn('+14155557301', 'Cora Commandline');
    member = await stack.signIn('+14155557302', 'Mo Member');
    orgId = ok(await gql(`mutation { createOrganization(input: { name: "Terminal Archivists" }) { organization { id } } }`, {}, admin.token)).createOrganization
      .organization.id as string;
    ok(
      await gql(
        `mutation($i: AddDirectoryMemberInput!) { addDirectoryMember(input: $i) { member { role } } }`,
        { i: { organizationId: orgId, phone: '+14155557302', displayName: 'Mo Member', network: 'EMPLOYEE' } },
        admin.token,
      ),
    );
    const groupId = await eventually(
      async () =>
        ok(await gql(`mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`, { i: { name: 'Ops', organizationId: orgId } }, admin.token))
          .createGroup.group.id as string,
    );
    for (const i of [1, 2, 3]) {
      await eventually(async () =>
        ok(await gql(`mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`, { i: { groupId, text: `note ${i}` } }, admin.token)),
      );
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses bad usage with exit status 2 and the usage', async () => {
    for (const args of [
      ['export', '--gateway', stack.gatewayUrl],
      ['export', '--org', orgId, '--from', 'last tuesday', '--gateway', stack.gatewayUrl],
      ['export', '--org', orgId, '--group', 'g', '--gateway', stack.gatewayUrl],
    ]) {
      const run = await kz(args, admin.token);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/npm run kz -- export --org ORG_ID \[--from DATE\|INSTANT\]/);
    }
    const bad = await kz(['export', '--org', orgId, '--from', 'last tuesday'], admin.token);
    expect(bad.stderr).toMatch(/^kz: --from last tuesday is neither a date/);
  });

  it("gives the server's sentence with exit status 1: a member may not export, a range must run forwards", async () => {
    const forbidden = await kz(['export', '--org', orgId, '--out', join(dir, 'member.tar.gz'), '--gateway', stack.gatewayUrl], member.token);
    expect(forbidden.code).toBe(1);
    expect(forbidden.stderr).toBe(`kz: ${FORBIDDEN}\n`);
    expect(existsSync(join(dir, 'member.tar.gz'))).toBe(false);

    const backwards = await kz(['export', '--org', orgId, '--from', '2030-01-02', '--to', '2030-01-01', '--gateway', stack.gatewayUrl], admin.token);
    expect(backwards.code).toBe(1);
    expect(backwards.stderr).toBe('kz: from must be before to (or before now, when to is left out or later). (BAD_USER_INPUT)\n');
  });

  it('on Ctrl-C stops waiting but not the export, and says where to download it; meanwhile another start is refused, naming it', async () => {
    // The export is held back from its worker until the command has been stopped, so it is surely still going then.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const exportJob = stack.import.services.exportJob;
    const run = exportJob.run.bind(exportJob);
    const hold = jest.spyOn(exportJob, 'run').mockImplementationOnce(async (data) => {
      await held;
      return run(data);
    });
    let child: ChildProcess | null = null;
    try {
      child = spawn(process.execPath, [CLI, 'export', '--org', orgId, '--out', join(dir, 'stopped.tar.gz'), '--gateway', stack.gatewayUrl], {
        env: { ...process.env, KZ_TOKEN: admin.token },
      });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const exited = once(child, 'exit');
      await eventually(async () => expect(stderr).toMatch(/\] +0\.0% 0\/0 QUEUED\n/));
      const exportId = /^export (\S+): started/.exec(stderr)![1]!;
      child.kill('SIGINT');
      const [code] = await exited;
      expect(code).toBe(130);
      const archiveUrl = `${stack.gatewayUrl.replace(/\/graphql$/, '')}/exports/${exportId}/archive`;
      expect(stderr).toContain(`Stopped waiting. Export ${exportId} goes on; it was not cancelled.`);
      expect(stderr).toContain(`curl -fOJ -H "Authorization: Bearer $KZ_TOKEN" ${archiveUrl}\n`);
      expect(ok(await gql(JOB, { id: exportId }, admin.token)).exportJob.status).toBe('QUEUED');

      const busy = await kz(['export', '--org', orgId, '--gateway', stack.gatewayUrl], admin.token);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toBe(`kz: An export of this organisation is already running (${exportId}); wait for it or cancel it first. (CONFLICT)\n`);

      release();
      const done = await eventually(
        async () => {
          const job = ok(await gql(JOB, { id: exportId }, admin.token)).exportJob;
          expect(job.status).toBe('COMPLETED');
          return job;
        },
        { timeoutMs: 60_000 },
      );
      const later = await fetch(archiveUrl, { headers: { authorization: `Bearer ${admin.token}` } });
      expect(later.status).toBe(200);
      expect(sha256(Buffer.from(await later.arrayBuffer()))).toBe(done.archiveSha256);
      expect(existsSync(join(dir, 'stopped.tar.gz'))).toBe(false);
    } finally {
      if (child?.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      release();
      hold.mockRestore();
    }
  });

  it("exports, shows progress, downloads the archive, checks it and says where it is: the organisation's messages all there", async () => {
    const file = join(dir, 'archive.tar.gz');
    const run = await kz(['export', '--org', orgId, '--out', file, '--gateway', stack.gatewayUrl], admin.token);
    expect(run.stderr).not.toMatch(/^kz:/m);
    expect(run.code).toBe(0);
    const exportId = /^export (\S+): started/.exec(run.stderr)![1]!;
    expect(run.stderr).toMatch(/\[#{30}\] 100\.0% (\d+)\/\1 COMPLETED\n/);
    expect(run.stderr).toMatch(/\[#{30}\] 100\.0% \S+ [KM]?B\/\S+ [KM]?B downloaded/);

    const job = ok(await gql(JOB, { id: exportId }, admin.token)).exportJob;
    expect(job.status).toBe('COMPLETED');
    const bytes = readFileSync(file);
    expect(bytes.length).toBe(job.archiveBytes);
    expect(sha256(bytes)).toBe(job.archiveSha256);
    expect(run.stdout).toMatch(/^COMPLETED: \d+ records\n/);
    expect(run.stdout).toContain(`file: ${file}\n`);
    expect(run.stdout).toContain(`size: ${bytes.length.toLocaleString('en')} bytes (`);
    expect(run.stdout).toContain(`sha256: ${job.archiveSha256} (matches the export's)\n`);
    expect(readdirSync(dir).filter((name) => name.endsWith('.part'))).toEqual([]);

    const { manifest, messages } = await unpacked(file);
    const [{ n }] = (await stack.messaging.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM messages WHERE group_id IN (SELECT id FROM known_groups WHERE org_id = $1)`,
      [orgId],
    )) as { n: number }[];
    expect(manifest).toMatchObject({ exportId, counts: { organization: 1, people: 2, groups: 1, messages: n } });
    expect(messages).toHaveLength(n);
    expect(messages.map((m) => m.text)).toEqual(expect.arrayContaining(['note 1', 'note 2', 'note 3']));
  });

  it('names the file as the download does when --out is left out, in the current directory; --from leaves out earlier messages', async () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const run = await kz(['export', '--org', orgId, '--from', new Date().toISOString(), '--gateway', stack.gatewayUrl], admin.token, cwd);
    expect(run.stderr).not.toMatch(/^kz:/m);
    expect(run.code).toBe(0);
    const [name] = readdirSync(cwd);
    expect(name).toMatch(/^organization-export-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.tar\.gz$/);
    expect(run.stdout).toContain(`file: ${join(cwd, name!)}\n`);
    expect((await unpacked(join(cwd, name!))).manifest.counts).toMatchObject({ people: 2, groups: 1, messages: 0 });
  });
});
