import { producerNeedsReplacing } from './kafka-faults';

const protocolError = (type: string, message: string) => Object.assign(new Error(message), { name: 'KafkaJSProtocolError', type });

describe('producerNeedsReplacing', () => {
  it('recognises a producer whose sequence numbers or epoch the broker no longer accepts, however deeply kafkajs wraps it', () => {
    expect(producerNeedsReplacing(protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', 'The broker received an out of order sequence number'))).toBe(true);
    const retried = Object.assign(new Error('retries exhausted'), {
      name: 'KafkaJSNumberOfRetriesExceeded',
      cause: Object.assign(new Error('aggregate'), { errors: [protocolError('UNKNOWN_PRODUCER_ID', 'unknown producer')] }),
    });
    expect(producerNeedsReplacing(retried)).toBe(true);
  });

  it('leaves the producer alone when the broker is merely away', () => {
    expect(producerNeedsReplacing(Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'), { name: 'KafkaJSConnectionError' }))).toBe(
      false,
    );
    expect(producerNeedsReplacing(protocolError('LEADER_NOT_AVAILABLE', 'There is no leader for this topic-partition'))).toBe(false);
    expect(producerNeedsReplacing('not an error')).toBe(false);
  });
});
