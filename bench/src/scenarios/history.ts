import { performance } from 'node:perf_hooks';
import { mustQuery, postJson, serverTiming } from '@kz/stack';
import { cpuDetails, cpuLines, stackClassifier } from '../process-cpu';
import { round, roundStats, stats, type Scenario, type Stats, type ScenarioContext, type ScenarioResult, type Target } from '../scenario';
import { importHistory } from '../imported-history';
import { seedMessages } from '../seed-messages';
import { addMembers, connectDb, CREATE_GROUP, signInMany, subscriberPhone, waitKnownToGroups, waitMembersInMessaging } from '../subscribers';
import { cpuDelta, cpuSnapshot } from '../system-cpu';

/**
 * History pages of 50 in a group of a million messages, read by a plain
 * member, at the messaging subgraph (the target) and through the gateway; and
 * the same pages in a group whose million messages came in by a chat import,
 * which must read as fast.
 */

const TARGET_P99_MS = 10;
/** An imported history's pages are judged unchanged within this ratio of the seeded group's p99, same run. */
const IMPORTED_P99_RATIO = 1.2;
const FULL_MESSAGES = 1_000_000;
/** Seeded message i was sent at BASE + i × SPACING ms, so ids (UUID v7) and sentAt follow i. */
const SPACING_MS = 100;
const SEED_CHUNK = 100_000;

interface Sizes {
  messages: number;
  walks: number;
  pagesPerWalk: number;
  newest: number;
  warmup: number;
}

function sizesFor(smoke: boolean): Sizes {
  return smoke
    ? { messages: 10_000, walks: 2, pagesPerWalk: 10, newest: 10, warmup: 5 }
    : { messages: FULL_MESSAGES, walks: 4, pagesPerWalk: 200, newest: 200, warmup: 20 };
}

const FIELDS = `edges { cursor node { id text sentAt author { id } } } pageInfo { hasPreviousPage startCursor }`;
const AT_SUBGRAPH = `query($r: [_Any!]!, $before: String, $around: ID) { _entities(representations: $r) { ... on Group { messages(last: $last, before: $before, around: $around) { ${FIELDS} } } } }`;
const VIA_GATEWAY = `query($id: ID!, $before: String, $around: ID) { group(id: $id) { messages(last: $last, before: $before, around: $around) { ${FIELDS} } } }`;

interface Conn {
  edges: { cursor: string; node: { id: string; text: string; sentAt: string; author: { id: string } } }[];
  pageInfo: { hasPreviousPage: boolean; startCursor: string | null };
}

type Via = 'subgraph' | 'gateway';
type PageKind = 'walk' | 'newest';

/** A group the pages are read from: seeded straight into the table, or brought in by a chat import. */
interface Subject {
  name: 'seeded' | 'imported';
  groupId: string;
  latencies: Record<PageKind, Record<Via, number[]>>;
  /** The messaging subgraph's own time for each timed page (its Server-Timing header), beside what the client measured. */
  serverMs: Record<PageKind, number[]>;
}

const subject = (name: Subject['name'], groupId: string): Subject => ({
  name,
  groupId,
  latencies: { walk: { subgraph: [], gateway: [] }, newest: { subgraph: [], gateway: [] } },
  serverMs: { walk: [], newest: [] },
});

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { stack, settings } = ctx;
  const sz = sizesFor(settings.smoke);
  const gatewayUrl = stack.gateway('ours').url;
  const messagingUrl = stack.service('messaging').url;
  const problems: string[] = [];

  // ---- setup, not timed --------------------------------------------------
  ctx.log('setup (not timed): owner and reader sign in, the owner creates an organisation with the reader in its directory');
  const [owner, reader] = await signInMany(stack, [subscriberPhone(99_001), subscriberPhone(99_002)], (i) => (i ? 'History Reader' : 'History Owner'));
  const groupsDb = await connectDb(stack.databaseUrl('groups'), 'kz-bench-history');
  const db = await connectDb(stack.databaseUrl('messaging'), 'kz-bench-history');
  try {
    await waitKnownToGroups(groupsDb, [owner!.userId, reader!.userId]);
    const orgId: string = (
      await mustQuery(gatewayUrl, `mutation { createOrganization(input: { name: "History bench" }) { organization { id } } }`, {}, owner!.token)
    ).createOrganization.organization.id;
    await mustQuery(
      gatewayUrl,
      `mutation($i: AddDirectoryMemberInput!) { addDirectoryMember(input: $i) { member { user { id } } } }`,
      { i: { organizationId: orgId, phone: reader!.phone, displayName: 'History Reader' } },
      owner!.token,
    );
    const seededGroupId: string = (await mustQuery(gatewayUrl, CREATE_GROUP, { input: { name: 'Bench – history', organizationId: orgId } }, owner!.token))
      .createGroup.group.id;
    await addMembers(gatewayUrl, owner!.token, seededGroupId, [reader!.phone]);
    await waitMembersInMessaging(db, [seededGroupId], 2);
    // The group's history opens with its own entries (created, member added): the pages measured and checked are of
    // people's messages numbered from 0, so those two entries go once they are written.
    await removeSystemEntries(db, seededGroupId, 2);

    // The same history brought in the way an organisation brings a WhatsApp group's: a chat import, through its workers;
    // first, so that what it leaves the services to do (consuming its events, collecting its garbage) is over before the pages.
    ctx.log(`setup (not timed): importing a WhatsApp export of ${sz.messages.toLocaleString('en')} messages into a new group`);
    const imported = await importHistory({
      stack,
      gatewayUrl,
      ownerToken: owner!.token,
      ownerPhone: owner!.phone,
      orgId,
      groupName: 'Bench – imported history',
      count: sz.messages,
      textPrefix: 'history message ',
      timeoutMs: settings.smoke ? 120_000 : 20 * 60_000,
      log: ctx.log,
    });
    await addMembers(gatewayUrl, owner!.token, imported.groupId, [reader!.phone]);
    await waitMembersInMessaging(db, [imported.groupId], 2);
    ctx.log(`setup (not timed): imported in ${imported.seconds.toFixed(1)} s`);

    // The shortcut (seed-messages.ts): a million sends through the gateway would take far longer than the reads measured.
    const base = Date.now() - 3_600_000 - sz.messages * SPACING_MS;
    ctx.log(`setup (not timed): seeding ${sz.messages.toLocaleString('en')} messages by INSERT … SELECT generate_series into messaging's database`);
    const seedSeconds = await seedMessages(db, {
      groupId: seededGroupId,
      authorId: owner!.userId,
      count: sz.messages,
      base,
      spacingMs: SPACING_MS,
      textPrefix: 'history message ',
      chunk: SEED_CHUNK,
      onProgress: (to) => {
        if (!settings.smoke) ctx.log(`setup: ${to.toLocaleString('en')} messages seeded`);
      },
    });

    const autovacuum = (await db.query<{ autovacuum: string }>('SHOW autovacuum')).rows[0]!.autovacuum;
    const analyzeStart = performance.now();
    await db.query('VACUUM ANALYZE messages');
    const analyzeSeconds = (performance.now() - analyzeStart) / 1000;
    ctx.log(`setup (not timed): seeded in ${seedSeconds.toFixed(1)} s, VACUUM ANALYZE in ${analyzeSeconds.toFixed(1)} s`);

    const subjects = [subject('seeded', seededGroupId), subject('imported', imported.groupId)];
    for (const { name, groupId } of subjects) {
      const n = Number((await db.query(`SELECT count(*) AS n FROM messages WHERE group_id = $1 AND kind <> 'SYSTEM'`, [groupId])).rows[0].n);
      if (n !== sz.messages) throw new Error(`the ${name} group holds ${n} messages after its set-up, not ${sz.messages}`);
    }
    /** The id of a group's message i (people's messages, oldest first; the imported group's own notices come after them). */
    const messageId = async (groupId: string, i: number) =>
      (await db.query(`SELECT id FROM messages WHERE group_id = $1 AND kind <> 'SYSTEM' ORDER BY id OFFSET $2 LIMIT 1`, [groupId, i])).rows[0]?.id as string;

    // ---- timed: pages of 50 --------------------------------------------------
    const fetchPage = async (
      via: Via,
      groupId: string,
      vars: { before?: string | null; around?: string | null },
    ): Promise<{ ms: number; serverMs: number; conn: Conn }> => {
      const last = vars.around ? 'null' : '50';
      const query = (via === 'subgraph' ? AT_SUBGRAPH : VIA_GATEWAY).replace('$last', last);
      const variables =
        via === 'subgraph'
          ? { r: [{ __typename: 'Group', id: groupId }], before: vars.before ?? null, around: vars.around ?? null }
          : { id: groupId, before: vars.before ?? null, around: vars.around ?? null };
      const body = JSON.stringify({ query, variables });
      const started = performance.now();
      const res = await postJson(via === 'subgraph' ? messagingUrl : gatewayUrl, body, reader!.token, via === 'subgraph' ? stack.asGateway : {});
      const ms = performance.now() - started;
      const parsed = JSON.parse(res.text) as { data?: any; errors?: unknown[] };
      if (res.status !== 200 || parsed.errors?.length || !parsed.data) throw new Error(`${via} history page: HTTP ${res.status}: ${res.text.slice(0, 400)}`);
      const conn = (via === 'subgraph' ? parsed.data._entities[0] : parsed.data.group)?.messages as Conn | undefined;
      if (!conn) throw new Error(`${via} history page: no messages in ${res.text.slice(0, 300)}`);
      return { ms, serverMs: serverTiming(res.headers['server-timing']), conn };
    };
    const indexOf = (edge: Conn['edges'][number]) => Number(/^history message (\d+)$/.exec(edge.node.text)?.[1] ?? NaN);
    let wrongAnswers = 0;
    const wrong = (m: string) => {
      if (wrongAnswers++ < 5) problems.push(m);
    };
    /**
     * A page must hold messages end-50 … end-1, in order, and agree between the two paths; a newest page may end with
     * the group's own notices (the imported group keeps its "created" and "added" entries).
     */
    const check = (what: string, conn: Conn, end: number, noticesAtEnd: boolean) => {
      const got = conn.edges.map(indexOf);
      const people = got.filter(Number.isFinite);
      const notices = got.length - people.length;
      if (notices > 0 && (!noticesAtEnd || got.slice(people.length).some(Number.isFinite))) wrong(`${what}: notices among the messages`);
      const first = Math.max(0, end - (50 - notices));
      const expected = Array.from({ length: end - first }, (_, k) => first + k);
      if (people.length !== expected.length || people.some((v, k) => v !== expected[k]))
        wrong(`${what}: messages ${people[0]}…${people.at(-1)} (${people.length}), expected ${first}…${end - 1}`);
      if (conn.edges.some((e, k) => Number.isFinite(got[k]) && e.node.author.id !== owner!.userId)) wrong(`${what}: a message with another author`);
      if (conn.pageInfo.hasPreviousPage !== first > 0) wrong(`${what}: hasPreviousPage ${conn.pageInfo.hasPreviousPage}`);
    };
    let alternate = 0;
    const both = async (s: Subject, what: string, before: string | null, end: number, kind: PageKind | null): Promise<Conn> => {
      const order: Via[] = alternate++ % 2 ? ['gateway', 'subgraph'] : ['subgraph', 'gateway'];
      const answers: Partial<Record<Via, Conn>> = {};
      for (const via of order) {
        const { ms, serverMs, conn } = await fetchPage(via, s.groupId, { before });
        answers[via] = conn;
        if (kind) {
          s.latencies[kind][via].push(ms);
          if (via === 'subgraph') s.serverMs[kind].push(serverMs);
        }
      }
      check(`${s.name} group, ${what}`, answers.subgraph!, end, before === null);
      if (JSON.stringify(answers.subgraph) !== JSON.stringify(answers.gateway)) wrong(`${s.name} group, ${what}: gateway and subgraph disagree`);
      return answers.subgraph!;
    };

    const classify = stackClassifier(stack);
    for (let w = 0; w < sz.warmup; w++) for (const s of subjects) await both(s, 'warm-up newest page', null, sz.messages, null);
    const cpu0 = cpuSnapshot(classify);
    ctx.log(
      `timed: ${sz.newest} newest pages (last: 50) interleaved with ${sz.walks} walks of ${sz.pagesPerWalk} pages backwards (last: 50, before) from random messages, ` +
        `each at the subgraph and through the gateway, in the seeded and the imported group in turn`,
    );
    // Newest pages are interleaved with the walks' pages, and the two groups' pages with each other, so that every kind
    // of page sees the same conditions.
    const newestEvery = Math.max(1, Math.floor((sz.walks * sz.pagesPerWalk) / sz.newest));
    let newestDone = 0;
    const maybeNewest = async (walkPage: number) => {
      if (walkPage % newestEvery !== 0 || newestDone >= sz.newest) return;
      newestDone++;
      for (const s of subjects) await both(s, 'newest page', null, sz.messages, 'newest');
    };
    let walkPage = 0;
    const starts: number[] = [];
    for (let w = 0; w < sz.walks; w++) starts.push(sz.pagesPerWalk * 50 + 25 + Math.floor(Math.random() * (sz.messages - sz.pagesPerWalk * 50 - 50)));
    for (const start of starts) {
      // The walk starts at a message (as when opening a search hit or a reply): the page around it, not timed.
      const walks = await Promise.all(
        subjects.map(async (s) => {
          const around = (await fetchPage('subgraph', s.groupId, { around: await messageId(s.groupId, start) })).conn;
          const end = indexOf(around.edges[0]!);
          if (end !== start - 25) wrong(`${s.name} group: the page around message ${start} starts at ${end}`);
          return { s, end, before: around.pageInfo.startCursor };
        }),
      );
      for (let p = 0; p < sz.pagesPerWalk; p++) {
        await maybeNewest(walkPage++);
        for (const walk of walks) {
          const conn = await both(walk.s, `page ${p} of the walk from message ${start}`, walk.before, walk.end, 'walk');
          walk.before = conn.pageInfo.startCursor;
          walk.end -= 50;
        }
      }
    }
    while (newestDone < sz.newest) await maybeNewest(0);
    const cpu = cpuDelta(cpu0, cpuSnapshot(classify));
    if (wrongAnswers > 5) problems.push(`… ${wrongAnswers - 5} more wrong answers`);

    // ---- diagnostics ------------------------------------------------------------
    const explain = async (sql: string, params: unknown[]) => {
      const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params)).rows[0]['QUERY PLAN'][0];
      // Every node, depth first: a node's inputs follow it in parentheses.
      const describe = (node: any): string =>
        `${node['Node Type']}${node['Index Name'] ? ` on ${node['Index Name']}` : ''}${node['Rows Removed by Filter'] ? ` [${node['Rows Removed by Filter']} rows removed by filter]` : ''}` +
        (node.Plans?.length ? ` (${node.Plans.map(describe).join(', ')})` : '');
      return { shape: describe(plan.Plan), executionMs: round(plan['Execution Time'], 3) };
    };
    // SQL shaped like messaging's readablePage for a plain member (the reader's standing and the page in one statement;
    // backwards: newest first, limit 51). The plan's shape is read down the page's side of the lateral join.
    const history = (bound: string) => `WITH RECURSIVE tree AS (
         SELECT $1::uuid AS id UNION SELECT g.id FROM known_groups g JOIN tree t ON g.parent_id = t.id),
       standing AS (
         SELECT (SELECT role FROM group_members WHERE group_id = $1 AND user_id = $2) AS role,
                EXISTS (SELECT 1 FROM group_members gm JOIN tree t ON gm.group_id = t.id WHERE gm.user_id = $2) AS reads)
       SELECT p.* FROM standing s LEFT JOIN LATERAL (
         SELECT * FROM messages WHERE group_id = $1 AND (s.role IN ('OWNER', 'ADMIN') OR audience = 'ALL' OR author_id = $2) ${bound}
         ORDER BY id DESC LIMIT 51) p ON true
       WHERE s.reads`;
    const plans = Object.fromEntries(
      await Promise.all(
        subjects.map(async (s) => {
          const midId = await messageId(s.groupId, Math.floor(sz.messages / 2));
          const beforeMiddle = await explain(history('AND id < $3'), [s.groupId, reader!.userId, midId]);
          const newest = await explain(history(''), [s.groupId, reader!.userId]);
          return [s.name, { beforeMiddle, newest }] as const;
        }),
      ),
    ) as Record<Subject['name'], { beforeMiddle: { shape: string; executionMs: number }; newest: { shape: string; executionMs: number } }>;
    const otherMessages = Number(
      (await db.query(`SELECT count(*) AS n FROM messages WHERE group_id <> ALL($1::uuid[])`, [subjects.map((s) => s.groupId)])).rows[0].n,
    );
    const sizes = (
      await db.query(
        `SELECT c.relname AS name, pg_relation_size(c.oid)::bigint AS bytes FROM pg_class c
          WHERE c.oid = 'messages'::regclass OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'messages'::regclass) ORDER BY c.relname`,
      )
    ).rows.map((r: { name: string; bytes: string }) => `${r.name} ${(Number(r.bytes) / 1048576).toFixed(0)}`);

    // ---- report ---------------------------------------------------------------
    const statsOf = (s: Subject) =>
      Object.fromEntries(
        (['walk', 'newest'] as const).map((k) => [
          k,
          { subgraph: stats(s.latencies[k].subgraph), gateway: stats(s.latencies[k].gateway), subgraphServer: stats(s.serverMs[k]) },
        ]),
      ) as Record<PageKind, Record<Via | 'subgraphServer', Stats>>;
    const st = { seeded: statsOf(subjects[0]!), imported: statsOf(subjects[1]!) };
    const judged = !settings.smoke;
    const pageName = (k: PageKind) => (k === 'walk' ? 'backwards from random points' : 'newest');
    const targets: Target[] = [
      ...(['walk', 'newest'] as const).map((k) => ({
        what: `history page of 50 (${pageName(k)}) p99 at the messaging subgraph, ms`,
        target: `<= ${TARGET_P99_MS}`,
        value: round(st.seeded[k].subgraph.p99),
        met: judged ? st.seeded[k].subgraph.p99 <= TARGET_P99_MS : null,
      })),
      ...(['walk', 'newest'] as const).map((k) => {
        const ratio = st.imported[k].subgraph.p99 / st.seeded[k].subgraph.p99;
        return {
          what: `history page of 50 (${pageName(k)}) p99 at the messaging subgraph, group of ${sz.messages.toLocaleString('en')} imported messages ÷ seeded group (same run)`,
          target: `<= ${IMPORTED_P99_RATIO} (and <= ${TARGET_P99_MS} ms: ${f(st.imported[k].subgraph.p99)} ms)`,
          value: round(ratio),
          met: judged ? ratio <= IMPORTED_P99_RATIO && st.imported[k].subgraph.p99 <= TARGET_P99_MS : null,
        };
      }),
    ];
    const row = (what: string, s: Stats) => [what, String(s.n), f(s.p50), f(s.p99), f(s.max), f(s.mean)];
    const table = [
      ['measurement', 'n', 'p50 ms', 'p99 ms', 'max ms', 'mean ms'],
      ...subjects.flatMap(({ name }) => [
        row(`${name} group: newest page of 50 at messaging subgraph`, st[name].newest.subgraph),
        row('… its time inside the subgraph (Server-Timing)', st[name].newest.subgraphServer),
        row(`${name} group: newest page of 50 via gateway`, st[name].newest.gateway),
        row(`${name} group: page of 50 before a cursor at messaging subgraph`, st[name].walk.subgraph),
        row('… its time inside the subgraph (Server-Timing)', st[name].walk.subgraphServer),
        row(`${name} group: page of 50 before a cursor via gateway`, st[name].walk.gateway),
      ]),
    ];
    const pages = subjects.reduce((n, s) => n + s.latencies.walk.subgraph.length + s.latencies.newest.subgraph.length, 0);
    const notes = [
      `setup (not timed): two groups of one organisation, read by a plain member (not an admin: the audience filter applies). ` +
        `The seeded group: ${sz.messages.toLocaleString('en')} messages written by INSERT … SELECT generate_series straight into messaging's messages table ` +
        `in ${f(seedSeconds, 1)} s (rows as sendMessage writes them: UUID v7 ids from the send time, ${SPACING_MS} ms apart, audience ALL, kind TEXT; ` +
        `PostgreSQL fills the generated search column and every index). The imported group: a WhatsApp iPhone export of the same number of messages, ` +
        `imported first, uploaded, previewed and applied as an admin does (startChatImport, upload, applyChatImport), written by the import's workers in ` +
        `${f(imported.seconds, 1)} s from the upload's first byte; its own notices (created, member added) stay after the imported messages. ` +
        `Then VACUUM ANALYZE in ${f(analyzeSeconds, 1)} s (autovacuum is ${autovacuum} on this server)`,
      `timed: one request at a time, the same page at the subgraph (_entities on Group) and through the gateway (group → messages, the groups then the messaging subgraph), ` +
        `alternating which goes first, the two groups' pages in turn; from sending to the last byte; ${sz.warmup} unmeasured warm-up pairs per group; ` +
        `"time inside the subgraph" is what the messaging process reports in its Server-Timing header (from routing the request to writing the response), ` +
        `so the rest of a request's time is the network, the client and waiting for a core; the target is judged on the client's figure; ` +
        `selection ${FIELDS.replace(/\s+/g, ' ')}; every page checked: the 50 messages just before the cursor, in order`,
      `"unchanged" for the imported group is judged as its p99 within ${IMPORTED_P99_RATIO}× of the seeded group's in the same run (p99s of a few ms move by ` +
        `that much between runs on this shared machine) and within the ${TARGET_P99_MS} ms target`,
      `walks start at random messages (${starts.join(', ')}) in both groups, each opened with an untimed around: page, then ${sz.pagesPerWalk} pages backwards`,
      ...subjects.map(
        ({ name }) =>
          `plans of the history query in the ${name} group (EXPLAIN ANALYZE): a page before the middle message ${plans[name].beforeMiddle.shape}, ` +
          `${f(plans[name].beforeMiddle.executionMs, 3)} ms; the newest page ${plans[name].newest.shape}, ${f(plans[name].newest.executionMs, 3)} ms`,
      ),
      `the table also holds ${otherMessages.toLocaleString('en')} messages of other groups; messages table and indexes (MiB): ${sizes.join(', ')}`,
      'CPU by process over the timed pages (from /proc; each page fetched twice, once per path):',
      ...cpuLines(cpu, { n: pages, unit: 'page pair' }),
    ];
    const latencyDetails = (name: Subject['name']) =>
      Object.fromEntries(
        (['newest', 'walk'] as const).map((k) => [
          k,
          { subgraph: roundStats(st[name][k].subgraph), gateway: roundStats(st[name][k].gateway), subgraphServer: roundStats(st[name][k].subgraphServer) },
        ]),
      );
    return {
      name: 'history',
      ok: problems.length === 0,
      problems,
      table,
      notes,
      targets,
      details: {
        sizes: sz,
        groupIds: { seeded: seededGroupId, imported: imported.groupId },
        setup: {
          seedSeconds: round(seedSeconds, 1),
          importSeconds: round(imported.seconds, 1),
          analyzeSeconds: round(analyzeSeconds, 1),
          autovacuum,
          seededRowsPerSecond: Math.round(sz.messages / seedSeconds),
        },
        walkStarts: starts,
        latencyMs: { seeded: latencyDetails('seeded'), imported: latencyDetails('imported') },
        plans,
        otherGroupsMessages: otherMessages,
        relationsMiB: sizes,
        cpuMs: cpuDetails(cpu),
      },
    };
  } finally {
    await Promise.all([groupsDb, db].map((c) => c.end().catch(() => undefined)));
  }
}

const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '—');

export const history: Scenario = {
  name: 'history',
  description:
    'history pages of 50 in a group of 1,000,000 messages, at the messaging subgraph and through the gateway; the same in a group of 1,000,000 imported from a WhatsApp export',
  run,
};

/** Waits for a group's first `expected` system entries, then deletes them (bench set-up only). */
async function removeSystemEntries(db: Awaited<ReturnType<typeof connectDb>>, groupId: string, expected: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const n = Number((await db.query(`SELECT count(*) AS n FROM messages WHERE group_id = $1 AND kind = 'SYSTEM'`, [groupId])).rows[0].n);
    if (n >= expected) break;
    if (Date.now() > deadline) throw new Error(`messaging wrote ${n} of the group's ${expected} system entries in 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await db.query(`DELETE FROM messages WHERE group_id = $1 AND kind = 'SYSTEM'`, [groupId]);
}
