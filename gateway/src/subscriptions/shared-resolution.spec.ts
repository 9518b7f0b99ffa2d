import { buildSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { selectionWithin, SharedResolutions, VIEWER_INDEPENDENT_MESSAGE } from './shared-resolution';

const schema = buildSchema(`
  type User { id: ID! displayName: String! }
  type Group { id: ID! name: String! }
  type ReadSummary { count: Int! of: Int! }
  type Poll { question: String! myAnswer: [Int!] }
  type Message { id: ID! text: String sentAt: String! author: User! group: Group! replyTo: Message readBy: ReadSummary! poll: Poll }
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
  it('shares a selection of the message\'s own fields, ids of others, aliases and fragments on the same type', () => {
    expect(shareable(`{ event { message { id t: text sentAt author { id } group { __typename id } readBy { count of } } } }`)).toBe(true);
    expect(shareable(`{ event { message { ...M ... on Message { id } } } } fragment M on Message { text author { ...U } } fragment U on User { id }`)).toBe(true);
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
