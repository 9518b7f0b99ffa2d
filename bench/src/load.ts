import autocannon from 'autocannon';
import { cpuMillis, machineTicks, memoryMiB, ticksPerSecond } from '@kz/stack';

export interface LoadOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
  /** True for a response body that is right. */
  verifyBody: (body: string) => boolean;
  /** Processes whose CPU time is measured over the run. */
  cpuOf: Record<string, number>;
}

export interface LoadResult {
  completed: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; mean: number; max: number };
  /** CPU milliseconds each measured process spent per completed request. */
  cpuMsPerOp: Record<string, number>;
  /** CPU milliseconds the load generator (this process: autocannon and the body checks) spent per completed request. */
  loadGeneratorCpuMsPerOp: number;
  /**
   * CPU milliseconds per completed request spent by every other process on the machine: PostgreSQL,
   * Kafka, the idle services, and anything else running at the same time (which it should not).
   */
  otherCpuMsPerOp: number;
  /** Share of the machine's CPU time that was busy during the run, 0..100. */
  machineBusyPercent: number;
  rssMiB: Record<string, number>;
  failures: { non2xx: number; errors: number; timeouts: number; mismatches: number; statusCodes: Record<string, number> };
}

let current: { stop(): void } | undefined;

/** Stops the load in flight (Ctrl-C). */
export function stopLoad(): void {
  current?.stop();
}

/** One autocannon run with CPU time read from /proc before and after. */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const before = Object.fromEntries(Object.entries(opts.cpuOf).map(([name, pid]) => [name, cpuMillis(pid)]));
  const selfBefore = process.cpuUsage();
  const machineBefore = machineTicks();
  const instance = autocannon({
    url: opts.url,
    method: 'POST',
    headers: opts.headers,
    body: opts.body,
    connections: opts.connections,
    duration: opts.durationSeconds,
    timeout: 10,
    verifyBody: opts.verifyBody,
  });
  current = instance;
  let result: autocannon.Result;
  try {
    result = await instance;
  } finally {
    current = undefined;
  }
  const completed = result.requests.total;
  const self = process.cpuUsage(selfBefore);
  const machineAfter = machineTicks();
  const cpuMsPerOp: Record<string, number> = {};
  const rssMiB: Record<string, number> = {};
  for (const [name, pid] of Object.entries(opts.cpuOf)) {
    cpuMsPerOp[name] = completed > 0 ? (cpuMillis(pid) - before[name]!) / completed : NaN;
    rssMiB[name] = memoryMiB(pid).rss;
  }
  const loadGeneratorCpuMsPerOp = completed > 0 ? (self.user + self.system) / 1000 / completed : NaN;
  const machineBusyMs = ((machineAfter.busy - machineBefore.busy) * 1000) / ticksPerSecond();
  const measuredMs = Object.values(cpuMsPerOp).reduce((a, b) => a + b, 0) + loadGeneratorCpuMsPerOp;
  return {
    completed,
    durationSeconds: result.duration,
    requestsPerSecond: completed / result.duration,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.mean, max: result.latency.max },
    cpuMsPerOp,
    loadGeneratorCpuMsPerOp,
    otherCpuMsPerOp: completed > 0 ? machineBusyMs / completed - measuredMs : NaN,
    machineBusyPercent: (100 * (machineAfter.busy - machineBefore.busy)) / Math.max(1, machineAfter.total - machineBefore.total),
    rssMiB,
    failures: {
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      mismatches: result.mismatches,
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
    },
  };
}

export function failureCount(r: LoadResult): number {
  return r.failures.non2xx + r.failures.errors + r.failures.timeouts + r.failures.mismatches;
}

/**
 * How busy the whole machine is over a short interval with no load applied,
 * 0..100: a stack at rest costs a few percent; much more means something else
 * is running and will disturb the figures.
 */
export async function busyPercentAtRest(ms = 3_000): Promise<number> {
  const before = machineTicks();
  await new Promise((r) => setTimeout(r, ms));
  const after = machineTicks();
  return (100 * (after.busy - before.busy)) / Math.max(1, after.total - before.total);
}
