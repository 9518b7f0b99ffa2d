import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** What an empty list says, and the action that fills it. */
export function EmptyState(props: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="xs" align="flex-start">
        <Text fw={600}>{props.title}</Text>
        {props.children && (
          <Text size="sm" c="dimmed">
            {props.children}
          </Text>
        )}
        {props.action}
      </Stack>
    </Paper>
  );
}
