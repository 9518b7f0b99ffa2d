import { useQuery } from '@apollo/client/react';
import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useViewer } from '../../app/viewer';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { graphql } from '../../gql';
import { BulkUpload } from './bulk-upload';
import { guessCountry } from './countries';
import { ImportHistory } from './import-history';
import { ImportTemplateCard } from './import-template';

const ImportsScreenQuery = graphql(`
  query ImportsScreen($orgId: ID!) {
    organization(id: $orgId) {
      id
      name
      ...ImportTargetGroups
      ...ImportHistory
    }
    importTemplate(organizationId: $orgId) {
      ...ImportTemplateCard
    }
  }
`);

/** The next pages of the screen's lists, merged into the same cached connections (relayStylePagination). */
const MoreImportTargetGroupsQuery = graphql(`
  query MoreImportTargetGroups($orgId: ID!, $after: String) {
    organization(id: $orgId) {
      id
      groups(first: 100, after: $after) {
        edges {
          cursor
          node {
            id
            ...ImportTargetGroup
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

const MoreImportHistoryQuery = graphql(`
  query MoreImportHistory($orgId: ID!, $after: String) {
    organization(id: $orgId) {
      id
      imports(first: 20, after: $after) {
        edges {
          cursor
          node {
            id
            ...ImportHistoryRow
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

/** Bulk upload: the template, the upload (dry run, then apply) and the organisation's upload history. */
export function ImportsScreen() {
  const { orgId = '' } = useParams();
  const { data, loading, error, fetchMore } = useQuery(ImportsScreenQuery, { variables: { orgId } });
  const viewer = useViewer();
  const [loadingMore, setLoadingMore] = useState<'groups' | 'imports' | null>(null);
  const [loadMoreError, setLoadMoreError] = useState<unknown>(null);

  // The viewer's own number suggests the default country, so the form waits for it (it is usually cached).
  if ((loading && !data) || (viewer.loading && !viewer.data)) return <Loading label="Loading bulk upload" />;
  const organization = data?.organization;
  if (!organization || !data.importTemplate) {
    return (
      <Page title="Bulk upload">
        <ErrorAlert error={error} />
      </Page>
    );
  }

  const loadMore = (which: 'groups' | 'imports', after: string) => {
    setLoadingMore(which);
    setLoadMoreError(null);
    const query = which === 'groups' ? MoreImportTargetGroupsQuery : MoreImportHistoryQuery;
    fetchMore({ query, variables: { orgId, after } })
      .catch((e: unknown) => setLoadMoreError(e))
      .finally(() => setLoadingMore(null));
  };

  return (
    <Page
      title="Bulk upload"
      description="Add many people at once from a CSV file: into the directory, and into groups you manage."
      crumbs={[{ label: organization.name, to: `/orgs/${orgId}/groups` }]}
    >
      <Stack gap="xl">
        {error && <ErrorAlert error={error} />}
        <ImportTemplateCard template={data.importTemplate} />
        <BulkUpload
          key={orgId}
          organizationId={orgId}
          organization={organization}
          defaultCountry={guessCountry(viewer.data?.me?.phone)}
          onLoadMoreGroups={(after) => loadMore('groups', after)}
          loadingMoreGroups={loadingMore === 'groups'}
        />
        <ImportHistory
          organization={organization}
          onLoadMore={(after) => loadMore('imports', after)}
          loadingMore={loadingMore === 'imports'}
          loadMoreError={loadMoreError}
        />
      </Stack>
    </Page>
  );
}
