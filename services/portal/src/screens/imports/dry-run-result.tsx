import { useQuery } from '@apollo/client/react';
import { Anchor, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { graphql } from '../../gql';
import { ApplyDryRun } from './apply-dry-run';
import { ErrorReport } from './error-report';
import { isFinished } from './import-format';
import { ImportProgressPanel } from './import-progress-panel';
import { useLiveImport } from './use-live-import';

const DryRunResultQuery = graphql(`
  query DryRunResult($id: ID!) {
    importJob(id: $id) {
      id
      status
      fileName
      errorReportUrl
      organization {
        id
      }
      counts {
        failed
      }
      ...ImportProgressPanel
      ...ApplyDryRun
    }
  }
`);

/** What a dry run found, live while it checks the rows; then the failed rows and the way to apply the file. */
export function DryRunResult(props: { importId: string }) {
  const query = useQuery(DryRunResultQuery, { variables: { id: props.importId } });
  const job = query.data?.importJob;
  useLiveImport(props.importId, job?.status, query);

  if (!job) return query.loading ? <Loading label="Starting the dry run" /> : <ErrorAlert error={query.error} />;
  const finished = isFinished(job.status);
  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        What the dry run found
      </Title>
      <ImportProgressPanel job={job} />
      {finished && job.errorReportUrl && <ErrorReport url={job.errorReportUrl} fileName={job.fileName} importId={job.id} failed={job.counts.failed} />}
      <ApplyDryRun job={job} />
      <Anchor component={Link} to={`/orgs/${job.organization.id}/imports/${job.id}`} size="sm">
        Open this dry run on its own page
      </Anchor>
    </Stack>
  );
}
