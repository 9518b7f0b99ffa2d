import { readFileSync } from 'node:fs';
import { eventually, graphql, isFinalImportStatus, mustQuery, PrivateKafka } from '@kz/stack';
import { ms, percentile, sleep, type Drill, type DrillResult } from '../drill';
import { awaitImportEnd, awaitMessagingMembers, count, importTally, memberCsv, orgAdminWithGroup, startMemberImport, type ImportState } from '../imports';
import { Follower } from '../follower';
import { onCleanup } from '../interrupt';
import { DrillStack, SUBGRAPHS } from '../stack';

const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;
const HISTORY = `query($g: ID!, $after: String) { group(id: $g) { messages(first: 50, after: $after) { edges { node { id text } } pageInfo { hasNextPage endCursor } } } }`;

interface Sent {
  groupId: string;
  text: string;
  at: number;
  id?: string;
  error?: string;
}

/**
 * The stack's Kafka broker (a private one: the machine's broker on 9092 is
 * never touched) stopped for 60 s while messages are sent at a steady rate
 * into a few groups with live subscribers, and while a member import runs.
 * Writes must go on while the broker is away (the outbox keeps the events);
 * once it is back every message answered OK is stored once, every subscriber
 * gets each once, and the import completes with the exact count.
 */
export const kafkaOutage: Drill = {
  name: 'kafka-outage',
  description: 'a private Kafka broker stopped 60 s under sends with live subscribers and an import of 20,000 rows',
  async run({ settings, log }): Promise<DrillResult> {
    const outageMs = settings.smoke ? 10_000 : 60_000;
    const rows = settings.smoke ? 5_000 : 20_000;
    const groupCount = 3;
    const subscribersPerGroup = settings.smoke ? 2 : 4;
    const rate = 10;
    const kafka = new PrivateKafka();
    let stack: DrillStack | undefined;
    let ok = false;
    const followers: Follower[] = [];
    let watching = true;
    let sending = false;
    const cleanup = async () => {
      watching = false;
      sending = false;
      await Promise.allSettled(followers.map((f) => f.close()));
      await stack?.stop({ keepLogs: !ok });
      await kafka.destroy();
    };
    const forget = onCleanup(cleanup);
    try {
      await kafka.init();
      log(`starting a private Kafka broker on 127.0.0.1:${kafka.port}`);
      await kafka.start();
      stack = new DrillStack({ kafkaBrokers: kafka.brokers, env: { import: { IMPORT_CHUNK_ROWS: '1000' } } });
      log(`starting the subgraphs and a gateway (namespace ${stack.namespace})`);
      await stack.start();
      const gateway = await stack.startGateway();
      const admin = await orgAdminWithGroup(stack, '+14155550191', 'Kafka Outage Drill');
      const groups: string[] = [];
      for (let g = 0; g < groupCount; g++) groups.push(await stack.groupReadyForMessages(admin.token, `Kafka outage chat ${g}`));
      for (const g of groups) for (let i = 0; i < subscribersPerGroup; i++) followers.push(new Follower(gateway, admin.token, g));
      await eventually(
        'every subscriber receiving events',
        async () => {
          await Promise.all(groups.map((g) => mustQuery(gateway.url, SEND, { i: { groupId: g, text: 'warm-up' } }, admin.token)));
          const waiting = followers.filter((f) => f.messageIds.length === 0).length;
          if (waiting > 0) throw new Error(`${waiting} subscribers have received nothing yet`);
        },
        60_000,
        500,
      );
      const baseline = new Map(followers.map((f) => [f, new Set(f.messageIds)]));

      // Steady sends into the groups in turn, from the start of the import to a while after the broker is back.
      const sent: Sent[] = [];
      sending = true;
      const sender = (async () => {
        let seq = 0;
        while (sending) {
          const startedAt = Date.now();
          const s: Sent = { groupId: groups[seq % groups.length]!, text: `outage drill ${seq++}`, at: startedAt };
          try {
            const res = await graphql(gateway.url, SEND, { i: { groupId: s.groupId, text: s.text } }, admin.token);
            const id = res.data?.sendMessage?.message?.id as string | undefined;
            if (id && !res.errors?.length) s.id = id;
            else s.error = `HTTP ${res.status}: ${res.errors?.[0]?.message ?? res.text.slice(0, 200)}`;
          } catch (err) {
            s.error = (err as Error).message;
          }
          sent.push(s);
          await sleep(Math.max(0, 1_000 / rate - (Date.now() - startedAt)));
        }
      })();

      await sleep(3_000);
      log(`stopping the private broker for ${outageMs / 1000} s`);
      const stopBegan = Date.now();
      const sentBeforeOutage = sent.length;
      await kafka.stop();
      const stoppedAt = Date.now();

      // The whole import runs while the broker is away: its directory and membership events wait in the outboxes.
      log(`importing ${rows} rows into an organisation group while the broker is away`);
      const importStarted = Date.now();
      const uploaded = await startMemberImport(stack, admin, memberCsv(rows, 'Outage Drill'));
      // When the import ended, watched from the side while the drill goes on.
      let importEndedAt = NaN;
      const importWatch = awaitImportEnd(stack, admin.token, uploaded.id, {
        timeoutMs: 900_000,
        stallMs: 600_000,
        cancelled: () => !watching,
        onPoll: (st) => {
          if (Number.isNaN(importEndedAt) && isFinalImportStatus(st.status)) importEndedAt = Date.now();
        },
      });
      const snapshot = () =>
        mustQuery(
          gateway.url,
          `query($id: ID!) { importJob(id: $id) { status failureReason counts { total processed created updated unchanged failed } } }`,
          { id: uploaded.id },
          admin.token,
        ).then((d) => d.importJob as ImportState);
      await sleep(Math.max(0, outageMs - (Date.now() - stopBegan)));
      const sentDuringOutage = sent.slice(sentBeforeOutage);
      const atStart = await snapshot().catch(() => undefined);
      log('starting the broker again');
      const startBegan = Date.now();
      await kafka.start();
      const backAt = Date.now();
      // Recovered: a message sent now reaches every subscriber of its group.
      const probe = await mustQuery(gateway.url, SEND, { i: { groupId: groups[0], text: 'probe after the outage' } }, admin.token);
      const probeId = probe.sendMessage.message.id as string;
      const probeAt = Date.now();
      let liveAgainMs = NaN;
      await eventually(
        'a message sent after the outage reaching every subscriber',
        async () => {
          const behind = followers.filter((f) => f.groupId === groups[0] && !f.messageIds.includes(probeId)).length;
          if (behind > 0) throw new Error(`${behind} subscribers have not received it`);
          liveAgainMs = Date.now() - probeAt;
        },
        120_000,
        100,
      ).catch(() => undefined);
      await sleep(5_000);
      sending = false;
      await sender;

      const end = await awaitImportEnd(stack, admin.token, uploaded.id, { timeoutMs: 600_000, stallMs: 180_000 });
      const importDoneAt = Number.isNaN(importEndedAt) ? Date.now() : importEndedAt;
      watching = false;
      await importWatch;
      const okSends = sent.filter((s) => s.id);
      // Every message answered OK reaches every subscriber of its group (events wait in the outbox while the broker is away).
      const deliveredAt = await eventually(
        'every message reaching every subscriber',
        async () => {
          const behind = followers.filter((f) => {
            const got = new Set(f.messageIds);
            return okSends.some((s) => s.groupId === f.groupId && !got.has(s.id!));
          }).length;
          if (behind > 0) throw new Error(`${behind} subscribers are missing messages`);
          return Date.now();
        },
        180_000,
        500,
      ).catch(() => NaN);
      const expectedMembers = rows + 1;
      const messagingMembers = await awaitMessagingMembers(stack, admin.groupId, expectedMembers, 120_000);
      const tally = await importTally(stack, admin);

      // History: every send answered OK is stored exactly once.
      const stored = new Map<string, string[]>();
      for (const g of groups) {
        let after: string | undefined;
        for (;;) {
          const page = await mustQuery(gateway.url, HISTORY, { g, after }, admin.token);
          const conn = page.group.messages as { edges: { node: { id: string; text: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
          for (const e of conn.edges) stored.set(e.node.text, [...(stored.get(e.node.text) ?? []), e.node.id]);
          if (!conn.pageInfo.hasNextPage) break;
          after = conn.pageInfo.endCursor;
        }
      }
      const missingInHistory = okSends.filter((s) => !stored.get(s.text)?.includes(s.id!));
      const storedTwice = okSends.filter((s) => (stored.get(s.text)?.length ?? 0) > 1);
      const failedSends = sent.filter((s) => !s.id);
      const failedButStored = failedSends.filter((s) => stored.has(s.text));

      const problems: string[] = [];
      let missedDeliveries = 0;
      let duplicateDeliveries = 0;
      const missedPer: number[] = [];
      for (const f of followers) {
        const mine = okSends.filter((s) => s.groupId === f.groupId);
        const got = new Map<string, number>();
        for (const id of f.messageIds) if (!baseline.get(f)!.has(id)) got.set(id, (got.get(id) ?? 0) + 1);
        const missed = mine.filter((s) => !got.has(s.id!)).length;
        missedPer.push(missed);
        missedDeliveries += missed;
        duplicateDeliveries += [...got.values()].filter((n) => n > 1).reduce((a, n) => a + n - 1, 0);
      }
      if (failedSends.length > 0)
        problems.push(
          `${failedSends.length} sends failed (${failedSends.filter((s) => s.at >= stopBegan && s.at < backAt).length} while the broker was away), e.g. ${failedSends[0]!.error}`,
        );
      if (sentDuringOutage.filter((s) => s.id).length === 0) problems.push('no send succeeded while the broker was away');
      if (missingInHistory.length > 0)
        problems.push(`${missingInHistory.length} messages answered OK are not in the history, e.g. "${missingInHistory[0]!.text}"`);
      if (storedTwice.length > 0) problems.push(`${storedTwice.length} messages are stored more than once`);
      if (missedDeliveries > 0)
        problems.push(`${missedDeliveries} deliveries missed over ${followers.length} subscribers (worst missed ${Math.max(...missedPer)})`);
      if (duplicateDeliveries > 0) problems.push(`${duplicateDeliveries} messages were delivered twice to a subscriber`);
      const troubled = followers.filter((f) => f.problem !== undefined);
      if (troubled.length > 0) problems.push(`${troubled.length} subscriptions were closed or errored (${troubled[0]!.problem})`);
      const exact = { total: rows, processed: rows, created: rows, updated: 0, unchanged: 0, failed: 0 };
      if (!end.ended || end.state.status !== 'COMPLETED')
        problems.push(`the import is ${end.state.status} (${end.state.failureReason ?? `${end.state.counts.processed} of ${rows} processed`})`);
      if (JSON.stringify(end.state.counts) !== JSON.stringify(exact))
        problems.push(`import counts ${JSON.stringify(end.state.counts)}, expected ${JSON.stringify(exact)}`);
      if (tally.memberCount !== expectedMembers) problems.push(`group memberCount ${tally.memberCount}, expected ${expectedMembers}`);
      if (tally.directory !== expectedMembers) problems.push(`the directory holds ${tally.directory} people, expected ${expectedMembers}`);
      if (messagingMembers !== expectedMembers) problems.push(`messaging holds ${messagingMembers} members of the import group, expected ${expectedMembers}`);
      if (tally.duplicateEventMembers > 0) problems.push(`${tally.duplicateEventMembers} members announced in more than one groups.memberships.added event`);
      if ((atStart?.counts.processed ?? 0) === 0) problems.push('the import made no progress while the broker was away');
      for (const [name, s] of stack.subgraphs) if (s.proc.exited) problems.push(`${name} exited (${JSON.stringify(s.proc.exited)})`);
      if (gateway.proc.exited) problems.push('the gateway exited');

      // Where events got stuck: each service's outbox events still unpublished (10 s after they were written), and its Kafka
      // client's consumers that crashed for good and produce requests refused, from its log.
      const diagnosis: string[] = [];
      for (const service of SUBGRAPHS) {
        const unpublished = await count(
          stack.databaseUrl(service),
          `FROM outbox_events WHERE published_at IS NULL AND created_at < now() - interval '10 seconds'`,
          [],
        );
        const trouble = kafkaTrouble(stack.service(service).proc.logFile, backAt);
        if (unpublished > 0) problems.push(`${service}: ${unpublished} outbox events still unpublished`);
        for (const t of trouble.filter((line) => line.includes('not restarted'))) problems.push(`${service}: ${t}`);
        if (unpublished > 0 || trouble.length > 0)
          diagnosis.push(`${service}: ${unpublished} outbox events unpublished${trouble.length ? `; ${trouble.join('; ')}` : ''}`);
      }
      const gatewayTrouble = kafkaTrouble(gateway.proc.logFile, backAt);
      for (const t of gatewayTrouble.filter((line) => line.includes('not restarted'))) problems.push(`gateway: ${t}`);
      if (gatewayTrouble.length > 0) diagnosis.push(`gateway: ${gatewayTrouble.join('; ')}`);
      ok = problems.length === 0;
      const after = (t: number) => (Number.isNaN(t) ? 'never' : ms(t));

      const figures = [
        `broker down ${ms(backAt - stopBegan)} (stop took ${ms(stoppedAt - stopBegan)}, start ${ms(backAt - startBegan)})`,
        `${sent.length} sends at ${rate}/s into ${groupCount} groups: ${okSends.length} OK (${sentDuringOutage.filter((s) => s.id).length} while away), ${failedSends.length} failed, ${failedButStored.length} failed-but-stored`,
        `history: ${missingInHistory.length} missing, ${storedTwice.length} duplicated`,
        `${followers.length} subscribers: ${missedDeliveries} missed, ${duplicateDeliveries} duplicate deliveries; live again ${after(liveAgainMs)} after the broker, all delivered ${after(deliveredAt - backAt)} after the broker`,
        `import of ${rows} rows: uploaded ${ms(importStarted - stoppedAt)} after the broker stopped, ${end.state.status} ${ms(importDoneAt - importStarted)} after the upload began (${atStart?.counts.processed ?? '?'} rows processed when the broker started again), counts ${end.state.counts.processed}/${end.state.counts.created} created/${end.state.counts.failed} failed`,
        `memberCount ${tally.memberCount}, directory ${tally.directory}, messaging members ${messagingMembers} (expected ${expectedMembers})`,
      ].join('; ');
      const spacing = sent.slice(1).map((s, i) => s.at - sent[i]!.at);
      const notes = [
        `time between sends p50 ${ms(percentile(spacing, 50))}, max ${ms(Math.max(0, ...spacing))}; upload of ${rows} rows took ${ms(uploaded.uploadMs)}`,
        `private broker ${kafka.brokers[0]} (${kafka.dir}); memberships.added events ${tally.addedEvents} carrying ${tally.addedEventMembers} ids, ${tally.addedEventDistinct} distinct`,
        ...diagnosis.map((d) => `after the outage: ${d}`),
      ];
      return { ok, figures, problems, notes };
    } finally {
      forget();
      await cleanup();
    }
  },
};

/**
 * What a service's Kafka client logged that leaves it stuck: consumers that
 * crashed and were not restarted ("Crash: …" without "Restarting the
 * consumer"), and produce requests the broker refused as out of order after
 * the broker came back (an idempotent producer whose sequence numbers no
 * longer match the broker's).
 */
export function kafkaTrouble(logFile: string, backAt: number): string[] {
  let text = '';
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return [];
  }
  // A crash is followed by "Restarting the consumer" for the same group when kafkajs restarts it; the others are left dead.
  const pending = new Map<string, string>();
  const dead: string[] = [];
  let outOfOrder = 0;
  for (const line of text.split('\n')) {
    if (!line.includes('kafkajs')) continue;
    let entry: { msg?: string; time?: string; groupId?: string; error?: string };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    const msg = entry.msg ?? '';
    const group = entry.groupId ?? '?';
    if (msg.startsWith('Crash:')) {
      const earlier = pending.get(group);
      if (earlier) dead.push(earlier);
      pending.set(group, `consumer ${group} crashed at ${entry.time ?? '?'} (${msg.slice(7, 120)}) and was not restarted`);
    }
    if (msg.startsWith('Restarting the consumer')) pending.delete(group);
    if (msg.startsWith('Response Produce') && entry.error?.includes('out of order sequence') && Date.parse(entry.time ?? '') >= backAt) outOfOrder++;
  }
  const found = [...dead, ...pending.values()];
  if (outOfOrder > 0) found.push(`${outOfOrder} produce requests refused with "out of order sequence number" after the broker was back`);
  return found;
}
