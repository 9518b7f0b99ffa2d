import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extendSchema, parse, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { wireJobProgress } from './job-progress';
import { wireMembershipEvents } from './membership-events';
import { wireMessageEvents } from './message-events';
import { wireNotificationEvents } from './notification-events';

/** The subscription part of the public schema (read at start, relative to dist/ as the subgraphs read theirs). */
export const SUBSCRIPTION_SDL = readFileSync(join(__dirname, '..', '..', 'src', 'subscriptions', 'subscription.graphql'), 'utf8');

/** The supergraph's API schema plus the gateway's own Subscription type, one module per subscription. */
export function subscriptionSchema(apiSchema: GraphQLSchema): GraphQLSchema {
  const schema = extendSchema(apiSchema, parse(SUBSCRIPTION_SDL));
  wireMessageEvents(schema);
  wireMembershipEvents(schema);
  wireJobProgress(schema);
  wireNotificationEvents(schema);
  return schema;
}

/** Fields of supergraph types are read by response key: the data came from the supergraph under the subscriber's aliases. */
export const aliasAwareFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, _args, _ctx, info) => {
  if (source === null || typeof source !== 'object') return undefined;
  return (source as Record<string, unknown>)[info.path.key as string];
};
