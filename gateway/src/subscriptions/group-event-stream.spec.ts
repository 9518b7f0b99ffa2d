import { createEvent, type AnyEnvelope } from '@kz/events';
import type { SubscriptionEventBus } from './event-bus';
import { groupEventStream, type StreamOptions } from './group-event-stream';

/** Just the part of the bus the stream uses: listeners to call. */
function busOf(): { bus: SubscriptionEventBus; emit(event: AnyEnvelope): void } {
  const listeners = new Set<(e: AnyEnvelope) => void>();
  const bus = { listen: (l: (e: AnyEnvelope) => void) => (listeners.add(l), () => listeners.delete(l)) } as unknown as SubscriptionEventBus;
  return { bus, emit: (event) => listeners.forEach((l) => l(event)) };
}

const sent = (groupId: string, messageId: string) =>
  createEvent('messaging.message.sent', { key: groupId, orgId: null, payload: { messageId, groupId, authorId: 'a', text: 't', sentAt: new Date().toISOString() } });
const removed = (groupId: string, userId: string) => createEvent('groups.memberships.removed', { key: groupId, orgId: null, payload: { groupId, userIds: [userId] } });

function options(bus: SubscriptionEventBus, overrides: Partial<StreamOptions<string>> = {}): StreamOptions<string> {
  return {
    bus,
    userId: 'me',
    groupId: 'g1',
    mayRead: async () => true,
    select: (e) => (e.type === 'messaging.message.sent' ? { groupId: e.payload.groupId, item: e.payload.messageId } : null),
    accessEnded: () => 'ENDED',
    maxQueue: 100,
    onTooSlow: () => undefined,
    ...overrides,
  };
}

describe('groupEventStream', () => {
  it('yields the followed group\'s events in order and ends when the subscriber is removed', async () => {
    const { bus, emit } = busOf();
    const stream = groupEventStream(options(bus));
    const first = stream.next();
    emit(sent('g2', 'other group'));
    emit(sent('g1', 'm1'));
    emit(sent('g1', 'm2'));
    emit(removed('g1', 'me'));
    emit(sent('g1', 'after removal'));
    expect(await first).toEqual({ value: 'm1', done: false });
    expect(await stream.next()).toEqual({ value: 'm2', done: false });
    expect(await stream.next()).toEqual({ value: 'ENDED', done: false });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('in all-groups mode asks once per group whether it may be read, and asks again after a membership change', async () => {
    const { bus, emit } = busOf();
    const asked: string[] = [];
    const stream = groupEventStream(options(bus, { groupId: null, mayRead: async (g) => (asked.push(g), g !== 'secret') }));
    const next = stream.next();
    emit(sent('secret', 'hidden'));
    emit(sent('g1', 'a'));
    emit(sent('g1', 'b'));
    expect((await next).value).toBe('a');
    expect((await stream.next()).value).toBe('b');
    emit(removed('g9', 'me'));
    emit(sent('g1', 'c'));
    expect((await stream.next()).value).toBe('c');
    expect(asked).toEqual(['secret', 'g1', 'g1']);
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
      emit(createEvent('messaging.message.sent', { key: 'g1', orgId: null, payload: { messageId: 'x', groupId: 'g1', authorId: 'a', text, sentAt: new Date().toISOString() } }));
    live('m2@12');
    live('m3@13');
    releaseMissed();
    const items = [(await first).value];
    items.push((await stream.next()).value, (await stream.next()).value);
    expect(items).toEqual(['m1@11', 'm2@12', 'm3@13']);
    await stream.return(undefined);
  });
});
