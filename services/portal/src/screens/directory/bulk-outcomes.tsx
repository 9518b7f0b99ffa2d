import { Alert, CloseButton, Group, List, Stack, Text } from '@mantine/core';
import type { BulkSummary } from './directory-format';

/** What a bulk change did: the counts, then each person it did not apply to, by name, with the reason. */
export function BulkOutcomes(props: { summary: BulkSummary; onDismiss: () => void }) {
  const { summary } = props;
  return (
    <Alert color={summary.complete ? 'green' : 'yellow'} variant="light" role="status" aria-live="polite">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6}>
          <Text fw={600} size="sm">
            {summary.headline}
          </Text>
          {summary.details.map((d) => (
            <Text key={d} size="sm">
              {d}
            </Text>
          ))}
          {summary.refusals.length > 0 && (
            <List size="sm" spacing={2} aria-label="People not changed">
              {summary.refusals.map((r, i) => (
                <List.Item key={`${r.userId}-${i}`}>
                  <Text span fw={500} size="sm">
                    {r.name}:
                  </Text>{' '}
                  {r.reason}
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
        <CloseButton aria-label="Dismiss this summary" onClick={props.onDismiss} />
      </Group>
    </Alert>
  );
}
