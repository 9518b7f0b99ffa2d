import { subscribe } from 'node:diagnostics_channel';
import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';

/** What undici publishes of a request on its diagnostics channels (the fields read here). */
interface UndiciRequest {
  origin: string;
  method: string;
  path: string;
  addHeader(name: string, value: string): unknown;
}

/**
 * CLIENT spans for HTTP calls made with undici: the gateway's subgraph calls
 * (npm undici) and the services' fetch() calls (Node's own undici), which
 * publish on the same diagnostics channels. Each call's span is a child of the
 * caller's active span and its traceparent goes out in the request's headers.
 * Calls outside a trace are left alone. (OpenTelemetry's undici
 * instrumentation needs an API release the benchmarks' reference gateways
 * cannot share.)
 */
export function traceUndiciRequests(): void {
  const tracer = trace.getTracer('@kz/telemetry/undici');
  const spans = new WeakMap<UndiciRequest, Span>();
  // A process calls a handful of origins: each parsed once.
  const hosts = new Map<string, string>();
  const hostOf = (origin: string) => {
    let host = hosts.get(origin);
    if (host === undefined) hosts.set(origin, (host = new URL(origin).host));
    return host;
  };
  subscribe('undici:request:create', (message) => {
    const { request } = message as { request: UndiciRequest };
    const parent = context.active();
    if (!trace.getSpan(parent)) return;
    const url = `${request.origin}${request.path}`;
    const span = tracer.startSpan(
      request.method,
      {
        kind: SpanKind.CLIENT,
        attributes: { 'http.request.method': request.method, 'url.full': url.split('?')[0]!, 'server.address': hostOf(request.origin) },
      },
      parent,
    );
    spans.set(request, span);
    const headers: Record<string, string> = {};
    propagation.inject(trace.setSpan(parent, span), headers);
    for (const [name, value] of Object.entries(headers)) request.addHeader(name, value);
  });
  subscribe('undici:request:headers', (message) => {
    const { request, response } = message as { request: UndiciRequest; response: { statusCode: number } };
    const span = spans.get(request);
    if (!span) return;
    span.setAttribute('http.response.status_code', response.statusCode);
    if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  });
  subscribe('undici:request:trailers', (message) => {
    const { request } = message as { request: UndiciRequest };
    spans.get(request)?.end();
    spans.delete(request);
  });
  subscribe('undici:request:error', (message) => {
    const { request, error } = message as { request: UndiciRequest; error: Error };
    const span = spans.get(request);
    if (!span) return;
    span.recordException(error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    span.end();
    spans.delete(request);
  });
}
