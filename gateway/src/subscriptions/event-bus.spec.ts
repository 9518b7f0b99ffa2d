import { createEvent, type AnyEnvelope } from '@kz/events';
import type { Kafka } from 'kafkajs';
import pino from 'pino';
import { SubscriptionEventBus, type Interest } from './event-bus';

const sent = (groupId: string) =>
  createEvent('messaging.message.sent', {
    key: groupId,
    orgId: null,
    payload: { messageId: 'm', groupId, authorId: 'a', text: 't', sentAt: new Date().toISOString() },
  });
const readersAdded = (groupId: string, userIds: string[]) =>
  createEvent('messaging.readers.changed', { key: groupId, orgId: null, payload: { groupId, change: 'ADDED', userIds } });
const progress = (importId: string) =>
  createEvent('import.job.progress', {
    key: importId,
    orgId: 'o',
    payload: { importId, orgId: 'o', startedBy: 'u', status: 'RUNNING', total: 1, processed: 0, failed: 0 },
  });

describe('SubscriptionEventBus routing', () => {
  // The consumer is never started: events are handed to deliver() as the consumer would.
  const bus = new SubscriptionEventBus({} as Kafka, 'test', pino({ level: 'silent' }));
  const heard = (interest: Interest) => {
    const events: AnyEnvelope[] = [];
    const stop = bus.listen(interest, (e) => events.push(e));
    return { events, stop };
  };

  it('brings an event to the listeners of its group, of the people it names and of its import, and to those of every event', () => {
    const g1 = heard({ groupId: 'g1' });
    const g2 = heard({ groupId: 'g2' });
    const ann = heard({ userId: 'ann' });
    const bob = heard({ userId: 'bob' });
    const job = heard({ jobId: 'i1' });
    const every = heard({ every: true });
    const inG2 = sent('g2');
    const annJoinsG1 = readersAdded('g1', ['ann', 'cy']);
    const jobMoved = progress('i1');
    for (const event of [inG2, annJoinsG1, jobMoved, progress('i2')]) bus.deliver(event);
    expect(g1.events).toEqual([annJoinsG1]);
    expect(g2.events).toEqual([inG2]);
    expect(ann.events).toEqual([annJoinsG1]);
    expect(bob.events).toEqual([]);
    expect(job.events).toEqual([jobMoved]);
    expect(every.events).toHaveLength(4);
  });

  it('brings a batch of new notifications to the listeners of the people it names, once each', () => {
    const ann = heard({ userId: 'ann' });
    const bob = heard({ userId: 'bob' });
    const g1 = heard({ groupId: 'g1' });
    const created = createEvent('messaging.notifications.created', {
      key: 'g1',
      orgId: null,
      payload: { userIds: ['ann', 'cy'], notificationIds: ['n1', 'n2'] },
    });
    bus.deliver(created);
    expect(ann.events).toEqual([created]);
    expect(bob.events).toEqual([]);
    expect(g1.events).toEqual([]);
    for (const listener of [ann, bob, g1]) listener.stop();
  });

  it('stops bringing events to a listener that stopped', () => {
    const g2 = heard({ groupId: 'g2' });
    const ann = heard({ userId: 'ann' });
    g2.stop();
    ann.stop();
    bus.deliver(sent('g2'));
    bus.deliver(readersAdded('g2', ['ann']));
    expect(g2.events).toEqual([]);
    expect(ann.events).toEqual([]);
  });
});
