import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, postJson, type GraphQLResult, type Received, type Subscriber, type ServiceName } from '@kz/stack';
import { Balancer, type ServerCounters } from '../balancer';
import { sleep, type Drill, type DrillResult } from '../drill';
import { Leg } from '../follower';
import { awaitImportEnd, memberCount, memberCsv, orgAdminWithGroup, startMemberImport } from '../imports';
import { onCleanup } from '../interrupt';
import { DrillStack, SUBGRAPHS } from '../stack';

/** Every service, in the order the drill takes them down: each of them twice over behind HAProxy. */
const SERVICES: readonly ServiceName[] = [...SUBGRAPHS, 'gateway'];
const REPLICAS = 2;
/** Tries of one request before it counts as failed: enough to outlast a replica's death and the balancer noticing. */
const MAX_ATTEMPTS = 20;
/** graphql-ws clients wait a second or more before reconnecting. */
const RECONNECT_DELAY_MS = 1_000;

const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } } }`;
const HISTORY = `query($g: ID!) { group(id: $g) { messages(last: 20) { edges { node { id text } } } } }`;
const PAGE = `query($g: ID!, $before: String) { group(id: $g) { messages(last: 100, before: $before) { edges { node { id text } } pageInfo { hasPreviousPage startCursor } } } }`;
const FOLLOW = `subscription($g: ID, $after: String) { messageEvents(groupId: $g, after: $after) { kind messageId cursor } }`;

type Data = NonNullable<GraphQLResult['data']>;
type Body = Pick<GraphQLResult, 'data' | 'errors'>;

/** The answer's GraphQL body; null for one that is not JSON (HAProxy's own answers are HTML). */
function bodyOf(text: string): Body | null {
  try {
    return JSON.parse(text) as Body;
  } catch {
    return null;
  }
}

/** Why an answer may be retried: the service was unavailable (a balancer's 5xx, a refused or cut connection, UNAVAILABLE); null when it may not. */
function unavailability(status: number, body: Body | null): string | null {
  if (status === 0) return 'connection failed';
  const code = body?.errors?.[0]?.extensions?.code;
  if (code === 'UNAVAILABLE') return 'UNAVAILABLE';
  if (code === undefined && (status === 502 || status === 503 || status === 504)) return `HTTP ${status} from the balancer`;
  return null;
}

/**
 * Requests as an application sends them through the balancer: an answer saying the service was unavailable is
 * retried after a pause (a send with the same idempotency key), anything else that is not data is a failure.
 */
class RetryingClient {
  readonly requests = new Map<string, number>();
  /** Retries by cause. */
  readonly retries = new Map<string, number>();
  readonly failures: string[] = [];

  constructor(private readonly url: string) {}

  async run(kind: string, query: string, variables: Record<string, unknown>, token: string): Promise<Data | undefined> {
    this.requests.set(kind, (this.requests.get(kind) ?? 0) + 1);
    for (let attempt = 1; ; attempt++) {
      const answer = await postJson(this.url, JSON.stringify({ query, variables }), token).catch((err: Error) => ({ status: 0, text: err.message }));
      const body = answer.status === 0 ? null : bodyOf(answer.text);
      if (answer.status === 200 && body?.data && !body.errors?.length) return body.data;
      const cause = unavailability(answer.status, body);
      if (cause === null || attempt === MAX_ATTEMPTS) {
        this.failures.push(`${kind}${cause ? ` (unavailable ${attempt} times)` : ''}: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
        return undefined;
      }
      this.retries.set(cause, (this.retries.get(cause) ?? 0) + 1);
      await sleep(Math.min(2_000, 100 * 2 ** attempt));
    }
  }

  get totalRequests(): number {
    return [...this.requests.values()].reduce((a, b) => a + b, 0);
  }

  get totalRetries(): number {
    return [...this.retries.values()].reduce((a, b) => a + b, 0);
  }
}

/**
 * A client following a group's messageEvents through the balancer; whenever its connection or stream ends it
 * subscribes again (on whichever gateway the balancer picks) from the cursor of the last event it saw.
 */
class ResumingFollower {
  readonly sentIds: string[] = [];
  reconnects = 0;
  readonly problems: string[] = [];
  private lastCursor: string | null = null;
  private client: Subscriber | undefined;
  private closed = false;

  constructor(
    private readonly gatewayUrl: string,
    private readonly token: string,
    private readonly groupId: string,
  ) {
    this.follow();
  }

  private follow(): void {
    const client = new Leg(this.gatewayUrl, this.token, (value) => this.receive(value));
    let ended = false;
    const again = () => {
      if (ended || this.closed) return;
      ended = true;
      void client.close();
      this.reconnects++;
      setTimeout(() => this.follow(), RECONNECT_DELAY_MS + Math.random() * 500);
    };
    client.onClosed = again;
    client.onEnded = again;
    this.client = client.subscribe(FOLLOW, { g: this.groupId, after: this.lastCursor });
  }

  private receive(value: Omit<Received, 'at'>): void {
    const e = value.data?.messageEvents as { kind: string; messageId: string | null; cursor: string | null } | undefined;
    if (!e) {
      this.problems.push(`an answer without an event: ${JSON.stringify(value.errors ?? value).slice(0, 200)}`);
      return;
    }
    if (e.cursor) this.lastCursor = e.cursor;
    if (e.kind === 'SENT' && e.messageId) this.sentIds.push(e.messageId);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.close();
  }
}

/** The load of the drill, all through the balancer: steady sends, history reads and live followers. */
class MixedLoad {
  readonly client: RetryingClient;
  /** Idempotency key → message id, for every send acknowledged. */
  readonly acknowledged = new Map<string, string>();
  readonly followers: ResumingFollower[] = [];
  private running = true;
  private readonly loops: Promise<void>[] = [];

  constructor(
    private readonly gatewayUrl: string,
    private readonly token: string,
    private readonly groupId: string,
  ) {
    this.client = new RetryingClient(gatewayUrl);
  }

  start(opts: { senders: number; sendsPerSecond: number; readsPerSecond: number }): void {
    for (let s = 0; s < opts.senders; s++) {
      this.loops.push(
        this.every(1_000 / opts.sendsPerSecond, async (n) => {
          const key = `scale-out ${s}-${n}`;
          const data = await this.client.run('send', SEND, { i: { groupId: this.groupId, text: key, idempotencyKey: key } }, this.token);
          if (data) this.acknowledged.set(key, data.sendMessage.message.id as string);
        }),
      );
    }
    this.loops.push(
      this.every(1_000 / opts.readsPerSecond, async () => {
        await this.client.run('history', HISTORY, { g: this.groupId }, this.token);
      }),
    );
  }

  follow(count: number): void {
    for (let i = 0; i < count; i++) this.followers.push(new ResumingFollower(this.gatewayUrl, this.token, this.groupId));
  }

  private async every(intervalMs: number, work: (n: number) => Promise<void>): Promise<void> {
    for (let n = 0; this.running; n++) {
      const started = Date.now();
      await work(n);
      await sleep(Math.max(0, intervalMs - (Date.now() - started)));
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  async close(): Promise<void> {
    await this.stop();
    await Promise.allSettled(this.followers.map((f) => f.close()));
  }
}

/** The group's stored messages, every page, as (text, id). */
async function storedMessages(client: RetryingClient, token: string, groupId: string): Promise<{ text: string | null; id: string }[]> {
  const all: { text: string | null; id: string }[] = [];
  let before: string | null = null;
  for (;;) {
    const data = await client.run('history', PAGE, { g: groupId, before }, token);
    if (!data) throw new Error(`could not read the group's messages: ${client.failures.at(-1)}`);
    const page = data.group.messages as {
      edges: { node: { id: string; text: string | null } }[];
      pageInfo: { hasPreviousPage: boolean; startCursor: string | null };
    };
    all.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasPreviousPage || !page.pageInfo.startCursor) return all;
    before = page.pageInfo.startCursor;
  }
}

/**
 * Two processes of every service and of the gateway behind HAProxy, under mixed load through it (sends with
 * idempotency keys, history reads, followers resuming from their cursor, an import): one process of each service
 * killed in turn, then every process restarted gracefully, one at a time.
 */
export const scaleOut: Drill = {
  name: 'scale-out',
  description: 'two processes of every service behind HAProxy under mixed load: one of each killed in turn, then a rolling restart',
  async run({ settings, log }): Promise<DrillResult> {
    const importRows = settings.smoke ? 300 : 2_000;
    const followerCount = settings.smoke ? 4 : 10;
    const settleMs = settings.smoke ? 2_000 : 5_000;
    const dir = mkdtempSync(join(tmpdir(), 'kz-scale-out-'));
    const ports = await Balancer.ports(SERVICES, REPLICAS);
    const balancer = new Balancer(dir, ports);
    const stack = new DrillStack({
      services: SERVICES,
      replicas: Object.fromEntries(SERVICES.map((service) => [service, REPLICAS])),
      balanced: ports,
    });
    let ok = false;
    let load: MixedLoad | undefined;
    const forget = onCleanup(async () => {
      await stack.stop({ keepLogs: true });
      await balancer.stop();
    });
    try {
      log(`HAProxy in front of ${REPLICAS} processes of each of ${SERVICES.join(', ')} (namespace ${stack.namespace})`);
      await balancer.start();
      await stack.start();
      await balancer.awaitEveryServerUp();
      const gatewayBase = balancer.base('gateway');
      const gatewayUrl = `${gatewayBase}/graphql`;
      // The organisation's admin and its group, the import's target; then the group the load chats in.
      const admin = await orgAdminWithGroup(stack, '+14155550190', 'Scale-out');
      const setup = new RetryingClient(gatewayUrl);
      const must = async (query: string, variables: Record<string, unknown>) =>
        (await setup.run('setup', query, variables, admin.token)) ?? Promise.reject(new Error(`setup failed: ${setup.failures.at(-1)}`));
      const chatId = (
        await must(`mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`, {
          i: { name: 'Scale-out chat', organizationId: admin.orgId },
        })
      ).createGroup.group.id as string;
      await eventually('messaging learning the group', () => must(HISTORY, { g: chatId }), 60_000, 250);

      load = new MixedLoad(gatewayUrl, admin.token, chatId);
      load.follow(followerCount);
      // Every follower is live once it has received a message sent after it subscribed.
      await eventually(
        'every follower receiving events',
        async () => {
          await must(SEND, { i: { groupId: chatId, text: 'warm-up' } });
          const waiting = load!.followers.filter((f) => f.sentIds.length === 0).length;
          if (waiting > 0) throw new Error(`${waiting} followers have received nothing yet`);
        },
        60_000,
        500,
      );
      load.start({ senders: 2, sendsPerSecond: 5, readsPerSecond: 5 });
      await sleep(settleMs);

      const restarts = { killed: 0, rolled: 0 };
      let importId: string | undefined;
      for (const service of SERVICES) {
        if (service === 'import') {
          importId = (await startMemberImport(stack, admin, memberCsv(importRows, 'Scale-out member'), gatewayBase)).id;
          log(`import ${importId} of ${importRows} rows uploaded; its workers are busy`);
        }
        const victim = stack.instances(service)[0]!;
        log(`SIGKILL to ${victim.proc.name} (pid ${victim.proc.pid})`);
        stack.processes.kill(victim.proc, 'SIGKILL');
        restarts.killed++;
        await sleep(settleMs);
        await stack.restartInstance(victim);
        await balancer.awaitEveryServerUp();
        await sleep(settleMs / 2);
      }
      log('rolling restart: every process of every service, one at a time');
      for (const service of SERVICES) {
        for (const instance of [...stack.instances(service)]) {
          await stack.restartInstance(instance);
          // As a rollout waits for a new pod's readiness: the next goes once the balancer sends to this one again.
          await balancer.awaitEveryServerUp();
          restarts.rolled++;
          await sleep(settleMs / 4);
        }
      }
      await sleep(settleMs);
      await load.stop();
      const sent = new Map(load.acknowledged);
      const sentIds = new Set(sent.values());

      await eventually(
        'every follower holding every message acknowledged',
        async () => {
          const behind = load!.followers.filter((f) => {
            const got = new Set(f.sentIds);
            return [...sentIds].some((id) => !got.has(id));
          }).length;
          if (behind > 0) throw new Error(`${behind} followers are behind`);
        },
        90_000,
        500,
      ).catch(() => undefined);
      const { state: importJob } = await awaitImportEnd(stack, admin.token, importId!, { timeoutMs: 180_000, stallMs: 120_000 });
      const members = await memberCount(stack, admin.token, admin.groupId);
      const stored = await storedMessages(setup, admin.token, chatId);
      const counters = await balancer.counters();

      const problems: string[] = [];
      const { client } = load;
      if (client.failures.length > 0) problems.push(`${client.failures.length} requests failed, e.g. ${client.failures.slice(0, 3).join(' | ')}`);
      const storedTimes = new Map<string, number>();
      for (const m of stored) if (m.text?.startsWith('scale-out ')) storedTimes.set(m.text, (storedTimes.get(m.text) ?? 0) + 1);
      const duplicated = [...storedTimes].filter(([, n]) => n > 1);
      if (duplicated.length > 0) problems.push(`${duplicated.length} messages stored more than once, e.g. "${duplicated[0]![0]}" ×${duplicated[0]![1]}`);
      const lost = [...sent.keys()].filter((key) => !storedTimes.has(key));
      if (lost.length > 0) problems.push(`${lost.length} acknowledged messages are not stored, e.g. "${lost[0]}"`);
      const unacknowledged = [...storedTimes.keys()].filter((key) => !sent.has(key)).length;
      if (unacknowledged > 0) problems.push(`${unacknowledged} stored messages were never acknowledged to their sender`);
      let missed = 0;
      let repeated = 0;
      for (const [i, f] of load.followers.entries()) {
        const got = new Set(f.sentIds);
        missed += [...sentIds].filter((id) => !got.has(id)).length;
        repeated += f.sentIds.length - got.size;
        for (const p of f.problems.slice(0, 1)) problems.push(`follower ${i}: ${p}`);
      }
      if (missed > 0) problems.push(`followers missed ${missed} messages in all`);
      if (repeated > 0) problems.push(`followers received ${repeated} messages twice`);
      const c = importJob.counts;
      const importExact =
        importJob.status === 'COMPLETED' && c.total === importRows && c.created === importRows && c.failed === 0 && members === importRows + 1;
      if (!importExact)
        problems.push(`the import is not exact: ${importJob.status}, ${JSON.stringify(c)}, the group has ${members} members (expected ${importRows + 1})`);
      const stillDown = SERVICES.flatMap((service) => stack.instances(service)).filter((p) => p.proc.exited);
      if (stillDown.length > 0) problems.push(`${stillDown.map((p) => p.proc.name).join(', ')} not running at the end`);
      ok = problems.length === 0;

      const retries = [...client.retries].map(([cause, n]) => `${n} × ${cause}`).join(', ') || 'none';
      const figures = [
        `${client.totalRequests} requests (${[...client.requests].map(([kind, n]) => `${n} ${kind}`).join(', ')}), ${client.failures.length} failed`,
        `${client.totalRetries} retried after an unavailable answer (${retries})`,
        `${restarts.killed} processes killed and ${restarts.rolled} restarted one at a time`,
        `${sent.size} messages acknowledged, stored once each: ${duplicated.length === 0 && lost.length === 0 ? 'yes' : 'no'}`,
        `${followerCount} followers reconnected ${load.followers.reduce((a, f) => a + f.reconnects, 0)} times, missed ${missed}, twice ${repeated}`,
        `import of ${importRows} rows ${importExact ? 'exact' : 'NOT exact'}`,
      ].join('; ');
      return { ok, figures, problems, notes: shares(counters) };
    } finally {
      forget();
      await load?.close();
      await stack.stop({ keepLogs: !ok });
      await balancer.stop();
      if (ok) rmSync(dir, { recursive: true, force: true });
      else log(`HAProxy's configuration and log kept in ${dir}`);
    }
  },
};

/** Each process's share of its service's requests, with what HAProxy did about failures. */
function shares(counters: ServerCounters[]): string[] {
  const byService = new Map<string, ServerCounters[]>();
  for (const c of counters) byService.set(c.service, [...(byService.get(c.service) ?? []), c]);
  return [...byService].map(([service, servers]) => {
    const total = servers.reduce((a, s) => a + s.requests, 0);
    const each = servers.map((s) => `${s.server} ${total === 0 ? 0 : Math.round((100 * s.requests) / total)} %`).join(' / ');
    const retried = servers.reduce((a, s) => a + s.retries + s.redispatches, 0);
    const errors = servers.reduce((a, s) => a + s.connectionErrors + s.responseErrors, 0);
    const downs = servers.reduce((a, s) => a + s.downs, 0);
    return `${service.padEnd(9)} ${total} requests: ${each}; taken out ${downs} times; ${errors} connection or response errors, ${retried} resent by HAProxy`;
  });
}
