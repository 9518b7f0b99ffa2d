import { buildSchema, execute, executeSync, parse, type GraphQLResolveInfo } from 'graphql';
import { messageFromEvent, selectionWithin, SENT_EVENT_MESSAGE, SharedResolutions, VIEWER_INDEPENDENT_MESSAGE } from './shared-resolution';

const schema = buildSchema(`
  type User { id: ID! displayName: String! }
  type Group { id: ID! name: String! }
  type ReadSummary { count: Int! of: Int! }
  type Poll { question: String! myAnswer: [Int!] }
  enum Audience { ALL ADMINS }
  type Message { id: ID! text: String sentAt: String! audience: Audience! kind: String! author: User! group: Group! replyTo: Message readBy: ReadSummary! poll: Poll }
  type MessageEvent { message: Message }
  type Query { event: MessageEvent }
`);

function shareable(operation: string, variableValues: Record<string, unknown> = {}): boolean {
  let result: boolean | undefined;
  const res = execute({
    schema,
    document: parse(operation),
    variableValues,
    rootValue: { event: {} },
    fieldResolver: (source, _args, _ctx, info: GraphQLResolveInfo) => {
      if (info.fieldName === 'message') result = selectionWithin(info, VIEWER_INDEPENDENT_MESSAGE);
      return (source as Record<string, unknown>)[info.fieldName];
    },
  });
  if ('errors' in res && res.errors?.length) throw new Error(res.errors[0]!.message);
  if (result === undefined) throw new Error('message was not resolved');
  return result;
}

describe('selectionWithin (fields every reader of a group sees alike)', () => {
  it("shares a selection of the message's own fields, ids of others, aliases and fragments on the same type", () => {
    expect(shareable(`{ event { message { id t: text sentAt author { id } group { __typename id } readBy { count of } } } }`)).toBe(true);
    expect(shareable(`{ event { message { ...M ... on Message { id } } } } fragment M on Message { text author { ...U } } fragment U on User { id }`)).toBe(
      true,
    );
  });

  it('does not share fields that depend on the reader or live in another subgraph', () => {
    expect(shareable(`{ event { message { text author { displayName } } } }`)).toBe(false);
    expect(shareable(`{ event { message { text group { name } } } }`)).toBe(false);
    expect(shareable(`{ event { message { replyTo { id } } } }`)).toBe(false);
    expect(shareable(`{ event { message { poll { question } } } }`)).toBe(false);
    expect(shareable(`{ event { message { ...M } } } fragment M on Message { author { displayName } }`)).toBe(false);
  });

  it('does not share selections with directives', () => {
    expect(shareable(`query($x: Boolean!) { event { message { text @include(if: $x) } } }`, { x: true })).toBe(false);
    expect(shareable(`query($x: Boolean!) { event { message @include(if: $x) { text } } }`, { x: true })).toBe(false);
  });
});

describe('messageFromEvent (a SENT event for everyone answers its message)', () => {
  const sent = { id: 'm1', groupId: 'g1', authorId: 'u1', text: 'Hello', sentAt: '2026-11-26T10:00:00.000Z' };
  /** The whole message, as the supergraph would answer it. */
  const stored = { id: 'm1', text: 'Hello', sentAt: '2026-11-26T10:00:00.000Z', audience: 'ALL', kind: 'TEXT', author: { id: 'u1' }, group: { id: 'g1' } };

  /** The operation's data with the message taken from the event (null when the selection is not within it), or as the stored message gives it. */
  function dataOf(operation: string, fromEvent: boolean): unknown {
    const res = executeSync({
      schema,
      document: parse(operation),
      rootValue: { event: {} },
      fieldResolver: (source, _args, _ctx, info: GraphQLResolveInfo) => {
        if (info.fieldName === 'event') return {};
        if (info.fieldName === 'message') {
          if (!fromEvent) return stored;
          return selectionWithin(info, SENT_EVENT_MESSAGE) ? messageFromEvent(info, sent) : null;
        }
        // Below the message: by response key for the event's answer (as the gateway reads supergraph data), by name for the stored one.
        return (source as Record<string, unknown>)[fromEvent ? (info.path.key as string) : info.fieldName];
      },
    });
    if (res.errors?.length) throw new Error(res.errors[0]!.message);
    return res.data;
  }

  it('gives what the stored message gives, under aliases, fragments and __typename', () => {
    for (const operation of [
      `{ event { message { id text sentAt author { id } } } }`,
      `{ event { message { __typename i: id t: text audience g: group { __typename id } } } }`,
      `{ event { message { ...M ... on Message { author { a: id } } } } } fragment M on Message { text author { id } }`,
    ]) {
      expect(dataOf(operation, true)).toEqual(dataOf(operation, false));
    }
    expect(dataOf(`{ event { message { t: text author { id } au: author { id } } } }`, true)).toEqual({
      event: { message: { t: 'Hello', author: { id: 'u1' }, au: { id: 'u1' } } },
    });
  });

  it('answers nothing the event does not carry', () => {
    expect(dataOf(`{ event { message { id kind } } }`, true)).toEqual({ event: { message: null } });
    expect(dataOf(`{ event { message { readBy { count } } } }`, true)).toEqual({ event: { message: null } });
    expect(dataOf(`{ event { message { author { displayName } } } }`, true)).toEqual({ event: { message: null } });
  });
});

describe('SharedResolutions', () => {
  it('computes once per key while the entry lives, and again after it expired', async () => {
    let now = 0;
    const shared = new SharedResolutions<string>(1_000, 100, () => now);
    let calls = 0;
    const compute = async () => `answer ${++calls}`;
    const [a, b] = await Promise.all([shared.get('k', compute), shared.get('k', compute)]);
    expect([a, b, calls]).toEqual(['answer 1', 'answer 1', 1]);
    expect(await shared.get('other', compute)).toBe('answer 2');
    now = 1_000;
    expect(await shared.get('k', compute)).toBe('answer 3');
  });

  it('turns a failed computation into "not shareable" and keeps at most max entries', async () => {
    const shared = new SharedResolutions<string>(60_000, 3, () => 0);
    expect(await shared.get('bad', () => Promise.reject(new Error('boom')))).toBeNull();
    for (let i = 0; i < 10; i++) await shared.get(`k${i}`, async () => 'x');
    expect(shared.size).toBeLessThanOrEqual(3);
  });
});
