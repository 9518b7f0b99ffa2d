import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { graphql } from '../../gql';

/**
 * The first page is small so the screen shows (and can be used) at once; the rest follows in the API's largest
 * pages, in the background, until the whole flat list is in the cache to build the tree from.
 */
export const FIRST_PAGE = 50;
export const NEXT_PAGE = 200;

/**
 * Every group of an organisation, flat and newest first, with its parent: the tree is built from this on the client,
 * because the API lists an organisation's groups as one list (sub-groups included). The tree's rows and the parent
 * pickers read the same cached list.
 */
export const OrganizationGroupsQuery = graphql(`
  query OrganizationGroups($orgId: ID!, $first: Int!, $after: String) {
    organization(id: $orgId) {
      id
      name
      myRole
      groups(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            name
            parent {
              id
            }
            ...GroupTreeRow
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** The organisation's groups, loading every page; `complete` once the last page is in. */
export function useOrganizationGroups(orgId: string) {
  const result = useQuery(OrganizationGroupsQuery, { variables: { orgId, first: FIRST_PAGE }, notifyOnNetworkStatusChange: true });
  const { data, fetchMore, networkStatus, error } = result;
  const pageInfo = data?.organization?.groups.pageInfo;
  const busy = networkStatus !== NetworkStatus.ready;
  const more = Boolean(pageInfo?.hasNextPage) && !error;

  useEffect(() => {
    if (!more || busy || !pageInfo?.endCursor) return;
    void fetchMore({ variables: { after: pageInfo.endCursor, first: NEXT_PAGE } });
  }, [more, busy, pageInfo?.endCursor, fetchMore]);

  return {
    ...result,
    organization: data?.organization ?? null,
    groups: data?.organization?.groups.edges.map((e) => e.node) ?? [],
    complete: Boolean(data?.organization) && !more,
  };
}
