import { createRequire } from 'node:module';
import { deleteTestTopics, eventually, silentLogger, testNamespace } from '@kz/testing';
import { Partitioners, type Admin, type Consumer, type Producer } from 'kafkajs';
import { COMMIT_INTERVAL_MS, createKafka, runCommittingPeriodically } from '../src';

/** How this project's Kafka clients differ from kafkajs's defaults, against the real broker. */
const ns = testNamespace();
const commitsTopic = `${ns}.periodic-commits`;
const idleTopic = `${ns}.idle-timer`;
const groupId = `${ns}.periodic-commits-test`;
const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'kz-kafka-clients-test', logger: silentLogger() });
let admin: Admin;
let producer: Producer;
const consumers: Consumer[] = [];

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [commitsTopic, idleTopic].map((topic) => ({ topic, numPartitions: 1 })), waitForLeaders: true });
  producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
});

afterAll(async () => {
  await Promise.allSettled(consumers.map((c) => c.disconnect()));
  await producer.disconnect();
  await admin.disconnect();
  await deleteTestTopics(ns);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A consumer of the test group that records each value it handles, and counts its batches and its offset commits. */
async function consume(): Promise<{ consumer: Consumer; values: string[]; batches: () => number; commits: () => number }> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  consumers.push(consumer);
  const values: string[] = [];
  let batches = 0;
  let commits = 0;
  consumer.on(consumer.events.END_BATCH_PROCESS, () => batches++);
  consumer.on(consumer.events.COMMIT_OFFSETS, () => commits++);
  await consumer.connect();
  await consumer.subscribe({ topics: [commitsTopic], fromBeginning: true });
  await runCommittingPeriodically(consumer, {
    partitionsConsumedConcurrently: 1,
    eachMessage: async ({ message }) => void values.push(message.value!.toString()),
  });
  return { consumer, values, batches: () => batches, commits: () => commits };
}

describe('runCommittingPeriodically', () => {
  it('handles every event once and in order, commits at most once per interval, and a successor resumes from the commit without a gap', async () => {
    const first = await consume();
    const sent: string[] = [];
    // One event at a time over about two commit intervals: a fetch returns each as it arrives, so nearly every event is a batch.
    const started = Date.now();
    for (let i = 0; Date.now() - started < 2 * COMMIT_INTERVAL_MS; i++) {
      sent.push(`e${i}`);
      await producer.send({ topic: commitsTopic, messages: [{ value: `e${i}` }] });
      await sleep(20);
    }
    await eventually(() => expect(first.values).toEqual(sent));
    expect(first.batches()).toBeGreaterThan(20);
    // kafkajs alone commits after every batch.
    expect(first.commits()).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / COMMIT_INTERVAL_MS) + 1);
    expect(first.commits()).toBeGreaterThanOrEqual(1);

    await first.consumer.disconnect();
    const [committed] = (await admin.fetchOffsets({ groupId, topics: [commitsTopic] }))[0]!.partitions;
    const resumeAt = Number(committed!.offset);
    expect(resumeAt).toBeGreaterThan(0);
    expect(resumeAt).toBeLessThanOrEqual(sent.length);

    // The successor gets again what was handled after the last commit, and then what follows.
    const second = await consume();
    sent.push('after');
    await producer.send({ topic: commitsTopic, messages: [{ value: 'after' }] });
    await eventually(() => expect(second.values).toEqual(sent.slice(resumeAt)));
  });
});

describe('kafkajs connections made by createKafka', () => {
  it('do not wake the process while idle, and still carry requests afterwards', async () => {
    await producer.send({ topic: idleTopic, messages: [{ value: 'before' }] });
    const requestQueue = createRequire(require.resolve('kafkajs'))('./src/network/requestQueue') as { prototype: { checkPendingRequests(): void } };
    const checks = jest.spyOn(requestQueue.prototype, 'checkPendingRequests');
    try {
      await sleep(500);
      // kafkajs alone checks its empty queue about once a millisecond per connection.
      expect(checks.mock.calls.length).toBeLessThan(10);
      await producer.send({ topic: idleTopic, messages: [{ value: 'after' }] });
    } finally {
      checks.mockRestore();
    }
    const [partition] = await admin.fetchTopicOffsets(idleTopic);
    expect(partition!.high).toBe('2');
  });
});
