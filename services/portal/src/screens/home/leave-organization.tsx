import { useMutation } from '@apollo/client/react';
import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { userErrors, type UserError } from '../../api/errors';
import { ViewerQuery } from '../../app/viewer';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { graphql } from '../../gql';

const LeaveOrganizationMutation = graphql(`
  mutation LeaveOrganization($input: LeaveOrganizationInput!) {
    leaveOrganization(input: $input) {
      left
    }
  }
`);

/** Leaving ends the person's access to the organisation's groups at once; its last admin is told why they cannot. */
export function LeaveOrganization(props: { organizationId: string; name: string }) {
  const [opened, dialog] = useDisclosure(false);
  const [leave, leaving] = useMutation(LeaveOrganizationMutation, { refetchQueries: [ViewerQuery], awaitRefetchQueries: true });
  const [errors, setErrors] = useState<UserError[]>([]);
  const onLeave = async () => {
    setErrors([]);
    try {
      await leave({ variables: { input: { organizationId: props.organizationId } } });
      dialog.close();
    } catch (error) {
      setErrors(userErrors(error));
    }
  };
  return (
    <>
      <Button size="compact-sm" variant="subtle" color="red" onClick={dialog.open} aria-label={`Leave ${props.name}`}>
        Leave
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={() => {
          setErrors([]);
          dialog.close();
        }}
        title={`Leave ${props.name}?`}
        confirmLabel="Leave organisation"
        loading={leaving.loading}
        errors={errors}
        onConfirm={() => void onLeave()}
      >
        {`You leave ${props.name}'s directory and every one of its groups at once, and its invite links no longer let you in; what you wrote stays with the organisation. To come back, one of its admins must add you to its directory again.`}
      </ConfirmDialog>
    </>
  );
}
