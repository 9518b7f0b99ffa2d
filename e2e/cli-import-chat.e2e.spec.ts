import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@kz/testing';
import { specStack } from './support/spec-stack';

const { stack, gql } = specStack();

const ok = <T extends { errors?: unknown; data?: any }>(res: T) => {
  expect(res.errors).toBeUndefined();
  return res.data!;
};

const CLI = join(__dirname, '..', 'cli', 'dist', 'main.js');
const FIXTURES = join(__dirname, '..', 'services', 'import', 'src', 'domain', 'chat-export', 'fixtures');

/** The built command line, as an admin runs it from a terminal, with an access token in KZ_TOKEN. */
function kz(args: string[], token: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args, '--gateway', stack.gatewayUrl], { env: { ...process.env, KZ_TOKEN: token } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

describe('kz import-chat', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kz-cli-chat-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('previews an export, then imports it with an author mapped to a member; refuses a non-export and bad usage', async () => {
    const admin = await stack.signIn('+14155558501', 'Alice Smith');
    const orgId = ok(await gql(`mutation { createOrganization(input: { name: "Terminal hikers" }) { organization { id } } }`, {}, admin.token))
      .createOrganization.organization.id as string;
    const carol = ok(
      await gql(
        `mutation($i: AddDirectoryMemberInput!) { addDirectoryMember(input: $i) { member { user { id } } } }`,
        { i: { organizationId: orgId, phone: '+14155558502', displayName: 'Carol Cole' } },
        admin.token,
      ),
    ).addDirectoryMember.member.user.id as string;
    ok(
      await gql(
        `mutation($i: AddDirectoryMemberInput!) { addDirectoryMember(input: $i) { member { user { id } } } }`,
        { i: { organizationId: orgId, phone: '+447911123456', displayName: 'Nia Newcomer' } },
        admin.token,
      ),
    );
    const file = join(dir, 'WhatsApp Chat with Ridge Walkers.txt');
    writeFileSync(file, readFileSync(join(FIXTURES, 'android-24h-day-first.txt'), 'utf8').replaceAll('+44 7700 900123', '+44 7911 123456'));
    const common = ['--org', orgId, '--time-zone', 'Europe/London', '--country', 'GB'];

    const dry = await kz(['import-chat', file, ...common, '--dry-run'], admin.token);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('.txt export from Android');
    expect(dry.stdout).toContain('  Alice Smith (5): Alice Smith, by name');
    expect(dry.stdout).toContain('  +44 7911 123456 (1): Nia Newcomer, by phone');
    expect(dry.stdout).toContain('  Carol (1): unmatched, kept as a placeholder');
    expect(dry.stdout).toContain('first messages (times in Europe/London):\n  [2023-03-26 00:59] Alice Smith: Welcome everyone!\n');
    expect(dry.stdout).toContain('into: a new group, Ridge Walkers');
    const groupsNow = async () =>
      ok(await gql(`query($o: ID!) { organization(id: $o) { groups { edges { node { id name } } } } }`, { o: orgId }, admin.token)).organization.groups.edges;
    expect(await groupsNow()).toEqual([]);

    const run = await kz(['import-chat', file, ...common, '--map', 'Carol=+14155558502', '--add-members'], admin.token);
    expect(run.stderr).toContain('writing the history');
    expect(run.code).toBe(0);
    const [done] = /^COMPLETED: (\d+) entries, \1 written, 0 already there, group (\S+)$/m.exec(run.stdout) ?? [];
    expect(done).toBeDefined();
    const groupId = /group (\S+)$/m.exec(run.stdout)![1]!;
    const history = await eventually(async () => {
      const edges = ok(
        await gql(
          `query($g: ID!) { group(id: $g) { name messages(first: 100) { edges { node { author { id } imported { originalAuthor placeholderAuthor } } } } } }`,
          { g: groupId },
          admin.token,
        ),
      ).group;
      expect(edges.name).toBe('Ridge Walkers');
      return edges.messages.edges.map((e: any) => e.node);
    });
    expect(history.filter((m: any) => m.imported?.originalAuthor === 'Carol')).toEqual([
      { author: { id: carol }, imported: { originalAuthor: 'Carol', placeholderAuthor: false } },
    ]);
    // --add-members: the member Carol's messages went to is in the group now.
    await eventually(async () => {
      const members = ok(
        await gql(`query($g: ID!) { group(id: $g) { members(first: 50) { edges { node { user { id } } } } } }`, { g: groupId }, admin.token),
      ).group.members.edges.map((e: any) => e.node.user.id);
      expect(members).toContain(carol);
    });

    const csv = join(dir, 'members.csv');
    writeFileSync(csv, 'Phone,Name\n+14155550100,Ann\n');
    const refused = await kz(['import-chat', csv, ...common], admin.token);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/The upload was refused: .*WhatsApp chat export.*\(BAD_USER_INPUT\)/);

    for (const args of [
      ['import-chat', file],
      ['import-chat', file, '--org', orgId, '--group', groupId],
      ['import-chat', file, '--org', orgId, '--map', 'Carol'],
    ]) {
      expect((await kz(args, admin.token)).code).toBe(2);
    }
  });
});
