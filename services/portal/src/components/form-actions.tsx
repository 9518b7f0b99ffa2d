import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/** A dialog form's last row: Cancel, then the form's own action, which submits it. */
export function FormActions(props: { onCancel: () => void; loading: boolean; children: ReactNode }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={props.onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={props.loading}>
        {props.children}
      </Button>
    </Group>
  );
}
