import type { AnyEnvelope } from '@kz/events';
import type { SubscriptionEventBus } from './event-bus';

export type MessageEventKind = 'SENT' | 'EDITED' | 'DELETED' | 'POLL_UPDATED' | 'ACCESS_ENDED';

export interface MessageEventPayload {
  kind: MessageEventKind;
  groupId: string;
  messageId: string | null;
}

const KIND_OF = {
  'messaging.message.sent': 'SENT',
  'messaging.message.edited': 'EDITED',
  'messaging.message.deleted': 'DELETED',
  'messaging.poll.updated': 'POLL_UPDATED',
} as const;

export interface StreamOptions {
  bus: SubscriptionEventBus;
  userId: string;
  /** One group, or null for every group the subscriber may read. */
  groupId: string | null;
  /** Whether the subscriber may read a group's messages now (asked through the supergraph). */
  mayRead: (groupId: string) => Promise<boolean>;
  /** Events waiting for a slow subscriber before it is dropped. */
  maxQueue: number;
  onTooSlow: (waiting: number) => void;
}

/** The message events of a stream, in Kafka order per group. */
export async function* messageEventStream(opts: StreamOptions): AsyncGenerator<MessageEventPayload> {
  const queue: MessageEventPayload[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  // Decisions of "may read this group", forgotten when memberships or the hierarchy change.
  const access = new Map<string, Promise<boolean>>();
  const push = (item: MessageEventPayload) => {
    if (done) return;
    queue.push(item);
    if (queue.length > opts.maxQueue) {
      done = true;
      opts.onTooSlow(queue.length);
    }
    wake?.();
  };
  const concerns = (groupId: string) => opts.groupId === null || opts.groupId === groupId;

  const unlisten = opts.bus.listen((event: AnyEnvelope) => {
    switch (event.type) {
      case 'messaging.message.sent':
      case 'messaging.message.edited':
      case 'messaging.message.deleted':
      case 'messaging.poll.updated':
        if (concerns(event.payload.groupId)) push({ kind: KIND_OF[event.type], groupId: event.payload.groupId, messageId: event.payload.messageId });
        break;
      case 'groups.memberships.removed':
        if (event.payload.userIds.includes(opts.userId)) {
          access.clear();
          if (opts.groupId === event.payload.groupId) push({ kind: 'ACCESS_ENDED', groupId: event.payload.groupId, messageId: null });
        }
        break;
      case 'groups.group.deleted':
        access.clear();
        if (opts.groupId === event.payload.groupId) push({ kind: 'ACCESS_ENDED', groupId: event.payload.groupId, messageId: null });
        break;
      case 'groups.memberships.added':
        if (event.payload.members.some((m) => m.userId === opts.userId)) access.clear();
        break;
      case 'groups.subgroup.attached':
      case 'groups.subgroup.detached':
        access.clear();
        break;
      default:
        break;
    }
  });

  try {
    while (!done || queue.length > 0) {
      const next = queue.shift();
      if (!next) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      if (next.kind === 'ACCESS_ENDED') {
        yield next;
        return;
      }
      if (opts.groupId === null) {
        let allowed = access.get(next.groupId);
        if (!allowed) {
          allowed = opts.mayRead(next.groupId);
          access.set(next.groupId, allowed);
        }
        if (!(await allowed)) continue;
      }
      yield next;
    }
  } finally {
    done = true;
    unlisten();
  }
}
