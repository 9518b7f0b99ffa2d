import { ConfigError, loadConfig } from './config';
import { int, str } from './fields';
import { serviceFields } from './service';

describe('loadConfig', () => {
  const spec = { port: int('PORT', 'HTTP port', { fallback: 4000, min: 1, max: 65535 }), pepper: str('PEPPER', 'code pepper', { devFallback: 'dev' }) };

  it('uses defaults locally and parses what is set', () => {
    expect(loadConfig(spec, {})).toEqual({ port: 4000, pepper: 'dev' });
    expect(loadConfig(spec, { PORT: '8080', PEPPER: 's' })).toEqual({ port: 8080, pepper: 's' });
  });

  it('names every missing or malformed variable at once', () => {
    let error: unknown;
    try {
      loadConfig(spec, { NODE_ENV: 'production', PORT: 'eighty' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(['PORT="eighty" is invalid: expected a whole number (HTTP port)', 'PEPPER is required (code pepper)']);
  });

  it('refuses a Kafka namespace that would make odd topic names', () => {
    expect(() => loadConfig(serviceFields('X', 1, 'x'), { KAFKA_NAMESPACE: 'Bad Name' })).toThrow(/KAFKA_NAMESPACE/);
  });
});
