import type { ApolloServerPlugin } from '@apollo/server';
import type { Caller } from '@kz/auth';
import { DomainError } from '@kz/errors';
import { Kind, type OperationDefinitionNode } from 'graphql';

/** The root fields an operation selects, fragments spread at the root included. */
function rootFields(operation: OperationDefinitionNode, fragments: Record<string, { selectionSet: OperationDefinitionNode['selectionSet'] }>): string[] {
  const names: string[] = [];
  const visit = (set: OperationDefinitionNode['selectionSet']) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (fragments[selection.name.value]) visit(fragments[selection.name.value]!.selectionSet);
    }
  };
  visit(operation.selectionSet);
  return names;
}

/**
 * A member import's token is good for its bulk adds and nothing else: an
 * operation by an import selecting any other root field (__typename included)
 * is refused before it runs.
 */
export function importTokenScope<TContext extends { caller: Caller }>(allowed: readonly string[]): ApolloServerPlugin<TContext> {
  const fields = new Set(allowed);
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.caller.kind !== 'import') return;
      return {
        async didResolveOperation({ operation, document }) {
          const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : []))) as Record<
            string,
            { selectionSet: OperationDefinitionNode['selectionSet'] }
          >;
          const selected = operation ? rootFields(operation, fragments) : [];
          if (operation?.operation !== 'mutation' || selected.some((name) => !fields.has(name))) {
            throw new DomainError(
              'FORBIDDEN',
              "An import's credential only adds people to its organisation's directory and groups, and imported chats' history to its groups.",
            );
          }
        },
      };
    },
  };
}
