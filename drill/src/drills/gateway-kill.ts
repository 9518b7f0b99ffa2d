import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { eventually, graphql, mustQuery } from '../../../bench/src/graphql-client';
import { ms, percentile, sleep, type Drill, type DrillResult } from '../drill';
import { onCleanup } from '../interrupt';
import { DrillStack, type RunningProcess } from '../stack';

/** graphql-ws clients wait a second or more (randomised) before reconnecting; the gap this leaves is what history must fill. */
const RECONNECT_DELAY_MS = 1_000;
const SUBSCRIBE = `subscription($g: ID) { messageEvents(groupId: $g) { kind messageId message { id text } } }`;
const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;
const AROUND = `query($g: ID!, $m: ID!) { group(id: $g) { messages(around: $m) { edges { cursor node { id } } } } }`;
const AFTER = `query($g: ID!, $after: String) { group(id: $g) { messages(first: 50, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }`;

/**
 * One client as an application would write it against this API: it follows a
 * group's messageEvents on one gateway; when the connection drops it
 * subscribes again on another gateway, waits for the first live event there,
 * and fills the gap between the last event it saw and that one from the
 * group's history (messages(around:) then messages(first:, after:)).
 */
class ResumingSubscriber {
  /** Message ids of SENT events received live, in order, and where. */
  readonly live: { id: string; via: 'first' | 'second' }[] = [];
  readonly fromHistory = new Set<string>();
  lastSeenBeforeDrop: string | undefined;
  droppedAt = 0;
  closeCode: number | undefined;
  /** When the second gateway delivered its first live event. */
  resumedAt = 0;
  catchUpError: string | undefined;
  private client: Client | undefined;
  private firstOnSecond: (() => void) | undefined;

  constructor(
    private readonly token: string,
    private readonly groupId: string,
  ) {}

  get seen(): Set<string> {
    return new Set([...this.live.map((l) => l.id), ...this.fromHistory]);
  }

  follow(gateway: RunningProcess, via: 'first' | 'second', onDrop?: () => void): void {
    const client = createClient({
      url: gateway.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${this.token}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
      on: {
        closed: (event) => {
          if (via !== 'first' || this.droppedAt) return;
          this.droppedAt = Date.now();
          this.closeCode = (event as { code?: number }).code;
          this.lastSeenBeforeDrop = this.live.at(-1)?.id;
          onDrop?.();
        },
      },
    });
    this.client = client;
    client.subscribe<{ messageEvents: { kind: string; messageId: string | null } }>(
      { query: SUBSCRIBE, variables: { g: this.groupId } },
      {
        next: (value) => {
          const e = value.data?.messageEvents;
          if (e?.kind !== 'SENT' || !e.messageId) return;
          this.live.push({ id: e.messageId, via });
          if (via === 'second' && !this.resumedAt) {
            this.resumedAt = Date.now();
            this.firstOnSecond?.();
          }
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
  }

  /** After a drop: wait a moment as clients do before reconnecting, subscribe on the other gateway, then fill the gap from history. */
  async resume(gateway: RunningProcess): Promise<void> {
    await sleep(RECONNECT_DELAY_MS);
    const firstLive = new Promise<void>((resolve) => (this.firstOnSecond = resolve));
    this.follow(gateway, 'second');
    await Promise.race([firstLive, sleep(30_000)]);
    if (!this.resumedAt) {
      this.catchUpError = 'no live event on the second gateway within 30 s';
      return;
    }
    const firstLiveId = this.live.find((l) => l.via === 'second')!.id;
    try {
      if (!this.lastSeenBeforeDrop) throw new Error('no event was seen before the drop');
      const around = await mustQuery(gateway.url, AROUND, { g: this.groupId, m: this.lastSeenBeforeDrop }, this.token);
      const edges = around.group.messages.edges as { cursor: string; node: { id: string } }[];
      let after = edges.find((e) => e.node.id === this.lastSeenBeforeDrop)?.cursor;
      if (!after) throw new Error(`the last message seen (${this.lastSeenBeforeDrop}) is not in the history around itself`);
      for (;;) {
        const page = await mustQuery(gateway.url, AFTER, { g: this.groupId, after }, this.token);
        const conn = page.group.messages as { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
        let reached = false;
        for (const e of conn.edges) {
          if (e.node.id === firstLiveId) reached = true;
          if (reached) break;
          this.fromHistory.add(e.node.id);
        }
        if (reached || !conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor;
      }
    } catch (err) {
      this.catchUpError = (err as Error).message;
    }
  }

  async close(): Promise<void> {
    await this.client?.dispose();
  }
}

/**
 * A gateway process killed (SIGKILL) with live subscriptions. The clients
 * reconnect to a second gateway process and resume from the last event they
 * saw. The subscription API has no resume argument (no offset, cursor or
 * "since" on messageEvents or membershipEvents; each gateway process reads
 * Kafka from "now" for its own subscribers), so the only way to resume is
 * the group's message history, which this drill uses and reports on.
 */
export const gatewayKill: Drill = {
  name: 'gateway-kill',
  description: 'a gateway SIGKILLed under live subscriptions; clients move to a second gateway and fill the gap from history',
  async run({ settings, log }): Promise<DrillResult> {
    const subscriberCount = settings.smoke ? 5 : 25;
    const rate = 20;
    const stack = new DrillStack();
    let ok = false;
    const subscribers: ResumingSubscriber[] = [];
    const forget = onCleanup(() => stack.stop({ keepLogs: true }));
    try {
      log(`starting the subgraphs and two gateways (namespace ${stack.namespace})`);
      await stack.startSubgraphs();
      const first = await stack.startGateway();
      const second = await stack.startGateway();
      const owner = await stack.signIn('+14155550172', 'Drill Owner');
      const groupId = await stack.groupReadyForMessages(owner.token, 'Gateway kill drill');

      let resumed = 0;
      for (let i = 0; i < subscriberCount; i++) {
        const s = new ResumingSubscriber(owner.token, groupId);
        s.follow(first, 'first', () => void s.resume(second).then(() => resumed++));
        subscribers.push(s);
      }
      // Subscribed on the first gateway: every subscriber has received a message sent after subscribing.
      await eventually(
        'every subscriber receiving events on the first gateway',
        async () => {
          await mustQuery(second.url, SEND, { i: { groupId, text: 'warm-up' } }, owner.token);
          const waiting = subscribers.filter((s) => s.live.length === 0).length;
          if (waiting > 0) throw new Error(`${waiting} subscribers have received nothing yet`);
        },
        60_000,
        500,
      );
      const baseline = new Map(subscribers.map((s) => [s, s.live.length]));

      // Steady sends through the second gateway; the kill happens in the middle.
      const sent: { id: string; at: number }[] = [];
      const failedSends: string[] = [];
      let sending = true;
      let seq = 0;
      const sender = (async () => {
        while (sending) {
          const started = Date.now();
          const res = await graphql(second.url, SEND, { i: { groupId, text: `kill drill ${seq++}` } }, owner.token).catch((err: Error) => ({
            status: 0,
            text: err.message,
            data: undefined,
            errors: undefined,
          }));
          const id = res.data?.sendMessage?.message?.id as string | undefined;
          if (id) sent.push({ id, at: started });
          else failedSends.push(res.text.slice(0, 200));
          await sleep(Math.max(0, 1_000 / rate - (Date.now() - started)));
        }
      })();
      await sleep(3_000);
      log(`SIGKILL to the first gateway (pid ${first.proc.pid}) with ${subscriberCount} live subscriptions`);
      const killedAt = Date.now();
      process.kill(first.proc.pid, 'SIGKILL');
      await eventually('every subscriber resuming on the second gateway', async () => {
        if (resumed < subscriberCount) throw new Error(`${resumed} of ${subscriberCount} resumed`);
      }, 60_000, 100);
      await sleep(3_000);
      sending = false;
      await sender;
      // The last sends reach everyone live.
      const lastId = sent.at(-1)?.id;
      await eventually('the last message reaching every subscriber', async () => {
        const behind = subscribers.filter((s) => !s.live.some((l) => l.id === lastId)).length;
        if (behind > 0) throw new Error(`${behind} subscribers have not received it`);
      }, 30_000, 100).catch(() => undefined);

      const problems: string[] = [];
      const missing: number[] = [];
      const missingWithoutHistory: number[] = [];
      const duplicatesLive: number[] = [];
      for (const [i, s] of subscribers.entries()) {
        if (s.catchUpError) problems.push(`subscriber ${i}: could not resume: ${s.catchUpError}`);
        const seen = s.seen;
        const liveOnly = new Set(s.live.map((l) => l.id));
        missing.push(sent.filter((m) => !seen.has(m.id)).length);
        missingWithoutHistory.push(sent.filter((m) => !liveOnly.has(m.id)).length);
        duplicatesLive.push(s.live.length - liveOnly.size);
      }
      const lost = missing.reduce((a, b) => a + b, 0);
      if (lost > 0) problems.push(`${lost} messages never reached their subscriber, live or from history (worst subscriber missed ${Math.max(...missing)})`);
      const dupes = duplicatesLive.reduce((a, b) => a + b, 0);
      if (dupes > 0) problems.push(`${dupes} SENT events were delivered twice live`);
      if (failedSends.length > 0) problems.push(`${failedSends.length} sends through the second gateway failed, e.g. ${failedSends[0]}`);
      if (!first.proc.exited) problems.push('the first gateway is still running after SIGKILL');
      if (second.proc.exited) problems.push('the second gateway exited');
      const notDropped = subscribers.filter((s) => !s.droppedAt).length;
      if (notDropped > 0) problems.push(`${notDropped} subscribers did not notice the first gateway going away`);
      ok = problems.length === 0;

      const detect = subscribers.filter((s) => s.droppedAt).map((s) => s.droppedAt - killedAt);
      const resume = subscribers.filter((s) => s.resumedAt).map((s) => s.resumedAt - killedAt);
      const gaps = subscribers.map((s) => s.fromHistory.size);
      const received = subscribers.map((s) => s.live.length - baseline.get(s)!);
      const closeCodes = [...new Set(subscribers.map((s) => s.closeCode))].join(', ');
      const figures = [
        `${subscriberCount} subscribers, ${sent.length} messages sent at ${rate}/s`,
        `drop noticed p50 ${ms(percentile(detect, 50))} (close code ${closeCodes}), reconnect after ${ms(RECONNECT_DELAY_MS)}`,
        `live again on the second gateway p50 ${ms(percentile(resume, 50))}, max ${ms(Math.max(...resume))} after the kill`,
        `gap filled from history: median ${percentile(gaps, 50)}, max ${Math.max(...gaps)} messages per subscriber`,
        `missed after catch-up ${lost}; would have missed without it: median ${percentile(missingWithoutHistory, 50)}, max ${Math.max(...missingWithoutHistory)}`,
      ].join('; ');
      const notes = [
        `live events received per subscriber during the drill: median ${percentile(received, 50)}`,
        'resume: messageEvents and membershipEvents take only groupId: no offset, cursor or "since" argument, and events are not replayed',
        '  (each gateway process reads Kafka from the newest offset with a consumer group of its own), so a client cannot resume the stream itself.',
        '  What the API does offer, and this drill uses: Group.messages(around: <last message id seen>) then messages(first:, after:) fill the gap',
        '  of SENT messages. Not recoverable this way: EDITED, DELETED and POLL_UPDATED events inside the gap (history shows only the current',
        '  state, with no change marker or time) and membershipEvents (no history of membership changes is exposed).',
      ];
      return { ok, figures, problems, notes };
    } finally {
      forget();
      await Promise.allSettled(subscribers.map((s) => s.close()));
      await stack.stop({ keepLogs: !ok });
    }
  },
};
