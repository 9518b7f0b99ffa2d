import { EventCatalogue, type BatchedEvent, type BatchEventHandler, type EventEnvelope, type EventHandlers, type EventType } from '@kz/events';
import { rowsOf } from '@kz/db';
import { currentTraceParent } from '@kz/telemetry';
import type { EntityManager } from 'typeorm';
import type { DueDelivery } from '../domain/delivery-scheduler';
import { organizationHasEndpoints, takeInEvents, type IncomingEvent } from '../domain/event-intake';
import { webhookEventOf } from '../domain/webhook-events';

type ReadModelUpdates = { [K in EventType]?: (payload: EventEnvelope<K>['payload'], manager: EntityManager) => Promise<unknown> };

const setAdmin = (manager: EntityManager, orgId: string, userId: string, admin: boolean) =>
  admin
    ? rowsOf(manager, `INSERT INTO org_admins (org_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [orgId, userId])
    : rowsOf(manager, `DELETE FROM org_admins WHERE org_id = $1 AND user_id = $2`, [orgId, userId]);

/** Who administers each organisation, and where each group sits: what access checks and group filters read. */
const READ_MODEL_UPDATES: ReadModelUpdates = {
  'identity.organization.member-added': (p, m) => setAdmin(m, p.orgId, p.userId, p.role === 'ADMIN'),
  'identity.organization.members-added': async (p, m) => {
    for (const member of p.members.filter((x) => x.role === 'ADMIN')) await setAdmin(m, p.orgId, member.userId, true);
  },
  'identity.organization.member-role-changed': (p, m) => setAdmin(m, p.orgId, p.userId, p.role === 'ADMIN'),
  'identity.organization.member-removed': (p, m) => setAdmin(m, p.orgId, p.userId, false),
  'groups.group.created': (p, m) =>
    rowsOf(
      m,
      `INSERT INTO known_groups (group_id, org_id, parent_id) VALUES ($1, $2, $3)
       ON CONFLICT (group_id) DO UPDATE SET org_id = excluded.org_id, parent_id = excluded.parent_id`,
      [p.groupId, p.orgId, p.parentId],
    ),
  'groups.group.linked': (p, m) =>
    rowsOf(m, `INSERT INTO known_groups (group_id, org_id) VALUES ($1, $2) ON CONFLICT (group_id) DO UPDATE SET org_id = excluded.org_id`, [
      p.groupId,
      p.orgId,
    ]),
  'groups.group.unlinked': (p, m) => rowsOf(m, `UPDATE known_groups SET org_id = NULL WHERE group_id = $1`, [p.groupId]),
  'groups.group.deleted': (p, m) => rowsOf(m, `DELETE FROM known_groups WHERE group_id = $1`, [p.groupId]),
  'groups.subgroup.attached': (p, m) =>
    rowsOf(m, `INSERT INTO known_groups (group_id, parent_id) VALUES ($1, $2) ON CONFLICT (group_id) DO UPDATE SET parent_id = excluded.parent_id`, [
      p.groupId,
      p.parentId,
    ]),
  'groups.subgroup.detached': (p, m) => rowsOf(m, `UPDATE known_groups SET parent_id = NULL WHERE group_id = $1 AND parent_id = $2`, [p.groupId, p.parentId]),
};

/** How long an organisation found to have endpoints is taken to still have some, without asking again. */
const HAS_ENDPOINTS_TTL_MS = 5_000;

/**
 * Whether the webhooks service has anything to do with an event: a change to its read models, or an event of an
 * organisation with endpoints. Most of chat traffic is neither (private groups, organisations without integrations),
 * and is then passed over with one read instead of a transaction of its own. An organisation found with endpoints is
 * remembered a few seconds (its events are taken in anyway, and intake checks again): a busy organisation's events
 * then cost no read each.
 */
export function webhooksNeed(): (event: EventEnvelope, manager: EntityManager) => Promise<boolean> {
  const withEndpoints = new Map<string, number>();
  return async (event, manager) => {
    if (READ_MODEL_UPDATES[event.type]) return true;
    const webhookEvent = webhookEventOf(event);
    if (webhookEvent === null) return false;
    if ((withEndpoints.get(webhookEvent.orgId) ?? 0) > Date.now()) return true;
    if (!(await organizationHasEndpoints(manager, webhookEvent.orgId))) return false;
    if (withEndpoints.size >= 10_000) withEndpoints.clear();
    withEndpoints.set(webhookEvent.orgId, Date.now() + HAS_ENDPOINTS_TTL_MS);
    return true;
  };
}

/** Events in their order, in one transaction: answers the deliveries that head their lanes, to send once it commits. */
async function takeInInOrder(events: readonly BatchedEvent[], manager: EntityManager): Promise<DueDelivery[]> {
  const due: DueDelivery[] = [];
  let incoming: IncomingEvent[] = [];
  const takeIn = async () => {
    due.push(...(await takeInEvents(manager, incoming)));
    incoming = [];
  };
  for (const { event, traceParent } of events) {
    const update = READ_MODEL_UPDATES[event.type] as ((payload: unknown, manager: EntityManager) => Promise<unknown>) | undefined;
    // A read model change is made in its place, after the events before it are taken in: which endpoints want an
    // event can depend on where its group sits.
    if (update) {
      await takeIn();
      await update(event.payload, manager);
    }
    const webhookEvent = webhookEventOf(event);
    if (webhookEvent) incoming.push({ event: webhookEvent, traceParent });
  }
  await takeIn();
  return due;
}

/**
 * Events in their order, in the transaction that records them as consumed: the read models first, then the events'
 * deliveries. `due` is told of the deliveries to send now once the transaction has committed (a worker would not see
 * them before); it must not wait on Redis (a Redis outage delays deliveries; the sweep queues them again).
 */
export function webhookEventBatchHandler(due: (deliveries: DueDelivery[]) => void): BatchEventHandler {
  return async (events, manager) => {
    const deliveries = await takeInInOrder(events, manager);
    return deliveries.length > 0 ? () => due(deliveries) : undefined;
  };
}

/**
 * The same, one event at a time (an event a batch gives back), in the trace of its consumer span. Its deliveries are
 * queued beside the commit: a worker faster than the commit finds nothing yet and its job is tried again shortly.
 */
export function webhookEventHandlers(due: (deliveries: DueDelivery[]) => void): EventHandlers {
  const handle = async (event: EventEnvelope, manager: EntityManager) => {
    const deliveries = await takeInInOrder([{ event, traceParent: currentTraceParent() }], manager);
    if (deliveries.length > 0) due(deliveries);
  };
  return Object.fromEntries((Object.keys(EventCatalogue) as EventType[]).map((type) => [type, handle])) as EventHandlers;
}
