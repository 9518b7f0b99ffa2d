import { performance } from 'node:perf_hooks';
import { Client as PgClient } from 'pg';
import { eventually, inParallel, mustQuery, Subscriber, type Received } from '@kz/stack';
import type { BenchStack } from './stack';

/**
 * What the subscription scenarios share: many people signed in, real
 * graphql-ws clients on the gateway's /graphql, and waiting for the read
 * models that events fill.
 */

/** What a bench subscriber asks for: the message as a client shows it (text, time, author), resolved through the supergraph. */
export const MESSAGE_EVENTS = `subscription($g: ID) { messageEvents(groupId: $g) { kind groupId messageId message { id text sentAt author { id } } } }`;
/** The event alone, without the message: nothing to resolve through the supergraph (a diagnostic of the path without it). */
export const EVENT_ONLY = `subscription($g: ID) { messageEvents(groupId: $g) { kind groupId messageId } }`;
export const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;
export const CREATE_GROUP = `mutation($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }`;
export const ADD_MEMBERS = `mutation($input: AddGroupMembersInput!) { addGroupMembers(input: $input) { outcomes { phone status message } } }`;

export interface Receipt {
  /** performance.now() when the client's `next` callback ran. */
  at: number;
  messageId: string | null;
  text: string | null;
  kind: string;
}

/**
 * One real graphql-ws client following one group's message events, keeping
 * only a timestamped receipt of each (a run holds thousands of them).
 */
export class BenchSubscriber extends Subscriber {
  readonly receipts: Receipt[] = [];
  /** Errors the events carried. */
  readonly errors: string[] = [];
  onReceipt: ((r: Receipt, s: BenchSubscriber) => void) | undefined;

  constructor(
    gatewayUrl: string,
    token: string,
    readonly groupId: string,
    readonly index: number,
    private readonly query = MESSAGE_EVENTS,
  ) {
    super(gatewayUrl, token);
  }

  follow(): this {
    return this.subscribe(this.query, { g: this.groupId });
  }

  /** The first thing that went wrong: an error in an event, or how the stream or connection ended. */
  get failure(): string | undefined {
    return this.errors[0] ?? this.problem;
  }

  protected override receive(value: Omit<Received, 'at'>, at: number): void {
    if (value.errors?.length) this.errors.push(JSON.stringify(value.errors).slice(0, 300));
    const data = value.data?.messageEvents;
    if (!data) return;
    const receipt: Receipt = { at, messageId: data.messageId ?? null, text: data.message?.text ?? null, kind: data.kind };
    if (data.message && data.message.id !== data.messageId) this.errors.push(`message ${data.message.id} delivered as event of ${data.messageId}`);
    this.receipts.push(receipt);
    this.onReceipt?.(receipt, this);
  }
}

/** Connects and subscribes `n` clients, `parallel` at a time; each waits for its connection_ack before subscribing. */
export async function connectSubscribers(
  gatewayUrl: string,
  specs: readonly { token: string; groupId: string; query?: string }[],
  parallel = 50,
): Promise<BenchSubscriber[]> {
  return inParallel(specs, parallel, async (spec, index) => {
    const s = new BenchSubscriber(gatewayUrl, spec.token, spec.groupId, index, spec.query);
    await s.ready().catch((err: Error) => {
      throw new Error(`subscriber ${index}: ${err.message}`);
    });
    return s.follow();
  });
}

export async function closeAll(subscribers: readonly BenchSubscriber[]): Promise<void> {
  await inParallel(subscribers, 200, (s) => s.close());
}

export interface Person {
  phone: string;
  token: string;
  userId: string;
}

/**
 * Signs people in through the gateway (each reads its one-time code from
 * identity's development SMS sink), `parallel` at a time. People signed in
 * earlier in this run (same stack) are reused.
 */
const signedIn = new WeakMap<BenchStack, Map<string, Promise<Person>>>();
export async function signInMany(stack: BenchStack, phones: readonly string[], name: (i: number) => string, parallel = 8): Promise<Person[]> {
  let cache = signedIn.get(stack);
  if (!cache) signedIn.set(stack, (cache = new Map()));
  return inParallel(phones, parallel, (phone, i) => {
    let p = cache.get(phone);
    if (!p) {
      p = stack.signIn(phone, name(i)).then((r) => ({ phone, ...r }));
      p.catch(() => cache.delete(phone));
      cache.set(phone, p);
    }
    return p;
  });
}

/** Subscriber number i (0 ≤ i < 100,000): +1 415 300 0000 + i, all valid US numbers for libphonenumber-js/max. */
export const subscriberPhone = (i: number) => `+141530${String(i).padStart(5, '0')}`;

export async function connectDb(url: string, app: string): Promise<PgClient> {
  const client = new PgClient({ connectionString: url, application_name: app, connectionTimeoutMillis: 5_000 });
  await client.connect();
  return client;
}

/** Waits until the groups service knows every one of these users (their sign-in events were consumed), so adding them by phone adds, not invites. */
export async function waitKnownToGroups(groupsDb: PgClient, userIds: readonly string[], timeoutMs = 120_000): Promise<void> {
  await eventually(
    `the groups service's known_users holding ${userIds.length} signed-in people`,
    async () => {
      const n = Number((await groupsDb.query(`SELECT count(*) AS n FROM known_users WHERE id = ANY($1::uuid[])`, [userIds])).rows[0].n);
      if (n < userIds.length) throw new Error(`${n} of ${userIds.length}`);
    },
    timeoutMs,
    200,
  );
}

/** Waits until messaging's read model holds `expected` memberships of these groups (membership events consumed). */
export async function waitMembersInMessaging(messagingDb: PgClient, groupIds: readonly string[], expected: number, timeoutMs = 300_000): Promise<void> {
  await eventually(
    `messaging's group_members holding ${expected} memberships of ${groupIds.length} groups`,
    async () => {
      const n = Number((await messagingDb.query(`SELECT count(*) AS n FROM group_members WHERE group_id = ANY($1::uuid[])`, [groupIds])).rows[0].n);
      if (n < expected) throw new Error(`${n} of ${expected}`);
    },
    timeoutMs,
    250,
  );
}

/** Adds people to a group by phone in calls of `batch`; every outcome must be ADDED. */
export async function addMembers(gatewayUrl: string, token: string, groupId: string, phones: readonly string[], batch = 10_000, inFlight = 2): Promise<void> {
  const calls: string[][] = [];
  for (let i = 0; i < phones.length; i += batch) calls.push(phones.slice(i, i + batch));
  await inParallel(calls, inFlight, async (list) => {
    const data = await mustQuery(gatewayUrl, ADD_MEMBERS, { input: { groupId, members: list.map((phone) => ({ phone })) } }, token);
    const outcomes = data.addGroupMembers.outcomes as { phone: string; status: string; message: string | null }[];
    const wrong = outcomes.filter((o) => o.status !== 'ADDED');
    if (wrong.length > 0) throw new Error(`addGroupMembers: ${wrong.length} of ${outcomes.length} not ADDED, e.g. ${JSON.stringify(wrong[0])}`);
  });
}

/**
 * Until every subscriber has received a message: sends a probe message to
 * each group, waits, and sends another while someone is missing (a
 * subscription is live only once the gateway has checked access and
 * registered it, which the client is not told).
 */
export async function probeUntilAllReceive(
  gatewayUrl: string,
  groups: readonly { groupId: string; senderToken: string }[],
  subscribers: readonly BenchSubscriber[],
  log: (m: string) => void,
  timeoutMs = 120_000,
): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  let probes = 0;
  // Everyone must have the latest probe: then what was sent before it has been delivered too, and the gateway is idle again.
  const latest = new Map<string, string>();
  const missing = () => subscribers.filter((s) => !s.receipts.some((r) => r.messageId !== null && r.messageId === latest.get(s.groupId)));
  for (;;) {
    probes++;
    await inParallel(groups, 8, async (g) => {
      const data = await mustQuery(gatewayUrl, SEND, { i: { groupId: g.groupId, text: `probe ${probes}` } }, g.senderToken);
      latest.set(g.groupId, data.sendMessage.message.id as string);
    });
    // Wait while deliveries of this probe keep arriving (up to 30 s); who is still missing then was not live yet.
    const waitStart = performance.now();
    let lastProgress = waitStart;
    let left = missing();
    while (left.length > 0 && performance.now() - lastProgress < 1_000 && performance.now() - waitStart < 30_000) {
      await new Promise((r) => setTimeout(r, 50));
      const now = missing();
      if (now.length < left.length) lastProgress = performance.now();
      left = now;
    }
    if (left.length === 0) return probes;
    const dead = left.filter((s) => s.failure !== undefined);
    if (dead.length > 0) throw new Error(`${dead.length} subscribers failed: ${dead[0]!.failure}`);
    if (performance.now() > deadline)
      throw new Error(`${left.length} of ${subscribers.length} subscribers received no probe message within ${timeoutMs / 1000} s`);
    log(`probe ${probes}: ${left.length} of ${subscribers.length} subscribers not live yet; probing again`);
  }
}

/**
 * When each message's event was written (the send transaction's start, created_at) and picked up by the outbox relay
 * (when the relay read the row, published_at), in epoch milliseconds with microseconds, from messaging's outbox; with
 * the event's id (what webhooks send as webhook-id).
 */
export async function outboxTimes(
  messagingDb: PgClient,
  messageIds: readonly string[],
): Promise<Map<string, { eventId: string; createdAt: number; publishedAt: number }>> {
  const rows = (
    await messagingDb.query(
      `SELECT envelope->'payload'->>'messageId' AS id, id::text AS event_id,
              extract(epoch FROM created_at) * 1000 AS created, extract(epoch FROM published_at) * 1000 AS published
         FROM outbox_events WHERE topic = 'messaging.messages' AND envelope->>'type' = 'messaging.message.sent' AND envelope->'payload'->>'messageId' = ANY($1::text[])`,
      [messageIds],
    )
  ).rows as { id: string; event_id: string; created: string; published: string | null }[];
  return new Map(rows.map((r) => [r.id, { eventId: r.event_id, createdAt: Number(r.created), publishedAt: r.published === null ? NaN : Number(r.published) }]));
}
