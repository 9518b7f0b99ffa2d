import { useMutation } from '@apollo/client/react';
import { Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { splitByField, userErrors, type UserError } from '../../../api/errors';
import { ErrorAlert } from '../../../components/error-alert';
import { graphql } from '../../../gql';
import { buildGroupTree, groupPaths } from '../../groups/group-tree';
import { OrganizationGroupsQuery, useOrganizationGroups } from '../../groups/organization-groups';

const AttachSubgroupMutation = graphql(`
  mutation AttachSubgroup($input: AttachSubgroupInput!) {
    attachSubgroup(input: $input) {
      group {
        id
        parent {
          id
          name
        }
      }
    }
  }
`);

const DetachSubgroupMutation = graphql(`
  mutation DetachSubgroup($input: GroupInput!) {
    detachSubgroup(input: $input) {
      group {
        id
        parent {
          id
        }
      }
    }
  }
`);

/**
 * Where the group sits in the organisation's tree: move it under another group, or make it top-level. The API
 * refuses a move that would make a cycle (under one of its own sub-groups) and says so; that message shows here.
 */
export function GroupPlacement(props: { orgId: string; group: { id: string; name: string; parent?: { id: string; name: string } | null } }) {
  const { groups, complete, error: listError } = useOrganizationGroups(props.orgId);
  const options = useMemo(
    () =>
      groupPaths(buildGroupTree(groups))
        .filter((p) => p.group.id !== props.group.id)
        .map((p) => ({ value: p.group.id, label: p.path })),
    [groups, props.group.id],
  );
  const [parentId, setParentId] = useState<string | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  // The tree's counts and the frame's breadcrumbs both change with a move.
  const refetchQueries = [OrganizationGroupsQuery, 'GroupFrame'];
  const [attach, attaching] = useMutation(AttachSubgroupMutation, { refetchQueries, awaitRefetchQueries: true });
  const [detach, detaching] = useMutation(DetachSubgroupMutation, { refetchQueries, awaitRefetchQueries: true });
  const parent = props.group.parent;

  const onMove = async () => {
    if (!parentId) return setErrors([{ code: 'BAD_USER_INPUT', message: 'Choose the group to move it under.', field: 'parentId' }]);
    setErrors([]);
    try {
      const { data } = await attach({ variables: { input: { groupId: props.group.id, parentId } } });
      const newParent = data?.attachSubgroup.group.parent;
      notifications.show({
        closeButtonProps: { 'aria-label': 'Dismiss' },
        message: `“${props.group.name}” is now a sub-group of “${newParent?.name ?? 'the chosen group'}”.`,
        color: 'green',
      });
      setParentId(null);
    } catch (e) {
      setErrors(userErrors(e));
    }
  };
  const onDetach = async () => {
    setErrors([]);
    try {
      await detach({ variables: { input: { groupId: props.group.id } } });
      notifications.show({ closeButtonProps: { 'aria-label': 'Dismiss' }, message: `“${props.group.name}” is now a top-level group.`, color: 'green' });
    } catch (e) {
      setErrors(userErrors(e));
    }
  };
  const { byField, general } = splitByField(errors, ['parentId']);

  return (
    <Stack gap="sm" maw={560} component="section" aria-labelledby="group-placement-heading">
      <Title order={2} size="h4" id="group-placement-heading">
        Place in the organisation
      </Title>
      <Text size="sm">{parent ? <>A sub-group of “{parent.name}”.</> : 'A top-level group.'}</Text>
      <Group align="flex-end" gap="sm">
        <Select
          style={{ flex: '1 1 16rem' }}
          label="Move under"
          placeholder={complete ? 'Choose a group' : 'Loading the groups…'}
          data={options}
          value={parentId}
          onChange={setParentId}
          searchable
          clearable
          nothingFoundMessage="No group by that name"
          error={byField['parentId']}
          comboboxProps={{ withinPortal: true }}
          limit={200}
        />
        <Button variant="default" onClick={() => void onMove()} loading={attaching.loading}>
          Move
        </Button>
      </Group>
      {parent && (
        <Button variant="subtle" onClick={() => void onDetach()} loading={detaching.loading} style={{ alignSelf: 'flex-start' }}>
          Move to the top level
        </Button>
      )}
      <ErrorAlert errors={general} />
      {listError && <ErrorAlert error={listError} title="The organisation's groups could not be listed" />}
    </Stack>
  );
}
