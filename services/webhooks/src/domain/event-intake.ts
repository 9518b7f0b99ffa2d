import { prepared, rowsOf, uuidv7 } from '@kz/db';
import type { EntityManager } from 'typeorm';
import { LOCK_LANES_SQL, type DueDelivery } from './delivery-scheduler';
import type { WebhookEvent } from './webhook-events';

/**
 * Records the event, when its organisation has any endpoint whatever its state (kept for replay even when no endpoint
 * wants it now: a paused endpoint may ask for it later), and answers the active endpoints of the organisation that
 * want its type, for its group (or a parent of it) or for the whole organisation. One statement: intake runs once per
 * event of every organisation with endpoints, and its round trips are most of its cost.
 */
const RECORD_AND_MATCH_SQL = prepared(`
  WITH RECURSIVE recorded AS (
    INSERT INTO webhook_events (id, org_id, group_id, type, occurred_at, data, trace_parent)
    SELECT $1::uuid, $2::uuid, $3::uuid, $4::text, $5::timestamptz, $6::jsonb, $7::text WHERE EXISTS (SELECT 1 FROM webhook_endpoints WHERE org_id = $2)
    ON CONFLICT (id) DO NOTHING
  ), ancestors (id, depth) AS (
    SELECT $3::uuid, 0 WHERE $3::uuid IS NOT NULL
    UNION ALL
    SELECT g.parent_id, a.depth + 1 FROM known_groups g JOIN ancestors a ON g.group_id = a.id
    WHERE g.parent_id IS NOT NULL AND a.depth < 64
  )
  SELECT e.id FROM webhook_endpoints e
  WHERE e.org_id = $2 AND e.status = 'ACTIVE' AND $4::text = ANY (e.event_types)
    AND (cardinality(e.group_ids) = 0
      OR $3::uuid = ANY (e.group_ids)
      OR (e.include_subgroups AND e.group_ids && ARRAY (SELECT id FROM ancestors)))
  ORDER BY e.id`);

const HAS_ENDPOINTS_SQL = prepared(`SELECT 1 FROM webhook_endpoints WHERE org_id = $1 LIMIT 1`);

/** Whether the organisation has any endpoint, whatever its state: without one, its events are neither sent nor kept. */
export async function organizationHasEndpoints(manager: EntityManager, orgId: string): Promise<boolean> {
  return (await rowsOf(manager, HAS_ENDPOINTS_SQL, [orgId])).length > 0;
}

/**
 * Adds deliveries and answers those of them first in their lane: nothing pending before them. The statement's
 * snapshot does not show the rows it adds, only the earlier ones.
 */
const ADD_DELIVERIES_SQL = prepared(
  `WITH added AS (
     INSERT INTO webhook_deliveries (id, endpoint_id, event_id, lane, status, redelivery)
     SELECT d.id, d.endpoint_id, $2, $3, 'PENDING', $4 FROM unnest($1::uuid[], $5::uuid[]) AS d (id, endpoint_id)
     ON CONFLICT DO NOTHING
     RETURNING id, endpoint_id, seq
   )
   SELECT a.id FROM added a
   WHERE NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.endpoint_id = a.endpoint_id AND p.lane = $3 AND p.status = 'PENDING' AND p.seq < a.seq)`,
);

/**
 * Turns an event into deliveries, in the transaction that records the event as consumed: one per endpoint that wants
 * it, each in the lane of its group (or of the organisation). Answers the deliveries that head their lane, to send
 * now; the others wait for those before them. `traceParent` (the intake's, when traced) is kept with the event for
 * its deliveries' spans.
 */
export async function takeInEvent(manager: EntityManager, event: WebhookEvent, traceParent: string | null = null): Promise<DueDelivery[]> {
  const endpoints = await rowsOf<{ id: string }>(manager, RECORD_AND_MATCH_SQL, [
    event.id,
    event.orgId,
    event.groupId,
    event.type,
    event.occurredAt,
    JSON.stringify(event.data),
    traceParent,
  ]);
  if (endpoints.length === 0) return [];
  return addDeliveries(
    manager,
    endpoints.map((endpoint) => endpoint.id),
    event.id,
    event.groupId ?? event.orgId,
    false,
  );
}

/** Adds deliveries of one event to endpoints (ids in ascending order, so lane locks are always taken in one order). */
export async function addDeliveries(
  manager: EntityManager,
  endpointIds: readonly string[],
  eventId: string,
  lane: string,
  redelivery: boolean,
): Promise<DueDelivery[]> {
  await rowsOf(manager, LOCK_LANES_SQL, [endpointIds, lane]);
  return rowsOf<DueDelivery>(manager, ADD_DELIVERIES_SQL, [endpointIds.map(() => uuidv7()), eventId, lane, redelivery, endpointIds]);
}
