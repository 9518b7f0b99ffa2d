import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { Client } from 'pg';
import { mustQuery } from '@kz/stack';
import type { BenchStack } from './stack';

/**
 * Member CSV files as an organisation's admin uploads them (Phone, Name, Network, Group role), and their upload
 * through the import service: the member-import scenario times it, others use it to fill a directory the real way.
 */

/** Row i of the numbering shared by the files: a valid Indian mobile number written locally (the import's default country is IN). */
export const localNumber = (i: number) => `98${String(i).padStart(8, '0')}`;

export interface MemberCsv {
  path: string;
  rows: number;
  valid: number;
  /** Valid rows whose people an earlier file already put in the directory. */
  existing: number;
  bytes: number;
}

export interface MemberCsvOptions {
  rows: number;
  /** The number (see localNumber) of the file's first new person; row i is firstNumber + i. */
  firstNumber: number;
  /** The first number of an earlier file whose people the first `existingShare` of rows repeat; -1 (default): none. */
  existingFrom?: number;
  existingShare?: number;
  /** Every invalidEvery-th row is invalid (a bad number, or no name); 0: none. Default 100. */
  invalidEvery?: number;
}

/** Writes a member file: row 0 becomes the group's admin, every tenth person is of the Other network. */
export async function writeMemberCsv(path: string, opts: MemberCsvOptions): Promise<MemberCsv> {
  const { rows, firstNumber, existingFrom = -1, existingShare = 0.05, invalidEvery = 100 } = opts;
  const out = createWriteStream(path);
  const existingRows = Math.floor(rows * existingShare);
  let valid = 0;
  let existing = 0;
  let buffer = 'Phone,Name,Network,Group role\n';
  for (let i = 0; i < rows; i++) {
    if (invalidEvery > 0 && i % invalidEvery === invalidEvery - 1) {
      buffer += i % (2 * invalidEvery) === 2 * invalidEvery - 1 ? `12345,Bad Number ${i},Employee,\n` : `${localNumber(firstNumber + i)},,Employee,\n`;
    } else {
      const isExisting = i < existingRows && existingFrom >= 0;
      const n = isExisting ? existingFrom + i : firstNumber + i;
      buffer += `${localNumber(n)},Import Person ${n},${i % 10 === 0 ? 'Other' : 'Employee'},${i === 0 ? 'Admin' : 'Member'}\n`;
      valid++;
      if (isExisting) existing++;
    }
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return { path, rows, valid, existing, bytes: statSync(path).size };
}

/** Starts a member import into the organisation's directory and the groups; answers the import's id and where to upload its file. */
export async function startMemberImport(
  gatewayUrl: string,
  token: string,
  orgId: string,
  groupIds: string[],
): Promise<{ importId: string; uploadUrl: string }> {
  const started = await mustQuery(
    gatewayUrl,
    `mutation($i: StartImportInput!) { startImport(input: $i) { uploadUrl import { id } } }`,
    { i: { organizationId: orgId, groupIds, defaultCountry: 'IN' } },
    token,
  );
  return { importId: started.startImport.import.id as string, uploadUrl: started.startImport.uploadUrl as string };
}

/** Uploads the file, streamed from disk; throws unless the service accepts it. */
export async function uploadMemberCsv(uploadUrl: string, token: string, path: string): Promise<void> {
  const upload = await fetch(uploadUrl, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: createReadStream(path) as unknown as BodyInit,
    duplex: 'half',
  } as RequestInit);
  if (upload.status !== 200) throw new Error(`upload answered HTTP ${upload.status}: ${(await upload.text()).slice(0, 300)}`);
}

/** The runner's own connections to the databases a member import writes to. */
export type ServiceDbs = Record<'identity' | 'groups' | 'messaging' | 'import', Client>;

export async function connectServiceDbs(stack: BenchStack): Promise<ServiceDbs> {
  return Object.fromEntries(
    await Promise.all(
      (['identity', 'groups', 'messaging', 'import'] as const).map(async (name) => {
        const client = new Client({ connectionString: stack.databaseUrl(name) });
        await client.connect();
        return [name, client] as const;
      }),
    ),
  ) as ServiceDbs;
}

/**
 * Throws (for `eventually`) until the group holds `expected` members in the groups service and in messaging's read
 * model, and no outbox of the services the import went through holds an unpublished event.
 */
export async function checkMembersArrived(dbs: ServiceDbs, groupId: string, expected: number): Promise<void> {
  const [groupCount, messagingCount, ...outboxes] = await Promise.all([
    dbs.groups.query(`SELECT member_count::int AS n FROM groups WHERE id = $1`, [groupId]),
    dbs.messaging.query(`SELECT count(*)::int AS n FROM group_members WHERE group_id = $1`, [groupId]),
    ...(['identity', 'groups', 'import'] as const).map((s) => dbs[s].query(`SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL`)),
  ]);
  const pending = outboxes.reduce((sum, r) => sum + (r.rows[0] as { n: number }).n, 0);
  const inGroup = (groupCount.rows[0] as { n: number }).n;
  const inMessaging = (messagingCount.rows[0] as { n: number }).n;
  if (inGroup !== expected || inMessaging !== expected || pending > 0) {
    throw new Error(`group ${inGroup}, messaging ${inMessaging} of ${expected}; ${pending} events unpublished`);
  }
}
