/**
 * The stock Apollo Gateway as a baseline: the supergraph file, Apollo Server's
 * standalone HTTP server and the default subgraph fetcher. The only addition
 * is forwarding the caller's Authorization header, without which no subgraph
 * would answer. Env: GATEWAY_HOST, GATEWAY_PORT, GATEWAY_SUPERGRAPH_PATH.
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { peerHeaders } from '@kz/stack';

interface Context {
  authorization?: string;
}

/** The subgraphs answer only callers with the deployment's SUBGRAPH_SECRET (the harness gives every gateway it). */
const asGateway = peerHeaders(process.env.SUBGRAPH_SECRET ?? '');

class AuthForwardingDataSource extends RemoteGraphQLDataSource<Context> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>): void {
    const authorization = (context as Partial<Context> | undefined)?.authorization;
    if (authorization) request.http?.headers.set('authorization', authorization);
    for (const [name, value] of Object.entries(asGateway)) request.http?.headers.set(name, value);
  }
}

async function main(): Promise<void> {
  const supergraphPath = process.env.GATEWAY_SUPERGRAPH_PATH;
  if (!supergraphPath) throw new Error('GATEWAY_SUPERGRAPH_PATH is not set');
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(supergraphPath, 'utf8'),
    buildService: ({ url }) => new AuthForwardingDataSource({ url }),
  });
  const server = new ApolloServer<Context>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { host: process.env.GATEWAY_HOST ?? '127.0.0.1', port: Number(process.env.GATEWAY_PORT ?? 4100) },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  process.stdout.write(`stock Apollo Gateway listening at ${url}\n`);
  const stop = () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: Error) => {
  process.stderr.write(`stock Apollo Gateway failed to start: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
