export {
  Topics,
  EventCatalogue,
  topicOf,
  kafkaTopic,
  IMPORT_STATUSES,
  FINAL_IMPORT_STATUSES,
  isFinalImportStatus,
  EXPORT_STATUSES,
  FINAL_EXPORT_STATUSES,
  type ExportStatus,
  type EventType,
  type PayloadOf,
  type TopicKey,
  type ImportStatus,
} from './catalogue';
export { createEvent, validateEnvelope, parseEnvelope, InvalidEventError, type EventEnvelope, type AnyEnvelope } from './envelope';
export { Outbox, insertOutboxRows, outboxRowParams, type EmitEvents } from './outbox';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
export {
  InboxConsumer,
  type BatchedEvent,
  type BatchEventHandler,
  type EventHandler,
  type EventHandlers,
  type InboxBatchOptions,
  type InboxConsumerOptions,
} from './inbox-consumer';
export { createKafka, ensureTopics, KafkaProbe, type KafkaOptions } from './kafka';
export { eventTablesUp, eventTablesDown } from './event-tables.sql';
export { InboxEventAttempts1765008000000 } from './inbox-attempts.migration';
export { OutboxTraceParent1766390400000 } from './outbox-trace.migration';
export { RestartingConsumer } from './restarting-consumer';
export { runCommittingPeriodically, COMMIT_INTERVAL_MS, type ConsumedMessage } from './periodic-commits';
export { producerNeedsReplacing } from './kafka-faults';
export { auditActor, auditEvent, changedFields, requestOrigin, SYSTEM_ACTOR, type AuditActor, type AuditedAction, type AuditPayload } from './audit';
