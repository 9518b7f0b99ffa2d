import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Client as PgClient } from 'pg';
import { eventually, GiveUp, graphql, inParallel, mustQuery } from '@kz/stack';
import { outboxTimes } from './subscribers';

/** How a failing endpoint answers deliveries: HTTP 500 at once, or never (the service's delivery timeout ends the attempt). */
export type Failure = 'error' | 'hang';

/**
 * Partners' webhook endpoints for the benchmark: one HTTPS server on 127.0.0.1 serving /e0 … /e<n-1>. It answers every
 * validation challenge, and every delivery with 200 unless its endpoint was told to fail. It keeps only what the
 * measurement needs and verifies no signature: at full size it takes tens of thousands of requests a second on the
 * cores that also run the service it measures.
 *
 * Each webhook-id (the event's id) gets a number on its first arrival at any endpoint; per endpoint, it records when
 * each event first arrived with a 2xx answer (performance.now()), and counts deliveries repeated after a 2xx answer
 * without being marked as redeliveries (duplicates).
 */
export class BenchWebhookReceiver {
  private readonly numbers = new Map<string, number>();
  private readonly paths: Map<string, number>;
  private readonly failures: (Failure | null)[];
  /** Per endpoint, by event number: performance.now() of the first arrival answered 2xx, 0 when none. */
  private deliveredAt: Float64Array[];
  /** Per endpoint, by event number: arrivals answered 2xx (at most 255). */
  private answeredOk: Uint8Array[];
  private capacity = 1 << 16;
  private readonly hanging = new Set<ServerResponse>();
  private server: Server | undefined;
  private phaseFirst = 0;
  /** Per endpoint: events numbered since the last startPhase() that arrived with a 2xx answer. */
  readonly deliveredInPhase: Uint32Array;
  /** Per endpoint: every request for a delivery (2xx or not), retries included. */
  readonly requests: Uint32Array;
  /** Per endpoint: arrivals of an event already answered 2xx there, not marked as a redelivery. */
  readonly duplicates: Uint32Array;
  /** Requests this receiver could not place: an unknown path, or a validation request it could not read. */
  unplaced = 0;

  constructor(readonly endpoints: number) {
    this.paths = new Map(Array.from({ length: endpoints }, (_, i) => [`/e${i}`, i]));
    this.failures = new Array<Failure | null>(endpoints).fill(null);
    this.deliveredAt = Array.from({ length: endpoints }, () => new Float64Array(this.capacity));
    this.answeredOk = Array.from({ length: endpoints }, () => new Uint8Array(this.capacity));
    this.deliveredInPhase = new Uint32Array(endpoints);
    this.requests = new Uint32Array(endpoints);
    this.duplicates = new Uint32Array(endpoints);
  }

  async start(tls: { keyPath: string; certPath: string }): Promise<void> {
    this.server = createServer({ key: readFileSync(tls.keyPath), cert: readFileSync(tls.certPath) }, (req, res) => this.handle(req, res));
    // Longer than the idle timeout of the service's kept-alive connections (Node's agent: 5 s), so that the client
    // closes an idle connection first and never reuses one this server is closing (a failed delivery, retried in 5 s).
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  url(endpoint: number): string {
    return `https://127.0.0.1:${(this.server!.address() as AddressInfo).port}/e${endpoint}`;
  }

  /** From now on the endpoint answers deliveries this way (null: 200 again). Challenges are always answered. */
  fail(endpoint: number, how: Failure | null): void {
    this.failures[endpoint] = how;
  }

  /** Counts deliveredInPhase afresh, for events first seen from now on. */
  startPhase(): void {
    this.phaseFirst = this.numbers.size;
    this.deliveredInPhase.fill(0);
  }

  /** performance.now() when the endpoint first received the event with a 2xx answer; undefined when it has not. */
  deliveredTime(endpoint: number, eventId: string): number | undefined {
    const n = this.numbers.get(eventId);
    const at = n === undefined ? 0 : this.deliveredAt[endpoint]![n]!;
    return at > 0 ? at : undefined;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const at = performance.now();
    const endpoint = this.paths.get(req.url ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      if (endpoint === undefined) {
        this.unplaced++;
        return void res.writeHead(404).end('no such endpoint');
      }
      if (body.includes('"webhook.validation"')) return this.answerChallenge(body, res);
      this.receive(endpoint, String(req.headers['webhook-id']), body, at, res);
    });
  }

  private receive(endpoint: number, eventId: string, body: Buffer, at: number, res: ServerResponse): void {
    this.requests[endpoint]!++;
    const failure = this.failures[endpoint];
    if (failure === 'hang') {
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    if (failure === 'error') return void res.writeHead(500).end('failing on purpose');
    const n = this.number(eventId);
    const ok = this.answeredOk[endpoint]!;
    if (ok[n] === 0) {
      this.deliveredAt[endpoint]![n] = at;
      if (n >= this.phaseFirst) this.deliveredInPhase[endpoint]!++;
    } else if ((JSON.parse(body.toString('utf8')) as { redelivery?: boolean }).redelivery !== true) {
      this.duplicates[endpoint]!++;
    }
    if (ok[n]! < 255) ok[n]!++;
    res.writeHead(200).end('ok');
  }

  private answerChallenge(body: Buffer, res: ServerResponse): void {
    let challenge: unknown;
    try {
      const parsed = JSON.parse(body.toString('utf8')) as { type?: unknown; challenge?: unknown };
      if (parsed.type === 'webhook.validation') challenge = parsed.challenge;
    } catch {
      // not JSON: answered below as unplaced
    }
    if (typeof challenge !== 'string') {
      this.unplaced++;
      return void res.writeHead(400).end('not a validation request');
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end(challenge);
  }

  private number(eventId: string): number {
    let n = this.numbers.get(eventId);
    if (n === undefined) {
      n = this.numbers.size;
      this.numbers.set(eventId, n);
      if (n >= this.capacity) this.grow();
    }
    return n;
  }

  private grow(): void {
    this.capacity *= 2;
    this.deliveredAt = this.deliveredAt.map((old) => {
      const next = new Float64Array(this.capacity);
      next.set(old);
      return next;
    });
    this.answeredOk = this.answeredOk.map((old) => {
      const next = new Uint8Array(this.capacity);
      next.set(old);
      return next;
    });
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const REGISTER = `mutation($i: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $i) { endpoint { id } } }`;
const PAUSE = `mutation($i: WebhookEndpointIdInput!) { pauseWebhookEndpoint(input: $i) { endpoint { id } } }`;

/**
 * A scenario's clean-up: its endpoints paused (cheaper than deleting their deliveries) while the receiver still
 * answers, so nothing retries into later scenarios. A failure is logged, not thrown: the figures stand.
 */
export async function pauseEndpoints(gatewayUrl: string, token: string, endpointIds: readonly string[], log: (m: string) => void): Promise<void> {
  await inParallel([...endpointIds], 4, (id) => mustQuery(gatewayUrl, PAUSE, { i: { id } }, token)).catch((err: Error) =>
    log(`clean-up: pausing the endpoints failed: ${err.message}`),
  );
}

/**
 * Registers the receiver's endpoints for the organisation's message.sent events through the gateway (each answers
 * its challenge); the first is retried until the webhooks service knows the caller as the organisation's admin.
 */
export async function registerEndpoints(gatewayUrl: string, token: string, orgId: string, receiver: BenchWebhookReceiver): Promise<string[]> {
  const register = async (e: number) => {
    const res = await graphql(gatewayUrl, REGISTER, { i: { organizationId: orgId, url: receiver.url(e), eventTypes: ['MESSAGE_SENT'] } }, token);
    if (res.errors?.some((err) => err.extensions?.code === 'FORBIDDEN')) throw new Error('not known as the organisation admin yet');
    if (res.status !== 200 || res.errors?.length || !res.data) {
      throw new GiveUp(`registerWebhookEndpoint answered HTTP ${res.status}: ${res.text.slice(0, 500)}`);
    }
    return res.data.registerWebhookEndpoint.endpoint.id as string;
  };
  const first = await eventually("the webhooks service's org_admins holding the admin", () => register(0), 60_000, 250);
  const rest = await inParallel(
    Array.from({ length: receiver.endpoints - 1 }, (_, i) => i + 1),
    4,
    register,
  );
  return [first, ...rest];
}

/** Sends a message into each group (`send` answers its id), again every 10 s, until every endpoint has received all of one round. */
export async function probeEveryEndpoint(
  receiver: BenchWebhookReceiver,
  groupIds: readonly string[],
  send: (groupId: string) => Promise<string>,
  messagingDb: PgClient,
): Promise<void> {
  await eventually(
    'a probe message of every group delivered to every endpoint',
    async () => {
      const probes = await Promise.all(groupIds.map(send));
      const outbox = await outboxTimes(messagingDb, probes);
      const events = probes.map((id) => outbox.get(id)?.eventId ?? '');
      const endpoints = Array.from({ length: receiver.endpoints }, (_, e) => e);
      const missing = () => events.filter((ev) => endpoints.some((e) => receiver.deliveredTime(e, ev) === undefined)).length;
      const deadline = performance.now() + 10_000;
      while (missing() > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (missing() > 0) throw new Error(`${missing()} of ${probes.length} probe messages not at every endpoint within 10 s`);
    },
    60_000,
    0,
  );
}
