import { isFinalImportStatus, type AnyEnvelope } from '@kz/events';
import type { SubscriptionEventBus } from './event-bus';

export interface ImportProgressItem {
  importId: string;
  status: string;
}

/**
 * The progress of one import, starting with its state when subscribed (so no
 * change between the check and the first event is missed) and ending after
 * its final status. Only the uploader gets here: the subscription checks first.
 */
export async function* importProgressStream(opts: {
  bus: SubscriptionEventBus;
  importId: string;
  current: ImportProgressItem;
  maxQueue: number;
  onTooSlow: (waiting: number) => void;
}): AsyncGenerator<ImportProgressItem> {
  const queue: ImportProgressItem[] = [opts.current];
  let wake: (() => void) | undefined;
  let dropped = false;
  const unlisten = opts.bus.listen({ importId: opts.importId }, (event: AnyEnvelope) => {
    if (event.type !== 'import.job.progress' || dropped) return;
    queue.push({ importId: event.payload.importId, status: event.payload.status });
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
      if (isFinalImportStatus(next.status)) return;
    }
  } finally {
    unlisten();
  }
}
