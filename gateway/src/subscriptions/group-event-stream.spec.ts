import { createEvent } from '@kz/events';
import type { Kafka } from 'kafkajs';
import pino from 'pino';
import { SubscriptionEventBus } from './event-bus';
import { groupEventStream, type StreamOptions } from './group-event-stream';

/** A bus whose consumer never starts: events are handed to deliver() as the consumer would. */
function busOf(): { bus: SubscriptionEventBus; emit: SubscriptionEventBus['deliver'] } {
  const bus = new SubscriptionEventBus({} as Kafka, 'test', pino({ level: 'silent' }));
  return { bus, emit: (event) => bus.deliver(event) };
}

const sent = (groupId: string, messageId: string) =>
  createEvent('messaging.message.sent', {
    key: groupId,
    orgId: null,
    payload: { messageId, groupId, authorId: 'a', text: 't', sentAt: new Date().toISOString() },
  });
const readers = (groupId: string, change: 'ADDED' | 'REMOVED', userIds: string[]) =>
  createEvent('messaging.readers.changed', { key: groupId, orgId: null, payload: { groupId, change, userIds } });

function options(bus: SubscriptionEventBus, overrides: Partial<StreamOptions<string>> = {}): StreamOptions<string> {
  return {
    bus,
    userId: 'me',
    groupId: 'g1',
    mayRead: async () => true,
    select: (e) => (e.type === 'messaging.message.sent' ? { groupId: e.payload.groupId, item: e.payload.messageId } : null),
    personalChange: (e) =>
      e.type === 'messaging.readers.changed'
        ? { groupId: e.payload.groupId, forget: 'group', followed: e.payload.change === 'REMOVED' ? 'asks' : 'continues' }
        : null,
    accessEnded: () => 'ENDED',
    deliveryName: 'deliver test',
    maxQueue: 100,
    onTooSlow: () => undefined,
    ...overrides,
  };
}

describe('groupEventStream', () => {
  it("yields the followed group's events in order, and ends when asked again after a change of readers that took the group away", async () => {
    const { bus, emit } = busOf();
    let reads = true;
    const stream = groupEventStream(options(bus, { mayRead: async () => reads }));
    const first = stream.next();
    emit(sent('g2', 'other group'));
    emit(sent('g1', 'm1'));
    emit(readers('g1', 'REMOVED', ['me']));
    emit(sent('g1', 'm2'));
    expect(await first).toEqual({ value: 'm1', done: false });
    // Still a reader (through another sub-group, say): the stream goes on.
    expect(await stream.next()).toEqual({ value: 'm2', done: false });
    reads = false;
    emit(readers('g1', 'REMOVED', ['someone else']));
    emit(readers('g1', 'REMOVED', ['me']));
    emit(sent('g1', 'after removal'));
    expect(await stream.next()).toEqual({ value: 'ENDED', done: false });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('asks again of whichever group it follows when a change names no group (organisation standing), in both modes', async () => {
    const standing = (role: 'ADMIN' | 'MEMBER' | null) =>
      createEvent('groups.org-standing.changed', { key: 'o1', orgId: 'o1', payload: { orgId: 'o1', userId: 'me', role } });
    const personalChange: StreamOptions<string>['personalChange'] = (e) =>
      e.type === 'groups.org-standing.changed' ? { groupId: null, forget: 'every group', followed: 'asks' } : null;
    const { bus, emit } = busOf();
    let reads = true;
    const one = groupEventStream(options(bus, { personalChange, mayRead: async () => reads }));
    const asked: string[] = [];
    const every = groupEventStream(options(bus, { personalChange, groupId: null, mayRead: async (g) => (asked.push(g), reads) }));
    const [first, firstOfEvery] = [one.next(), every.next()];
    emit(sent('g1', 'm1'));
    expect(await first).toEqual({ value: 'm1', done: false });
    expect(await firstOfEvery).toEqual({ value: 'm1', done: false });
    reads = false;
    emit(standing(null));
    expect(await one.next()).toEqual({ value: 'ENDED', done: false });
    // In all-groups mode nothing ends, but the decision about g1 is forgotten and asked again at its next event.
    reads = true;
    emit(sent('g1', 'm2'));
    expect(await every.next()).toEqual({ value: 'm2', done: false });
    expect(asked).toEqual(['g1', 'g1']);
    await every.return(undefined);
  });

  it('in all-groups mode keeps a decision about a group until a change of its readers names the subscriber', async () => {
    const { bus, emit } = busOf();
    const asked: string[] = [];
    const readable = new Set(['g1']);
    const stream = groupEventStream(options(bus, { groupId: null, mayRead: async (g) => (asked.push(g), readable.has(g)) }));
    const next = stream.next();
    emit(sent('new', 'before joining'));
    emit(sent('g1', 'a'));
    emit(sent('g1', 'b'));
    expect((await next).value).toBe('a');
    expect((await stream.next()).value).toBe('b');
    // Joining "new", applied by messaging before it announced it.
    readable.add('new');
    emit(sent('new', 'not announced yet'));
    emit(readers('new', 'ADDED', ['someone else']));
    emit(sent('g1', 'c'));
    expect((await stream.next()).value).toBe('c');
    emit(readers('new', 'ADDED', ['me']));
    emit(sent('new', 'after joining'));
    emit(sent('g1', 'd'));
    expect((await stream.next()).value).toBe('after joining');
    expect((await stream.next()).value).toBe('d');
    expect(asked).toEqual(['new', 'g1', 'new']);
    await stream.return(undefined);
  });

  it('in all-groups mode decides nothing from a question left unanswered', async () => {
    const { bus, emit } = busOf();
    let answers = 0;
    const stream = groupEventStream(
      options(bus, {
        groupId: null,
        mayRead: async () => {
          if (answers++ === 0) throw new Error('messaging is restarting');
          return true;
        },
      }),
    );
    const next = stream.next();
    emit(sent('g1', 'unanswered'));
    emit(sent('g1', 'answered'));
    expect((await next).value).toBe('answered');
    await stream.return(undefined);
  });

  it('gives up on a subscriber that lets too many events wait', async () => {
    const { bus, emit } = busOf();
    let dropped = 0;
    const stream = groupEventStream(options(bus, { maxQueue: 3, onTooSlow: (waiting) => (dropped = waiting) }));
    const first = stream.next();
    for (let i = 0; i < 10; i++) emit(sent('g1', `m${i}`));
    expect(dropped).toBe(4);
    const items = [(await first).value];
    for (let r = await stream.next(); !r.done; r = await stream.next()) items.push(r.value);
    expect(items.length).toBeLessThanOrEqual(4);
  });

  it('on a resume yields the missed items first, then only live items past the last missed position', async () => {
    const { bus, emit } = busOf();
    let releaseMissed: () => void = () => undefined;
    const missedFetched = new Promise<void>((resolve) => (releaseMissed = resolve));
    const stream = groupEventStream(
      options(bus, {
        // Items are "<message>@<position>"; the live events below arrive while the missed ones are still being read.
        select: (e) => (e.type === 'messaging.message.sent' ? { groupId: e.payload.groupId, item: e.payload.text } : null),
        missed: async function* () {
          await missedFetched;
          yield 'm1@11';
          yield 'm2@12';
        },
        positionOf: (item) => BigInt(item.split('@')[1]!),
      }),
    );
    const first = stream.next();
    const live = (text: string) =>
      emit(
        createEvent('messaging.message.sent', {
          key: 'g1',
          orgId: null,
          payload: { messageId: 'x', groupId: 'g1', authorId: 'a', text, sentAt: new Date().toISOString() },
        }),
      );
    live('m2@12');
    live('m3@13');
    releaseMissed();
    const items = [(await first).value];
    items.push((await stream.next()).value, (await stream.next()).value);
    expect(items).toEqual(['m1@11', 'm2@12', 'm3@13']);
    await stream.return(undefined);
  });
});
