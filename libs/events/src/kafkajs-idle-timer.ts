import { createRequire } from 'node:module';

interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  scheduleCheckPendingRequests(): void;
}

let patched = false;

/**
 * kafkajs 2.2.4 re-arms a timer on every connection after every request,
 * whether or not a request waits: when nothing is throttled its delay is
 * negative, so every idle connection wakes its process each millisecond
 * (kafkajs issues #1556, #1704 and #1751; Node 24 also warns
 * "TimeoutNegativeWarning"). Measured: an idle service woke about 1,500
 * times a second and used 3 % of a core doing nothing. The check it schedules
 * only matters while requests wait or the broker throttles; a new request and
 * every response check the queue anyway. Applied once per process, before any
 * client connects.
 */
export function stopIdleRequestQueueTimers(): void {
  if (patched) return;
  patched = true;
  const requestQueue = createRequire(require.resolve('kafkajs'))('./src/network/requestQueue') as { prototype: RequestQueueInternals };
  const schedule = requestQueue.prototype.scheduleCheckPendingRequests;
  requestQueue.prototype.scheduleCheckPendingRequests = function (this: RequestQueueInternals) {
    if (this.pending.length === 0 && this.throttledUntil <= Date.now()) return;
    schedule.call(this);
  };
}
