import { Client } from 'pg';
import { eventually, isFinalImportStatus, mustQuery } from '@kz/stack';
import { sleep } from './drill';
import type { DrillStack } from './stack';

const JOB = `query($id: ID!) { importJob(id: $id) { status failureReason counts { total processed created updated unchanged failed } } }`;

export interface ImportCounts {
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export interface ImportState {
  status: string;
  failureReason: string | null;
  counts: ImportCounts;
}

export interface OrgAdmin {
  token: string;
  userId: string;
  orgId: string;
  /** An organisation group the admin owns, the import's target. */
  groupId: string;
}

/** Signs a person in, creates an organisation and one of its groups (once groups has heard the person is the organisation's admin). */
export async function orgAdminWithGroup(stack: DrillStack, phone: string, name: string): Promise<OrgAdmin> {
  const gateway = stack.gateway.url;
  const { token, userId } = await stack.signIn(phone, `${name} Admin`);
  const org = await mustQuery(gateway, `mutation($n: String!) { createOrganization(input: { name: $n }) { organization { id } } }`, { n: name }, token);
  const orgId = org.createOrganization.organization.id as string;
  const groupId = await eventually(
    'groups hearing of the organisation admin',
    async () => {
      const g = await mustQuery(
        gateway,
        `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
        { i: { name, organizationId: orgId } },
        token,
      );
      return g.createGroup.group.id as string;
    },
    60_000,
    250,
  );
  return { token, userId, orgId, groupId };
}

/** Indian mobile numbers written locally (98xxxxxxxx, from firstNumber on), one per row, with a name: the file an Indian organisation would upload. */
export function memberCsv(rows: number, namePrefix: string, firstNumber = 0): string {
  const lines = ['Phone,Name'];
  for (let i = firstNumber; i < firstNumber + rows; i++) lines.push(`98${String(i).padStart(8, '0')},${namePrefix} ${i}`);
  return `${lines.join('\n')}\n`;
}

/**
 * startImport (APPLY, SKIP existing, country IN) then the upload; resolves when the file is accepted and its chunks
 * queued. Through the stack's first gateway, or through `via` (a gateway origin, e.g. a balancer's) for both.
 */
export async function startMemberImport(stack: DrillStack, admin: OrgAdmin, csv: string, via?: string): Promise<{ id: string; uploadMs: number }> {
  const res = await mustQuery(
    via ? `${via}/graphql` : stack.gateway.url,
    `mutation($i: StartImportInput!) { startImport(input: $i) { uploadUrl import { id } } }`,
    { i: { organizationId: admin.orgId, groupIds: [admin.groupId], defaultCountry: 'IN', mode: 'APPLY', existingUsers: 'SKIP' } },
    admin.token,
  );
  const id = res.startImport.import.id as string;
  const uploadUrl = res.startImport.uploadUrl as string;
  const started = performance.now();
  const upload = await fetch(`${via ? `${via}${new URL(uploadUrl).pathname}` : uploadUrl}?filename=drill.csv`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
    body: csv,
  });
  const text = await upload.text();
  if (upload.status !== 200) throw new Error(`the upload was refused: HTTP ${upload.status}: ${text.slice(0, 300)}`);
  return { id, uploadMs: performance.now() - started };
}

export async function importState(stack: DrillStack, token: string, id: string): Promise<ImportState> {
  const data = await mustQuery(stack.gateway.url, JOB, { id }, token);
  return data.importJob as ImportState;
}

/**
 * Polls the import until it ends, or until it has made no progress for
 * `stallMs` (or `timeoutMs` passed): then the last state is returned with
 * `ended: false` (also when `cancelled` answers true).
 */
export async function awaitImportEnd(
  stack: DrillStack,
  token: string,
  id: string,
  opts: { timeoutMs: number; stallMs: number; onPoll?: (state: ImportState) => void; cancelled?: () => boolean },
): Promise<{ state: ImportState; ended: boolean; stalledForMs: number }> {
  const deadline = Date.now() + opts.timeoutMs;
  let last: ImportState | undefined;
  let lastChange = Date.now();
  for (;;) {
    const state = await importState(stack, token, id).catch(() => undefined);
    if (state) {
      opts.onPoll?.(state);
      if (isFinalImportStatus(state.status)) return { state, ended: true, stalledForMs: 0 };
      if (!last || state.counts.processed !== last.counts.processed || state.status !== last.status) lastChange = Date.now();
      last = state;
    }
    const stalledForMs = Date.now() - lastChange;
    if (last && (Date.now() > deadline || stalledForMs > opts.stallMs || opts.cancelled?.())) return { state: last, ended: false, stalledForMs };
    await sleep(500);
  }
}

export async function dbQuery<T>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function memberCount(stack: DrillStack, token: string, groupId: string): Promise<number> {
  const data = await mustQuery(stack.gateway.url, `query($id: ID!) { group(id: $id) { memberCount } }`, { id: groupId }, token);
  return data.group.memberCount as number;
}

/** What the services hold for an import into one group, each counted at its source. */
export interface ImportTally {
  /** groups: Group.memberCount through the gateway. */
  memberCount: number;
  /** groups: rows in memberships for the group. */
  groupsMemberships: number;
  /** identity: the organisation's directory (organization_members). */
  directory: number;
  /** messaging: its copy of the group's members (from groups' events). */
  messagingMembers: number;
  /** groups' outbox: member ids of groups.memberships.added events for the group, all and distinct. */
  addedEventMembers: number;
  addedEventDistinct: number;
  addedEvents: number;
  /** Member ids that appear in more than one added event (or twice in one). */
  duplicateEventMembers: number;
  /** Members of the group never announced by an added event. */
  unannounced: number;
}

export async function importTally(stack: DrillStack, admin: OrgAdmin): Promise<ImportTally> {
  const groups = stack.databaseUrl('groups');
  const byGroup = [admin.groupId];
  const addedEvents = `FROM outbox_events e WHERE e.envelope->>'type' = 'groups.memberships.added' AND e.envelope->'payload'->>'groupId' = $1`;
  const announced = await dbQuery<{ user_id: string }>(
    groups,
    `SELECT m->>'userId' AS user_id ${addedEvents.replace('FROM outbox_events e', "FROM outbox_events e, jsonb_array_elements(e.envelope->'payload'->'members') m")}`,
    byGroup,
  );
  const seen = new Map<string, number>();
  for (const e of announced) seen.set(e.user_id, (seen.get(e.user_id) ?? 0) + 1);
  const members = await dbQuery<{ user_id: string }>(groups, `SELECT user_id::text FROM memberships WHERE group_id = $1`, byGroup);
  return {
    memberCount: await memberCount(stack, admin.token, admin.groupId),
    groupsMemberships: members.length,
    directory: await count(stack.databaseUrl('identity'), `FROM organization_members WHERE org_id = $1`, [admin.orgId]),
    messagingMembers: await count(stack.databaseUrl('messaging'), `FROM group_members WHERE group_id = $1`, byGroup),
    addedEventMembers: announced.length,
    addedEventDistinct: seen.size,
    addedEvents: await count(groups, addedEvents, byGroup),
    duplicateEventMembers: [...seen.values()].filter((n) => n > 1).length,
    unannounced: members.filter((m) => !seen.has(m.user_id)).length,
  };
}

/** `SELECT count(*) <from and where>`. */
export async function count(databaseUrl: string, fromWhere: string, params: unknown[]): Promise<number> {
  const [row] = await dbQuery<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n ${fromWhere}`, params);
  return row?.n ?? 0;
}

/** Waits until messaging has heard of every member of the group (its copy comes from groups' events through Kafka). */
export async function awaitMessagingMembers(stack: DrillStack, groupId: string, expected: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const n = await count(stack.databaseUrl('messaging'), `FROM group_members WHERE group_id = $1`, [groupId]);
    if (n >= expected || Date.now() > deadline) return n;
    await sleep(500);
  }
}
