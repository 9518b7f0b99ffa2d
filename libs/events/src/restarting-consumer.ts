import type { Consumer, ConsumerConfig, Kafka } from 'kafkajs';
import type { Logger } from 'pino';

/**
 * A Kafka consumer that comes back after kafkajs gives up on it. kafkajs
 * restarts a crashed consumer only after errors it deems retriable; after
 * others (seen: "Failed to find group coordinator" when a broker came back
 * slowly) the consumer stays stopped for the life of the process and its
 * events are never read. Here any crash kafkajs will not restart is followed
 * by a new consumer of the same group, retried with back-off.
 */
export class RestartingConsumer {
  private consumer: Consumer | null = null;
  private stopped = false;
  private restarting: Promise<void> | null = null;

  constructor(
    private readonly kafka: Kafka,
    private readonly config: ConsumerConfig,
    /** Subscribes and runs a consumer; called again for each replacement. */
    private readonly begin: (consumer: Consumer) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.begin(this.create());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.restarting;
    await this.consumer?.disconnect();
  }

  private create(): Consumer {
    const consumer = this.kafka.consumer(this.config);
    consumer.on(consumer.events.CRASH, (event) => {
      if (event.payload.restart || this.stopped || this.consumer !== consumer) return;
      this.logger.error(
        { err: event.payload.error, groupId: this.config.groupId },
        'Kafka consumer crashed and kafkajs will not restart it; starting a new one',
      );
      this.restarting ??= this.restart().finally(() => {
        this.restarting = null;
      });
    });
    this.consumer = consumer;
    return consumer;
  }

  private async restart(): Promise<void> {
    let delay = 500;
    while (!this.stopped) {
      await this.consumer?.disconnect().catch(() => undefined);
      if (this.stopped) return;
      try {
        await this.begin(this.create());
        this.logger.info({ groupId: this.config.groupId }, 'Kafka consumer restarted');
        return;
      } catch (err) {
        this.logger.warn({ err, groupId: this.config.groupId }, 'Kafka consumer could not restart yet; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
        delay = Math.min(delay * 2, 10_000);
      }
    }
  }
}
