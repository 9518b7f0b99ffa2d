import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { RunningProcess } from './stack';

const MESSAGE_EVENTS = `subscription($g: ID) { messageEvents(groupId: $g) { kind messageId } }`;

/**
 * A client following one group's messageEvents, keeping the ids of the
 * messages it received. It does not resubscribe, so a dropped subscription
 * shows as missed messages, and every close, error or end is counted.
 */
export class Follower {
  readonly received: string[] = [];
  closes = 0;
  readonly errors: string[] = [];
  completed = false;
  private readonly client: Client;

  constructor(
    gateway: RunningProcess,
    token: string,
    readonly groupId: string,
    /** A messageEvents subscription with $g for the group, selecting at least kind and messageId. */
    query = MESSAGE_EVENTS,
  ) {
    this.client = createClient({
      url: gateway.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: (err) => void this.errors.push(`connection failed: ${String(err)}`),
      on: { closed: () => void this.closes++ },
    });
    this.client.subscribe<{ messageEvents: { kind: string; messageId: string | null } }>(
      { query, variables: { g: groupId } },
      {
        next: (value) => {
          const e = value.data?.messageEvents;
          if (!e) this.errors.push(`an event with errors: ${JSON.stringify(value.errors).slice(0, 200)}`);
          else if (e.kind === 'SENT' && e.messageId) this.received.push(e.messageId);
        },
        error: (err) => void this.errors.push(err instanceof Error ? err.message : JSON.stringify(err).slice(0, 200)),
        complete: () => void (this.completed = true),
      },
    );
  }

  /** What went wrong with this subscription, if anything did. */
  get problem(): string | undefined {
    if (this.errors.length > 0) return this.errors[0];
    if (this.completed) return 'the stream ended';
    if (this.closes > 0) return 'the connection closed';
    return undefined;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
