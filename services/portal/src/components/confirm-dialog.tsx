import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { UserError } from '../api/errors';
import { ErrorAlert } from './error-alert';

/** Asks before an action that cannot be undone, saying what stops working; errors stay in the dialog. */
export function ConfirmDialog(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: string;
  confirmLabel: string;
  loading: boolean;
  errors: UserError[];
  onConfirm: () => void;
  /** Red for what cannot be undone (the default); the theme's colour for what can. */
  color?: string;
}) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack gap="md">
        <Text size="sm">{props.children}</Text>
        <ErrorAlert errors={props.errors} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={props.onClose}>
            Keep it
          </Button>
          <Button color={props.color ?? 'red'} loading={props.loading} onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
