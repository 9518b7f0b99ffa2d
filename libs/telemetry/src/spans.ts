import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/**
 * Spans the instrumentation libraries cannot see: an event's trip through the
 * outbox and Kafka, a job's through BullMQ, a subscription's delivery. Each
 * crossing carries the W3C `traceparent` of the span that caused it. With
 * tracing off each helper returns before touching OpenTelemetry, so the
 * crossings cost nothing.
 */
const tracer = () => trace.getTracer('@kz/telemetry');
// The crossings below are the stack's own (outbox rows, Kafka headers, job data): they always carry the W3C context,
// whatever the process does with requests' (TRACING_ACCEPT_REQUEST_CONTEXT).
const w3c = new W3CTraceContextPropagator();
const carrierSetter = { set: (carrier: Record<string, string>, key: string, value: string) => void (carrier[key] = value) };

let on = false;

export function markTracingOn(): void {
  on = true;
}

export function tracingOn(): boolean {
  return on;
}

/** A place a trace context can be carried: HTTP or Kafka headers, a job's data. */
export type Carrier = Record<string, string | Buffer | (string | Buffer)[] | undefined>;

const carrierGetter = {
  keys: (carrier: Carrier) => Object.keys(carrier),
  get: (carrier: Carrier, key: string) => {
    const value = carrier[key];
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined ? undefined : first.toString();
  },
};

/** The `traceparent` of the active span, to store beside work done later (an outbox row, a queued job); null outside a trace. */
export function currentTraceParent(): string | null {
  if (!on) return null;
  const carrier: Record<string, string> = {};
  w3c.inject(context.active(), carrier, carrierSetter);
  return carrier['traceparent'] ?? null;
}

function remoteContext(traceParent: string): Context {
  return w3c.extract(ROOT_CONTEXT, { traceparent: traceParent }, carrierGetter);
}

/** The `traceparent` carried by Kafka or HTTP headers, if any. */
export function traceParentIn(headers: Carrier | undefined): string | null {
  return headers ? (carrierGetter.get(headers, 'traceparent') ?? null) : null;
}

/**
 * Runs `work` in a span whose parent is the context `traceParent` names: a
 * consumer handling an event, a worker running a job (CONSUMER), or sending
 * what an event caused to a partner (PRODUCER, a webhook). Without a parent
 * the work is not traced: background work nobody asked for starts no trace.
 */
export async function inSpanOf<R>(
  traceParent: string | null | undefined,
  name: string,
  attributes: Attributes,
  work: () => Promise<R>,
  kind: 'consumer' | 'producer' = 'consumer',
  /** What went wrong, for work that answers its failures instead of throwing them (a partner's 500); null when it went well. */
  failureOf: (result: R) => string | null = () => null,
): Promise<R> {
  if (!on || !traceParent) return work();
  const parent = remoteContext(traceParent);
  const span = tracer().startSpan(name, { kind: kind === 'consumer' ? SpanKind.CONSUMER : SpanKind.PRODUCER, attributes }, parent);
  try {
    const result = await context.with(trace.setSpan(parent, span), work);
    const failure = failureOf(result);
    if (failure !== null) span.setStatus({ code: SpanStatusCode.ERROR, message: failure });
    return result;
  } catch (err) {
    failed(span, err);
    throw err;
  } finally {
    span.end();
  }
}

/**
 * A consumer's span for one event handled among others in a single transaction, where no one context can be active:
 * started before the batch, ended after it. Its `traceParent` is what the event's handler stores for later work.
 */
export class BatchedConsumerSpan {
  private constructor(private readonly span: Span) {}

  /** Undefined when tracing is off or the event came without a trace: then the event starts none. */
  static start(traceParent: string | null | undefined, name: string, attributes: Attributes): BatchedConsumerSpan | undefined {
    if (!on || !traceParent) return undefined;
    return new BatchedConsumerSpan(tracer().startSpan(name, { kind: SpanKind.CONSUMER, attributes }, remoteContext(traceParent)));
  }

  get traceParent(): string | null {
    const carrier: Record<string, string> = {};
    w3c.inject(trace.setSpan(ROOT_CONTEXT, this.span), carrier, carrierSetter);
    return carrier['traceparent'] ?? null;
  }

  end(err?: unknown): void {
    if (err !== undefined) failed(this.span, err);
    this.span.end();
  }
}

function failed(span: Span, err: unknown): void {
  span.recordException(err as Error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
}

/** Producer spans of one Kafka send: each message's own, child of the action that wrote it, its context put in the message's headers. */
export class PublishSpans {
  private readonly spans: Span[] = [];
  /** The rows one action wrote share its traceparent: read once per send. */
  private readonly parents = new Map<string, Context>();

  /** Headers for a message whose outbox row stored `traceParent`; undefined when it stored none. */
  headersFor(topic: string, traceParent: string | null): Record<string, string> | undefined {
    if (!on || !traceParent) return undefined;
    let parent = this.parents.get(traceParent);
    if (!parent) this.parents.set(traceParent, (parent = remoteContext(traceParent)));
    const span = tracer().startSpan(
      `publish ${topic}`,
      { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'kafka', 'messaging.operation.type': 'send', 'messaging.destination.name': topic } },
      parent,
    );
    this.spans.push(span);
    const headers: Record<string, string> = {};
    w3c.inject(trace.setSpan(parent, span), headers, carrierSetter);
    return headers;
  }

  end(err?: unknown): void {
    for (const span of this.spans) {
      if (err !== undefined) failed(span, err);
      span.end();
    }
    this.spans.length = 0;
    this.parents.clear();
  }
}

/**
 * A subscription's delivery of one event to one subscriber: from the event
 * reaching the subscriber's stream to the answer being sent. Its resolution
 * (a fetch through the supergraph) runs inside it with `within`.
 */
export class DeliverySpan {
  private constructor(
    private readonly span: Span,
    private readonly parent: Context,
  ) {}

  /** The context of whatever is active now (the consumer's span), captured where an event is queued for a subscriber. */
  static captureParent(): Context | undefined {
    return on ? context.active() : undefined;
  }

  static start(name: string, parent: Context | undefined): DeliverySpan | undefined {
    if (!on || !parent || !trace.getSpan(parent)) return undefined;
    return new DeliverySpan(tracer().startSpan(name, { kind: SpanKind.INTERNAL }, parent), parent);
  }

  within<R>(work: () => R): R {
    return context.with(trace.setSpan(this.parent, this.span), work);
  }

  end(): void {
    this.span.end();
  }
}

/**
 * Names the active span after what it does (a GraphQL operation rather than "POST"), when it is an HTTP server's
 * span: an operation run inside another span (a subscriber's, through the supergraph) leaves that one's name alone.
 */
export function nameServerSpan(name: string, attributes: Attributes = {}): void {
  if (!on) return;
  const span = trace.getActiveSpan();
  // The SDK's spans carry their kind; the API does not expose it.
  if (!span || (span as unknown as { kind?: SpanKind }).kind !== SpanKind.SERVER) return;
  span.updateName(name);
  span.setAttributes(attributes);
}

/** What a queued job carries of the trace that queued it. */
export interface TracedJob {
  traceParent?: string;
}

/** The trace of the action queuing a job, to spread into the job's data; nothing outside a trace. */
export function jobTrace(): TracedJob {
  const traceParent = currentTraceParent();
  return traceParent ? { traceParent } : {};
}
