import { performance } from 'node:perf_hooks';
import type { Client as PgClient } from 'pg';
import { eventually, mustQuery } from '@kz/stack';
import { cpuDetails, cpuLines, stackClassifier } from '../process-cpu';
import { round, roundStats, type Scenario, type ScenarioContext, type ScenarioResult, type Stats, type Target } from '../scenario';
import { seedMessages } from '../seed-messages';
import { closeAll, CREATE_GROUP } from '../subscribers';
import { measurePhase, setUpLiveGroups, type LiveGroups, type Sizes } from './send-receive';

/**
 * What the retention job's deletion does to live traffic: send → receive as in the send-receive scenario (200
 * messages/s over 100 groups, each followed by its members), first with nothing to delete (phase A), then (phase B)
 * while the job deletes an organisation group's 1,000,000 expired messages, set off by the organisation's new
 * retention period. The deletion's own pace is reported too.
 */

/** Phase B's p99 over phase A's: the deletion costs live traffic at most half again. */
const TARGET_RATIO = 1.5;
const KEEP_DAYS = 365;
/** The expired messages' age: well past the period. */
const AGE_DAYS = 400;
const SEED_CHUNK = 100_000;

function sizesFor(ctx: ScenarioContext): Sizes & { expired: number } {
  return ctx.settings.smoke
    ? { groups: 5, perGroup: 3, rate: 20, warmupSeconds: 0.5, seconds: 2, drainMs: 20_000, endpoints: 0, expired: 20_000 }
    : { groups: 100, perGroup: 10, rate: 200, warmupSeconds: 5, seconds: 30, drainMs: 30_000, endpoints: 0, expired: 1_000_000 };
}

/** The group's messages past the period (its own entries, such as its creation, are recent). */
const remaining = async (db: PgClient, groupId: string) =>
  Number(
    (await db.query(`SELECT count(*) AS n FROM messages WHERE group_id = $1 AND sent_at < now() - make_interval(days => $2)`, [groupId, KEEP_DAYS])).rows[0].n,
  );

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { stack, settings } = ctx;
  const sz = sizesFor(ctx);
  const gatewayUrl = stack.gateway('ours').url;
  const opened: Partial<LiveGroups> = {};
  try {
    const live = await setUpLiveGroups(ctx, sz, 'kz-bench-retention', (o) => Object.assign(opened, o));
    const { persons, orgId, groups, subscribers, eventOnly, messagingDb } = live;
    const admin = persons[0]!;

    // An archive group of the same organisation, its history seeded as sent 400 days ago (seed-messages.ts).
    const archiveId = (await mustQuery(gatewayUrl, CREATE_GROUP, { input: { name: 'Bench – retention archive', organizationId: orgId } }, admin.token))
      .createGroup.group.id as string;
    await eventually('the archive group known to messaging', async () => {
      const known = await messagingDb.query(`SELECT 1 FROM known_groups WHERE id = $1`, [archiveId]);
      if (known.rowCount === 0) throw new Error('not yet');
    });
    ctx.log(`setup (not timed): seeding ${sz.expired.toLocaleString('en')} messages sent ${AGE_DAYS} days ago into the archive group`);
    const seedSeconds = await seedMessages(messagingDb, {
      groupId: archiveId,
      authorId: admin.userId,
      count: sz.expired,
      base: Date.now() - AGE_DAYS * 86_400_000 - sz.expired,
      spacingMs: 1,
      textPrefix: 'expired message ',
      chunk: SEED_CHUNK,
    });
    await messagingDb.query('VACUUM ANALYZE messages');
    const seeded = await remaining(messagingDb, archiveId);

    // ---- timed: phase A with nothing to delete, phase B while the job deletes --------------
    const env = { gatewayUrl, groups, subscribers, eventOnly, messagingDb, classify: stackClassifier(stack) };
    const a = await measurePhase('A', ctx, sz, env, 0, () => true);

    ctx.log(`the organisation keeps messages ${KEEP_DAYS} days from now on: the retention job starts on the archive`);
    const setAt = performance.now();
    await mustQuery(
      gatewayUrl,
      `mutation($i: SetMessageRetentionInput!) { setMessageRetention(input: $i) { organization { messageRetentionDays } } }`,
      { i: { organizationId: orgId, keepDays: KEEP_DAYS } },
      admin.token,
    );
    await eventually(
      'the deletion under way',
      async () => {
        if ((await remaining(messagingDb, archiveId)) >= seeded) throw new Error('nothing deleted yet');
      },
      60_000,
      50,
    );
    const startedAfterMs = performance.now() - setAt;
    const beforeB = await remaining(messagingDb, archiveId);
    const b = await measurePhase('B', ctx, sz, env, a.total, () => true);
    const afterB = await remaining(messagingDb, archiveId);
    const deletedInB = beforeB - afterB;
    const phaseBSeconds = b.sendSeconds;

    ctx.log(`waiting for the deletion to finish (${afterB.toLocaleString('en')} expired messages left)`);
    const deletionDeadline = performance.now() + 20 * 60_000;
    while ((await remaining(messagingDb, archiveId)) > 0 && performance.now() < deletionDeadline) await new Promise((r) => setTimeout(r, 1_000));
    const left = await remaining(messagingDb, archiveId);
    const deletionSeconds = (performance.now() - setAt) / 1000;

    const problems = [...a.problems, ...b.problems];
    if (seeded !== sz.expired) problems.push(`the archive held ${seeded} messages after seeding, not ${sz.expired}`);
    // A smoke run's few thousand messages go in a moment; the full run's million must outlast phase B.
    if (afterB === 0 && !settings.smoke) problems.push('the deletion finished before phase B did: phase B did not run beside it throughout');
    if (left > 0) problems.push(`${left} expired messages were still there 20 minutes after the period was set`);
    const dead = subscribers.filter((s) => s.failure !== undefined);
    if (dead.length > 0) problems.push(`${dead.length} subscribers failed or were dropped, e.g. ${dead[0]!.failure}`);

    const ratio = b.latency.p99 / a.latency.p99;
    const judged = !settings.smoke;
    const targets: Target[] = [
      {
        what: `send → receive p99 while deleting ${sz.expired.toLocaleString('en')} expired messages ÷ without (phase B ÷ A)`,
        target: `<= ${TARGET_RATIO}`,
        value: round(ratio, 3),
        met: judged ? ratio <= TARGET_RATIO : null,
      },
    ];
    const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '—');
    const row = (what: string, s: Stats) => [what, String(s.n), f(s.p50), f(s.p99), f(s.max), f(s.mean)];
    const table = [
      ['measurement', 'n', 'p50 ms', 'p99 ms', 'max ms', 'mean ms'],
      row('A (nothing to delete): send → subscriber receipt', a.latency),
      row('A: sendMessage mutation (response)', a.mutation),
      row('B (while deleting): send → subscriber receipt', b.latency),
      row('B: sendMessage mutation (response)', b.mutation),
    ];
    const notes = [
      `setup (not timed): ${persons.length} people, ${sz.groups} organisation groups of ${sz.perGroup} followed live by their members (as in send-receive); ` +
        `an archive group of the same organisation with ${seeded.toLocaleString('en')} messages sent ${AGE_DAYS} days ago, seeded in ${f(seedSeconds, 1)} s`,
      `timed: phase A, then the organisation's retention set to ${KEEP_DAYS} days (the job deleted its first batch ${f(startedAfterMs / 1000, 1)} s later), then phase B: ` +
        `${sz.rate} messages/s for ${sz.warmupSeconds} s warm-up + ${sz.seconds} s measured in each`,
      `deletion: ${deletedInB.toLocaleString('en')} messages in phase B's ${f(phaseBSeconds, 1)} s of sends (${f(deletedInB / phaseBSeconds, 0)}/s beside the load); ` +
        `all ${(seeded - left).toLocaleString('en')} gone ${f(deletionSeconds, 1)} s after the period was set`,
      ...[a, b].flatMap((p) => [`CPU by process over phase ${p.name}:`, ...cpuLines(p.cpu, { n: p.messages, unit: 'message' })]),
    ];
    return {
      name: 'retention',
      ok: problems.length === 0,
      problems,
      table,
      notes,
      targets,
      details: {
        sizes: sz,
        withoutDeletion: { latencyMs: roundStats(a.latency), mutationMs: roundStats(a.mutation), cpuMs: cpuDetails(a.cpu) },
        whileDeleting: { latencyMs: roundStats(b.latency), mutationMs: roundStats(b.mutation), cpuMs: cpuDetails(b.cpu), deleted: deletedInB },
        p99RatioToWithout: round(ratio, 3),
        deletion: { expired: seeded, seconds: round(deletionSeconds, 1), startedAfterMs: round(startedAfterMs, 0), left },
      },
    };
  } finally {
    await closeAll([...(opened.subscribers ?? []), ...(opened.eventOnly ?? [])]);
    await Promise.all([opened.groupsDb, opened.messagingDb].map((c) => c?.end().catch(() => undefined)));
  }
}

export const retention: Scenario = {
  name: 'retention',
  description: 'send → receive p99 at 200 messages/s while the retention job deletes 1,000,000 expired messages, against the same load without it',
  run,
};
