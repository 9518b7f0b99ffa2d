import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Received {
  data?: Record<string, any> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** A real graphql-ws client that records what it receives and how the stream ended. */
export class Subscriber {
  readonly received: Received[] = [];
  ended: 'complete' | 'error' | null = null;
  error: unknown;
  closedWith: { code: number; reason: string } | null = null;
  private readonly client: Client;
  private unsubscribe: (() => void) | undefined;

  constructor(gatewayUrl: string, token: string | null) {
    this.client = createClient({
      url: gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: false,
      // Closes are recorded below; the client's default would print them.
      onNonLazyError: () => undefined,
      on: {
        closed: (event) => {
          const e = event as { code: number; reason: string };
          this.closedWith = { code: e.code, reason: String(e.reason) };
        },
      },
    });
  }

  subscribe(query: string, variables: Record<string, unknown> = {}): this {
    this.unsubscribe = this.client.subscribe(
      { query, variables },
      {
        next: (value) => void this.received.push(value as Received),
        error: (err) => {
          this.ended = 'error';
          this.error = err;
        },
        complete: () => {
          if (!this.ended) this.ended = 'complete';
        },
      },
    );
    return this;
  }

  payloads(): Record<string, any>[] {
    return this.received.map((r) => r.data?.['messageEvents']).filter(Boolean);
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    await this.client.dispose();
  }
}
