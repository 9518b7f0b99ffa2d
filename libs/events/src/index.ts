export { Topics, EventCatalogue, topicOf, kafkaTopic, type EventType, type PayloadOf, type TopicKey } from './catalogue';
export { createEvent, validateEnvelope, parseEnvelope, InvalidEventError, type EventEnvelope, type AnyEnvelope } from './envelope';
export { Outbox, insertOutboxRows, outboxRowParams, type EmitEvents } from './outbox';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
export { InboxConsumer, type EventHandler, type EventHandlers, type InboxConsumerOptions } from './inbox-consumer';
export { createKafka, ensureTopics, KafkaProbe, type KafkaOptions } from './kafka';
export { eventTablesUp, eventTablesDown } from './event-tables.sql';
export { RestartingConsumer } from './restarting-consumer';
export { producerNeedsReplacing } from './kafka-faults';
