import { Alert, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { ImportStatusBadge } from './import-status-badge';
import { formatCount, formatRate, formatSecondsLeft, isFinished, outcomeSentence, statusColor, statusLabel } from './import-format';

export const ImportProgressPanelFragment = graphql(`
  fragment ImportProgressPanel on ImportJob {
    id
    mode
    status
    percent
    rowsPerSecond
    estimatedSecondsLeft
    failureReason
    counts {
      total
      processed
      created
      updated
      unchanged
      failed
    }
  }
`);

/** An import's live progress (bar, rate, time left, counts), then its outcome in words. */
export function ImportProgressPanel(props: { job: FragmentType<typeof ImportProgressPanelFragment> }) {
  const job = getFragmentData(ImportProgressPanelFragment, props.job);
  const { counts } = job;
  const finished = isFinished(job.status);
  const dry = job.mode === 'DRY_RUN';
  const percent = Math.min(100, Math.max(0, job.percent));
  const outcome = outcomeSentence(job);
  const label = dry ? 'Dry run progress' : 'Import progress';

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <ImportStatusBadge status={job.status} mode={job.mode} size="lg" />
          <Text fw={600} aria-hidden>
            {Math.floor(percent)} %
          </Text>
        </Group>
        <Progress
          value={percent}
          aria-label={label}
          size="lg"
          color={statusColor(job.status)}
          striped={!finished}
          animated={job.status === 'RUNNING'}
          // Without a transition the bar shows each event as it arrives.
          transitionDuration={0}
        />
        <Text size="sm" c="dimmed">
          {counts.total > 0 ? `${formatCount(counts.processed)} of ${formatCount(counts.total)} rows` : 'Counting rows…'}
          {job.rowsPerSecond != null && !finished && ` · ${formatRate(job.rowsPerSecond)}`}
          {job.estimatedSecondsLeft != null && !finished && ` · ${formatSecondsLeft(job.estimatedSecondsLeft)} left`}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Count label={dry ? 'Would be created' : 'Created'} value={counts.created} />
          <Count label={dry ? 'Would be updated' : 'Updated'} value={counts.updated} />
          <Count label="Unchanged" value={counts.unchanged} />
          <Count label={dry ? 'Would fail' : 'Failed'} value={counts.failed} color={counts.failed > 0 ? 'red.9' : undefined} />
        </SimpleGrid>
        {outcome && (
          <Alert
            role="status"
            color={statusColor(job.status)}
            variant="light"
            title={statusLabel(job.status, job.mode)}
            // The title in the text colour: orange's darkest shade falls short of AA contrast on its tint.
            styles={{ title: { color: 'var(--mantine-color-text)' } }}
          >
            {outcome}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function Count(props: { label: string; value: number; color?: string | undefined }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text fw={700} size="xl" c={props.color}>
        {formatCount(props.value)}
      </Text>
    </Stack>
  );
}
