import { Anchor, Button, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { ErrorReportButton } from './error-report';
import { formatCount, formatDateTime, modeLabel } from './import-format';
import { ImportStatusBadge } from './import-status-badge';

export const ImportHistoryRowFragment = graphql(`
  fragment ImportHistoryRow on ImportJob {
    id
    kind
    fileName
    mode
    status
    createdAt
    errorReportUrl
    startedBy {
      id
      displayName
    }
    counts {
      total
      created
      updated
      unchanged
      failed
    }
  }
`);

export const ImportHistoryFragment = graphql(`
  fragment ImportHistory on Organization {
    id
    imports(first: 20) {
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
`);

/** Every upload into the organisation, newest first, each with its outcome and error report. */
export function ImportHistory(props: {
  organization: FragmentType<typeof ImportHistoryFragment>;
  onLoadMore: (after: string) => void;
  loadingMore: boolean;
  loadMoreError: unknown;
}) {
  const organization = getFragmentData(ImportHistoryFragment, props.organization);
  const { edges, pageInfo } = organization.imports;

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Upload history
      </Title>
      {edges.length === 0 ? (
        <EmptyState title="No uploads yet">Dry runs and imports of this organisation appear here, newest first, with their outcome.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={900} type="native" tabIndex={0} role="region" aria-label="Upload history (scrolls sideways on narrow screens)">
          <Table striped highlightOnHover withTableBorder aria-label="Upload history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">File</Table.Th>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Rows</Table.Th>
                <Table.Th scope="col">Uploaded by</Table.Th>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Error report</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {edges.map((e) => (
                <ImportHistoryRow key={e.node.id} job={e.node} organizationId={organization.id} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ErrorAlert error={props.loadMoreError} />
      {pageInfo.hasNextPage && pageInfo.endCursor && (
        <Button variant="default" onClick={() => props.onLoadMore(pageInfo.endCursor!)} loading={props.loadingMore} style={{ alignSelf: 'flex-start' }}>
          Show older uploads
        </Button>
      )}
    </Stack>
  );
}

function ImportHistoryRow(props: { job: FragmentType<typeof ImportHistoryRowFragment>; organizationId: string }) {
  const job = getFragmentData(ImportHistoryRowFragment, props.job);
  const name = job.fileName ?? 'File not uploaded';
  const { counts } = job;
  return (
    <Table.Tr>
      <Table.Td miw={160}>
        <Anchor
          component={Link}
          // A chat import opens where it was made: its preview, or the import writing it.
          to={
            job.kind === 'CHAT'
              ? `/orgs/${props.organizationId}/chat-import?${job.mode === 'DRY_RUN' ? 'preview' : 'import'}=${job.id}`
              : `/orgs/${props.organizationId}/imports/${job.id}`
          }
          size="sm"
          style={{ overflowWrap: 'anywhere' }}
        >
          {name}
        </Anchor>
      </Table.Td>
      <Table.Td>{modeLabel(job.mode)}</Table.Td>
      <Table.Td>
        <ImportStatusBadge status={job.status} mode={job.mode} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {formatCount(counts.total)} rows: {formatCount(counts.created)} new, {formatCount(counts.updated)} updated, {formatCount(counts.unchanged)} unchanged,{' '}
          {formatCount(counts.failed)} failed
        </Text>
      </Table.Td>
      <Table.Td>{job.startedBy.displayName}</Table.Td>
      <Table.Td>{formatDateTime(job.createdAt)}</Table.Td>
      <Table.Td>
        {job.errorReportUrl ? (
          <ErrorReportButton
            url={job.errorReportUrl}
            fileName={job.fileName}
            importId={job.id}
            compact
            label={`Download error report of ${name}, ${formatDateTime(job.createdAt)}`}
          />
        ) : (
          <Text size="sm" c="dimmed">
            None
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
