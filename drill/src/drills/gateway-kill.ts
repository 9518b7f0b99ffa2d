import { eventually, graphql, mustQuery, type Received, type Subscriber } from '@kz/stack';
import { ms, percentile, sleep, type Drill, type DrillResult } from '../drill';
import { Leg } from '../follower';
import { onCleanup } from '../interrupt';
import { DrillStack, type RunningProcess } from '../stack';

/** graphql-ws clients wait a second or more (randomised) before reconnecting; the gap this leaves is what the resume must fill. */
const RECONNECT_DELAY_MS = 1_000;
const SUBSCRIBE = `subscription($g: ID, $after: String) { messageEvents(groupId: $g, after: $after) { kind messageId cursor message { id text } } }`;
const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;
const EDIT = `mutation($i: EditMessageInput!) { editMessage(input: $i) { message { id } } }`;

interface MessageEventData {
  kind: string;
  messageId: string | null;
  cursor: string | null;
  message: { id: string; text: string | null } | null;
}

/**
 * One client as an application would write it against this API: it follows a
 * group's messageEvents on one gateway, keeping the cursor of the last event;
 * when the connection drops it subscribes again on another gateway with
 * after: that cursor, which replays every change it missed before going live.
 */
class ResumingSubscriber {
  /** Events received, in order, and from which gateway. */
  readonly events: (MessageEventData & { via: 'first' | 'second' })[] = [];
  /** The subscriber's view of each message: its latest text. */
  readonly texts = new Map<string, string | null>();
  lastCursor: string | null = null;
  droppedAt = 0;
  closeCode: number | undefined;
  /** When the second subscription was opened, and when it delivered its first event. */
  resubscribedAt = 0;
  resumedAt = 0;
  private failedResume: string | undefined;
  private client: Subscriber | undefined;
  private via: 'first' | 'second' = 'first';

  constructor(
    private readonly token: string,
    private readonly groupId: string,
  ) {}

  sentIds(via?: 'first' | 'second'): string[] {
    return this.events.filter((e) => e.kind === 'SENT' && e.messageId && (!via || e.via === via)).map((e) => e.messageId!);
  }

  follow(gateway: RunningProcess, via: 'first' | 'second', onDrop?: () => void): void {
    const client = new Leg(gateway.url, this.token, (value) => this.receive(value, via));
    client.onClosed = (code) => {
      if (via !== 'first' || this.droppedAt) return;
      this.droppedAt = Date.now();
      this.closeCode = code;
      onDrop?.();
    };
    this.via = via;
    this.client = client.subscribe(SUBSCRIBE, { g: this.groupId, after: via === 'second' ? this.lastCursor : null });
  }

  private receive(value: Omit<Received, 'at'>, via: 'first' | 'second'): void {
    const e = value.data?.messageEvents as MessageEventData | undefined;
    if (!e) {
      if (via === 'second') this.failedResume = JSON.stringify(value.errors ?? value).slice(0, 300);
      return;
    }
    this.events.push({ ...e, via });
    if (e.cursor) this.lastCursor = e.cursor;
    if (e.messageId) this.texts.set(e.messageId, e.message?.text ?? null);
    if (via === 'second' && !this.resumedAt) this.resumedAt = Date.now();
  }

  /** After a drop: wait a moment as clients do before reconnecting, then subscribe on the other gateway from the last cursor. */
  async resume(gateway: RunningProcess): Promise<void> {
    await sleep(RECONNECT_DELAY_MS);
    if (!this.lastCursor) {
      this.failedResume = 'no event with a cursor was seen before the drop';
      return;
    }
    this.resubscribedAt = Date.now();
    this.follow(gateway, 'second');
  }

  /** Why the second subscription did not resume the stream, if it did not. */
  get resumeError(): string | undefined {
    return this.failedResume ?? (this.via === 'second' ? this.client?.problem : undefined);
  }

  async close(): Promise<void> {
    await this.client?.close();
  }
}

/**
 * A gateway process killed (SIGKILL) with live subscriptions while messages
 * are sent and edited. The clients reconnect to a second gateway process and
 * resume from the last event they saw (messageEvents(after:)): each must end
 * with every message, in its latest text, and no message delivered twice.
 */
export const gatewayKill: Drill = {
  name: 'gateway-kill',
  description: 'a gateway SIGKILLed under live subscriptions; clients resume on a second gateway from the last event they saw',
  async run({ settings, log }): Promise<DrillResult> {
    const subscriberCount = settings.smoke ? 5 : 25;
    const rate = 20;
    const stack = new DrillStack();
    let ok = false;
    const subscribers: ResumingSubscriber[] = [];
    const forget = onCleanup(() => stack.stop({ keepLogs: true }));
    try {
      log(`starting the subgraphs and two gateways (namespace ${stack.namespace})`);
      await stack.start();
      const first = await stack.startGateway();
      const second = await stack.startGateway();
      const owner = await stack.signIn('+14155550172', 'Drill Owner');
      const groupId = await stack.groupReadyForMessages(owner.token, 'Gateway kill drill');

      for (let i = 0; i < subscriberCount; i++) {
        const s = new ResumingSubscriber(owner.token, groupId);
        s.follow(first, 'first', () => void s.resume(second));
        subscribers.push(s);
      }
      // Subscribed on the first gateway: every subscriber has received a message sent after subscribing.
      await eventually(
        'every subscriber receiving events on the first gateway',
        async () => {
          await mustQuery(second.url, SEND, { i: { groupId, text: 'warm-up' } }, owner.token);
          const waiting = subscribers.filter((s) => s.events.length === 0).length;
          if (waiting > 0) throw new Error(`${waiting} subscribers have received nothing yet`);
        },
        60_000,
        500,
      );

      // Steady sends through the second gateway, every fifth followed by an edit of the one before; the kill happens in the middle.
      const finalText = new Map<string, string>();
      const sent: { id: string; at: number }[] = [];
      const failedWrites: string[] = [];
      let sending = true;
      let seq = 0;
      let edits = 0;
      const write = async (query: string, variables: Record<string, unknown>): Promise<string | undefined> => {
        const res = await graphql(second.url, query, variables, owner.token).catch((err: Error) => ({
          status: 0,
          text: err.message,
          data: undefined,
          errors: undefined,
        }));
        const id = (res.data?.sendMessage ?? res.data?.editMessage)?.message?.id as string | undefined;
        if (!id) failedWrites.push(res.text.slice(0, 200));
        return id;
      };
      const sender = (async () => {
        while (sending) {
          const started = Date.now();
          const text = `kill drill ${seq++}`;
          const id = await write(SEND, { i: { groupId, text } });
          if (id) {
            sent.push({ id, at: started });
            finalText.set(id, text);
          }
          const previous = sent.at(-2);
          if (seq % 5 === 0 && previous) {
            const edited = `${finalText.get(previous.id)} (edited)`;
            if (await write(EDIT, { i: { messageId: previous.id, text: edited } })) {
              finalText.set(previous.id, edited);
              edits++;
            }
          }
          await sleep(Math.max(0, 1_000 / rate - (Date.now() - started)));
        }
      })();
      await sleep(3_000);
      log(`SIGKILL to the first gateway (pid ${first.proc.pid}) with ${subscriberCount} live subscriptions`);
      const killedAt = Date.now();
      stack.processes.kill(first.proc, 'SIGKILL');
      await eventually(
        'every subscriber resuming on the second gateway',
        async () => {
          const waiting = subscribers.filter((s) => !s.resumedAt && !s.resumeError).length;
          if (waiting > 0) throw new Error(`${waiting} of ${subscriberCount} have not resumed`);
        },
        60_000,
        100,
      ).catch(() => undefined);
      await sleep(3_000);
      sending = false;
      await sender;
      // The last writes reach everyone live.
      await eventually(
        'every subscriber holding every message in its latest text',
        async () => {
          const behind = subscribers.filter((s) => [...finalText].some(([id, text]) => s.texts.get(id) !== text)).length;
          if (behind > 0) throw new Error(`${behind} subscribers are behind`);
        },
        30_000,
        100,
      ).catch(() => undefined);

      const problems: string[] = [];
      const missing: number[] = [];
      const stale: number[] = [];
      const duplicates: number[] = [];
      const replayed: number[] = [];
      for (const [i, s] of subscribers.entries()) {
        if (s.resumeError) problems.push(`subscriber ${i}: could not resume: ${s.resumeError}`);
        missing.push(sent.filter((m) => !s.texts.has(m.id)).length);
        stale.push([...finalText].filter(([id, text]) => s.texts.has(id) && s.texts.get(id) !== text).length);
        const ids = s.sentIds();
        duplicates.push(ids.length - new Set(ids).size);
        replayed.push(s.events.filter((e) => e.via === 'second' && sent.some((m) => m.id === e.messageId && m.at < s.resubscribedAt)).length);
      }
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      if (sum(missing) > 0) problems.push(`${sum(missing)} messages never reached their subscriber (worst subscriber missed ${Math.max(...missing)})`);
      if (sum(stale) > 0) problems.push(`${sum(stale)} messages were left in an older text (an edit was missed)`);
      if (sum(duplicates) > 0) problems.push(`${sum(duplicates)} SENT events were delivered twice`);
      if (failedWrites.length > 0) problems.push(`${failedWrites.length} sends or edits through the second gateway failed, e.g. ${failedWrites[0]}`);
      if (!first.proc.exited) problems.push('the first gateway is still running after SIGKILL');
      if (second.proc.exited) problems.push('the second gateway exited');
      const notDropped = subscribers.filter((s) => !s.droppedAt).length;
      if (notDropped > 0) problems.push(`${notDropped} subscribers did not notice the first gateway going away`);
      ok = problems.length === 0;

      const detect = subscribers.filter((s) => s.droppedAt).map((s) => s.droppedAt - killedAt);
      const resume = subscribers.filter((s) => s.resumedAt).map((s) => s.resumedAt - killedAt);
      const closeCodes = [...new Set(subscribers.map((s) => s.closeCode))].join(', ');
      const figures = [
        `${subscriberCount} subscribers, ${sent.length} messages sent at ${rate}/s with ${edits} edits`,
        `drop noticed p50 ${ms(percentile(detect, 50))} (close code ${closeCodes}), reconnect after ${ms(RECONNECT_DELAY_MS)}`,
        `first event on the second gateway p50 ${ms(percentile(resume, 50))}, max ${ms(Math.max(...resume))} after the kill`,
        `replayed from the cursor: median ${percentile(replayed, 50)}, max ${Math.max(...replayed)} messages per subscriber`,
        `missed ${sum(missing)}, stale ${sum(stale)}, duplicated ${sum(duplicates)}`,
      ].join('; ');
      const notes = [
        'each subscriber resubscribes with messageEvents(groupId:, after: <cursor of the last event it saw>): the changes since come first, each message once',
        "  in its latest state, then the live events. membershipEvents has no resume argument; a client re-reads the group's members after a reconnect.",
      ];
      return { ok, figures, problems, notes };
    } finally {
      forget();
      await Promise.allSettled(subscribers.map((s) => s.close()));
      await stack.stop({ keepLogs: !ok });
    }
  },
};
