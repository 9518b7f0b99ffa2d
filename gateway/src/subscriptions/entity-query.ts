import { Kind, print, visit, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

export const ENTITY_ID_VARIABLE = 'kzEventEntityId';

/** The supergraph's query fields that load an event's entity by id. */
export type EntityRootField = 'message' | 'group' | 'importJob' | 'exportJob' | 'notification';

/**
 * Turns the selection a subscriber made under an event's entity field (a
 * message, a group) into a query for that entity through the supergraph,
 * keeping aliases, fragments and the variables it uses, so every field (the
 * author's name from identity, say) is resolved by the subgraph that owns it,
 * with the subscriber's own rights. `rootField` is the supergraph query field
 * that loads the entity by id. `extra` fields are added to the selection.
 */
export function entityQueryFor(info: GraphQLResolveInfo, rootField: EntityRootField, extra: readonly FieldNode[] = []): string {
  const field = info.fieldNodes[0] as FieldNode;
  const selectionSet = field.selectionSet as SelectionSetNode;
  const fragments = new Map<string, FragmentDefinitionNode>();
  const variables = new Set<string>();
  const collect = (node: SelectionSetNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = info.fragments[name];
        if (fragment && !fragments.has(name)) {
          fragments.set(name, fragment);
          collect(fragment);
        }
      },
      Variable(variable) {
        variables.add(variable.name.value);
      },
    });
  collect(selectionSet);
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: 'query' as never,
        name: { kind: Kind.NAME, value: 'KzSubscriptionEntity' },
        variableDefinitions: [
          ...(info.operation.variableDefinitions ?? []).filter((d) => variables.has(d.variable.name.value)),
          {
            kind: Kind.VARIABLE_DEFINITION,
            variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ENTITY_ID_VARIABLE } },
            type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
          },
        ],
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [
            {
              kind: Kind.FIELD,
              alias: { kind: Kind.NAME, value: 'entity' },
              name: { kind: Kind.NAME, value: rootField },
              arguments: [
                {
                  kind: Kind.ARGUMENT,
                  name: { kind: Kind.NAME, value: 'id' },
                  value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ENTITY_ID_VARIABLE } },
                },
              ],
              selectionSet: extra.length > 0 ? { ...selectionSet, selections: [...selectionSet.selections, ...extra] } : selectionSet,
            },
          ],
        },
      },
      ...fragments.values(),
    ],
  };
  return print(document);
}
