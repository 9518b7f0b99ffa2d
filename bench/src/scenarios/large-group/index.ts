import { performance } from 'node:perf_hooks';
import { eventually, mustQuery } from '@kz/stack';
import { stackClassifier } from '../../process-cpu';
import { seededRandom, type Scenario, type ScenarioContext, type ScenarioResult } from '../../scenario';
import { cpuSnapshot } from '../../system-cpu';
import { addMembersAndAwaitMessaging, seedKnownUsers } from './bulk-add';
import { MAX_MEMBERS } from './members';
import { firstPass, MemberReads, type PageCursor } from './member-reads';
import { backendPid, connect, memberQueryPlans, membershipStorage } from './postgres-probes';
import { FULL_MEMBERS, largeGroupReport } from './report';

export { MAX_MEMBERS } from './members';

/**
 * One group of a million members: bulk-added through the gateway in calls of
 * 10,000 numbers, the membership events consumed into messaging's read model,
 * then member pages and searches through the gateway and at the groups subgraph.
 */

const GROUP_NAME = 'Bench – large group';
const OWNER_PHONE = '+14155559000';
const OWNER_NAME = 'Large Group Owner';

const CREATE = `mutation($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }`;
const COUNT = `query($id: ID!) { group(id: $id) { memberCount } }`;

interface Sizes {
  members: number;
  batch: number;
  inFlight: number;
  /** Walks of consecutive pages, and pages per walk. */
  walks: number;
  pagesPerWalk: number;
  /** Searches of each kind (name, phone), each through both paths. */
  searches: number;
  warmup: number;
  /** Longest wait for messaging to hold every membership, after the adds. */
  consumeTimeoutMs: number;
}

function sizesFor(ctx: ScenarioContext): Sizes {
  const { smoke } = ctx.settings;
  const members = ctx.settings.members ?? (smoke ? 2_000 : FULL_MEMBERS);
  if (members > MAX_MEMBERS) throw new Error(`large-group adds at most ${MAX_MEMBERS.toLocaleString('en')} members (the checked number range)`);
  return {
    members,
    batch: Math.min(members, smoke ? 1_000 : 10_000),
    inFlight: ctx.settings.inFlight ?? 2,
    walks: smoke ? 2 : 4,
    pagesPerWalk: smoke ? 10 : 200,
    searches: smoke ? 20 : 200,
    warmup: smoke ? 2 : 10,
    consumeTimeoutMs: smoke ? 60_000 : 300_000,
  };
}

/** Walk starts at random points of the first pass, with room for a whole walk after each. */
function walkStarts(cursors: PageCursor[], seen: number, sz: Sizes, random: () => number): PageCursor[] {
  const room = sz.pagesPerWalk * 50;
  const startable = cursors.filter((c) => c.before + room <= seen);
  const starts: PageCursor[] = [];
  for (let w = 0; w < sz.walks && startable.length > 0; w++) starts.push(startable.splice(Math.floor(random() * startable.length), 1)[0]!);
  return starts.sort((a, b) => a.before - b.before);
}

/** Prefixes of 1–4 digits of random members; 100,000 / 10,000 / 1,000 / 100 matches in the full group. */
function searchPrefixes(sz: Sizes, random: () => number): string[] {
  const prefixes: string[] = [];
  if (sz.members >= 12_400) prefixes.push('0123', '001'); // "member 0123", "+14152001": the examples
  while (prefixes.length < sz.searches) {
    const k = 1 + (prefixes.length % 4);
    prefixes.push(
      String(Math.floor(random() * sz.members))
        .padStart(6, '0')
        .slice(0, k),
    );
  }
  return prefixes;
}

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { stack, settings } = ctx;
  const sz = sizesFor(ctx);
  const problems: string[] = [];
  const gatewayUrl = stack.gateway('ours').url;
  const groupsUrl = stack.service('groups').url;
  const seed = Number(process.env.BENCH_SEED ?? Date.now() % 1_000_000);
  const random = seededRandom(seed);

  ctx.log(`setup (not timed): signing in the owner and creating the group`);
  const { token } = await stack.signIn(OWNER_PHONE, OWNER_NAME);
  const groupId: string = (await mustQuery(gatewayUrl, CREATE, { input: { name: GROUP_NAME } }, token)).createGroup.group.id;

  const groupsDb = await connect(stack.databaseUrl('groups'));
  const messagingDb = await connect(stack.databaseUrl('messaging'));
  const poller = await connect(stack.databaseUrl('messaging'));
  const statsDb = await connect(stack.databaseUrl('groups'));
  try {
    const classify = stackClassifier(stack, new Set(await Promise.all([groupsDb, messagingDb, poller, statsDb].map(backendPid))));
    // Messaging keeps the group's member count in the transaction that writes its memberships: read in O(1) while
    // polling (a count(*) over a million rows every 250 ms took 60 % of a core from the consumer it waits for).
    const countInMessaging = async () =>
      Number((await poller.query<{ n: number }>(`SELECT member_count AS n FROM known_groups WHERE id = $1`, [groupId])).rows[0]?.n ?? 0);
    const exactCountInMessaging = async () =>
      Number((await poller.query<{ n: string }>(`SELECT count(*) AS n FROM group_members WHERE group_id = $1`, [groupId])).rows[0]!.n);
    // Messaging holds the owner's membership before anything is timed.
    const baseline = await eventually(
      "the owner's membership in messaging's read model",
      async () => {
        const n = await countInMessaging();
        if (n < 1) throw new Error('not there yet');
        return n;
      },
      60_000,
      100,
    );
    const setup = await seedKnownUsers(ctx, groupsDb, sz.members);

    const adds = await addMembersAndAwaitMessaging(ctx, {
      ...sz,
      stack,
      gatewayUrl,
      token,
      groupId,
      groupsDb,
      messagingDb,
      statsDb,
      countInMessaging,
      exactCountInMessaging,
      baseline,
      classify,
    });
    problems.push(...adds.problems);
    const memberCount = (await mustQuery(gatewayUrl, COUNT, { id: groupId }, token)).group.memberCount as number;
    if (memberCount !== baseline + sz.members) problems.push(`group.memberCount is ${memberCount}, expected ${baseline + sz.members}`);

    // Planner statistics: with autovacuum on, PostgreSQL analyzes memberships by itself after so many inserts; without
    // statistics it misjudges prefix ranges (a bitmap scan of every match and a sort instead of an ordered index range).
    const autovacuum = (await groupsDb.query<{ autovacuum: string }>('SHOW autovacuum')).rows[0]!.autovacuum;
    let analyzeMembershipsSeconds: number | null = null;
    if (autovacuum !== 'on') {
      const started = performance.now();
      await groupsDb.query('ANALYZE memberships');
      analyzeMembershipsSeconds = (performance.now() - started) / 1000;
      ctx.log(`setup (not timed): autovacuum is off on this server; ANALYZE memberships in ${analyzeMembershipsSeconds.toFixed(1)} s, as autovacuum would do`);
    }

    ctx.log(`a first pass over the whole member list in pages of 500 at the groups subgraph, for cursors (not timed)`);
    const pass = await firstPass(groupsUrl, groupId, token, stack.asGateway);
    if (pass.seen !== baseline + sz.members) problems.push(`the member list has ${pass.seen} entries, expected ${baseline + sz.members}`);
    ctx.log(`first pass: ${pass.seen.toLocaleString('en')} members in ${pass.cursors.length} pages, ${pass.seconds.toFixed(1)} s`);

    const reads = new MemberReads({ gateway: gatewayUrl, subgraph: groupsUrl }, stack.asGateway, token, groupId, sz.members, sz.warmup);
    const walks = walkStarts(pass.cursors, pass.seen, sz, random);
    const prefixes = searchPrefixes(sz, random);
    ctx.log(
      `pages: ${walks.length} walks of ${sz.pagesPerWalk} pages of 50 from members ${walks.map((s) => s.before.toLocaleString('en')).join(', ')}, each page through gateway and subgraph`,
    );
    await reads.warmUpPages(pass.cursors, random);
    const pagesCpu0 = cpuSnapshot(classify);
    await reads.walkPages(walks, sz.pagesPerWalk);
    const pagesCpu1 = cpuSnapshot(classify);
    ctx.log(`searches: ${prefixes.length} name and ${prefixes.length} phone prefixes of 1–4 digits, each through gateway and subgraph`);
    await reads.warmUpSearches(prefixes);
    const searchCpu0 = cpuSnapshot(classify);
    await reads.searchPrefixes(prefixes);
    const searchCpu1 = cpuSnapshot(classify);
    problems.push(...reads.problems());

    return largeGroupReport({
      smoke: settings.smoke,
      members: sz.members,
      batch: sz.batch,
      inFlight: sz.inFlight,
      seed,
      groupId,
      setup,
      adds,
      firstPass: pass,
      walks,
      pagesPerWalk: sz.pagesPerWalk,
      searches: prefixes.length,
      warmup: sz.warmup,
      reads,
      cpu: { pages: [pagesCpu0, pagesCpu1], searches: [searchCpu0, searchCpu1] },
      autovacuum,
      analyzeMembershipsSeconds,
      plans: await memberQueryPlans(groupsDb, groupId, pass.seen),
      storage: await membershipStorage(groupsDb),
      problems,
    });
  } finally {
    await Promise.all([groupsDb, messagingDb, poller, statsDb].map((c) => c.end().catch(() => undefined)));
  }
}

export const largeGroup: Scenario = {
  name: 'large-group',
  description: 'one group of 1,000,000 members: bulk add through the gateway, events into messaging, member pages and searches',
  run,
};
