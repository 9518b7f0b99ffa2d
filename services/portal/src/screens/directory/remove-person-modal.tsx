import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { userErrors, type UserError } from '../../api/errors';
import { ErrorAlert } from '../../components/error-alert';
import { graphql } from '../../gql';
import { applyRemovals } from './directory-cache';
import type { DirectoryEntryData } from './directory-row';
import { RemovalConsequences } from './removal-consequences';

const RemoveOrganizationMemberMutation = graphql(`
  mutation RemoveOrganizationMember($input: RemoveOrganizationMemberInput!) {
    removeOrganizationMember(input: $input) {
      removed
    }
  }
`);

/** Asks before removing one person, saying what they lose; the last admin's refusal shows here in words. */
export function RemovePersonModal(props: {
  orgId: string;
  orgName: string;
  entry: DirectoryEntryData;
  isViewer: boolean;
  onClose: () => void;
  onRemoved: (name: string) => void;
}) {
  const [remove, { loading }] = useMutation(RemoveOrganizationMemberMutation);
  const [errors, setErrors] = useState<UserError[]>([]);
  const name = props.entry.displayName || 'Unnamed person';

  const onConfirm = async () => {
    setErrors([]);
    try {
      await remove({
        variables: { input: { organizationId: props.orgId, userId: props.entry.user.id } },
        update: (cache, { data }) => {
          if (data?.removeOrganizationMember.removed) applyRemovals(cache, props.orgId, new Set([props.entry.user.id]));
        },
      });
      props.onRemoved(name);
    } catch (error) {
      setErrors(userErrors(error));
    }
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened onClose={props.onClose} title={`Remove ${name} from ${props.orgName}?`}>
      <Stack gap="md">
        <Text size="sm">When you remove {name}:</Text>
        <RemovalConsequences orgName={props.orgName} />
        {props.isViewer && (
          <Alert color="orange" variant="light" title="This is you">
            You will no longer be able to manage {props.orgName}.
          </Alert>
        )}
        <ErrorAlert errors={errors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Keep {name}
          </Button>
          <Button color="red" loading={loading} onClick={() => void onConfirm()}>
            Remove {name}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
