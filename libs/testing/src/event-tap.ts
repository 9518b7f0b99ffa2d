import { Kafka, logLevel, Partitioners, type Consumer, type Producer } from 'kafkajs';
import { kafkaTopic, parseEnvelope, topicOf, Topics, validateEnvelope, type AnyEnvelope, type EventEnvelope, type TopicKey } from '@kz/events';
import { KAFKA_BROKERS } from './namespace';

/**
 * Reads what services publish, and publishes events as another service would,
 * on a test namespace's topics.
 */
export class EventTap {
  readonly received: { event: AnyEnvelope; partition: number; offset: string }[] = [];
  private readonly kafka: Kafka;
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;

  constructor(
    private readonly namespace: string,
    brokers: string[] = KAFKA_BROKERS,
  ) {
    this.kafka = new Kafka({ brokers, clientId: 'kz-test-tap', logLevel: logLevel.NOTHING });
  }

  async listen(topics: TopicKey[]): Promise<void> {
    this.consumer = this.kafka.consumer({ groupId: `${this.namespace}.test-tap.${Date.now()}`, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: topics.map((t) => kafkaTopic(this.namespace, Topics[t].name)), fromBeginning: true });
    // After a broker outage the tap may read records again whose commit was lost: each record is reported once, so a
    // test sees what the topics hold.
    const seen = new Set<string>();
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const record = `${topic}/${partition}/${message.offset}`;
        if (seen.has(record)) return;
        seen.add(record);
        this.received.push({ event: parseEnvelope(message.value), partition, offset: message.offset });
      },
    });
  }

  ofType<T extends AnyEnvelope['type']>(type: T): EventEnvelope<T>[] {
    return this.received.filter((r) => r.event.type === type).map((r) => r.event as EventEnvelope<T>);
  }

  async publish(event: EventEnvelope): Promise<void> {
    validateEnvelope(event);
    if (!this.producer) {
      this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await this.producer.connect();
    }
    await this.producer.send({ topic: kafkaTopic(this.namespace, topicOf(event.type)), messages: [{ key: event.key, value: JSON.stringify(event) }] });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }
}
