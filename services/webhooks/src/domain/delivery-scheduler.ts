import { prepared } from '@kz/db';

/**
 * A delivery due to be sent, at once or at a later time: the head of its lane (the endpoint and the lane, when known,
 * let the heads of one endpoint's lanes go in one job).
 */
export interface DueDelivery {
  readonly id: string;
  readonly endpointId?: string;
  readonly lane?: string;
  readonly at?: Date | null;
}

/** Where due deliveries go to be sent (the BullMQ queue in production); scheduling one twice sends it once. */
export interface DeliveryScheduler {
  schedule(deliveries: readonly DueDelivery[]): Promise<void>;
}

/** The pending deliveries at the head of each lane of some endpoints: the ones to send next, each lane in its order. */
export const LANE_HEADS_SQL = `
  SELECT DISTINCT ON (d.endpoint_id, d.lane) d.id, d.endpoint_id AS "endpointId", d.lane, d.next_attempt_at AS at
  FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.status = 'ACTIVE'
  WHERE d.status = 'PENDING' AND ($1::uuid[] IS NULL OR d.endpoint_id = ANY ($1::uuid[]))
  ORDER BY d.endpoint_id, d.lane, d.seq`;

/**
 * Serialises the writers of one lane (intake adding, a worker finishing), so that each lane's head is always
 * scheduled: some lanes (an endpoint's id and a lane key each), locked in ascending order (no deadlocks).
 */
export const LOCK_LANES_SQL = prepared(
  `SELECT pg_advisory_xact_lock(hashtextextended(l.endpoint_id::text || ':' || l.lane::text, 7))
   FROM unnest($1::uuid[], $2::uuid[]) AS l (endpoint_id, lane) ORDER BY l.endpoint_id, l.lane`,
);
