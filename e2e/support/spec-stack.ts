import { Subscriber } from '@kz/stack';
import { graphql } from '@kz/testing';
import { Stack } from './stack';

type GraphQLAnswer = { errors?: readonly { extensions?: Record<string, unknown> }[] };

/** The extensions.code of an answer's first error. */
export const errorCode = (res: GraphQLAnswer) => res.errors?.[0]?.extensions?.['code'];

/**
 * One spec file's stack: started before its tests with subscriptions ready, stopped after them with every subscriber
 * it followed closed; GraphQL through its gateway; `follow` opens a graphql-ws subscription closed at the end.
 */
export function specStack() {
  const stack = new Stack();
  const subscribers: Subscriber[] = [];
  beforeAll(async () => {
    await stack.start();
    await stack.gateway.subscriptionsReady();
  });
  afterAll(async () => {
    await Promise.allSettled(subscribers.map((s) => s.close()));
    await stack.stop();
  });
  const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(stack.gatewayUrl, query, variables, token);
  const follow = (token: string, query: string, variables: Record<string, unknown> = {}) => {
    const subscriber = new Subscriber(stack.gatewayUrl, token).subscribe(query, variables);
    subscribers.push(subscriber);
    return subscriber;
  };
  return { stack, subscribers, gql, follow };
}
