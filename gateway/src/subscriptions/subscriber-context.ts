import type { GatewayContext } from '../context';
import type { SubscriptionEventBus } from './event-bus';

export interface SubscriberContext {
  bus: SubscriptionEventBus;
  userId: string;
  /** The subscriber's own request context: their token reaches every subgraph. */
  gateway: GatewayContext;
  execute(
    query: string,
    variables: Record<string, unknown>,
  ): Promise<{ data?: Record<string, unknown> | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>;
  limits: { maxQueue: number };
  /** Closes the subscriber's connection, saying it could not keep up. */
  dropAsTooSlow(waiting: number): void;
}
