import type { ApolloCache, Reference, StoreObject } from '@apollo/client';
import type { GroupRole } from '../../../gql/graphql';

interface StoredEdge {
  cursor: string;
  node: Reference | StoreObject;
}

interface StoredConnection {
  edges?: StoredEdge[];
  [field: string]: unknown;
}

/**
 * The filters a stored page list was fetched with, read from its store name (`members:{"role":"ADMIN"}`):
 * memberships have no id of their own, so a role change is applied to each list by hand.
 */
function roleFilterOf(storeFieldName: string): GroupRole | null {
  const start = storeFieldName.indexOf('{');
  if (start < 0) return null;
  try {
    const args = JSON.parse(storeFieldName.slice(start)) as { role?: GroupRole | null };
    return args.role ?? null;
  } catch {
    return null;
  }
}

/** A member's new role, in every list of the group already loaded; lists filtered by another role drop them. */
export function applyRoleChange(cache: ApolloCache, groupId: string, userId: string, role: GroupRole): void {
  cache.modify<Record<string, StoredConnection>>({
    id: cache.identify({ __typename: 'Group', id: groupId }),
    fields: {
      members(existing, { readField, storeFieldName }) {
        const connection = existing as StoredConnection;
        if (!connection.edges) return existing;
        const filter = roleFilterOf(storeFieldName);
        const edges: StoredEdge[] = [];
        for (const edge of connection.edges) {
          const user = readField<Reference>('user', edge.node);
          if (!user || readField<string>('id', user) !== userId) {
            edges.push(edge);
            continue;
          }
          if (filter && filter !== role) continue;
          edges.push({ ...edge, node: { ...(edge.node as object), role } });
        }
        return { ...connection, edges };
      },
    },
  });
}

/** Removed people leave every list of the group already loaded, without reloading the pages around them. */
export function applyRemoval(cache: ApolloCache, groupId: string, removedUserIds: ReadonlySet<string>): void {
  if (removedUserIds.size === 0) return;
  cache.modify<Record<string, StoredConnection>>({
    id: cache.identify({ __typename: 'Group', id: groupId }),
    fields: {
      members(existing, { readField }) {
        const connection = existing as StoredConnection;
        if (!connection.edges) return existing;
        const edges = connection.edges.filter((edge) => {
          const user = readField<Reference>('user', edge.node);
          const id = user ? readField<string>('id', user) : undefined;
          return !id || !removedUserIds.has(id);
        });
        return { ...connection, edges };
      },
    },
  });
}

/** After people are added, where they land in each ordering is the server's to say: the lists load afresh. */
export function forgetMemberLists(cache: ApolloCache, groupId: string): void {
  cache.evict({ id: cache.identify({ __typename: 'Group', id: groupId }), fieldName: 'members' });
  cache.gc();
}
