import type { Caller } from '@kz/auth';
import { decodeSeqCursor, encodeCursor, isUuid, prepared, rowsOf } from '@kz/db';
import { badInput, notFound } from '@kz/errors';
import { activeSigningSecrets, DestinationRefusedError, signedHeaders, type DestinationGuard, type RetryDecision, type RetrySchedule } from '@kz/webhooks';
import { createEvent, type EmitEvents, type Outbox } from '@kz/events';
import { inSpanOf } from '@kz/telemetry';
import type { DataSource, EntityManager } from 'typeorm';
import { LOCK_LANES_SQL, type DeliveryScheduler, type DueDelivery } from './delivery-scheduler';
import type { EndpointsService } from './endpoints.service';
import { addDeliveries } from './event-intake';
import type { PostJson, PostOutcome } from './webhook-transport';
import { WEBHOOK_EVENT_NAMES, webhookBody, type WebhookEventType } from './webhook-events';

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface DeliveryAttemptRecord {
  readonly attemptedAt: Date;
  readonly httpStatus: number | null;
  readonly latencyMs: number;
  readonly responseExcerpt: string;
  readonly error: string | null;
}

export interface DeliveryRecord {
  readonly id: string;
  readonly seq: string;
  readonly endpointId: string;
  readonly eventId: string;
  readonly eventType: WebhookEventType;
  readonly status: DeliveryStatus;
  readonly redelivery: boolean;
  readonly createdAt: Date;
  readonly nextAttemptAt: Date | null;
  readonly payload: string;
}

interface DeliveryRow {
  id: string;
  seq: string;
  endpoint_id: string;
  event_id: string;
  type: WebhookEventType;
  status: DeliveryStatus;
  redelivery: boolean;
  created_at: Date;
  next_attempt_at: Date | null;
  org_id: string;
  group_id: string | null;
  occurred_at: Date;
  data: Record<string, unknown>;
  lane: string;
  attempts: number;
  /** The trace its event came in (the intake's consumer span), when traced. */
  trace_parent: string | null;
}

/** Everything sending one delivery needs: it, its event, and its endpoint's address, state and secrets. */
interface SendableRow extends DeliveryRow {
  url: string;
  endpoint_status: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
}

const DELIVERY_COLUMNS = `d.id, d.seq::text AS seq, d.endpoint_id, d.event_id, ev.type, d.status, d.redelivery, d.created_at, d.next_attempt_at,
  ev.org_id, ev.group_id, ev.occurred_at, ev.data, d.lane, d.attempts, ev.trace_parent`;

const DELIVERY_SELECT = `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id`;

const SENDABLE_COLUMNS = `${DELIVERY_COLUMNS}, e.url, e.status AS endpoint_status, e.secret, e.previous_secret, e.previous_secret_expires_at`;
const SENDABLE_FROM = `webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id JOIN webhook_endpoints e ON e.id = d.endpoint_id`;

/** The next pending deliveries of some lanes of an endpoint, each lane from its head, in its order. */
const LANES_SENDABLE_SELECT = prepared(`
  SELECT s.* FROM unnest($2::uuid[]) AS l (lane)
  CROSS JOIN LATERAL (
    SELECT ${SENDABLE_COLUMNS} FROM ${SENDABLE_FROM}
    WHERE d.endpoint_id = $1 AND d.lane = l.lane AND d.status = 'PENDING'
    ORDER BY d.seq LIMIT $3
  ) s
  ORDER BY s.lane, s.seq::bigint`);

/** Where some deliveries are: the endpoint and lane to work for each (a job of an earlier version names only a delivery). */
const LANES_OF_SQL = prepared(`SELECT DISTINCT endpoint_id AS "endpointId", lane FROM webhook_deliveries WHERE id = ANY ($1::uuid[])`);

/**
 * Records the attempts at some deliveries of an endpoint's lanes, each lane's sent in its order, and where each stands
 * after its attempt, in one statement; answers the next pending delivery of each lane in $11 (those whose last attempt
 * finished its delivery). The statement's snapshot still shows the recorded ones pending, hence `<> ALL`.
 */
const RECORD_ATTEMPTS_SQL = prepared(`
  WITH attempt AS (
    INSERT INTO webhook_attempts (delivery_id, attempted_at, http_status, latency_ms, response_excerpt, error)
    SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::text[], $6::text[])
  ), updated AS (
    UPDATE webhook_deliveries d SET attempts = u.attempts, status = u.status, next_attempt_at = u.next_attempt_at,
      finished_at = CASE WHEN u.status = 'PENDING' THEN NULL ELSE now() END
    FROM unnest($1::uuid[], $7::int[], $8::text[], $9::timestamptz[]) AS u (id, attempts, status, next_attempt_at)
    WHERE d.id = u.id
  )
  SELECT n.* FROM unnest($11::uuid[]) AS l (lane)
  CROSS JOIN LATERAL (
    SELECT p.id, p.endpoint_id AS "endpointId", p.lane, p.next_attempt_at AS at FROM webhook_deliveries p
    WHERE p.endpoint_id = $10 AND p.lane = l.lane AND p.status = 'PENDING' AND p.id <> ALL ($1::uuid[])
    ORDER BY p.seq LIMIT 1
  ) n`);

const bodyOf = (row: DeliveryRow) =>
  webhookBody(
    { id: row.event_id, type: row.type, orgId: row.org_id, groupId: row.group_id, occurredAt: new Date(row.occurred_at).toISOString(), data: row.data },
    row.redelivery,
  );

const recordOf = (row: DeliveryRow): DeliveryRecord => ({
  id: row.id,
  seq: row.seq,
  endpointId: row.endpoint_id,
  eventId: row.event_id,
  eventType: row.type,
  status: row.status,
  redelivery: row.redelivery,
  createdAt: row.created_at,
  nextAttemptAt: row.status === 'PENDING' ? row.next_attempt_at : null,
  payload: bodyOf(row),
});

/** Lanes of one endpoint to work, with the deliveries that headed them when queued (all that is known of an old job). */
export interface LaneWork {
  readonly deliveryIds: readonly string[];
  readonly endpointId?: string;
  readonly lanes?: readonly string[];
}

/** Lanes of an endpoint held for one job: no other worker sends in them meanwhile, and `slots` posts may be in flight. */
export interface HeldLanes {
  readonly slots: number;
  readonly lanes: readonly string[];
  release(): Promise<void>;
}

/** Caps the deliveries in flight to one endpoint over all workers, and lets one worker at a time send in a lane. */
export interface EndpointSlots {
  /** Takes the lanes no one else works, and slots for them (none when the endpoint has none free). */
  take(endpointId: string, lanes: readonly string[]): Promise<HeldLanes>;
}

/** How soon a lane busy elsewhere, or an endpoint with no free slot, is tried again. */
const BUSY_WAIT_MS = 100;
/** Deliveries of a lane read and sent at a time. */
const LANE_ROUND = 50;
/** How long, and how many deliveries, one job goes on down its lanes before they queue up behind the others. */
const JOB_BUDGET_MS = 500;
const JOB_MAX_DELIVERIES = 500;

/** One delivery sent: the attempt, and what the retry schedule made of it when it failed. */
interface SentDelivery {
  readonly row: SendableRow;
  readonly at: Date;
  readonly outcome: PostOutcome;
  readonly attempt: number;
  readonly decision: RetryDecision | null;
}

/** The deliveries of a lane's round that can go now: up to the first that waits for a later attempt. */
function dueInOrder(rows: readonly SendableRow[], now: number): SendableRow[] {
  const due: SendableRow[] = [];
  for (const row of rows) {
    if (row.endpoint_status !== 'ACTIVE' || (row.next_attempt_at && row.next_attempt_at.getTime() > now + 50)) break;
    due.push(row);
  }
  return due;
}

/** Rows in order of lane, then of seq, cut into their lanes. */
function inLanes(rows: readonly SendableRow[]): SendableRow[][] {
  const lanes: SendableRow[][] = [];
  for (const row of rows) {
    if (lanes.at(-1)?.[0]!.lane === row.lane) lanes.at(-1)!.push(row);
    else lanes.push([row]);
  }
  return lanes;
}

const headOf = (row: SendableRow): DueDelivery => ({ id: row.id, endpointId: row.endpoint_id, lane: row.lane, at: row.next_attempt_at });

export interface SendSettings {
  readonly timeoutMs: number;
  readonly excerptBytes: number;
}

/** Why an endpoint was disabled after its last attempt, with the schedule it was given (9 attempts over 51 hours, by default). */
export function disabledByFailures(schedule: RetrySchedule): string {
  let seconds = 0;
  for (let attempt = 1; attempt < schedule.maxAttempts; attempt++) seconds += schedule.scheduledDelaySeconds(attempt) ?? 0;
  const span =
    seconds >= 7_200
      ? `${Math.round(seconds / 3_600)} hours`
      : seconds >= 120
        ? `${Math.round(seconds / 60)} minutes`
        : `${Math.max(1, Math.round(seconds))} second${Math.round(seconds) > 1 ? 's' : ''}`;
  return `Every one of ${schedule.maxAttempts} attempts to deliver an event failed, over ${span}; fix the endpoint, resume it, and replay what it missed since it was disabled.`;
}
const DISABLED_BY_GONE = 'The endpoint answered 410 Gone, asking for no more deliveries; resume it to receive events again, and replay what it missed.';

/** Sending deliveries, their log, and sending them again. */
export class DeliveriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly endpoints: EndpointsService,
    private readonly guard: DestinationGuard,
    private readonly schedule: RetrySchedule,
    private readonly scheduler: DeliveryScheduler,
    private readonly slots: EndpointSlots,
    private readonly postJson: PostJson,
    private readonly settings: SendSettings,
  ) {}

  /**
   * Works some lanes of an endpoint: takes those no other worker is in, then sends each from its head, in its order,
   * as many lanes at once as the endpoint has slots free, in rounds of up to 50 deliveries a lane, the attempts of a
   * round logged in one statement. A failure stops its lane until it is tried again on the schedule, and the last one
   * disables the endpoint. Answers the lane heads to queue again: retries, lanes busy elsewhere, and, once the job's
   * budget is spent, the rest of busy lanes (which then queue up behind the others).
   */
  async send(work: LaneWork): Promise<DueDelivery[]> {
    const { endpointId, lanes } = await this.lanesOf(work);
    if (!endpointId || lanes.length === 0) return [];
    const later: DueDelivery[] = [];
    const held = await this.slots.take(endpointId, lanes);
    try {
      const busy = lanes.filter((lane) => !held.lanes.includes(lane));
      const waitUntil = new Date(Date.now() + BUSY_WAIT_MS);
      // The head of a busy lane is unknown here; the lane's holder or this wait finds it.
      for (const lane of busy) later.push({ id: work.deliveryIds[lanes.indexOf(lane)] ?? work.deliveryIds[0]!, endpointId, lane, at: waitUntil });
      if (held.slots === 0) return later;
      await this.workLanes(endpointId, held, work.deliveryIds, later);
    } finally {
      await held.release();
    }
    return later;
  }

  /** The endpoint and lanes a job names, or, for an earlier version's job, those of its delivery. */
  private async lanesOf(work: LaneWork): Promise<{ endpointId: string | undefined; lanes: readonly string[] }> {
    if (work.endpointId && work.lanes) return { endpointId: work.endpointId, lanes: work.lanes };
    const found = await rowsOf<{ endpointId: string; lane: string }>(this.dataSource.manager, LANES_OF_SQL, [work.deliveryIds]);
    if (found.length === 0) throw new DeliveryNotVisibleError(work.deliveryIds[0]!);
    return { endpointId: found[0]!.endpointId, lanes: found.filter((f) => f.endpointId === found[0]!.endpointId).map((f) => f.lane) };
  }

  private async workLanes(endpointId: string, held: HeldLanes, deliveryIds: readonly string[], later: DueDelivery[]): Promise<void> {
    const started = performance.now();
    let lanes = held.lanes;
    let sent = 0;
    for (let round = 0; lanes.length > 0; round++) {
      const rows = await rowsOf<SendableRow>(this.dataSource.manager, LANES_SENDABLE_SELECT, [endpointId, lanes, LANE_ROUND]);
      if (round === 0 && rows.length === 0) await this.mustBeVisible(deliveryIds);
      const now = Date.now();
      const due: SendableRow[][] = [];
      for (const laneRows of inLanes(rows)) {
        const dueRows = dueInOrder(laneRows, now);
        if (dueRows.length > 0) due.push(dueRows);
        // A lane whose head waits for a later attempt is queued for then (no-op when its retry is queued already).
        else if (laneRows[0]!.endpoint_status === 'ACTIVE') later.push(headOf(laneRows[0]!));
      }
      if (due.length === 0) return;
      const outcomes = await this.postLanes(due, held.slots, started + JOB_BUDGET_MS);
      sent += outcomes.reduce((n, lane) => n + lane.length, 0);
      const unsent = due.filter((_, i) => outcomes[i]!.length === 0).map((laneRows) => headOf(laneRows[0]!));
      const { retries, following } = await this.recordAttempts(
        endpointId,
        outcomes.filter((lane) => lane.length > 0),
      );
      later.push(...retries, ...unsent);
      const spent = sent >= JOB_MAX_DELIVERIES || performance.now() - started >= JOB_BUDGET_MS;
      const goOn = spent ? [] : following.filter((f) => !f.at || f.at.getTime() <= Date.now() + 50);
      later.push(...following.filter((f) => !goOn.includes(f)));
      lanes = goOn.map((f) => f.lane!);
    }
  }

  /** A job that finds its lanes empty may have run before the transaction queuing it committed: BullMQ tries it again. */
  private async mustBeVisible(deliveryIds: readonly string[]): Promise<void> {
    const [any] = await rowsOf(this.dataSource.manager, `SELECT 1 FROM webhook_deliveries WHERE id = ANY ($1::uuid[]) LIMIT 1`, [deliveryIds]);
    if (!any) throw new DeliveryNotVisibleError(deliveryIds[0]!);
  }

  /**
   * Posts the due deliveries of several lanes, `slots` lanes at a time, each lane's one after the other, stopping a
   * lane at its first failure (the lane waits for it) or once the job's time is up (a lane not started by then sends
   * nothing; one started sends at least one).
   */
  private async postLanes(lanes: readonly SendableRow[][], slots: number, until: number): Promise<SentDelivery[][]> {
    const outcomes: SentDelivery[][] = lanes.map(() => []);
    let next = 0;
    const poster = async () => {
      for (let i = next++; i < lanes.length; i = next++) {
        if (i > 0 && performance.now() >= until) return;
        for (const row of lanes[i]!) {
          if (outcomes[i]!.length > 0 && performance.now() >= until) break;
          const at = new Date();
          const outcome = await this.post(row, at);
          const attempt = row.attempts + 1;
          const decision = outcome.failure ? this.schedule.afterFailure(attempt, outcome.failure, at) : null;
          outcomes[i]!.push({ row, at, outcome, attempt, decision });
          if (decision) break;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(slots, lanes.length) }, poster));
    return outcomes;
  }

  /**
   * Logs the attempts of some lanes and where their deliveries stand, under the lanes' locks; answers the retries of
   * lanes whose last delivery failed, and the next pending delivery of the others.
   */
  private async recordAttempts(endpointId: string, lanes: readonly SentDelivery[][]): Promise<{ retries: DueDelivery[]; following: DueDelivery[] }> {
    if (lanes.length === 0) return { retries: [], following: [] };
    const statusOf = ({ decision }: SentDelivery): DeliveryStatus => (decision?.action === 'retry' ? 'PENDING' : decision ? 'FAILED' : 'DELIVERED');
    const sent = lanes.flat();
    const lasts = lanes.map((lane) => lane.at(-1)!);
    const retries = lasts.flatMap((last) => (last.decision?.action === 'retry' ? [{ ...headOf(last.row), at: last.decision.at }] : []));
    const finishedLanes = lasts.filter((last) => statusOf(last) !== 'PENDING').map((last) => last.row.lane);
    const disabling = lasts.find((last) => last.decision?.action === 'give-up' && last.decision.disableEndpoint)?.decision;
    const following = await this.outbox.transaction(async (manager, emit) => {
      await rowsOf(manager, LOCK_LANES_SQL, [lanes.map(() => endpointId), lanes.map((lane) => lane[0]!.row.lane)]);
      const next = await rowsOf<DueDelivery>(manager, RECORD_ATTEMPTS_SQL, [
        sent.map((s) => s.row.id),
        sent.map((s) => s.at),
        sent.map((s) => s.outcome.status),
        sent.map((s) => s.outcome.latencyMs),
        sent.map((s) => s.outcome.excerpt),
        sent.map((s) => s.outcome.error),
        sent.map((s) => s.attempt),
        sent.map(statusOf),
        sent.map((s) => (s.decision?.action === 'retry' ? s.decision.at : null)),
        endpointId,
        finishedLanes,
      ]);
      if (disabling?.action === 'give-up') {
        await this.disableEndpoint(manager, emit, endpointId, disabling.reason === 'ENDPOINT_GONE' ? DISABLED_BY_GONE : disabledByFailures(this.schedule));
        return [];
      }
      return next;
    });
    return { retries: disabling ? [] : retries, following };
  }

  /** Disables an endpoint that failed for good, and tells its organisation's admins (an event naming them). */
  private async disableEndpoint(manager: EntityManager, emit: EmitEvents, endpointId: string, reason: string): Promise<void> {
    const disabled = await rowsOf<{ org_id: string; url: string; admin_ids: string[] }>(
      manager,
      `UPDATE webhook_endpoints e SET status = 'DISABLED', disabled_reason = $2, disabled_at = now(), updated_at = now()
       WHERE e.id = $1 AND e.status = 'ACTIVE'
       RETURNING e.org_id, e.url, ARRAY (SELECT a.user_id FROM org_admins a WHERE a.org_id = e.org_id ORDER BY a.user_id) AS admin_ids`,
      [endpointId, reason],
    );
    // Told once, by whichever attempt disabled it.
    for (const endpoint of disabled) {
      emit(
        createEvent('webhooks.endpoint.disabled', {
          key: endpoint.org_id,
          orgId: endpoint.org_id,
          payload: { endpointId, orgId: endpoint.org_id, url: endpoint.url, reason, adminIds: endpoint.admin_ids },
        }),
      );
    }
  }

  /** One attempt, in the trace of the action that caused its event, however much later it is made. */
  private post(row: SendableRow, now: Date): Promise<PostOutcome> {
    const attributes = {
      'webhook.endpoint.id': row.endpoint_id,
      'webhook.delivery.id': row.id,
      'webhook.attempt': row.attempts + 1,
      'webhook.redelivery': row.redelivery,
    };
    return inSpanOf(
      row.trace_parent,
      `deliver webhook ${WEBHOOK_EVENT_NAMES[row.type]}`,
      attributes,
      () => this.postSigned(row, now),
      'producer',
      (outcome) => (outcome.failure === null ? null : (outcome.error ?? `The endpoint answered ${outcome.status}.`)),
    );
  }

  private async postSigned(row: SendableRow, now: Date): Promise<PostOutcome> {
    const body = bodyOf(row);
    const secrets = activeSigningSecrets(
      {
        current: row.secret,
        ...(row.previous_secret && row.previous_secret_expires_at
          ? { previous: { secret: row.previous_secret, signsUntil: row.previous_secret_expires_at } }
          : {}),
      },
      now,
    );
    const headers = signedHeaders(secrets, row.event_id, Math.floor(now.getTime() / 1000), body);
    try {
      // Checked again at every attempt: the name may resolve elsewhere since registration.
      const destination = await this.guard.resolve(row.url);
      return await this.postJson(destination, body, { ...headers }, this.settings);
    } catch (err) {
      if (!(err instanceof DestinationRefusedError)) throw err;
      return { status: null, retryAfter: null, latencyMs: 0, excerpt: '', failure: { kind: 'network', code: err.reason }, error: `Not sent: ${err.message}` };
    }
  }

  /** An endpoint's deliveries, newest first, in keyset pages. */
  async ofEndpoint(endpointId: string, first: number, after: string | null, status: DeliveryStatus | null) {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'Ask for 1 to 100 deliveries at a time.');
    const before = after === null ? null : decodeSeqCursor(after);
    const rows = await rowsOf<DeliveryRow>(
      this.dataSource.manager,
      `${DELIVERY_SELECT} WHERE d.endpoint_id = $1 AND ($2::bigint IS NULL OR d.seq < $2::bigint) AND ($3::text IS NULL OR d.status = $3)
       ORDER BY d.seq DESC LIMIT $4`,
      [endpointId, before, status, first + 1],
    );
    const edges = rows.slice(0, first).map((row) => ({ cursor: encodeCursor([row.seq]), node: recordOf(row) }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  async attemptsOf(deliveryId: string): Promise<DeliveryAttemptRecord[]> {
    const rows = await rowsOf<{ attempted_at: Date; http_status: number | null; latency_ms: number; response_excerpt: string; error: string | null }>(
      this.dataSource.manager,
      `SELECT attempted_at, http_status, latency_ms, response_excerpt, error FROM webhook_attempts WHERE delivery_id = $1 ORDER BY id`,
      [deliveryId],
    );
    return rows.map((r) => ({
      attemptedAt: r.attempted_at,
      httpStatus: r.http_status,
      latencyMs: r.latency_ms,
      responseExcerpt: r.response_excerpt,
      error: r.error,
    }));
  }

  /** Sends one delivery's event again, as a new delivery marked as a redelivery, after whatever waits in its lane. */
  async redeliver(caller: Caller, deliveryId: string): Promise<DeliveryRecord> {
    const [original] = isUuid(deliveryId) ? await rowsOf<DeliveryRow>(this.dataSource.manager, `${DELIVERY_SELECT} WHERE d.id = $1`, [deliveryId]) : [];
    if (!original || !(await this.endpoints.find(caller, original.endpoint_id))) throw notFound('The delivery');
    const due = await this.dataSource.transaction((manager) =>
      addDeliveries(manager, [{ endpointId: original.endpoint_id, eventId: original.event_id, lane: original.lane }], true),
    );
    const [copy] = await rowsOf<DeliveryRow>(
      this.dataSource.manager,
      `${DELIVERY_SELECT} WHERE d.endpoint_id = $1 AND d.event_id = $2 AND d.redelivery ORDER BY d.seq DESC LIMIT 1`,
      [original.endpoint_id, original.event_id],
    );
    await this.scheduler.schedule(due);
    return recordOf(copy!);
  }

  /** Sends again every event the endpoint would have received since a time, in their order, marked as redeliveries. */
  async replay(caller: Caller, endpointId: string, since: Date): Promise<number> {
    const endpoint = await this.endpoints.managed(caller, endpointId);
    if (since.getTime() > Date.now()) throw badInput('since', 'Replay starts at a time in the past.');
    const events = await rowsOf<{ id: string; lane: string }>(
      this.dataSource.manager,
      `WITH RECURSIVE followed (id, depth) AS (
         SELECT unnest($3::uuid[]), 0
         UNION ALL
         SELECT g.group_id, f.depth + 1 FROM known_groups g JOIN followed f ON g.parent_id = f.id WHERE $4 AND f.depth < 64
       )
       SELECT ev.id, coalesce(ev.group_id, ev.org_id) AS lane FROM webhook_events ev
       WHERE ev.org_id = $1 AND ev.recorded_at >= $2 AND ev.type = ANY ($5::text[])
         AND (cardinality($3::uuid[]) = 0 OR ev.group_id IN (SELECT id FROM followed))
       ORDER BY ev.seq`,
      [endpoint.orgId, since, endpoint.groupIds, endpoint.includeSubgroups, endpoint.eventTypes],
    );
    const due: DueDelivery[] = [];
    for (let i = 0; i < events.length; i += 500) {
      const batch = events.slice(i, i + 500).map((event) => ({ endpointId: endpoint.id, eventId: event.id, lane: event.lane }));
      due.push(...(await this.dataSource.transaction((manager) => addDeliveries(manager, batch, true))));
    }
    await this.scheduler.schedule(due);
    return events.length;
  }
}

/** The delivery's row is not there yet (the transaction that added it has not committed) or no more (its endpoint was deleted). */
export class DeliveryNotVisibleError extends Error {
  constructor(readonly deliveryId: string) {
    super(`delivery ${deliveryId} is not in the database (not committed yet, or its endpoint was deleted)`);
    this.name = 'DeliveryNotVisibleError';
  }
}
