import { tracingSettings } from './settings';

describe('tracingSettings', () => {
  it('is off unless TRACING_EXPORTER names an exporter', () => {
    expect(tracingSettings({}).exporter).toBe('none');
    expect(tracingSettings({ TRACING_EXPORTER: 'none', TRACING_ENDPOINT: 'http://collector:4318/v1/traces' }).exporter).toBe('none');
  });

  it("takes the exporter's local endpoint when none is given, and records every trace by default", () => {
    expect(tracingSettings({ TRACING_EXPORTER: 'zipkin' })).toEqual({
      exporter: 'zipkin',
      endpoint: 'http://127.0.0.1:9411/api/v2/spans',
      sampleRatio: 1,
      acceptRequestContext: true,
    });
    expect(tracingSettings({ TRACING_EXPORTER: 'otlp', TRACING_ENDPOINT: 'https://otel.example:4318/v1/traces', TRACING_SAMPLE_RATIO: '0.25' })).toEqual({
      exporter: 'otlp',
      endpoint: 'https://otel.example:4318/v1/traces',
      sampleRatio: 0.25,
      acceptRequestContext: true,
    });
    expect(tracingSettings({ TRACING_EXPORTER: 'zipkin', TRACING_ACCEPT_REQUEST_CONTEXT: 'false' }).acceptRequestContext).toBe(false);
  });

  it('refuses what it cannot use, naming the variable and what it expects', () => {
    expect(() => tracingSettings({ TRACING_EXPORTER: 'jaeger' })).toThrow(/TRACING_EXPORTER="jaeger" is invalid: expected one of none, zipkin, otlp/);
    expect(() => tracingSettings({ TRACING_EXPORTER: 'zipkin', TRACING_SAMPLE_RATIO: '1.5' })).toThrow(
      /TRACING_SAMPLE_RATIO="1.5" is invalid: expected a number from 0 to 1/,
    );
    expect(() => tracingSettings({ TRACING_ACCEPT_REQUEST_CONTEXT: 'sometimes' })).toThrow(
      /TRACING_ACCEPT_REQUEST_CONTEXT="sometimes" is invalid: expected true or false/,
    );
    expect(() => tracingSettings({ TRACING_EXPORTER: 'zipkin', TRACING_ENDPOINT: 'collector 4318' })).toThrow(
      /TRACING_ENDPOINT="collector 4318" is invalid: expected an absolute URL/,
    );
  });
});
