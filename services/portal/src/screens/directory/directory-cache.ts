import type { ApolloCache, StoreObject } from '@apollo/client';
import { listArgument, removePeopleFromLists, userIdOf, type StoredConnection, type StoredEdge } from '../../api/person-lists';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { Network, OrganizationRole } from '../../gql/graphql';

/** What the directory's lists need after any change to one person; every mutation that changes someone asks for it. */
export const ChangedDirectoryEntryFragment = graphql(`
  fragment ChangedDirectoryEntry on DirectoryEntry {
    network
    role
    attributes {
      name
      value
    }
    user {
      id
    }
  }
`);

/** What a change answered about one person, in the shape the directory keeps. */
export interface ChangedEntry {
  userId: string;
  network: Network;
  role: OrganizationRole;
  attributes: readonly { name: string; value: string }[];
}

export function changedEntryOf(member: FragmentType<typeof ChangedDirectoryEntryFragment>): ChangedEntry {
  const m = getFragmentData(ChangedDirectoryEntryFragment, member);
  return { userId: m.user.id, network: m.network, role: m.role, attributes: m.attributes };
}

/**
 * People as a change left them, in every directory list of the organisation already loaded, without reloading the
 * pages around them; a list filtered by the other network drops them.
 */
export function applyEntryChanges(cache: ApolloCache, orgId: string, changes: readonly ChangedEntry[]): void {
  if (changes.length === 0) return;
  const byId = new Map(changes.map((c) => [c.userId, c]));
  cache.modify<Record<string, StoredConnection>>({
    id: cache.identify({ __typename: 'Organization', id: orgId }),
    fields: {
      directory(existing, { readField, storeFieldName }) {
        const connection = existing as StoredConnection;
        if (!connection.edges) return existing;
        const filter = listArgument<Network>(storeFieldName, 'network');
        const edges: StoredEdge[] = [];
        for (const edge of connection.edges) {
          const id = userIdOf(edge, readField);
          const change = id ? byId.get(id) : undefined;
          if (!change) {
            edges.push(edge);
            continue;
          }
          if (filter && filter !== change.network) continue;
          const attributes = change.attributes.map((a) => ({ __typename: 'AttributeValue', name: a.name, value: a.value }));
          edges.push({ ...edge, node: { ...(edge.node as StoreObject), network: change.network, role: change.role, attributes } });
        }
        return { ...connection, edges };
      },
    },
  });
}

/** Removed people leave every directory list of the organisation already loaded. */
export function applyRemovals(cache: ApolloCache, orgId: string, removedUserIds: ReadonlySet<string>): void {
  removePeopleFromLists(cache, { __typename: 'Organization', id: orgId }, 'directory', removedUserIds);
}
