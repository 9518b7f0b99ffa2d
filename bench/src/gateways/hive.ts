/**
 * The Hive Gateway as the reference point: its programmatic runtime on the
 * supergraph file, served by node:http, with its own defaults. The only
 * addition is forwarding the caller's Authorization header to the subgraphs
 * (propagateHeaders.fromClientToSubgraphs, as its docs describe).
 *
 * By default its HTTP transport merges identical subgraph requests in flight
 * (same URL, body and headers): under a load of one query with one token most
 * operations then share another operation's subgraph calls.
 * HIVE_DEDUPLICATE_INFLIGHT=false turns that off (transport option
 * deduplicateInflightRequests), so each operation makes its own subgraph calls.
 *
 * Env: GATEWAY_HOST, GATEWAY_PORT, GATEWAY_SUPERGRAPH_PATH, HIVE_DEDUPLICATE_INFLIGHT.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { peerHeaders } from '@kz/stack';

/** The subgraphs answer only callers with the deployment's SUBGRAPH_SECRET (the harness gives every gateway it). */
const asGateway = peerHeaders(process.env.SUBGRAPH_SECRET ?? '');

function main(): void {
  const supergraphPath = process.env.GATEWAY_SUPERGRAPH_PATH;
  if (!supergraphPath) throw new Error('GATEWAY_SUPERGRAPH_PATH is not set');
  const gateway = createGatewayRuntime({
    supergraph: readFileSync(supergraphPath, 'utf8'),
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => {
        const authorization = request.headers.get('authorization');
        return { ...(authorization ? { authorization } : {}), ...asGateway };
      },
    },
    logging: 'error',
    ...(process.env.HIVE_DEDUPLICATE_INFLIGHT === 'false' ? { transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } } } : {}),
  });
  const server = createServer(gateway);
  const host = process.env.GATEWAY_HOST ?? '127.0.0.1';
  const port = Number(process.env.GATEWAY_PORT ?? 4200);
  server.listen(port, host, () => process.stdout.write(`Hive Gateway listening at http://${host}:${port}/graphql\n`));
  const stop = () => {
    server.close();
    server.closeAllConnections();
    Promise.resolve(gateway.dispose()).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

try {
  main();
} catch (err) {
  process.stderr.write(`Hive Gateway failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
}
