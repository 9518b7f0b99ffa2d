import { prepared, rowsOf, uuidv7 } from '@kz/db';
import type { EntityManager } from 'typeorm';
import { LOCK_LANES_SQL, type DueDelivery } from './delivery-scheduler';
import type { WebhookEvent } from './webhook-events';

/** Active endpoints of the event's organisation that want its type, for its group (or a parent of it) or for the whole organisation. */
const MATCHING_ENDPOINTS_SQL = prepared(`
  WITH RECURSIVE ancestors (id, depth) AS (
    SELECT $3::uuid, 0 WHERE $3::uuid IS NOT NULL
    UNION ALL
    SELECT g.parent_id, a.depth + 1 FROM known_groups g JOIN ancestors a ON g.group_id = a.id
    WHERE g.parent_id IS NOT NULL AND a.depth < 64
  )
  SELECT e.id FROM webhook_endpoints e
  WHERE e.org_id = $1 AND e.status = 'ACTIVE' AND $2 = ANY (e.event_types)
    AND (cardinality(e.group_ids) = 0
      OR $3::uuid = ANY (e.group_ids)
      OR (e.include_subgroups AND e.group_ids && ARRAY (SELECT id FROM ancestors)))
  ORDER BY e.id`);

const HAS_ENDPOINTS_SQL = prepared(`SELECT 1 FROM webhook_endpoints WHERE org_id = $1 LIMIT 1`);

/** Whether the organisation has any endpoint, whatever its state: without one, its events are neither sent nor kept. */
export async function organizationHasEndpoints(manager: EntityManager, orgId: string): Promise<boolean> {
  return (await rowsOf(manager, HAS_ENDPOINTS_SQL, [orgId])).length > 0;
}
const RECORD_EVENT_SQL = prepared(
  `INSERT INTO webhook_events (id, org_id, group_id, type, occurred_at, data) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
);
const ADD_DELIVERIES_SQL = prepared(
  `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, lane, status, redelivery)
   SELECT d.id, d.endpoint_id, $2, $3, 'PENDING', $4 FROM unnest($1::uuid[], $5::uuid[]) AS d (id, endpoint_id)
   ON CONFLICT DO NOTHING`,
);
/** Of the deliveries just added, those first in their lane: nothing pending before them. */
const LANE_HEADS_AMONG_SQL = prepared(
  `SELECT d.id FROM webhook_deliveries d WHERE d.id = ANY ($1::uuid[])
     AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p WHERE p.endpoint_id = d.endpoint_id AND p.lane = d.lane AND p.status = 'PENDING' AND p.seq < d.seq)`,
);

/**
 * Turns an event into deliveries, in the transaction that records the event as consumed: one per endpoint that wants
 * it, each in the lane of its group (or of the organisation). Answers the deliveries that head their lane, to send
 * now; the others wait for those before them.
 */
export async function takeInEvent(manager: EntityManager, event: WebhookEvent): Promise<DueDelivery[]> {
  if (!(await organizationHasEndpoints(manager, event.orgId))) return [];
  // Kept for replay even when no endpoint wants it now: a paused endpoint may ask for it later.
  await rowsOf(manager, RECORD_EVENT_SQL, [event.id, event.orgId, event.groupId, event.type, event.occurredAt, JSON.stringify(event.data)]);
  const endpoints = await rowsOf<{ id: string }>(manager, MATCHING_ENDPOINTS_SQL, [event.orgId, event.type, event.groupId]);
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
  const ids = endpointIds.map(() => uuidv7());
  await rowsOf(manager, ADD_DELIVERIES_SQL, [ids, eventId, lane, redelivery, endpointIds]);
  return rowsOf<DueDelivery>(manager, LANE_HEADS_AMONG_SQL, [ids]);
}
