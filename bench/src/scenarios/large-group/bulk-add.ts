import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import { copyFrom } from '../../pg-copy';
import type { ScenarioContext } from '../../scenario';
import type { BenchStack } from '../../stack';
import { cpuSnapshot, type Classifier, type CpuSnapshot } from '../../system-cpu';
import { knownUserRows, memberPhone } from './members';
import { dbStats, dbStatsDelta, pipelineCounts, sample, type DbStatsDelta, type Sample } from './postgres-probes';
import { mustOk, timedGraphQL } from './timed-request';

const ADD = `mutation($input: AddGroupMembersInput!) { addGroupMembers(input: $input) { group { memberCount } outcomes { phone status message } } }`;

/** Seeds the groups service's known_users read model with every member by COPY (setup, not timed), as identity's events would. */
export async function seedKnownUsers(ctx: ScenarioContext, groupsDb: Client, members: number): Promise<{ copySeconds: number; analyzeSeconds: number }> {
  ctx.log(`setup (not timed): seeding ${members.toLocaleString('en')} rows into the groups service's known_users read model by COPY`);
  const copyStart = performance.now();
  const copied = await copyFrom(groupsDb, 'COPY known_users (id, phone, name_key) FROM STDIN', knownUserRows(members));
  const copySeconds = (performance.now() - copyStart) / 1000;
  if (copied !== members) throw new Error(`COPY into known_users reported ${copied} rows instead of ${members}`);
  const analyzeStart = performance.now();
  await groupsDb.query('ANALYZE known_users');
  const analyzeSeconds = (performance.now() - analyzeStart) / 1000;
  ctx.log(
    `setup (not timed): COPY of ${members.toLocaleString('en')} known users in ${copySeconds.toFixed(1)} s ` +
      `(${Math.round(members / copySeconds).toLocaleString('en')} rows/s), ANALYZE in ${analyzeSeconds.toFixed(1)} s`,
  );
  return { copySeconds, analyzeSeconds };
}

export interface BulkAddPlan {
  stack: BenchStack;
  gatewayUrl: string;
  token: string;
  groupId: string;
  members: number;
  batch: number;
  inFlight: number;
  /** Longest wait for messaging to hold every membership, after the adds. */
  consumeTimeoutMs: number;
  groupsDb: Client;
  messagingDb: Client;
  statsDb: Client;
  /** Members of the group in messaging's read model right now. */
  /** Messaging's member count of the group, as it keeps it beside the rows (cheap). */
  countInMessaging: () => Promise<number>;
  /** The rows themselves, counted (a scan): checked once at the end. */
  exactCountInMessaging: () => Promise<number>;
  /** That count before the adds. */
  baseline: number;
  classify: Classifier;
}

export interface BulkAdd {
  calls: number;
  bytesPerCall: number;
  /** How busy the machine was (% of all cores) in the second before the adds. */
  machineBusyBefore: number;
  callMs: number[];
  membersAdded: number;
  addsSeconds: number;
  /** From the first call until messaging held every membership; NaN when it did not within the timeout. */
  consumedSeconds: number;
  /** New memberships messaging's read model held at its last count. */
  reachedInMessaging: number;
  samples: Sample[];
  cpu: { beforeAdds: CpuSnapshot; afterAdds: CpuSnapshot; consumed: CpuSnapshot };
  database: DbStatsDelta;
  problems: string[];
}

/**
 * Timed: every member added through the gateway in calls of `batch` numbers, `inFlight` at a time, each outcome checked;
 * then messaging's read model polled until it holds them all. The pipeline's progress is sampled every second meanwhile.
 */
export async function addMembersAndAwaitMessaging(ctx: ScenarioContext, plan: BulkAddPlan): Promise<BulkAdd> {
  const { members, batch, inFlight, groupsDb, messagingDb } = plan;
  const problems: string[] = [];
  // Request bodies are built before the clock starts; phones as E.164 strings, role left to its default (MEMBER).
  const calls: { from: number; to: number; body: string }[] = [];
  for (let from = 0; from < members; from += batch) {
    const to = Math.min(members, from + batch);
    const list = Array.from({ length: to - from }, (_, k) => ({ phone: memberPhone(from + k) }));
    calls.push({ from, to, body: JSON.stringify({ query: ADD, variables: { input: { groupId: plan.groupId, members: list } } }) });
  }
  const base = await pipelineCounts(groupsDb, messagingDb);
  const bytesPerCall = Math.round(calls.reduce((s, c) => s + c.body.length, 0) / calls.length);

  const dbBefore = await dbStats(plan.statsDb, plan.stack);
  const machineBusyBefore = await machineBusyPercent();
  if (machineBusyBefore > 15) ctx.log(`warning: the machine is ${machineBusyBefore.toFixed(0)} % busy before the adds; something else is running`);
  ctx.log(
    `timed: adding ${members.toLocaleString('en')} members through the gateway in ${calls.length} calls of ${batch.toLocaleString('en')} ` +
      `(${Math.round(bytesPerCall / 1024)} KiB each), ${inFlight} in flight`,
  );
  const samples: Sample[] = [];
  let membersAdded = 0;
  let sampling = true;
  const t0 = performance.now();
  const beforeAdds = cpuSnapshot(plan.classify);
  const sampler = (async () => {
    let lastLog = 0;
    while (sampling) {
      await new Promise((r) => setTimeout(r, 1_000));
      if (!sampling) break;
      const s = await sample(groupsDb, messagingDb, (performance.now() - t0) / 1000, membersAdded, base);
      samples.push(s);
      if (s.t - lastLog >= 5) {
        lastLog = s.t;
        ctx.log(
          `${s.t.toFixed(0).padStart(4)} s: ${s.membersAdded.toLocaleString('en')} added; membership events written ${s.outboxWritten}, ` +
            `published ${s.outboxPublished}, consumed by messaging ${s.consumedEvents}${s.parkedEvents ? `, PARKED ${s.parkedEvents}` : ''}`,
        );
      }
    }
  })();

  const callMs: number[] = [];
  const outcomeProblems = new Map<string, { count: number; example: unknown }>();
  let next = 0;
  let failed: Error | undefined;
  const worker = async () => {
    while (next < calls.length && !failed) {
      const call = calls[next++]!;
      try {
        const res = await timedGraphQL(plan.gatewayUrl, call.body, plan.token);
        const data = mustOk(`addGroupMembers of members ${call.from}..${call.to - 1}`, res);
        callMs.push(res.ms);
        const outcomes = data.addGroupMembers.outcomes as { phone: string; status: string; message: string | null }[];
        if (outcomes.length !== call.to - call.from) throw new Error(`addGroupMembers answered ${outcomes.length} outcomes for ${call.to - call.from} numbers`);
        outcomes.forEach((o, k) => {
          const expected = memberPhone(call.from + k);
          const wrong = o.phone !== expected ? `outcome for ${expected} names ${o.phone}` : o.status !== 'ADDED' ? o.status : null;
          if (!wrong) return;
          const entry = outcomeProblems.get(wrong) ?? { count: 0, example: o };
          entry.count++;
          outcomeProblems.set(wrong, entry);
        });
        membersAdded += outcomes.filter((o) => o.status === 'ADDED').length;
      } catch (err) {
        failed ??= err as Error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, calls.length) }, worker));
  const addsSeconds = (performance.now() - t0) / 1000;
  const afterAdds = cpuSnapshot(plan.classify);
  if (failed) {
    sampling = false;
    await sampler;
    throw failed;
  }
  for (const [what, { count, example }] of outcomeProblems) problems.push(`${count} outcomes ${what}, e.g. ${JSON.stringify(example)}`);
  ctx.log(
    `adds done: ${membersAdded.toLocaleString('en')} ADDED in ${addsSeconds.toFixed(2)} s = ${Math.round(members / addsSeconds).toLocaleString('en')} members/s; ` +
      `waiting for messaging's read model (count polled every 250 ms)`,
  );

  // Messaging's read model: its count of the group's members, polled every 250 ms once the adds are done, then the
  // rows counted once to confirm.
  const target = plan.baseline + members;
  let consumedSeconds = NaN;
  let lastCount = 0;
  const deadline = performance.now() + plan.consumeTimeoutMs;
  for (;;) {
    const polledAt = performance.now();
    lastCount = await plan.countInMessaging();
    if (lastCount >= target) {
      consumedSeconds = (performance.now() - t0) / 1000;
      break;
    }
    if (performance.now() > deadline) break;
    await new Promise((r) => setTimeout(r, Math.max(0, 250 - (performance.now() - polledAt))));
  }
  const consumed = cpuSnapshot(plan.classify);
  if (!Number.isNaN(consumedSeconds)) {
    const rows = await plan.exactCountInMessaging();
    if (rows !== target) problems.push(`messaging counts ${lastCount} members of the group but holds ${rows} membership rows (expected ${target})`);
  }
  sampling = false;
  await sampler;
  samples.push(await sample(groupsDb, messagingDb, (performance.now() - t0) / 1000, membersAdded, base));
  if (Number.isNaN(consumedSeconds)) {
    problems.push(
      `messaging's read model holds ${lastCount - plan.baseline} of ${members} new memberships after waiting ${plan.consumeTimeoutMs / 1000} s past the adds ` +
        `(last sample: ${JSON.stringify(samples[samples.length - 1])})`,
    );
  } else {
    ctx.log(
      `events consumed: messaging holds all ${members.toLocaleString('en')} memberships ${consumedSeconds.toFixed(2)} s after the first call ` +
        `(${(consumedSeconds - addsSeconds).toFixed(2)} s after the last) = ${Math.round(members / consumedSeconds).toLocaleString('en')} members/s end to end`,
    );
  }
  // pg_stat_database is flushed by each backend about a second after it goes idle.
  await new Promise((r) => setTimeout(r, 2_000));
  const database = dbStatsDelta(dbBefore, await dbStats(plan.statsDb, plan.stack));
  return {
    calls: calls.length,
    bytesPerCall,
    machineBusyBefore,
    callMs,
    membersAdded,
    addsSeconds,
    consumedSeconds,
    reachedInMessaging: lastCount - plan.baseline,
    samples,
    cpu: { beforeAdds, afterAdds, consumed },
    database,
    problems,
  };
}

/** The whole machine's busy share over one second, in % of all cores. */
async function machineBusyPercent(): Promise<number> {
  const a = cpuSnapshot(() => null);
  await new Promise((r) => setTimeout(r, 1_000));
  const b = cpuSnapshot(() => null);
  return (100 * (b.machine.busy - a.machine.busy)) / Math.max(1, b.machine.total - a.machine.total);
}
