import type { ApolloCache } from '@apollo/client';
import { listArgument, removePeopleFromLists, userIdOf, type StoredConnection, type StoredEdge } from '../../../api/person-lists';
import type { GroupRole } from '../../../gql/graphql';

/** A member's new role, in every list of the group already loaded; lists filtered by another role drop them. */
export function applyRoleChange(cache: ApolloCache, groupId: string, userId: string, role: GroupRole): void {
  cache.modify<Record<string, StoredConnection>>({
    id: cache.identify({ __typename: 'Group', id: groupId }),
    fields: {
      members(existing, { readField, storeFieldName }) {
        const connection = existing as StoredConnection;
        if (!connection.edges) return existing;
        const filter = listArgument<GroupRole>(storeFieldName, 'role');
        const edges: StoredEdge[] = [];
        for (const edge of connection.edges) {
          if (userIdOf(edge, readField) !== userId) {
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
  removePeopleFromLists(cache, { __typename: 'Group', id: groupId }, 'members', removedUserIds);
}

/** After people are added, where they land in each ordering is the server's to say: the lists load afresh. */
export function forgetMemberLists(cache: ApolloCache, groupId: string): void {
  cache.evict({ id: cache.identify({ __typename: 'Group', id: groupId }), fieldName: 'members' });
  cache.gc();
}
