import { EventEmitter } from 'node:events';
import type { Consumer, Kafka } from 'kafkajs';
import { silentLogger } from '@kz/testing';
import { RestartingConsumer } from './restarting-consumer';

/** Just enough of a kafkajs consumer: its crash event, and a disconnect that is counted. */
class FakeConsumer extends EventEmitter {
  readonly events = { CRASH: 'consumer.crash' };
  disconnected = 0;
  async disconnect(): Promise<void> {
    this.disconnected++;
  }
  crash(restart: boolean): void {
    this.emit('consumer.crash', { payload: { error: new Error('Failed to find group coordinator'), groupId: 'g', restart } });
  }
}

function fakeKafka(): { kafka: Kafka; made: FakeConsumer[] } {
  const made: FakeConsumer[] = [];
  const kafka = {
    consumer: () => {
      const c = new FakeConsumer();
      made.push(c);
      return c as unknown as Consumer;
    },
  } as unknown as Kafka;
  return { kafka, made };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('RestartingConsumer', () => {
  it("replaces a consumer that crashed for good, and leaves kafkajs's own restarts to kafkajs", async () => {
    const { kafka, made } = fakeKafka();
    const begun: FakeConsumer[] = [];
    const consumer = new RestartingConsumer(kafka, { groupId: 'g' }, async (c) => void begun.push(c as unknown as FakeConsumer), silentLogger());
    await consumer.start();
    expect(begun).toHaveLength(1);

    made[0]!.crash(true);
    await settle();
    expect(begun).toHaveLength(1);

    made[0]!.crash(false);
    await settle();
    expect(made[0]!.disconnected).toBe(1);
    expect(begun).toEqual([made[0], made[1]]);

    // A late crash of the replaced consumer changes nothing.
    made[0]!.crash(false);
    await settle();
    expect(begun).toHaveLength(2);

    await consumer.stop();
    expect(made[1]!.disconnected).toBe(1);
    made[1]!.crash(false);
    await settle();
    expect(begun).toHaveLength(2);
  });

  it('keeps trying when a replacement cannot start yet', async () => {
    const { kafka, made } = fakeKafka();
    let failures = 1;
    const consumer = new RestartingConsumer(
      kafka,
      { groupId: 'g' },
      async () => {
        if (made.length > 1 && failures-- > 0) throw new Error('broker not back yet');
      },
      silentLogger(),
    );
    await consumer.start();
    made[0]!.crash(false);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(made).toHaveLength(3);
    await consumer.stop();
  });
});
