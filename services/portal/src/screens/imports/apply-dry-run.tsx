import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { appliedAs, heldFile, markApplied } from './held-files';
import { plural } from './import-format';
import { UploadProgressBar } from './upload-progress';
import { useStartImport } from './use-start-import';

export const ApplyDryRunFragment = graphql(`
  fragment ApplyDryRun on ImportJob {
    id
    mode
    status
    fileName
    defaultCountry
    existingUsers
    organization {
      id
    }
    groups {
      id
    }
    counts {
      total
      failed
    }
  }
`);

/**
 * After a dry run that found rows to import: the same file imported for real, with the dry run's settings. The
 * browser still holds the file if it was chosen in this page; otherwise it has to be chosen again.
 */
export function ApplyDryRun(props: { job: FragmentType<typeof ApplyDryRunFragment> }) {
  const job = getFragmentData(ApplyDryRunFragment, props.job);
  const navigate = useNavigate();
  const upload = useStartImport({ refetchQueries: ['ImportsScreen'] });
  const applicable = job.mode === 'DRY_RUN' && (job.status === 'COMPLETED' || job.status === 'COMPLETED_WITH_ERRORS') && job.counts.total > job.counts.failed;
  if (!applicable) return null;

  const file = heldFile(job.id);
  const orgId = job.organization.id;
  const applyImportId = appliedAs(job.id);
  const good = job.counts.total - job.counts.failed;

  const onApply = async () => {
    if (!file) return;
    const settings = { organizationId: orgId, groupIds: job.groups.map((g) => g.id), defaultCountry: job.defaultCountry, existingUsers: job.existingUsers };
    const importId = await upload.start(settings, 'APPLY', file);
    if (!importId) return;
    markApplied(job.id, importId);
    navigate(`/orgs/${orgId}/imports/${importId}`);
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h4">
          Apply the file
        </Title>
        {applyImportId ? (
          <Text size="sm">
            You applied this file:{' '}
            <Anchor component={Link} to={`/orgs/${orgId}/imports/${applyImportId}`}>
              see the import
            </Anchor>
            .
          </Text>
        ) : file ? (
          <>
            <Text size="sm">
              Import {plural(good, 'row', 'rows')} of {file.name} with the same settings.
              {job.counts.failed > 0 &&
                ` The ${plural(job.counts.failed, 'row', 'rows')} that failed the check will fail again; fix them and upload them later.`}
            </Text>
            {upload.progress && <UploadProgressBar fileName={file.name} progress={upload.progress} />}
            <ErrorAlert errors={upload.errors} />
            <Button onClick={() => void onApply()} loading={upload.busy}>
              Apply this file
            </Button>
          </>
        ) : (
          <Text size="sm">
            This page no longer holds {job.fileName ?? 'the file'} (it was chosen before the page was reloaded, or in another window), and a browser cannot
            reopen a file by itself. To apply it, choose it again on the{' '}
            <Anchor component={Link} to={`/orgs/${orgId}/imports`}>
              Bulk upload screen
            </Anchor>
            .
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
