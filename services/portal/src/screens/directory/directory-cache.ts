import type { ApolloCache, Reference, StoreObject } from '@apollo/client';
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

interface StoredEdge {
  cursor: string;
  node: Reference | StoreObject;
}

interface StoredConnection {
  edges?: StoredEdge[];
  [field: string]: unknown;
}

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
 * The network filter a stored page list was fetched with, read from its store name
 * (`directory:{"network":"OTHER","search":"an"}`): directory entries have no id of their own, so a change is applied
 * to each list by hand.
 */
function networkFilterOf(storeFieldName: string): Network | null {
  const start = storeFieldName.indexOf('{');
  if (start < 0) return null;
  try {
    const args = JSON.parse(storeFieldName.slice(start)) as { network?: Network | null };
    return args.network ?? null;
  } catch {
    return null;
  }
}

function userIdOf(edge: StoredEdge, readField: <T>(field: string, from: Reference | StoreObject) => T | undefined): string | undefined {
  const user = readField<Reference>('user', edge.node);
  return user ? readField<string>('id', user) : undefined;
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
        const filter = networkFilterOf(storeFieldName);
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
  if (removedUserIds.size === 0) return;
  cache.modify<Record<string, StoredConnection>>({
    id: cache.identify({ __typename: 'Organization', id: orgId }),
    fields: {
      directory(existing, { readField }) {
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
