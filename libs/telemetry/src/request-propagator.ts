import type { Context, TextMapGetter, TextMapPropagator, TextMapSetter } from '@opentelemetry/api';

/**
 * A propagator that sends the trace context on but takes none from incoming
 * requests: behind it, a client can neither choose the trace its request joins
 * nor force it to be recorded (the sampled flag it would send). For a gateway
 * facing the internet (TRACING_ACCEPT_REQUEST_CONTEXT=false); the subgraphs
 * behind it keep taking the gateway's.
 */
export class InjectOnlyPropagator implements TextMapPropagator {
  constructor(private readonly inner: TextMapPropagator) {}

  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    this.inner.inject(context, carrier, setter);
  }

  extract(context: Context, _carrier: unknown, _getter: TextMapGetter): Context {
    return context;
  }

  fields(): string[] {
    return this.inner.fields();
  }
}
