import type { AnyEnvelope } from '@kz/events';
import type { SubscriptionEventBus } from './event-bus';

/** An import's or export's status as its progress subscription tells it. */
export interface JobProgressItem {
  jobId: string;
  status: string;
}

/**
 * The progress of one import or export, starting with its state when
 * subscribed (so no change between the check and the first event is missed)
 * and ending after its final status. Only those who may see the job get
 * here: the subscription checks first.
 */
export async function* jobProgressStream(opts: {
  bus: SubscriptionEventBus;
  current: JobProgressItem;
  /** The job's status in one of its progress events; null for any other event. */
  statusIn: (event: AnyEnvelope) => string | null;
  isFinal: (status: string) => boolean;
  maxQueue: number;
  onTooSlow: (waiting: number) => void;
}): AsyncGenerator<JobProgressItem> {
  const jobId = opts.current.jobId;
  const queue: JobProgressItem[] = [opts.current];
  let wake: (() => void) | undefined;
  let dropped = false;
  const unlisten = opts.bus.listen({ jobId }, (event: AnyEnvelope) => {
    const status = opts.statusIn(event);
    if (status === null || dropped) return;
    queue.push({ jobId, status });
    if (queue.length > opts.maxQueue) {
      dropped = true;
      opts.onTooSlow(queue.length);
    }
    wake?.();
  });
  try {
    for (;;) {
      const next = queue.shift();
      if (!next) {
        if (dropped) return;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      yield next;
      if (opts.isFinal(next.status)) return;
    }
  } finally {
    unlisten();
  }
}
