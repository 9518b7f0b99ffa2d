import { prepared, rowsOf, uuidv7 } from '@kz/db';
import type { EntityManager } from 'typeorm';
import { LOCK_LANES_SQL, type DueDelivery } from './delivery-scheduler';
import type { WebhookEvent } from './webhook-events';

/**
 * Records events, those of organisations with any endpoint whatever its state (kept for replay even when no endpoint
 * wants them now: a paused endpoint may ask for them later), and answers, for each event by its place (from 1), the
 * active endpoints of its organisation that want its type, for its group (or a parent of it) or for the whole
 * organisation. One statement for a batch: intake runs for every event of every organisation with endpoints, and its
 * round trips are most of its cost.
 */
const RECORD_AND_MATCH_SQL = prepared(`
  WITH RECURSIVE incoming AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::jsonb[], $7::text[])
      WITH ORDINALITY AS i (id, org_id, group_id, type, occurred_at, data, trace_parent, n)
  ), recorded AS (
    INSERT INTO webhook_events (id, org_id, group_id, type, occurred_at, data, trace_parent)
    SELECT i.id, i.org_id, i.group_id, i.type, i.occurred_at, i.data, i.trace_parent FROM incoming i
    WHERE EXISTS (SELECT 1 FROM webhook_endpoints WHERE org_id = i.org_id)
    ORDER BY i.n
    ON CONFLICT (id) DO NOTHING
  ), ancestors (n, id, depth) AS (
    SELECT n, group_id, 0 FROM incoming WHERE group_id IS NOT NULL
    UNION ALL
    SELECT a.n, g.parent_id, a.depth + 1 FROM known_groups g JOIN ancestors a ON g.group_id = a.id
    WHERE g.parent_id IS NOT NULL AND a.depth < 64
  )
  SELECT i.n::int AS n, e.id AS endpoint_id
  FROM incoming i JOIN webhook_endpoints e ON e.org_id = i.org_id AND e.status = 'ACTIVE' AND i.type = ANY (e.event_types)
    AND (cardinality(e.group_ids) = 0
      OR i.group_id = ANY (e.group_ids)
      OR (e.include_subgroups AND e.group_ids && ARRAY (SELECT a.id FROM ancestors a WHERE a.n = i.n)))
  ORDER BY i.n, e.id`);

const HAS_ENDPOINTS_SQL = prepared(`SELECT 1 FROM webhook_endpoints WHERE org_id = $1 LIMIT 1`);

/** Whether the organisation has any endpoint, whatever its state: without one, its events are neither sent nor kept. */
export async function organizationHasEndpoints(manager: EntityManager, orgId: string): Promise<boolean> {
  return (await rowsOf(manager, HAS_ENDPOINTS_SQL, [orgId])).length > 0;
}

/**
 * Adds deliveries, in their order, and answers those of them first in their lane: nothing pending before them, from
 * earlier statements or from this one (whose snapshot shows only the earlier rows).
 */
const ADD_DELIVERIES_SQL = prepared(
  `WITH added AS (
     INSERT INTO webhook_deliveries (id, endpoint_id, event_id, lane, status, redelivery)
     SELECT d.id, d.endpoint_id, d.event_id, d.lane, 'PENDING', $5
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[]) WITH ORDINALITY AS d (id, endpoint_id, event_id, lane, n)
     ORDER BY d.n
     ON CONFLICT DO NOTHING
     RETURNING id, endpoint_id, lane, seq
   )
   SELECT a.id, a.endpoint_id AS "endpointId", a.lane FROM added a
   WHERE NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.endpoint_id = a.endpoint_id AND p.lane = a.lane AND p.status = 'PENDING' AND p.seq < a.seq)
     AND NOT EXISTS (SELECT 1 FROM added b WHERE b.endpoint_id = a.endpoint_id AND b.lane = a.lane AND b.seq < a.seq)`,
);

/** One event to one endpoint, in the lane of the event's group (or of its organisation). */
export interface NewDelivery {
  readonly endpointId: string;
  readonly eventId: string;
  readonly lane: string;
}

/** An event taken in, with the `traceparent` of its intake (kept for its deliveries' spans) when traced. */
export interface IncomingEvent {
  readonly event: WebhookEvent;
  readonly traceParent: string | null;
}

/**
 * Turns events into deliveries, in the transaction that records them as consumed: one per endpoint that wants an
 * event, each in the lane of its group (or of the organisation), in the events' order. Answers the deliveries that
 * head their lane, to send now; the others wait for those before them.
 */
export async function takeInEvents(manager: EntityManager, incoming: readonly IncomingEvent[]): Promise<DueDelivery[]> {
  if (incoming.length === 0) return [];
  const events = incoming.map((i) => i.event);
  const matches = await rowsOf<{ n: number; endpoint_id: string }>(manager, RECORD_AND_MATCH_SQL, [
    events.map((e) => e.id),
    events.map((e) => e.orgId),
    events.map((e) => e.groupId),
    events.map((e) => e.type),
    events.map((e) => e.occurredAt),
    events.map((e) => JSON.stringify(e.data)),
    incoming.map((i) => i.traceParent),
  ]);
  return addDeliveries(
    manager,
    matches.map(({ n, endpoint_id }) => {
      const event = events[n - 1]!;
      return { endpointId: endpoint_id, eventId: event.id, lane: event.groupId ?? event.orgId };
    }),
    false,
  );
}

/**
 * Adds deliveries, in their order within each lane, under the locks of their lanes (taken in one order, so that no
 * two writers wait on each other).
 */
export async function addDeliveries(manager: EntityManager, deliveries: readonly NewDelivery[], redelivery: boolean): Promise<DueDelivery[]> {
  if (deliveries.length === 0) return [];
  const lanes = [...new Map(deliveries.map((d) => [`${d.endpointId}:${d.lane}`, d])).values()];
  await rowsOf(manager, LOCK_LANES_SQL, [lanes.map((d) => d.endpointId), lanes.map((d) => d.lane)]);
  return rowsOf<DueDelivery>(manager, ADD_DELIVERIES_SQL, [
    deliveries.map(() => uuidv7()),
    deliveries.map((d) => d.endpointId),
    deliveries.map((d) => d.eventId),
    deliveries.map((d) => d.lane),
    redelivery,
  ]);
}
