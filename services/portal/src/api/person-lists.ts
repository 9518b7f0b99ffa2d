import type { ApolloCache, Reference, StoreObject } from '@apollo/client';

/**
 * Edits of people's lists already in the cache (a group's members, an organisation's directory). Their entries have
 * no id of their own (one person's standing in one group or organisation), so a change is applied to each stored
 * page list by hand instead of reloading the pages around it.
 */
export interface StoredEdge {
  cursor: string;
  node: Reference | StoreObject;
}

export interface StoredConnection {
  edges?: StoredEdge[];
  [field: string]: unknown;
}

type ReadField = <T>(field: string, from: Reference | StoreObject) => T | undefined;

/** One argument a stored page list was fetched with, read from its store name (`members:{"role":"ADMIN"}`). */
export function listArgument<T>(storeFieldName: string, name: string): T | null {
  const start = storeFieldName.indexOf('{');
  if (start < 0) return null;
  try {
    const args = JSON.parse(storeFieldName.slice(start)) as Record<string, T | null | undefined>;
    return args[name] ?? null;
  } catch {
    return null;
  }
}

/** The person an entry is about (its `user { id }`). */
export function userIdOf(edge: StoredEdge, readField: ReadField): string | undefined {
  const user = readField<Reference>('user', edge.node);
  return user ? readField<string>('id', user) : undefined;
}

/** Removed people leave every stored list of `field` on the entity. */
export function removePeopleFromLists(
  cache: ApolloCache,
  entity: { __typename: string; id: string },
  field: string,
  removedUserIds: ReadonlySet<string>,
): void {
  if (removedUserIds.size === 0) return;
  cache.modify<Record<string, StoredConnection>>({
    id: cache.identify(entity),
    fields: {
      [field](existing, { readField }) {
        const connection = existing as StoredConnection;
        if (!connection.edges) return existing;
        const edges = connection.edges.filter((edge) => {
          const id = userIdOf(edge, readField);
          return !id || !removedUserIds.has(id);
        });
        return { ...connection, edges };
      },
    },
  });
}
