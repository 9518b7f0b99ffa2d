import { createRequire } from 'node:module';
import { deleteTestTopics, silentLogger, testNamespace } from '@kz/testing';
import { Partitioners, type Admin, type Producer } from 'kafkajs';
import { createKafka } from '../src';

const ns = testNamespace();
const topic = `${ns}.idle-timer`;
const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'kz-idle-timer-test', logger: silentLogger() });
let admin: Admin;
let producer: Producer;

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
});

afterAll(async () => {
  await producer.disconnect();
  await admin.disconnect();
  await deleteTestTopics(ns);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('kafkajs connections made by createKafka', () => {
  it('do not wake the process while idle, and still carry requests afterwards', async () => {
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
    const [partition] = await admin.fetchTopicOffsets(topic);
    expect(partition!.high).toBe('2');
  });
});
