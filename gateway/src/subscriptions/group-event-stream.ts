import type { AnyEnvelope } from '@kz/events';
import { DeliverySpan, type TraceContext } from '@kz/telemetry';
import type { SubscriptionEventBus } from './event-bus';

/** What an event says about a subscriber's access to a group, as a fact already true where access is decided. */
export interface AccessChange {
  /** The group whose access changed; null for whichever group a stream follows (a change of organisation standing). */
  groupId: string | null;
  /** Decisions to forget: about this group, or about every group (a change of the hierarchy, say). */
  forget: 'group' | 'every group';
  /** What a stream following just this group does: goes on, asks again and ends unless still allowed, or ends. */
  followed: 'continues' | 'asks' | 'ends';
}

export interface StreamOptions<T> {
  bus: SubscriptionEventBus;
  userId: string;
  /** One group, or null for every group the subscriber may read. */
  groupId: string | null;
  /**
   * Whether the subscriber may follow a group now (asked through the supergraph); rejects when that could not be
   * learnt, which decides nothing.
   */
  mayRead: (groupId: string) => Promise<boolean>;
  /** The stream's item for an event, with the group it concerns; null to skip the event. */
  select: (event: AnyEnvelope) => { groupId: string; item: T } | null;
  /** An access change told by an event that names the subscriber (the bus brings those by person). */
  personalChange: (event: AnyEnvelope) => AccessChange | null;
  /** An access change told by an event of the followed group (or of any group, in all-groups mode) that names nobody. */
  groupChange?: (event: AnyEnvelope) => AccessChange | null;
  /** The last item of a stream whose subscriber lost access to its group. */
  accessEnded: (groupId: string) => T;
  /** The name of a delivery's span in a trace, e.g. "deliver messageEvents". */
  deliveryName: string;
  /** Events waiting for a slow subscriber before it is dropped. */
  maxQueue: number;
  onTooSlow: (waiting: number) => void;
  /**
   * Items the subscriber missed before subscribing (a resume), yielded before
   * any live item; live events are queued meanwhile. A live item at or before
   * the last missed item's position is then skipped, being already delivered.
   */
  missed?: () => AsyncIterable<T>;
  /** An item's position in its group's change order, for that skip; null when it has none. */
  positionOf?: (item: T) => bigint | null;
}

/** An item waiting for its subscriber, with the trace it came in (the event's consumer span), when traced. */
type Queued<T> = { groupId: string; item: T; trace?: TraceContext } | { change: AccessChange };

/** Each item's delivery span while it is resolved for its subscriber (deliveredWithin). */
const deliveries = new WeakMap<object, DeliverySpan>();

/** Runs an item's resolution inside its delivery span, so that the supergraph fetch it makes joins the event's trace. */
export function deliveredWithin<R>(item: object, work: () => R): R {
  const span = deliveries.get(item);
  return span ? span.within(work) : work();
}

/**
 * The events of one group (or of all a subscriber's groups), in Kafka order
 * per group, each yielded only while the subscriber may read its group.
 *
 * Access is decided from facts that hold when the stream learns of them: a
 * decision asked of the supergraph is kept until an event says the
 * subscriber's access to that group changed, and events of a group come in
 * the order of the changes they describe, so no decision outlives the change
 * that ends it. A stream of one group was allowed at subscribing and asks again
 * at each event that may end that; in all-groups mode, an item of a group
 * waits for a decision about it, and groups the subscriber cannot read are
 * skipped.
 */
export async function* groupEventStream<T>(opts: StreamOptions<T>): AsyncGenerator<T> {
  const queue: Queued<T>[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  // All-groups mode: "may read this group", as decided since the last change of access to it.
  const decisions = new Map<string, Promise<boolean>>();
  const push = (entry: Queued<T>) => {
    if (done) return;
    queue.push(entry);
    if (queue.length > opts.maxQueue) {
      done = true;
      opts.onTooSlow(queue.length);
    }
    wake?.();
  };
  const changed = (change: AccessChange | null) => {
    if (change) push({ change });
  };

  const unlistenGroups = opts.bus.listen(opts.groupId === null ? { every: true } : { groupId: opts.groupId }, (event) => {
    const selected = opts.select(event);
    if (selected && (opts.groupId === null || opts.groupId === selected.groupId)) push({ ...selected, trace: DeliverySpan.captureParent() });
    changed(opts.groupChange?.(event) ?? null);
  });
  const unlistenPerson = opts.bus.listen({ userId: opts.userId }, (event) => changed(opts.personalChange(event)));

  const mayReadNow = (groupId: string): Promise<boolean> => {
    let decision = decisions.get(groupId);
    if (!decision) {
      decision = opts.mayRead(groupId);
      decisions.set(groupId, decision);
      // A question left unanswered decides nothing: the next item asks again.
      decision.catch(() => decisions.get(groupId) === decision && decisions.delete(groupId));
    }
    return decision.catch(() => false);
  };

  try {
    let caughtUpTo: bigint | null = null;
    if (opts.missed) {
      for await (const item of opts.missed()) {
        if (done) break;
        const position = opts.positionOf?.(item) ?? null;
        if (position !== null && (caughtUpTo === null || position > caughtUpTo)) caughtUpTo = position;
        yield item;
      }
    }
    while (!done || queue.length > 0) {
      const next = queue.shift();
      if (!next) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      if ('change' in next) {
        const { change } = next;
        const groupId = change.groupId ?? opts.groupId;
        if (change.forget === 'every group' || groupId === null) decisions.clear();
        else decisions.delete(groupId);
        if (groupId === null || opts.groupId !== groupId || change.followed === 'continues') continue;
        // Not learning whether the subscriber still reads the group ends the stream: no event goes to someone who may not read it.
        if (change.followed === 'asks' && (await opts.mayRead(groupId).catch(() => false))) continue;
        yield opts.accessEnded(groupId);
        return;
      }
      if (caughtUpTo !== null) {
        const position = opts.positionOf?.(next.item) ?? null;
        if (position !== null && position <= caughtUpTo) continue;
      }
      if (opts.groupId === null && !(await mayReadNow(next.groupId))) continue;
      const delivery = DeliverySpan.start(opts.deliveryName, next.trace);
      if (delivery && typeof next.item === 'object' && next.item !== null) deliveries.set(next.item, delivery);
      try {
        yield next.item;
      } finally {
        // The subscriber asks for its next item once this one's answer is sent.
        delivery?.end();
      }
    }
  } finally {
    done = true;
    unlistenGroups();
    unlistenPerson();
  }
}
