import { startTracing } from '@kz/telemetry';

// Imported first by main: instrumentation hooks HTTP and pg as they load, so they must load after this.
startTracing('kz-gateway');
