import { useMutation, useSubscription } from '@apollo/client/react';
import { Badge, Button, Code, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { userErrors, type UserError } from '../../api/errors';
import { downloadFile } from '../../api/files';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorAlert } from '../../components/error-alert';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatBytes, formatCount, formatDateTime } from '../imports/import-format';
import { EXPORT_STATUS_COLORS, EXPORT_STATUS_LABELS, isExportGoing, rangeText } from './export-format';

export const ExportRowFragment = graphql(`
  fragment ExportRow on ExportJob {
    id
    status
    createdAt
    from
    to
    recordsWritten
    recordsTotal
    percent
    expiresAt
    failureReason
    downloadUrl
    archiveBytes
    archiveSha256
    startedBy {
      id
      displayName
    }
  }
`);

const ExportProgressSubscription = graphql(`
  subscription ExportProgress($exportId: ID!) {
    exportProgress(exportId: $exportId) {
      exportId
      status
      export {
        id
        ...ExportRow
      }
    }
  }
`);

const CancelExportMutation = graphql(`
  mutation CancelExport($input: CancelExportInput!) {
    cancelExport(input: $input) {
      export {
        id
        ...ExportRow
      }
    }
  }
`);

/** One export: its state live while it runs (exportProgress writes it into the cache), then its archive to download, or why it stopped. */
export function ExportRow(props: { export: FragmentType<typeof ExportRowFragment> }) {
  const job = getFragmentData(ExportRowFragment, props.export);
  const going = isExportGoing(job.status);
  useSubscription(ExportProgressSubscription, { variables: { exportId: job.id }, skip: !going });
  const [errors, setErrors] = useState<UserError[]>([]);
  const [downloading, setDownloading] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [cancel, { loading: cancelling }] = useMutation(CancelExportMutation);
  const color = EXPORT_STATUS_COLORS[job.status];
  const started = formatDateTime(job.createdAt);

  const download = async () => {
    setDownloading(true);
    setErrors([]);
    try {
      await downloadFile(job.downloadUrl!, `organization-export-${job.createdAt.slice(0, 10)}.tar.gz`);
    } catch (error) {
      setErrors(userErrors(error));
    } finally {
      setDownloading(false);
    }
  };
  const [cancelErrors, setCancelErrors] = useState<UserError[]>([]);
  const stop = async () => {
    setCancelErrors([]);
    try {
      await cancel({ variables: { input: { exportId: job.id } } });
      setConfirming(false);
    } catch (error) {
      setCancelErrors(userErrors(error));
    }
  };

  return (
    <Paper withBorder p="md" component="li" aria-label={`Export started ${started}`}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Stack gap={0}>
            <Text fw={600}>{rangeText(job.from, job.to, formatDateTime)}</Text>
            <Text size="sm" c="dimmed">
              Started {started} by {job.startedBy.displayName}
            </Text>
          </Stack>
          <Badge color={color} variant="light" c={color === 'green' ? 'var(--mantine-color-text)' : undefined} style={{ flexShrink: 0 }}>
            {EXPORT_STATUS_LABELS[job.status]}
          </Badge>
        </Group>
        {going && (
          <>
            <Progress value={job.percent} aria-label="Export progress" striped animated={job.status === 'RUNNING'} transitionDuration={0} />
            <Text size="sm" c="dimmed">
              {job.recordsTotal > 0
                ? `${formatCount(job.recordsWritten)} of ${formatCount(job.recordsTotal)} records · ${Math.floor(job.percent)} %`
                : 'Counting records…'}
            </Text>
          </>
        )}
        {job.status === 'COMPLETED' && (
          <Text size="sm">
            {formatCount(job.recordsWritten)} records, {formatBytes(job.archiveBytes ?? 0)}
            {job.expiresAt && ` · kept until ${formatDateTime(job.expiresAt)}`}
            <br />
            SHA-256 <Code style={{ wordBreak: 'break-all' }}>{job.archiveSha256}</Code>
          </Text>
        )}
        {job.status === 'FAILED' && job.failureReason && (
          <Text size="sm" c="red.8">
            {job.failureReason}
          </Text>
        )}
        <ErrorAlert errors={errors} />
        <Group gap="xs">
          {job.status === 'COMPLETED' && job.downloadUrl && (
            <Button onClick={() => void download()} loading={downloading}>
              Download archive
            </Button>
          )}
          {going && (
            <Button color="red" variant="light" onClick={() => setConfirming(true)}>
              Cancel export
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title="Cancel this export?"
        confirmLabel="Cancel export"
        loading={cancelling}
        errors={cancelErrors}
        onConfirm={() => void stop()}
        onClose={() => setConfirming(false)}
      >
        The export stops and nothing of it is kept. You can start another at any time.
      </ConfirmDialog>
    </Paper>
  );
}
