import { createRequire } from 'node:module';
import { deleteTestTopics, silentLogger, testNamespace } from '@kz/testing';
import { Partitioners, type Producer } from 'kafkajs';
import { createKafka } from '../src';

const ns = testNamespace();
const topic = `${ns}.idle-timer`;
const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'kz-idle-timer-test', logger: silentLogger() });
let producer: Producer;

beforeAll(async () => {
  producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
});

afterAll(async () => {
  await producer.disconnect();
  await deleteTestTopics(ns);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('kafkajs connections made by createKafka', () => {
  it('do not wake the process while idle, and still carry requests afterwards', async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
    await producer.send({ topic, messages: [{ value: 'before' }] });

    const requestQueue = createRequire(require.resolve('kafkajs'))('./src/network/requestQueue') as { prototype: { checkPendingRequests(): void } };
    const checks = jest.spyOn(requestQueue.prototype, 'checkPendingRequests');
    try {
      await sleep(500);
      // kafkajs alone checks its empty queue about once a millisecond per connection.
      expect(checks.mock.calls.length).toBeLessThan(10);
      await producer.send({ topic, messages: [{ value: 'after' }] });
    } finally {
      checks.mockRestore();
    }
    const offsets = await (async () => {
      const a = kafka.admin();
      await a.connect();
      try {
        return await a.fetchTopicOffsets(topic);
      } finally {
        await a.disconnect();
      }
    })();
    expect(offsets[0]!.high).toBe('2');
  });
});
