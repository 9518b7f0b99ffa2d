import type { Consumer, KafkaMessage } from 'kafkajs';

/** How often a consumer commits the offsets of the events it has handled. */
export const COMMIT_INTERVAL_MS = 1_000;

export interface ConsumedMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/**
 * Runs a consumer that commits the offsets it has handled at most once per
 * COMMIT_INTERVAL_MS, where kafkajs commits after every batch: with events
 * arriving one by one, that is a second request to the broker for every fetch,
 * and a write to the broker's offsets log. After a crash or a rebalance up to
 * that interval of events is delivered again, which every consumer here
 * already drops by event id (the inbox table, the gateway's recent ids).
 */
export function runCommittingPeriodically(
  consumer: Consumer,
  opts: {
    partitionsConsumedConcurrently: number;
    /** Handles one message; the next waits for it. */
    eachMessage?: (consumed: ConsumedMessage) => Promise<void>;
    /** Handles a partition's fetched messages a run at a time, each in their order (instead of `eachMessage`). */
    eachRun?: (run: readonly ConsumedMessage[]) => Promise<void>;
    /** The most messages in one run. */
    runSize?: number;
  },
): Promise<void> {
  return consumer.run({
    autoCommit: false,
    autoCommitInterval: COMMIT_INTERVAL_MS,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: opts.partitionsConsumedConcurrently,
    eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
      const runSize = opts.eachRun ? (opts.runSize ?? 100) : 1;
      for (let i = 0; i < batch.messages.length; i += runSize) {
        if (!isRunning() || isStale()) break;
        const run = batch.messages.slice(i, i + runSize);
        if (opts.eachRun) await opts.eachRun(run.map((message) => ({ topic: batch.topic, partition: batch.partition, message })));
        else await opts.eachMessage!({ topic: batch.topic, partition: batch.partition, message: run[0]! });
        resolveOffset(run.at(-1)!.offset);
        await heartbeat();
      }
      await commitOffsetsIfNecessary();
    },
  });
}
