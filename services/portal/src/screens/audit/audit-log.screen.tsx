import { useQuery } from '@apollo/client/react';
import { Button, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { splitByField, userErrors, type UserError } from '../../api/errors';
import { downloadFile } from '../../api/files';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { graphql } from '../../gql';
import { AuditEntriesTable } from './audit-entries-table';
import { apiFilter, AuditFilters, NO_FILTER, type AuditFilterValues } from './audit-filters';
import { AuditIntegrity } from './audit-integrity';

const PAGE = 50;

const AuditLogScreenQuery = graphql(`
  query AuditLogScreen($orgId: ID!, $first: Int!, $after: String, $filter: AuditLogFilter) {
    organization(id: $orgId) {
      id
      name
      auditLog(first: $first, after: $after, filter: $filter) {
        edges {
          cursor
          node {
            id
            ...AuditEntryRow
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

/** What admins, connectors and imports did in the organisation, newest first: filter it, download it, check it. Admins only. */
export function AuditLogScreen() {
  const { orgId = '' } = useParams();
  const [filter, setFilter] = useState<AuditFilterValues>(NO_FILTER);
  const variables = { orgId, first: PAGE, filter: apiFilter(filter) };
  const { data, previousData, loading, error, fetchMore } = useQuery(AuditLogScreenQuery, { variables });
  const [loadingMore, setLoadingMore] = useState(false);
  const { byField, general } = splitByField(userErrors(error), ['action', 'from', 'to']);
  const refused = Object.keys(byField).length > 0;
  // While other filters load (or after they are refused), the screen and its filters stay as they were.
  const shown = data ?? previousData;

  if (loading && !shown) return <Loading label="Loading the audit log" />;
  const organization = shown?.organization;
  if (!organization) {
    return (
      <Page title="Audit log">
        <ErrorAlert error={error} />
      </Page>
    );
  }
  const edges = refused ? [] : organization.auditLog.edges;
  const pageInfo = refused ? null : organization.auditLog.pageInfo;
  const more = async () => {
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: pageInfo?.endCursor } });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Page
      title="Audit log"
      description="Every administrative action in this organisation, by people, connectors and bulk uploads: who, when, from where, and what changed. Entries cannot be changed or deleted."
      crumbs={[{ label: organization.name, to: `/orgs/${orgId}/groups` }]}
      actions={<AuditDownloads orgId={orgId} filter={filter} />}
    >
      <Stack gap="xl">
        <AuditFilters errors={byField} onApply={setFilter} />
        <ErrorAlert errors={general} />
        <Stack gap="sm">
          <Title order={2} size="h4">
            Entries
          </Title>
          {edges.length === 0 ? (
            <EmptyState title="Nothing recorded">
              {Object.keys(variables.filter).length === 0 ? 'Actions appear here as admins change the organisation.' : 'No entry matches these filters.'}
            </EmptyState>
          ) : (
            <AuditEntriesTable entries={edges.map((e) => e.node)} />
          )}
          {pageInfo?.hasNextPage && (
            <Button variant="default" loading={loadingMore} onClick={() => void more()} style={{ alignSelf: 'flex-start' }}>
              Older entries
            </Button>
          )}
        </Stack>
        <AuditIntegrity orgId={orgId} />
      </Stack>
    </Page>
  );
}

/** The whole log as the filters select it, as CSV or JSON Lines (fetched with the session's token, then saved). */
function AuditDownloads(props: { orgId: string; filter: AuditFilterValues }) {
  const [busy, setBusy] = useState<'csv' | 'jsonl' | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const download = async (format: 'csv' | 'jsonl') => {
    setBusy(format);
    setErrors([]);
    try {
      const query = new URLSearchParams(apiFilter(props.filter)).toString();
      await downloadFile(`/audit/${props.orgId}/entries.${format}${query ? `?${query}` : ''}`, `audit-log.${format}`);
    } catch (error) {
      setErrors(userErrors(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs">
        <Button variant="default" loading={busy === 'csv'} onClick={() => void download('csv')}>
          Download CSV
        </Button>
        <Button variant="default" loading={busy === 'jsonl'} onClick={() => void download('jsonl')}>
          Download JSON Lines
        </Button>
      </Group>
      <ErrorAlert errors={errors} />
    </Stack>
  );
}
