import { Alert, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { userErrors, type UserError } from '../../api/errors';
import { ErrorAlert } from '../../components/error-alert';
import type { Network } from '../../gql/graphql';
import { PartialBulkError, useBulkChanges } from './bulk-changes';
import { people, summariseNetworkMove, summariseRemoval, type BulkOutcome, type BulkSummary } from './directory-format';
import { RemovalConsequences } from './removal-consequences';

/**
 * The selected people, and what can be done to all of them at once: move them to a network, or remove them (after
 * a confirmation that says what they lose).
 */
export function BulkActions(props: {
  orgId: string;
  orgName: string;
  /** userId → name of everyone selected. */
  selected: ReadonlyMap<string, string>;
  viewerId: string | undefined;
  onClear: () => void;
  onDone: (summary: BulkSummary) => void;
}) {
  const bulk = useBulkChanges(props.orgId);
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const [errors, setErrors] = useState<UserError[]>([]);
  const ids = [...props.selected.keys()];
  const count = people(ids.length);

  /** Shows what was done even when a later batch failed, and the failure beside the buttons. */
  const run = async (change: () => Promise<BulkOutcome[]>, summarise: (outcomes: BulkOutcome[]) => BulkSummary): Promise<boolean> => {
    setErrors([]);
    try {
      props.onDone(summarise(await change()));
      return true;
    } catch (error) {
      if (error instanceof PartialBulkError) {
        if (error.outcomes.length > 0) props.onDone(summarise(error.outcomes));
        setErrors(userErrors(error.failure));
      } else setErrors(userErrors(error));
      return false;
    }
  };

  const move = (network: Network) =>
    void run(
      () => bulk.moveToNetwork(ids, network),
      (o) => summariseNetworkMove(o, network, props.selected),
    );
  const remove = async () => {
    const done = await run(
      () => bulk.remove(ids),
      (o) => summariseRemoval(o, props.selected),
    );
    if (done) setConfirmingRemoval(false);
  };
  const includesViewer = props.viewerId !== undefined && props.selected.has(props.viewerId);

  return (
    <Paper withBorder p="sm" radius="md" aria-label="Selected people" component="section">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600} aria-live="polite">
            {count} selected
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="light" loading={bulk.moving} onClick={() => move('EMPLOYEE')}>
              Move to Employees
            </Button>
            <Button size="xs" variant="light" loading={bulk.moving} onClick={() => move('OTHER')}>
              Move to Others
            </Button>
            <Button size="xs" variant="light" color="red" onClick={() => setConfirmingRemoval(true)}>
              Remove from organisation
            </Button>
            <Button size="xs" variant="subtle" onClick={props.onClear}>
              Clear selection
            </Button>
          </Group>
        </Group>
        {!confirmingRemoval && <ErrorAlert errors={errors} />}
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={confirmingRemoval}
        onClose={() => setConfirmingRemoval(false)}
        title={`Remove ${count} from ${props.orgName}?`}
      >
        <Stack gap="md">
          <Text size="sm">For each person you remove:</Text>
          <RemovalConsequences orgName={props.orgName} />
          <Text size="sm" c="dimmed">
            The organisation always keeps one admin: if the selection names every admin, the last one is kept and the summary says so.
          </Text>
          {includesViewer && (
            <Alert color="orange" variant="light" title="You are selected">
              If you are removed, you will no longer be able to manage {props.orgName}.
            </Alert>
          )}
          <ErrorAlert errors={errors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmingRemoval(false)}>
              Cancel
            </Button>
            <Button color="red" loading={bulk.removing} onClick={() => void remove()}>
              Remove {count}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
