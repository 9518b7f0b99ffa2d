import { createDataSource, ensureDatabase } from '@kz/db';
import { createKafka, ensureTopics, InboxConsumer, KafkaProbe, Outbox, OutboxRelay, type InboxConsumerOptions, type OutboxRelayOptions } from '@kz/events';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';

export interface ServiceRuntimeOptions {
  name: string;
  databaseUrl: string;
  kafkaBrokers: string[];
  kafkaNamespace: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  logger: Logger;
  poolSize?: number;
  relay?: OutboxRelayOptions;
}

/**
 * What every service runs besides its GraphQL server: its own database
 * (created and migrated at start), the outbox and its relay, and its inbox
 * consumers. Kafka being down at start delays events, it does not stop the
 * service: the relay and consumers keep retrying in the background.
 */
export class ServiceRuntime {
  readonly outbox: Outbox;
  readonly relay: OutboxRelay;
  private producer: Producer;
  private readonly probe: KafkaProbe;
  private readonly consumers: InboxConsumer[] = [];
  private background: Promise<void> | undefined;
  private stopped = false;

  private constructor(
    readonly name: string,
    readonly dataSource: DataSource,
    readonly kafka: Kafka,
    readonly namespace: string,
    private readonly logger: Logger,
    relayOptions: OutboxRelayOptions | undefined,
  ) {
    this.producer = this.newProducer();
    this.outbox = new Outbox(dataSource);
    this.relay = new OutboxRelay(dataSource, this.producer, namespace, logger.child({ component: 'outbox-relay' }), relayOptions, () => this.renewProducer());
    this.outbox.onWritten(() => this.relay.nudge());
    this.probe = new KafkaProbe(kafka);
  }

  static async open(opts: ServiceRuntimeOptions): Promise<ServiceRuntime> {
    await ensureDatabase(opts.databaseUrl);
    const dataSource = createDataSource({
      url: opts.databaseUrl,
      entities: opts.entities,
      migrations: opts.migrations,
      poolSize: opts.poolSize,
      applicationName: `kz-${opts.name}`,
    });
    await dataSource.initialize();
    // Concurrent starts of the same service would race the migrations.
    await dataSource.query(`SELECT pg_advisory_lock(hashtext('kz.migrations'))`);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.query(`SELECT pg_advisory_unlock(hashtext('kz.migrations'))`);
    }
    const kafka = createKafka({ brokers: opts.kafkaBrokers, clientId: `kz-${opts.name}`, logger: opts.logger });
    return new ServiceRuntime(opts.name, dataSource, kafka, opts.kafkaNamespace, opts.logger, opts.relay);
  }

  consume(opts: Omit<InboxConsumerOptions, 'kafka' | 'dataSource' | 'logger' | 'onCommitted' | 'namespace'>): void {
    this.consumers.push(
      new InboxConsumer({
        ...opts,
        kafka: this.kafka,
        namespace: this.namespace,
        dataSource: this.dataSource,
        logger: this.logger.child({ consumer: opts.groupId }),
        onCommitted: () => this.relay.nudge(),
      }),
    );
  }

  /** Starts the relay and consumers; returns at once, they connect when Kafka is there. */
  startBackground(): void {
    this.background = this.connectKafka();
  }

  /** Resolves when Kafka connections are up (tests wait on this). */
  async kafkaConnected(): Promise<void> {
    await this.background;
  }

  async readiness(): Promise<Record<string, boolean>> {
    const [database, kafka] = await Promise.all([
      this.dataSource
        .query('SELECT 1')
        .then(() => true)
        .catch(() => false),
      this.probe.reachable(),
    ]);
    return { database, kafka };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    // A connection still being made would otherwise open after the stop and keep the process alive;
    // while Kafka is away that attempt may never end, so it gets a few seconds.
    await Promise.race([this.background, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    await Promise.allSettled(this.consumers.map((c) => c.stop()));
    await this.relay.stop();
    await this.producer.disconnect().catch(() => undefined);
    await this.probe.close();
    await this.dataSource.destroy();
  }

  private newProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  /** A new producer (a new producer id, sequence numbers from zero) in place of one the broker no longer accepts. */
  private async renewProducer(): Promise<Producer> {
    await this.producer.disconnect().catch(() => undefined);
    this.producer = this.newProducer();
    await this.producer.connect();
    return this.producer;
  }

  private async connectKafka(): Promise<void> {
    let delay = 250;
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await ensureTopics(this.kafka, this.namespace);
        await this.producer.connect();
        for (const consumer of this.consumers) await consumer.start();
        this.relay.start();
        this.logger.info('connected to Kafka');
        return;
      } catch (err) {
        if (attempt === 1) this.logger.warn({ err }, 'Kafka unavailable at start; retrying in the background');
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 5_000);
      }
    }
  }
}
