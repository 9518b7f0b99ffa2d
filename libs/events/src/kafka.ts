import { Kafka, logLevel, type ITopicConfig, type LogEntry } from 'kafkajs';
import type { Logger } from 'pino';
import { kafkaTopic, Topics } from './catalogue';
import { stopIdleRequestQueueTimers } from './kafkajs-idle-timer';

export interface KafkaOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
}

export function createKafka({ brokers, clientId, logger }: KafkaOptions): Kafka {
  stopIdleRequestQueueTimers();
  const log = logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    // Retries stay short: the outbox relay and the consumers have their own
    // back-off loops, and a down broker must not block them for minutes.
    retry: { initialRetryTime: 100, retries: 3, maxRetryTime: 2_000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...rest } = entry;
        // kafkajs reports every failed connection attempt as an error and retries by itself;
        // what matters (an event that cannot be published or consumed) is logged by the relay and consumers.
        if (level === logLevel.ERROR || level === logLevel.WARN) log.warn(rest, message);
        else log.debug(rest, message);
      },
  });
}

/** Creates every topic of the catalogue with its explicit partition count; existing ones are left alone. */
export async function ensureTopics(kafka: Kafka, namespace: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing: ITopicConfig[] = Object.values(Topics)
      .map((t) => ({ topic: kafkaTopic(namespace, t.name), numPartitions: t.partitions, replicationFactor: 1 }))
      .filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      try {
        await admin.createTopics({ topics: missing, waitForLeaders: true });
      } catch (err) {
        // Another service may have created them in the meantime.
        if ((err as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw err;
      }
    }
  } finally {
    await admin.disconnect();
  }
}

/** A long-lived admin client for readiness checks; reconnects after the broker returns. */
export class KafkaProbe {
  private readonly admin;
  private connected = false;

  constructor(kafka: Kafka) {
    this.admin = kafka.admin({ retry: { retries: 0 } });
  }

  async reachable(): Promise<boolean> {
    try {
      if (!this.connected) {
        await this.admin.connect();
        this.connected = true;
      }
      await this.admin.describeCluster();
      return true;
    } catch {
      await this.close();
      return false;
    }
  }

  async close(): Promise<void> {
    this.connected = false;
    await this.admin.disconnect().catch(() => undefined);
  }
}
