import { Subscriber, type Received, type RunningProcess } from '@kz/stack';

const MESSAGE_EVENTS = `subscription($g: ID) { messageEvents(groupId: $g) { kind messageId } }`;

/**
 * A client following one group's messageEvents, keeping the ids of the
 * messages it received. It does not resubscribe, so a dropped subscription
 * shows as missed messages.
 */
export class Follower extends Subscriber {
  readonly messageIds: string[] = [];
  private readonly eventErrors: string[] = [];

  constructor(
    gateway: RunningProcess,
    token: string,
    readonly groupId: string,
    /** A messageEvents subscription with $g for the group, selecting at least kind and messageId. */
    query = MESSAGE_EVENTS,
  ) {
    super(gateway.url, token);
    this.subscribe(query, { g: groupId });
  }

  protected override receive(value: Omit<Received, 'at'>): void {
    const e = value.data?.messageEvents as { kind: string; messageId: string | null } | undefined;
    if (!e) this.eventErrors.push(`an event with errors: ${JSON.stringify(value.errors).slice(0, 200)}`);
    else if (e.kind === 'SENT' && e.messageId) this.messageIds.push(e.messageId);
  }

  /** What went wrong with this subscription, if anything did. */
  override get problem(): string | undefined {
    return this.eventErrors[0] ?? super.problem;
  }
}

/** One subscription of a client that may subscribe again: every answer goes to the client's callback. */
export class Leg extends Subscriber {
  constructor(
    url: string,
    token: string,
    private readonly onValue: (value: Omit<Received, 'at'>) => void,
  ) {
    super(url, token);
  }

  protected override receive(value: Omit<Received, 'at'>): void {
    this.onValue(value);
  }
}
