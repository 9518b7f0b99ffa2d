import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from './context';
import type { Fetcher } from './subgraph-fetcher';

/**
 * Calls one subgraph over the shared keep-alive fetcher and passes the
 * caller's token on, so each subgraph authorises against the same caller.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, fetcher: Fetcher) {
    super({ url, fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and schema loading run without a request context.
    const authorization = (context as Partial<GatewayContext> | undefined)?.authorization;
    if (authorization) request.http?.headers.set('authorization', authorization);
  }
}
