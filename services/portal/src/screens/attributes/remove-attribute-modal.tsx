import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { userErrors, type UserError } from '../../api/errors';
import { ErrorAlert } from '../../components/error-alert';
import { graphql } from '../../gql';
import { OrganizationAttributesQuery } from './define-attribute';

const RemoveUserAttributeMutation = graphql(`
  mutation RemoveUserAttribute($input: RemoveUserAttributeInput!) {
    removeUserAttribute(input: $input) {
      removed
    }
  }
`);

/** Asks before removing an attribute, saying that everyone's values of it go too. */
export function RemoveAttributeModal(props: { orgId: string; orgName: string; name: string; onClose: () => void; onRemoved: (name: string) => void }) {
  const [remove, { loading }] = useMutation(RemoveUserAttributeMutation, { refetchQueries: [OrganizationAttributesQuery], awaitRefetchQueries: true });
  const [errors, setErrors] = useState<UserError[]>([]);

  const onConfirm = async () => {
    setErrors([]);
    try {
      await remove({
        variables: { input: { organizationId: props.orgId, name: props.name } },
        // The directory shows a column per attribute: its lists load afresh next time.
        update: (cache) => {
          cache.evict({ id: cache.identify({ __typename: 'Organization', id: props.orgId }), fieldName: 'directory' });
        },
      });
      props.onRemoved(props.name);
    } catch (error) {
      setErrors(userErrors(error));
    }
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened onClose={props.onClose} title={`Remove ${props.name}?`}>
      <Stack gap="md">
        <Text size="sm">
          Everyone&apos;s {props.name} values in {props.orgName} are deleted with it, and cannot be brought back. Defining {props.name} again later starts with
          no values.
        </Text>
        <ErrorAlert errors={errors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Keep {props.name}
          </Button>
          <Button color="red" loading={loading} onClick={() => void onConfirm()}>
            Remove {props.name} and its values
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
