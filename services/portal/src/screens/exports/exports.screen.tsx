import { useQuery } from '@apollo/client/react';
import { Button, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { graphql } from '../../gql';
import { ExportRow } from './export-row';
import { StartExportForm } from './start-export-form';

const ExportsScreenQuery = graphql(`
  query ExportsScreen($orgId: ID!, $after: String) {
    organization(id: $orgId) {
      id
      name
      exports(first: 20, after: $after) {
        edges {
          node {
            id
            ...ExportRow
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

/** The organisation's data taken out: start an export, follow it, download its archive. Admins only. */
export function ExportsScreen() {
  const { orgId = '' } = useParams();
  const { data, loading, error, refetch, fetchMore } = useQuery(ExportsScreenQuery, { variables: { orgId } });
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<unknown>(null);
  if (loading && !data) return <Loading label="Loading the exports" />;
  const organization = data?.organization;
  if (!organization) {
    return (
      <Page title="Exports">
        <ErrorAlert error={error} />
      </Page>
    );
  }
  const exports = organization.exports.edges.map((e) => e.node);
  const { hasNextPage, endCursor } = organization.exports.pageInfo;
  const loadMore = (after: string) => {
    setLoadingMore(true);
    setLoadMoreError(null);
    fetchMore({ variables: { orgId, after } })
      .catch((e: unknown) => setLoadMoreError(e))
      .finally(() => setLoadingMore(false));
  };
  return (
    <Page
      title="Exports"
      description="An export is one archive (.tar.gz) of the organisation's directory, groups, memberships, and the messages, polls, votes and files of the days you choose, with a manifest of counts and checksums. Archives are deleted after a while; each download is in the audit log."
      crumbs={[{ label: organization.name, to: `/orgs/${orgId}/groups` }]}
    >
      <Stack gap="xl">
        <StartExportForm orgId={orgId} onStarted={() => void refetch()} />
        <ErrorAlert error={error} />
        <Stack gap="sm">
          <Title order={2} size="h4">
            Exports
          </Title>
          {exports.length === 0 ? (
            <EmptyState title="No exports yet">Start one above; it runs in the background, and you are told when it is ready.</EmptyState>
          ) : (
            <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }} aria-label="Exports">
              {exports.map((job) => (
                <ExportRow key={job.id} export={job} />
              ))}
            </Stack>
          )}
          <ErrorAlert error={loadMoreError} />
          {hasNextPage && endCursor && (
            <Button variant="default" onClick={() => loadMore(endCursor)} loading={loadingMore} style={{ alignSelf: 'flex-start' }}>
              Show older exports
            </Button>
          )}
        </Stack>
      </Stack>
    </Page>
  );
}
