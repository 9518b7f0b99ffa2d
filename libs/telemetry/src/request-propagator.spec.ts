import { ROOT_CONTEXT, trace, defaultTextMapGetter, defaultTextMapSetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InjectOnlyPropagator } from './request-propagator';

describe('InjectOnlyPropagator', () => {
  const w3c = new W3CTraceContextPropagator();
  const onlyOut = new InjectOnlyPropagator(w3c);
  const incoming = { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' };

  it('takes no trace context from a request, so a client can neither pick the trace nor force it to be recorded', () => {
    expect(trace.getSpanContext(w3c.extract(ROOT_CONTEXT, incoming, defaultTextMapGetter))?.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(trace.getSpanContext(onlyOut.extract(ROOT_CONTEXT, incoming, defaultTextMapGetter))).toBeUndefined();
  });

  it('still sends the context of its own spans on', () => {
    const own = trace.setSpanContext(ROOT_CONTEXT, { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: 1 });
    const headers: Record<string, string> = {};
    onlyOut.inject(own, headers, defaultTextMapSetter);
    expect(headers['traceparent']).toBe('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    expect(onlyOut.fields()).toEqual(w3c.fields());
  });
});
