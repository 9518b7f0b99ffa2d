import { createEvent, type AnyEnvelope } from '@kz/events';
import type { Kafka } from 'kafkajs';
import pino from 'pino';
import { SubscriptionEventBus } from './event-bus';

const sent = (groupId: string) =>
  createEvent('messaging.message.sent', { key: groupId, orgId: null, payload: { messageId: 'm', groupId, authorId: 'a', text: 't', sentAt: new Date().toISOString() } });
const removed = (groupId: string) => createEvent('groups.memberships.removed', { key: groupId, orgId: null, payload: { groupId, userIds: ['u'] } });

describe('SubscriptionEventBus routing', () => {
  // The consumer is never started: events are handed to deliver() as the consumer would.
  const bus = new SubscriptionEventBus({} as Kafka, 'test', pino({ level: 'silent' }));
  const heard = (groupId: string | null) => {
    const events: AnyEnvelope[] = [];
    const stop = bus.listen((e) => events.push(e), groupId);
    return { events, stop };
  };

  it('gives a group\'s listeners its message events and every other event, and unscoped listeners everything', () => {
    const g1 = heard('g1');
    const g2 = heard('g2');
    const all = heard(null);
    const inG2 = sent('g2');
    const membership = removed('g3');
    bus.deliver(inG2);
    bus.deliver(membership);
    expect(g1.events).toEqual([membership]);
    expect(g2.events).toEqual([inG2, membership]);
    expect(all.events).toEqual([inG2, membership]);
    g2.stop();
    bus.deliver(sent('g2'));
    expect(g2.events).toHaveLength(2);
    expect(all.events).toHaveLength(3);
  });
});
