import { buildSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { entityQueryFor } from './entity-query';

const schema = buildSchema(`
  type User { id: ID! displayName: String! }
  type Message { id: ID! text: String! author: User! }
  type MessageEvent { message: Message }
  type Query { event: MessageEvent }
`);

function captureInfo(operation: string, variableValues: Record<string, unknown> = {}): string {
  let query = '';
  execute({
    schema,
    document: parse(operation),
    variableValues,
    rootValue: { event: {} },
    fieldResolver: (source, _args, _ctx, info: GraphQLResolveInfo) => {
      if (info.fieldName === 'message') query = entityQueryFor(info, 'message');
      return (source as Record<string, unknown>)[info.fieldName];
    },
  });
  return query;
}

describe('entityQueryFor', () => {
  it("keeps the subscriber's selection, aliases and fragments, and only the variables it uses", () => {
    const query = captureInfo(
      `query Sub($unused: ID, $x: Boolean!) { event { message { t: text author { ...Who @include(if: $x) } } } } fragment Who on User { displayName }`,
      { x: true },
    );
    expect(query).toContain('query KzSubscriptionEntity($x: Boolean!, $kzEventEntityId: ID!)');
    expect(query).toContain('entity: message(id: $kzEventEntityId)');
    expect(query).toContain('t: text');
    expect(query).toContain('fragment Who on User');
    expect(query).not.toContain('$unused');
  });
});
