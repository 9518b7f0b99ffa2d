import { context, propagation, ProxyTracerProvider, trace, type Tracer, type TracerProvider as ApiTracerProvider } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler, TracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace';
import { tracingSettings, type TracingSettings } from './settings';
import { InjectOnlyPropagator } from './request-propagator';
import { markTracingOn } from './spans';
import { traceUndiciRequests } from './undici-spans';

/** Paths probed by orchestrators and scrapers every few seconds: no trace is worth one each time. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

let provider: TracerProvider | undefined;

/**
 * Apollo Gateway's own spans (request, validate, plan, execute, fetch, post-processing: six or more per operation)
 * tell again what the gateway's request span and its subgraph calls tell. Its tracer here records nothing and
 * passes the active span through, so the subgraph calls hang from the request span and the tree stays whole at a
 * fraction of the spans (tracing's cost is mostly per span: npm run bench -- tracing).
 */
const UNRECORDED_TRACERS = new Set(['apollo/gateway-js']);
const passThrough = new ProxyTracerProvider().getTracer('unrecorded');

class RecordingTracers implements ApiTracerProvider {
  constructor(private readonly recording: TracerProvider) {}

  getTracer(name: string, version?: string, options?: { schemaUrl?: string }): Tracer {
    return UNRECORDED_TRACERS.has(name) ? passThrough : this.recording.getTracer(name, version, options);
  }
}

/**
 * Turns tracing on for this process when its environment asks for it
 * (settings.ts); otherwise nothing is registered and every span call below is
 * OpenTelemetry's no-op. Called first in a process's main: instrumentation
 * hooks modules as they load, and HTTP and pg must load after it.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): boolean {
  let settings: TracingSettings;
  try {
    settings = tracingSettings(env);
  } catch (err) {
    // Before the service has a logger: stop as runProcess stops on a configuration error.
    process.stderr.write(`${serviceName}: ${(err as Error).message}\n`);
    process.exit(1);
  }
  if (settings.exporter === 'none' || provider) return false;
  const exporter: SpanExporter =
    settings.exporter === 'zipkin' ? new ZipkinExporter({ url: settings.endpoint, serviceName }) : new OTLPTraceExporter({ url: settings.endpoint });
  provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.sampleRatio) }),
    spanProcessors: [new BatchSpanProcessor({ exporter, scheduledDelayMillis: 1_000, maxQueueSize: 8_192 })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const w3c = new W3CTraceContextPropagator();
  propagation.setGlobalPropagator(settings.acceptRequestContext ? w3c : new InjectOnlyPropagator(w3c));
  trace.setGlobalTracerProvider(new RecordingTracers(provider));
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0]!),
        // Outgoing calls outside any trace (Kafka's, the exporter's own) are noise.
        requireParentforOutgoingSpans: true,
      }),
      // Statements outside a traced action (the relay's polls, clean-ups) make no trace; parameters never leave the process.
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false, ignoreConnectSpans: true }),
    ],
  });
  traceUndiciRequests();
  markTracingOn();
  return true;
}

/** Sends the spans still buffered; at the end of a process's shutdown. */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  provider = undefined;
  await stopping?.shutdown();
}
