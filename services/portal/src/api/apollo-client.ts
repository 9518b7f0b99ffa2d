import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { cacheSizes, getMainDefinition, relayStylePagination } from '@apollo/client/utilities';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { from, switchMap } from 'rxjs';
import { session } from './session';

/** graphql-ws close codes the gateway uses for an expired or refused token. */
const TOKEN_CLOSE_CODES = new Set([4401, 4403]);

function isUnauthenticated(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
  return ServerError.is(error) && error.statusCode === 401;
}

function websocketUrl(): string {
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * Apollo keeps every result it reads, up to 50,000 of a kind by default. A chat tab reads its groups list again at
 * each message event, and in a busy tab those kept results grew the heap by some 7 MB a minute; a few thousand cover
 * every screen's reads, and an evicted one is only read again.
 */
const READ_RESULTS_KEPT = {
  'inMemoryCache.executeSelectionSet': 5_000,
  'inMemoryCache.executeSubSelectedArray': 1_000,
  'inMemoryCache.prunePartialBoundaries': 1_000,
  'inMemoryCache.prunePartialStreamArray': 1_000,
  'inMemoryCache.maybeBroadcastWatch': 1_000,
};

/** Every connection the app shows as a list pages by cursor; the cache merges pages per set of filters. */
function cache(): InMemoryCache {
  Object.assign(cacheSizes, READ_RESULTS_KEPT);
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: { myGroups: relayStylePagination(), myConversations: relayStylePagination(['search']), searchMessages: relayStylePagination(['query']) },
      },
      Organization: {
        fields: {
          groups: relayStylePagination(),
          directory: relayStylePagination(['search', 'network']),
          imports: relayStylePagination(),
          exports: relayStylePagination(),
          auditLog: relayStylePagination(['filter']),
        },
      },
      WebhookEndpoint: {
        fields: { deliveries: relayStylePagination(['status']) },
      },
      Group: {
        fields: {
          subgroups: relayStylePagination(),
          members: relayStylePagination(['search', 'role']),
          joinRequests: relayStylePagination(),
        },
      },
      // Entries have no id of their own: one person's standing in one organisation.
      DirectoryEntry: { keyFields: false },
      Membership: { keyFields: false },
      ImportCounts: { merge: true },
      ImportTemplate: { keyFields: false },
    },
  });
}

export interface AppClient {
  apollo: ApolloClient;
  ws: WsClient;
}

/**
 * One client for queries, mutations (over HTTP) and subscriptions (over graphql-ws), all at the page's own
 * origin. A request refused as UNAUTHENTICATED is retried once after the session is renewed; a socket closed
 * for its token reconnects with a renewed one.
 */
export function createAppClient(): AppClient {
  const ws = createClient({
    url: websocketUrl(),
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    connectionParams: async () => {
      const token = await session.accessToken().catch(() => null);
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      closed: (event) => {
        const code = (event as CloseEvent | undefined)?.code;
        if (code !== undefined && TOKEN_CLOSE_CODES.has(code)) void session.refresh().catch(() => undefined);
      },
    },
  });

  const auth = new SetContextLink(async (prevContext) => {
    const token = await session.accessToken().catch(() => null);
    const headers = { ...(prevContext.headers as Record<string, string> | undefined) };
    if (token) headers['authorization'] = `Bearer ${token}`;
    return { headers };
  });

  const renewOnce = new ErrorLink(({ error, operation, forward }) => {
    if (!isUnauthenticated(error) || operation.getContext()['renewed'] || !session.current) return;
    operation.setContext({ renewed: true });
    return from(session.refresh()).pipe(
      switchMap((tokens) => {
        operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
          headers: { ...headers, authorization: `Bearer ${tokens.accessToken}` },
        }));
        return forward(operation);
      }),
    );
  });

  const http = ApolloLink.from([renewOnce, auth, new HttpLink({ uri: '/graphql' })]);
  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    new GraphQLWsLink(ws),
    http,
  );

  const apollo = new ApolloClient({
    link,
    cache: cache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
  return { apollo, ws };
}
