import { performance } from 'node:perf_hooks';
import { cpuSnapshot, type Classifier, type CpuSnapshot } from './system-cpu';

export interface OpenLoopPlan {
  /** Sends a second. */
  rate: number;
  /** Sends before the measured ones, not counted. */
  warmupSeconds: number;
  seconds: number;
}

export interface OpenLoopRun {
  total: number;
  /** Sends 0 … warm-1 were the warm-up. */
  warm: number;
  /** What each send answered (a message id); empty for none. */
  ids: string[];
  /** performance.now() just before each send. */
  sentAt: Float64Array;
  /** How long each send took to answer, ms. */
  sendMs: Float64Array;
  /** performance.now() of the first measured send. */
  measuredStart: number;
  /** performance.now() once the last send had started. */
  sendEnd: number;
  /** Sends started more than 5 ms after their time, and the latest of them. */
  lateSends: number;
  maxLagMs: number;
  maxInFlight: number;
  /** CPU by process at the first measured send: take the other end once what was sent has drained. */
  cpuAtMeasuredStart: CpuSnapshot;
}

/**
 * An open-loop load: send k starts at k/rate seconds whether or not earlier ones have answered, as independent
 * clients would, so a slow system meets a growing queue rather than a politely slower load. Resolves once every send
 * has answered; rejects with the first failure.
 */
export async function openLoop(plan: OpenLoopPlan, classify: Classifier, send: (k: number) => Promise<string>): Promise<OpenLoopRun> {
  const total = Math.round((plan.warmupSeconds + plan.seconds) * plan.rate);
  const warm = Math.round(plan.warmupSeconds * plan.rate);
  const ids = new Array<string>(total).fill('');
  const sentAt = new Float64Array(total).fill(NaN);
  const sendMs = new Float64Array(total).fill(NaN);
  const sends: Promise<void>[] = [];
  let failed: Error | undefined;
  let lateSends = 0;
  let maxLagMs = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let cpuAtMeasuredStart = cpuSnapshot(classify);
  let measuredStart = NaN;
  const t0 = performance.now();
  for (let k = 0; k < total && !failed; k++) {
    const due = t0 + (k * 1000) / plan.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (k === warm) {
      cpuAtMeasuredStart = cpuSnapshot(classify);
      measuredStart = performance.now();
    }
    const lag = performance.now() - due;
    if (lag > 5) lateSends++;
    maxLagMs = Math.max(maxLagMs, lag);
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    sentAt[k] = performance.now();
    sends.push(
      send(k).then(
        (id) => {
          ids[k] = id;
          sendMs[k] = performance.now() - sentAt[k]!;
          inFlight--;
        },
        (err: Error) => {
          inFlight--;
          failed ??= err;
        },
      ),
    );
  }
  const sendEnd = performance.now();
  await Promise.all(sends);
  if (failed) throw failed;
  return { total, warm, ids, sentAt, sendMs, measuredStart, sendEnd, lateSends, maxLagMs, maxInFlight, cpuAtMeasuredStart };
}
