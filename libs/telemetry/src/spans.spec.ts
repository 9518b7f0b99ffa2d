import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { BatchedConsumerSpan, currentTraceParent, DeliverySpan, inSpanOf, jobTrace, markTracingOn, PublishSpans, traceParentIn } from './spans';

const PARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('trace crossings with tracing off', () => {
  it('carry nothing and run the work as it is', async () => {
    expect(currentTraceParent()).toBeNull();
    expect(jobTrace()).toEqual({});
    const spans = new PublishSpans();
    expect(spans.headersFor('kz.messaging.messages', PARENT)).toBeUndefined();
    expect(await inSpanOf(PARENT, 'process x', {}, async () => currentTraceParent())).toBeNull();
    expect(DeliverySpan.start('deliver x', DeliverySpan.captureParent())).toBeUndefined();
    expect(BatchedConsumerSpan.start(PARENT, 'process x', {})).toBeUndefined();
  });
});

describe('trace crossings with tracing on', () => {
  const exporter = new InMemorySpanExporter();
  beforeAll(() => {
    const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(provider);
    markTracingOn();
  });
  beforeEach(() => exporter.reset());

  const traceIdOf = (traceParent: string | null | undefined) => traceParent?.split('-')[1];
  const spanIdOf = (traceParent: string | null | undefined) => traceParent?.split('-')[2];

  it('publishes each outbox row in a producer span under the action that wrote it, its context in the headers', () => {
    const spans = new PublishSpans();
    const headers = spans.headersFor('kz.messaging.messages', PARENT)!;
    expect(spans.headersFor('kz.groups.groups', null)).toBeUndefined();
    spans.end();
    const [publish] = exporter.getFinishedSpans();
    expect(publish!.name).toBe('publish kz.messaging.messages');
    expect(publish!.kind).toBe(SpanKind.PRODUCER);
    expect(publish!.parentSpanContext?.spanId).toBe(spanIdOf(PARENT));
    expect(traceIdOf(traceParentIn(headers))).toBe(traceIdOf(PARENT));
    expect(spanIdOf(traceParentIn({ traceparent: Buffer.from(headers['traceparent']!) }))).toBe(publish!.spanContext().spanId);
  });

  it('handles a consumed event in a consumer span, inside which new work carries that span on', async () => {
    const inside = await inSpanOf(PARENT, 'process messaging.message.sent', { 'messaging.system': 'kafka' }, async () => ({
      traceParent: currentTraceParent(),
      job: jobTrace(),
    }));
    const [consumed] = exporter.getFinishedSpans();
    expect(consumed!.kind).toBe(SpanKind.CONSUMER);
    expect(consumed!.parentSpanContext?.spanId).toBe(spanIdOf(PARENT));
    expect(spanIdOf(inside.traceParent)).toBe(consumed!.spanContext().spanId);
    expect(inside.job).toEqual({ traceParent: inside.traceParent });
  });

  it('sends what an event caused (a webhook) in a producer span under the span that took the event in', async () => {
    await inSpanOf(PARENT, 'deliver webhook message.sent', { 'webhook.attempt': 1 }, async () => undefined, 'producer');
    const [sent] = exporter.getFinishedSpans();
    expect(sent!.kind).toBe(SpanKind.PRODUCER);
    expect(sent!.parentSpanContext?.spanId).toBe(spanIdOf(PARENT));
    expect(sent!.attributes['webhook.attempt']).toBe(1);
  });

  it('marks a webhook attempt the partner refused as an error, and one it took as none', async () => {
    const failureOf = (status: number) => (status >= 300 ? `The endpoint answered ${status}.` : null);
    await inSpanOf(PARENT, 'deliver webhook message.sent', {}, async () => 500, 'producer', failureOf);
    await inSpanOf(PARENT, 'deliver webhook message.sent', {}, async () => 204, 'producer', failureOf);
    const [refused, taken] = exporter.getFinishedSpans();
    expect(refused!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'The endpoint answered 500.' });
    expect(taken!.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('gives each event handled in a batch a consumer span of its own, whose traceparent later work carries', () => {
    const first = BatchedConsumerSpan.start(PARENT, 'process messaging.message.sent', { 'messaging.system': 'kafka' })!;
    const second = BatchedConsumerSpan.start(PARENT, 'process messaging.message.sent', {})!;
    expect(BatchedConsumerSpan.start(null, 'process x', {})).toBeUndefined();
    const carried = [first.traceParent, second.traceParent];
    first.end();
    second.end(new Error('batch rolled back'));
    const [one, two] = exporter.getFinishedSpans();
    expect([one!.kind, two!.kind]).toEqual([SpanKind.CONSUMER, SpanKind.CONSUMER]);
    expect(one!.parentSpanContext?.spanId).toBe(spanIdOf(PARENT));
    expect(carried.map(spanIdOf)).toEqual([one!.spanContext().spanId, two!.spanContext().spanId]);
    expect(carried.map(traceIdOf)).toEqual([traceIdOf(PARENT), traceIdOf(PARENT)]);
    expect(two!.status.message).toBe('batch rolled back');
  });

  it('reads a traceparent shared by several rows of one send once, and each row still gets a span of its own', () => {
    const spans = new PublishSpans();
    const first = traceParentIn(spans.headersFor('kz.groups.memberships', PARENT));
    const second = traceParentIn(spans.headersFor('kz.groups.memberships', PARENT));
    spans.end();
    const published = exporter.getFinishedSpans();
    expect(published).toHaveLength(2);
    expect(published.every((span) => span.parentSpanContext?.spanId === spanIdOf(PARENT))).toBe(true);
    expect(spanIdOf(first)).not.toBe(spanIdOf(second));
  });

  it('starts no trace for work without a parent, and marks a failed handling as an error', async () => {
    await inSpanOf(null, 'process x', {}, async () => undefined);
    expect(exporter.getFinishedSpans()).toHaveLength(0);
    await expect(inSpanOf(PARENT, 'job member-csv-import', {}, async () => Promise.reject(new Error('chunk lost')))).rejects.toThrow('chunk lost');
    const [failed] = exporter.getFinishedSpans();
    expect(failed!.status.message).toBe('chunk lost');
  });

  it("delivers under the span that was active where the event was queued, and resolves within the delivery's span", async () => {
    const queuedUnder = await inSpanOf(PARENT, 'process messaging.message.sent', {}, async () => DeliverySpan.captureParent());
    const delivery = DeliverySpan.start('deliver messageEvents', queuedUnder)!;
    const resolvedUnder = delivery.within(() => currentTraceParent());
    delivery.end();
    const [consumed, delivered] = exporter.getFinishedSpans();
    expect(delivered!.name).toBe('deliver messageEvents');
    expect(delivered!.parentSpanContext?.spanId).toBe(consumed!.spanContext().spanId);
    expect(spanIdOf(resolvedUnder)).toBe(delivered!.spanContext().spanId);
  });
});
