import { createDataSource, ensureDatabase } from '@kz/db';
import { createKafka, ensureTopics, InboxConsumer, KafkaProbe, Outbox, OutboxRelay, type InboxConsumerOptions, type OutboxRelayOptions } from '@kz/events';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import type { ServiceMetrics } from './service-metrics';

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

  /** The outbox's backlog, the database pool and the consumers' lag, read each time /metrics is. */
  describeIn(metrics: ServiceMetrics): void {
    metrics.gauge('kz_outbox_backlog_events', 'Events written to the outbox and not yet published to Kafka.', [], async (gauge) => {
      gauge.set(await this.outboxBacklog().then((b) => b.events));
    });
    metrics.gauge('kz_outbox_oldest_unpublished_age_seconds', 'Age of the oldest event not yet published (0 when none waits).', [], async (gauge) => {
      gauge.set(await this.outboxBacklog().then((b) => b.oldestAgeSeconds));
    });
    metrics.gauge('kz_db_pool_connections', 'Database connections of the pool, by state (open, idle, and requests waiting for one).', ['state'], (gauge) => {
      const pool = (this.dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
      if (!pool) return;
      gauge.set({ state: 'open' }, pool.totalCount);
      gauge.set({ state: 'idle' }, pool.idleCount);
      gauge.set({ state: 'waiting' }, pool.waitingCount);
    });
    metrics.gauge(
      'kz_kafka_consumer_lag_messages',
      "Messages a consumer group is behind, per topic, as of each partition's last batch.",
      ['group', 'topic'],
      (gauge) => {
        for (const consumer of this.consumers)
          for (const [topic, lag] of consumer.lagByTopic()) gauge.set({ group: consumer.groupId, topic: topic.slice(this.namespace.length + 1) }, lag);
      },
    );
  }

  /** One read for both outbox gauges when /metrics asks for them together. */
  private backlogRead: { at: number; value: Promise<{ events: number; oldestAgeSeconds: number }> } | null = null;
  private outboxBacklog(): Promise<{ events: number; oldestAgeSeconds: number }> {
    if (this.backlogRead && performance.now() - this.backlogRead.at < 1_000) return this.backlogRead.value;
    const value = this.dataSource
      .query(
        `SELECT count(*)::int AS events, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS age FROM outbox_events WHERE published_at IS NULL`,
      )
      .then((rows: { events: number; age: number }[]) => ({ events: rows[0]?.events ?? 0, oldestAgeSeconds: rows[0]?.age ?? 0 }));
    this.backlogRead = { at: performance.now(), value };
    return value;
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
