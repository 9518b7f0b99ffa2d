import { useMutation } from '@apollo/client/react';
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { userErrors, type UserError } from '../../../api/errors';
import { ErrorAlert } from '../../../components/error-alert';
import { graphql } from '../../../gql';
import { OrganizationGroupsQuery } from '../../groups/organization-groups';

const UnlinkGroupMutation = graphql(`
  mutation UnlinkGroupFromOrganization($input: GroupInput!) {
    unlinkGroupFromOrganization(input: $input) {
      group {
        id
        kind
      }
    }
  }
`);

/** Gives the group back to its members as a private group, after saying what that changes. */
export function UnlinkGroup(props: { orgId: string; organizationName: string; group: { id: string; name: string; isSubgroup: boolean } }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [errors, setErrors] = useState<UserError[]>([]);
  const navigate = useNavigate();
  // The frame reads the group's organisation: it is left alone here (the screen moves to the list instead).
  const [unlink, { loading }] = useMutation(UnlinkGroupMutation, { refetchQueries: [OrganizationGroupsQuery] });

  const onConfirm = async () => {
    setErrors([]);
    try {
      await unlink({ variables: { input: { groupId: props.group.id } } });
      notifications.show({
        closeButtonProps: { 'aria-label': 'Dismiss' },
        message: `“${props.group.name}” is now a private group; it no longer belongs to ${props.organizationName}.`,
        color: 'green',
      });
      navigate(`/orgs/${props.orgId}/groups`);
    } catch (e) {
      setErrors(userErrors(e));
    }
  };

  return (
    <>
      <Button variant="default" onClick={open} style={{ alignSelf: 'flex-start' }}>
        Unlink from {props.organizationName}
      </Button>
      <Modal opened={opened} onClose={close} closeButtonProps={{ 'aria-label': 'Close' }} title={`Unlink “${props.group.name}”?`}>
        <Stack gap="sm">
          <Text size="sm">It becomes a private group:</Text>
          <List size="sm" spacing={4}>
            <List.Item>its members and messages stay, but they no longer belong to {props.organizationName};</List.Item>
            <List.Item>{props.organizationName}&apos;s admins can no longer see or manage it, unless they are its own admins;</List.Item>
            <List.Item>it leaves this list of groups, and only the group&apos;s own owner and admins manage it from then on.</List.Item>
          </List>
          {props.group.isSubgroup && (
            <Text size="sm" c="orange.9">
              A sub-group cannot be unlinked: move it to the top level first.
            </Text>
          )}
          <ErrorAlert errors={errors} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Keep it in {props.organizationName}
            </Button>
            <Button color="red" onClick={() => void onConfirm()} loading={loading}>
              Unlink the group
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
