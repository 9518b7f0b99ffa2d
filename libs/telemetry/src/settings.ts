import { bool, loadConfig, oneOf, url, type FieldSpec } from '@kz/config';

/** Where a process sends its spans, read from its environment. Off unless TRACING_EXPORTER names an exporter. */
export interface TracingSettings {
  exporter: 'none' | 'zipkin' | 'otlp';
  /** Zipkin's /api/v2/spans, or an OTLP/HTTP collector's /v1/traces; the local default of the exporter when empty. */
  endpoint: string;
  /** Share of new traces recorded (0–1); a trace started upstream keeps its caller's decision. */
  sampleRatio: number;
  /** Whether an HTTP request's traceparent continues its caller's trace (and sampling decision). */
  acceptRequestContext: boolean;
}

const DEFAULT_ENDPOINTS = { zipkin: 'http://127.0.0.1:9411/api/v2/spans', otlp: 'http://127.0.0.1:4318/v1/traces' } as const;

function ratio(env: string, describe: string): FieldSpec<number> {
  return {
    env,
    describe,
    fallback: 1,
    parse: (raw) => {
      const value = Number(raw.trim());
      if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) throw new Error('expected a number from 0 to 1');
      return value;
    },
  };
}

const spec = {
  exporter: oneOf('TRACING_EXPORTER', 'where spans go: none, zipkin or otlp (OTLP over HTTP)', ['none', 'zipkin', 'otlp'] as const, { fallback: 'none' }),
  endpoint: url('TRACING_ENDPOINT', "the Zipkin or OTLP/HTTP traces URL; the exporter's local default when unset", { fallback: '' }),
  sampleRatio: ratio('TRACING_SAMPLE_RATIO', 'share of new traces recorded, 0 to 1'),
  acceptRequestContext: bool(
    'TRACING_ACCEPT_REQUEST_CONTEXT',
    "whether an HTTP request's traceparent continues the caller's trace; false on a gateway facing the internet",
    { fallback: true },
  ),
};

/** Reads the TRACING_* variables; a wrong value is a ConfigError naming the variable. */
export function tracingSettings(env: NodeJS.ProcessEnv): TracingSettings {
  const settings = loadConfig(spec, env);
  if (settings.exporter !== 'none' && !settings.endpoint) settings.endpoint = DEFAULT_ENDPOINTS[settings.exporter];
  return settings;
}
