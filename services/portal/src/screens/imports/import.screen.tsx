import { useQuery } from '@apollo/client/react';
import { Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { graphql } from '../../gql';
import { ApplyDryRun } from './apply-dry-run';
import { CancelImportButton } from './cancel-import';
import { ErrorReport } from './error-report';
import { ImportFacts } from './import-facts';
import { isFinished, modeLabel } from './import-format';
import { ImportProgressPanel } from './import-progress-panel';
import { useLiveImport } from './use-live-import';

const ImportScreenQuery = graphql(`
  query ImportScreen($id: ID!) {
    importJob(id: $id) {
      id
      mode
      status
      fileName
      errorReportUrl
      counts {
        failed
      }
      organization {
        id
        name
      }
      ...ImportProgressPanel
      ...ImportFacts
      ...ApplyDryRun
    }
  }
`);

/** One upload, live while it runs (importProgress), then its outcome, its error report and, for a dry run, applying it. */
export function ImportScreen() {
  const { orgId = '', importId = '' } = useParams();
  const query = useQuery(ImportScreenQuery, { variables: { id: importId } });
  const job = query.data?.importJob;
  useLiveImport(importId, job?.status, query);

  if (query.loading && !query.data) return <Loading label="Loading the upload" />;
  const crumbs = [{ label: 'Bulk upload', to: `/orgs/${orgId}/imports` }];
  if (!job) {
    return (
      <Page title="Upload not found" crumbs={crumbs}>
        {query.error ? <ErrorAlert error={query.error} /> : <EmptyState title="This upload does not exist, or you cannot see it." />}
      </Page>
    );
  }
  const finished = isFinished(job.status);
  const title = `${modeLabel(job.mode)} of ${job.fileName ?? 'a file'}`;

  return (
    <Page
      title={title}
      description={
        job.mode === 'DRY_RUN'
          ? 'A dry run checks every row and reports what would happen; it changes nothing.'
          : `People imported into ${job.organization.name}.`
      }
      crumbs={crumbs}
      actions={!finished ? <CancelImportButton importId={job.id} mode={job.mode} /> : undefined}
    >
      <Stack gap="md">
        {query.error && <ErrorAlert error={query.error} />}
        <ImportProgressPanel job={job} />
        <ApplyDryRun job={job} />
        {finished && job.errorReportUrl && <ErrorReport url={job.errorReportUrl} fileName={job.fileName} importId={job.id} failed={job.counts.failed} />}
        <ImportFacts job={job} />
      </Stack>
    </Page>
  );
}
