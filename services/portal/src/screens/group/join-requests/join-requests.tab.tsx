import { useQuery } from '@apollo/client/react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { graphql } from '../../../gql';
import { JoinRequestRow } from './join-request-row';

const PAGE_SIZE = 50;

const GroupJoinRequestsQuery = graphql(`
  query GroupJoinRequests($groupId: ID!, $first: Int!, $after: String) {
    group(id: $groupId) {
      id
      name
      joinRequests(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            status
            ...JoinRequestRow
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

/** People who asked to join through a link that needs approval, oldest first, each approved or denied here. */
export function JoinRequestsTab() {
  const { groupId = '' } = useParams();
  const { data, loading, error, fetchMore } = useQuery(GroupJoinRequestsQuery, { variables: { groupId, first: PAGE_SIZE } });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);

  if (loading && !data) return <Loading label="Loading the join requests" />;
  const group = data?.group;
  if (!group) return <ErrorAlert error={error} />;
  // A decided request keeps its place in the cache with its new status; the queue shows only those still waiting.
  const waiting = group.joinRequests.edges.filter((e) => e.node.status === 'PENDING');
  const { hasNextPage, endCursor } = group.joinRequests.pageInfo;

  const loadMore = async () => {
    setLoadingMore(true);
    setMoreError(null);
    try {
      await fetchMore({ variables: { after: endCursor } });
    } catch (e) {
      setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={2} size="h3">
          Join requests
        </Title>
        <Text size="sm" c="dimmed">
          People who opened an invite link that needs approval. Approving makes them members with the link&apos;s role; after a denial they can ask again with a
          link that still works.
        </Text>
      </Stack>
      {error && <ErrorAlert error={error} />}
      {waiting.length === 0 && !hasNextPage ? (
        <EmptyState title="No requests waiting">When someone opens an invite link that needs an admin&apos;s approval, their request appears here.</EmptyState>
      ) : (
        <Stack gap="xs" component="ul" aria-label="Requests waiting" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {waiting.map((e) => (
            <JoinRequestRow key={e.node.id} request={e.node} groupId={groupId} />
          ))}
        </Stack>
      )}
      <ErrorAlert error={moreError} title="More requests could not be loaded" />
      {hasNextPage && (
        <Button variant="default" loading={loadingMore} onClick={() => void loadMore()} style={{ alignSelf: 'flex-start' }}>
          Show more requests
        </Button>
      )}
    </Stack>
  );
}
