import { performance } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Received {
  data?: Record<string, any> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  /** performance.now() when the client's `next` callback ran. */
  at: number;
}

/**
 * A real graphql-ws client on a gateway's /graphql, with its own WebSocket,
 * following one subscription. It does not reconnect or resubscribe, so a
 * dropped subscription shows as what did not arrive, and how the stream and
 * the connection ended is recorded.
 */
export class Subscriber {
  readonly received: Received[] = [];
  ended: 'complete' | 'error' | null = null;
  error: unknown;
  closedWith: { code: number; reason: string } | null = null;
  closes = 0;
  /** Called when the connection closes, for whatever reason. */
  onClosed: ((code: number, reason: string) => void) | undefined;
  /** Called when the subscription's stream ends (completed, or with an error) while the connection may stay open. */
  onEnded: (() => void) | undefined;
  private readonly client: Client;
  private readonly connected: Promise<void>;
  private unsubscribe: (() => void) | undefined;

  constructor(gatewayUrl: string, token: string | null) {
    let markConnected: () => void = () => undefined;
    let markFailed: (err: Error) => void = () => undefined;
    this.connected = new Promise<void>((resolve, reject) => {
      markConnected = resolve;
      markFailed = reject;
    });
    // Who never waits for ready() learns of a failed connection from closedWith and problem instead.
    this.connected.catch(() => undefined);
    this.client = createClient({
      url: gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: (err) => markFailed(new Error(describe(err))),
      on: {
        connected: () => markConnected(),
        closed: (event) => {
          const e = event as { code: number; reason: string };
          this.closedWith = { code: e.code, reason: String(e.reason) };
          this.closes++;
          this.onClosed?.(e.code, String(e.reason));
          markFailed(new Error(`closed with ${e.code} ${String(e.reason)}`));
        },
      },
    });
  }

  /** Resolves when connection_ack came back (the token was accepted). */
  ready(): Promise<void> {
    return this.connected;
  }

  subscribe(query: string, variables: Record<string, unknown> = {}): this {
    this.unsubscribe = this.client.subscribe(
      { query, variables },
      {
        next: (value) => this.receive(value as Omit<Received, 'at'>, performance.now()),
        error: (err) => {
          this.ended = 'error';
          this.error = err;
          this.onEnded?.();
        },
        complete: () => {
          if (this.ended) return;
          this.ended = 'complete';
          this.onEnded?.();
        },
      },
    );
    return this;
  }

  /** Keeps every value with the time it arrived; a subclass may keep less. */
  protected receive(value: Omit<Received, 'at'>, at: number): void {
    this.received.push({ ...value, at });
  }

  /** The messageEvents (or another field's) payloads received. */
  payloads(field = 'messageEvents'): Record<string, any>[] {
    return this.received.map((r) => r.data?.[field]).filter(Boolean);
  }

  /** What went wrong with this subscription, if anything did. */
  get problem(): string | undefined {
    if (this.ended === 'error') return describe(this.error);
    if (this.ended === 'complete') return 'the stream ended';
    if (this.closedWith) return `the connection closed with ${this.closedWith.code} ${this.closedWith.reason}`;
    return undefined;
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    await Promise.resolve(this.client.dispose()).catch(() => undefined);
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (Array.isArray(err)) return JSON.stringify(err).slice(0, 300);
  const e = err as { code?: number; reason?: string; message?: string } | undefined;
  if (e && typeof e.code === 'number') return `closed with ${e.code} ${e.reason ?? ''}`;
  return String(e?.message ?? err);
}
