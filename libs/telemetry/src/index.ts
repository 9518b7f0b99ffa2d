export { startTracing, stopTracing } from './tracing';
export { tracingSettings, type TracingSettings } from './settings';
export {
  BatchedConsumerSpan,
  currentTraceParent,
  DeliverySpan,
  inSpanOf,
  jobTrace,
  nameServerSpan,
  PublishSpans,
  traceParentIn,
  tracingOn,
  type Carrier,
  type TracedJob,
} from './spans';
export type { Context as TraceContext } from '@opentelemetry/api';
