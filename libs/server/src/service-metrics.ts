import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: from a fast history page (a few ms) to a bulk call that takes its time. */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * Operation names are chosen by clients: past this many distinct ones, the rest count as "other", so that no client
 * can grow the series without end.
 */
const MAX_OPERATION_NAMES = 200;

/**
 * What a process tells Prometheus at /metrics besides its memory: its GraphQL operations (rate, errors, duration)
 * and whatever its own parts add to the same registry (the gateway's subgraph calls and subscriptions, say).
 * Names follow Prometheus's conventions: base units, `_total` for counters, `_seconds` histograms.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly operations: Counter<'operation' | 'type' | 'outcome'>;
  private readonly durations: Histogram<'operation' | 'type'>;
  private readonly names = new Set<string>();

  constructor() {
    this.operations = new Counter({
      name: 'kz_graphql_operations_total',
      help: 'GraphQL operations answered, by operation name, type and outcome (ok, or the first error code).',
      labelNames: ['operation', 'type', 'outcome'],
      registers: [this.registry],
    });
    this.durations = new Histogram({
      name: 'kz_graphql_operation_duration_seconds',
      help: 'Time from receiving a GraphQL operation to sending its answer.',
      labelNames: ['operation', 'type'],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
  }

  /** A histogram of durations in seconds, registered here. */
  histogram<L extends string>(name: string, help: string, labelNames: readonly L[]): Histogram<L> {
    return new Histogram({ name, help, labelNames, buckets: DURATION_BUCKETS, registers: [this.registry] });
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** A gauge registered here; `collect` sets its values each time /metrics is read. */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[], collect?: (gauge: Gauge<L>) => void | Promise<void>): Gauge<L> {
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      ...(collect
        ? {
            collect(this: Gauge<L>) {
              return collect(this);
            },
          }
        : {}),
    });
  }

  observeOperation(operation: string | null, type: string, outcome: string, seconds: number): void {
    const name = this.operationLabel(operation);
    this.operations.inc({ operation: name, type, outcome });
    this.durations.observe({ operation: name, type }, seconds);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  /** Counts every operation the Apollo server answers. */
  plugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
    return {
      requestDidStart: async () => {
        const started = performance.now();
        let operation: string | null = null;
        let type = 'unknown';
        return {
          didResolveOperation: async (request) => {
            operation = request.operationName ?? null;
            type = request.operation?.operation ?? 'unknown';
          },
          willSendResponse: async (request) => {
            const body = request.response.body;
            // The answer's errors carry the codes clients read (formatError has run); request.errors may not yet.
            const errors = (body.kind === 'single' ? body.singleResult.errors : undefined) ?? request.errors;
            const code = errors?.[0]?.extensions?.['code'];
            const outcome = errors && errors.length > 0 ? (typeof code === 'string' ? code : 'ERROR') : 'ok';
            this.observeOperation(operation, type, outcome, (performance.now() - started) / 1000);
          },
        };
      },
    };
  }

  private operationLabel(operation: string | null): string {
    if (operation === null) return 'anonymous';
    if (this.names.has(operation)) return operation;
    if (this.names.size >= MAX_OPERATION_NAMES) return 'other';
    this.names.add(operation);
    return operation;
  }
}
