import type { Server } from 'node:http';
import { bearerToken, type Caller, type TokenVerifier } from '@kz/auth';
import { DomainError } from '@kz/errors';
import type { ConnectorRateLimit } from '../connector-rate-limit';
import { bracketNesting, MAX_NESTING, type ServiceMetrics } from '@kz/server';
import { GraphQLError, parse, validate, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { GatewayContext } from '../context';
import type { OperationLimiter } from '../operation-limits';
import type { SubscriptionEventBus } from './event-bus';
import { aliasAwareFieldResolver } from './subscription-schema';
import type { SubscriberContext } from './subscriber-context';

type Execute = (query: string, variables: Record<string, unknown>, context: GatewayContext) => ReturnType<SubscriberContext['execute']>;

export interface SubscriptionServerOptions {
  httpServer: Server;
  path: string;
  bus: SubscriptionEventBus;
  verifier: TokenVerifier;
  limiter: OperationLimiter;
  /** Connecting counts as a connector's request. */
  connectorLimit: ConnectorRateLimit;
  /** Live subscriptions and subscribers dropped for being too slow are counted here. */
  metrics: ServiceMetrics;
  /** The current subscription schema (it follows the supergraph). */
  schema: () => GraphQLSchema | undefined;
  execute: Execute;
  maxQueue: number;
  /** Largest WebSocket message accepted, in bytes (larger closes the connection with 1009). */
  maxMessageBytes?: number;
  /** Most lexical tokens in a subscription document. */
  maxTokens?: number;
  logger: Logger;
}

type ConnectionState = {
  caller?: Caller;
  authorization?: string;
  forwardedFor?: string;
  socket: WebSocket;
  [key: string]: unknown;
};

/** graphql-ws close codes beyond the protocol's own. */
const CLOSE_TOKEN_REJECTED = 4401;
const CLOSE_TOO_SLOW = 4413;
const CLOSE_RATE_LIMITED = 4429;

/** What a connector may follow: its organisation's groups' messages and memberships, as its permissions allow. */
const CONNECTOR_SUBSCRIPTIONS = new Set(['messageEvents', 'membershipEvents']);

/**
 * GraphQL subscriptions over graphql-ws on the gateway's own /graphql URL.
 * The access token comes in connection_init; every event's fields are
 * resolved through the supergraph with that token, so a subscriber sees
 * exactly what the same query would show them.
 */
export class SubscriptionServer {
  private ws: WebSocketServer | undefined;
  private disposable: { dispose(): void | Promise<void> } | undefined;

  constructor(private readonly opts: SubscriptionServerOptions) {}

  start(): void {
    const { opts } = this;
    const started = opts.metrics.counter('kz_subscriptions_started_total', 'Subscriptions started over graphql-ws, by root field.', ['field']);
    const dropped = opts.metrics.counter('kz_subscribers_dropped_total', 'Connections closed because their subscriber could not keep up.', []);
    opts.metrics.gauge('kz_websocket_connections', 'graphql-ws connections open now.', [], (gauge) => gauge.set(this.ws?.clients.size ?? 0));
    this.ws = new WebSocketServer({ server: opts.httpServer, path: opts.path, maxPayload: opts.maxMessageBytes ?? 1_048_576 });
    this.disposable = useServer<Record<string, unknown>, ConnectionState>(
      {
        onConnect: async (ctx) => {
          const params = ctx.connectionParams ?? {};
          const raw =
            typeof params['authorization'] === 'string'
              ? params['authorization']
              : typeof params['accessToken'] === 'string'
                ? `Bearer ${params['accessToken']}`
                : null;
          const token = bearerToken(raw);
          const reject = (reason: string) => {
            ctx.extra.socket.close(CLOSE_TOKEN_REJECTED, reason);
            return false;
          };
          if (!token) return reject('Unauthorized: send { "authorization": "Bearer <access token>" } in connection_init');
          let caller: Caller;
          try {
            caller = await opts.verifier.verify(token);
          } catch {
            return reject('Unauthorized: the access token is invalid or expired');
          }
          try {
            opts.connectorLimit.hit(caller);
          } catch (err) {
            if (!(err instanceof DomainError)) throw err;
            ctx.extra.socket.close(CLOSE_RATE_LIMITED, err.message);
            return false;
          }
          const req = ctx.extra.request;
          const peer = req.socket.remoteAddress ?? 'unknown';
          const prior = req.headers['x-forwarded-for'];
          Object.assign(ctx.extra, {
            caller,
            authorization: `Bearer ${token}`,
            forwardedFor: prior ? `${Array.isArray(prior) ? prior.join(', ') : prior}, ${peer}` : peer,
          });
          return true;
        },
        onSubscribe: (ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] => {
          const schema = opts.schema();
          if (!schema) return [new GraphQLError('The gateway is still loading its schema; try again in a moment.', { extensions: { code: 'UNAVAILABLE' } })];
          if (bracketNesting(payload.query, MAX_NESTING) > MAX_NESTING) {
            return [
              new GraphQLError(`This operation nests brackets more than ${MAX_NESTING} levels deep; ask for less deeply nested data.`, {
                extensions: { code: 'GRAPHQL_PARSE_FAILED' },
              }),
            ];
          }
          let document;
          try {
            document = parse(payload.query, { maxTokens: opts.maxTokens ?? 15_000 });
          } catch (err) {
            const message = err instanceof GraphQLError ? err.message : 'The operation could not be parsed.';
            return [new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
          }
          const errors = validate(schema, document);
          if (errors.length > 0) return errors;
          const operation = document.definitions.find(
            (d) => d.kind === 'OperationDefinition' && (!payload.operationName || d.name?.value === payload.operationName),
          );
          if (!operation || operation.kind !== 'OperationDefinition' || operation.operation !== 'subscription') {
            return [
              new GraphQLError('Only subscriptions go over this WebSocket; send queries and mutations over HTTP.', { extensions: { code: 'BAD_USER_INPUT' } }),
            ];
          }
          const refused = opts.limiter.check(document, operation);
          if (refused.length > 0) return refused;
          const extra = ctx.extra as ConnectionState & { caller: Caller & { kind: 'user' | 'connector' }; authorization: string; forwardedFor: string };
          if (extra.caller.kind === 'connector') {
            const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : []));
            const other = fields.find((f) => !CONNECTOR_SUBSCRIPTIONS.has(f));
            // Who belongs to a group is a member list: the grant Group.members asks of a connector.
            if (fields.includes('membershipEvents') && !extra.caller.permissions.includes('MEMBER_LISTS')) {
              return [new GraphQLError('This connector was not granted member lists, which membershipEvents follows.', { extensions: { code: 'FORBIDDEN' } })];
            }
            if (other !== undefined || fields.length !== operation.selectionSet.selections.length) {
              return [
                new GraphQLError(
                  `A connector may subscribe to ${[...CONNECTOR_SUBSCRIPTIONS].join(' and ')} only; ${other ?? 'this selection'} is for signed-in people.`,
                  {
                    extensions: { code: 'FORBIDDEN' },
                  },
                ),
              ];
            }
          }
          // Events naming a person (their access changed) are listened for by that id; a connector is named by none.
          const subscriberId = extra.caller.kind === 'user' ? extra.caller.userId : `connector:${extra.caller.connectorId}`;
          const gateway: GatewayContext = { caller: extra.caller, authorization: extra.authorization, forwardedFor: extra.forwardedFor };
          const context: SubscriberContext = {
            bus: opts.bus,
            userId: subscriberId,
            gateway,
            limits: { maxQueue: opts.maxQueue },
            execute: async (query, variables) => {
              const result = await opts.execute(query, variables, gateway);
              if (result.errors?.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')) {
                extra.socket.close(CLOSE_TOKEN_REJECTED, 'Unauthorized: the access token expired; reconnect with a fresh one');
              }
              return result;
            },
            dropAsTooSlow: (waiting) => {
              dropped.inc();
              opts.logger.warn({ subscriber: subscriberId, waiting }, 'dropping a subscriber that cannot keep up');
              extra.socket.close(CLOSE_TOO_SLOW, `Subscriber too slow: ${waiting} events were waiting; reconnect and catch up from history`);
            },
          };
          for (const selection of operation.selectionSet.selections) if (selection.kind === 'Field') started.inc({ field: selection.name.value });
          return {
            schema,
            document,
            operationName: payload.operationName,
            variableValues: payload.variables ?? undefined,
            contextValue: context,
            fieldResolver: aliasAwareFieldResolver,
          };
        },
      },
      this.ws,
    );
  }

  async stop(): Promise<void> {
    for (const client of this.ws?.clients ?? []) client.close(1001, 'Gateway shutting down; reconnect');
    await this.disposable?.dispose();
    await new Promise<void>((resolve) => (this.ws ? this.ws.close(() => resolve()) : resolve()));
  }
}
