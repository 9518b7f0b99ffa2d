import type { AnyEnvelope } from '@kz/events';
import type { SubscriptionEventBus } from './event-bus';

export interface StreamOptions<T> {
  bus: SubscriptionEventBus;
  userId: string;
  /** One group, or null for every group the subscriber may read. */
  groupId: string | null;
  /** Whether the subscriber may follow a group now (asked through the supergraph). */
  mayRead: (groupId: string) => Promise<boolean>;
  /** The stream's item for an event, with the group it concerns; null to skip the event. */
  select: (event: AnyEnvelope) => { groupId: string; item: T } | null;
  /** The last item of a stream whose subscriber lost access to its group. */
  accessEnded: (groupId: string) => T;
  /** Events waiting for a slow subscriber before it is dropped. */
  maxQueue: number;
  onTooSlow: (waiting: number) => void;
  /** Called whenever the subscriber's memberships or the group hierarchy change (what it may read may have changed). */
  onAccessChange?: () => void;
  /**
   * Items the subscriber missed before subscribing (a resume), yielded before
   * any live item; live events are queued meanwhile. A live item at or before
   * the last missed item's position is then skipped, being already delivered.
   */
  missed?: () => AsyncIterable<T>;
  /** An item's position in its group's change order, for that skip; null when it has none. */
  positionOf?: (item: T) => bigint | null;
}

type Queued<T> = { groupId: string; item: T; last: boolean };

/**
 * The events of one group (or of all a subscriber's groups), in Kafka order
 * per group. Losing access to the followed group ends the stream with a final
 * item; in all-groups mode, groups the subscriber cannot read are skipped.
 */
export async function* groupEventStream<T>(opts: StreamOptions<T>): AsyncGenerator<T> {
  const queue: Queued<T>[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  // Decisions of "may read this group", forgotten when memberships or the hierarchy change.
  const access = new Map<string, Promise<boolean>>();
  const push = (entry: Queued<T>) => {
    if (done) return;
    queue.push(entry);
    if (queue.length > opts.maxQueue) {
      done = true;
      opts.onTooSlow(queue.length);
    }
    wake?.();
  };
  const accessChanged = () => {
    access.clear();
    opts.onAccessChange?.();
  };
  const endAccess = (groupId: string) => {
    accessChanged();
    if (opts.groupId === groupId) push({ groupId, item: opts.accessEnded(groupId), last: true });
  };

  const unlisten = opts.bus.listen((event: AnyEnvelope) => {
    const selected = opts.select(event);
    if (selected && (opts.groupId === null || opts.groupId === selected.groupId)) push({ ...selected, last: false });
    switch (event.type) {
      case 'groups.memberships.removed':
        if (event.payload.userIds.includes(opts.userId)) endAccess(event.payload.groupId);
        break;
      case 'groups.group.deleted':
        endAccess(event.payload.groupId);
        break;
      case 'groups.memberships.added':
        if (event.payload.members.some((m) => m.userId === opts.userId)) accessChanged();
        break;
      case 'groups.subgroup.attached':
      case 'groups.subgroup.detached':
        accessChanged();
        break;
      default:
        break;
    }
  }, opts.groupId);

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
      if (next.last) {
        yield next.item;
        return;
      }
      if (caughtUpTo !== null) {
        const position = opts.positionOf?.(next.item) ?? null;
        if (position !== null && position <= caughtUpTo) continue;
      }
      if (opts.groupId === null) {
        let allowed = access.get(next.groupId);
        if (!allowed) {
          allowed = opts.mayRead(next.groupId);
          access.set(next.groupId, allowed);
        }
        if (!(await allowed)) continue;
      }
      yield next.item;
    }
  } finally {
    done = true;
    unlisten();
  }
}
