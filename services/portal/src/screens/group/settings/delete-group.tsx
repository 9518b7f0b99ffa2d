import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { userErrors, type UserError } from '../../../api/errors';
import { ErrorAlert } from '../../../components/error-alert';
import { graphql } from '../../../gql';
import { OrganizationGroupsQuery } from '../../groups/organization-groups';

const DeleteGroupMutation = graphql(`
  mutation DeleteGroup($input: GroupInput!) {
    deleteGroup(input: $input) {
      deleted
    }
  }
`);

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Deletes the group for good, after the admin types its name: the confirmation says what goes with it (the API's
 * description: its sub-groups become top-level groups; memberships and invite links end).
 */
export function DeleteGroup(props: { orgId: string; group: { id: string; name: string; memberCount: number; subgroupCount: number | null } }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const navigate = useNavigate();
  const client = useApolloClient();
  const [remove, { loading }] = useMutation(DeleteGroupMutation);
  const matches = typed.trim() === props.group.name.trim();

  const onOpen = () => {
    setTyped('');
    setErrors([]);
    open();
  };
  const onConfirm = async () => {
    if (!matches) return setErrors([{ code: 'BAD_USER_INPUT', message: `Type the group's name, “${props.group.name}”, to confirm.`, field: 'confirmName' }]);
    setErrors([]);
    try {
      await remove({ variables: { input: { groupId: props.group.id } } });
      notifications.show({ closeButtonProps: { 'aria-label': 'Dismiss' }, message: `“${props.group.name}” was deleted.`, color: 'green' });
      // Leave the group's screen before it leaves the cache, so the frame never shows a missing group.
      navigate(`/orgs/${props.orgId}/groups`);
      client.cache.evict({ id: client.cache.identify({ __typename: 'Group', id: props.group.id }) });
      client.cache.gc();
      void client.refetchQueries({ include: [OrganizationGroupsQuery] });
    } catch (e) {
      setErrors(userErrors(e));
    }
  };
  const fieldError = errors.find((e) => e.field === 'confirmName')?.message;
  const general = errors.filter((e) => e.field !== 'confirmName');

  return (
    <>
      <Button color="red" variant="outline" onClick={onOpen} style={{ alignSelf: 'flex-start' }}>
        Delete group
      </Button>
      <Modal opened={opened} onClose={close} closeButtonProps={{ 'aria-label': 'Close' }} title={`Delete “${props.group.name}”?`}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void onConfirm();
          }}
          noValidate
        >
          <Stack gap="sm">
            <Text size="sm">This cannot be undone. With the group goes:</Text>
            <List size="sm" spacing={4}>
              <List.Item>its messages and shared files, for everyone;</List.Item>
              <List.Item>{plural(props.group.memberCount, 'member’s', 'members’')} access to it;</List.Item>
              <List.Item>its invite links, which stop working, and the join requests waiting for a decision.</List.Item>
            </List>
            <Text size="sm">
              {props.group.subgroupCount === null
                ? 'Its sub-groups, if any, are kept and become top-level groups.'
                : props.group.subgroupCount === 0
                  ? 'It has no sub-groups.'
                  : `Its ${plural(props.group.subgroupCount, 'sub-group is', 'sub-groups are')} kept and become${props.group.subgroupCount === 1 ? 's a top-level group' : ' top-level groups'}.`}
            </Text>
            <TextInput
              label={`Type “${props.group.name}” to confirm`}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              error={fieldError}
              autoComplete="off"
              data-autofocus
            />
            <ErrorAlert errors={general} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Keep the group
              </Button>
              <Button type="submit" color="red" loading={loading} disabled={!matches}>
                Delete for good
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
