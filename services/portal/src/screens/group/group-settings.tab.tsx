import { useQuery } from '@apollo/client/react';
import { Divider, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { graphql } from '../../gql';
import { buildGroupTree } from '../groups/group-tree';
import { useOrganizationGroups } from '../groups/organization-groups';
import { DeleteGroup } from './settings/delete-group';
import { GroupDetailsForm } from './settings/group-details-form';
import { GroupPlacement } from './settings/group-placement';
import { GroupRetention } from './settings/group-retention';
import { UnlinkGroup } from './settings/unlink-group';

const GroupSettingsQuery = graphql(`
  query GroupSettings($groupId: ID!) {
    group(id: $groupId) {
      id
      name
      memberCount
      organization {
        id
        name
        myRole
      }
      parent {
        id
        name
      }
      ...GroupDetailsForm
      ...GroupRetention
    }
  }
`);

/** The group's own settings: its details, its place in the tree, its message retention, and unlinking or deleting it. */
export function GroupSettingsTab() {
  const { orgId = '', groupId = '' } = useParams();
  const { data, loading, error } = useQuery(GroupSettingsQuery, { variables: { groupId } });
  // The same cached list as the groups tree: it feeds the parent picker and says how many sub-groups a deletion frees.
  const { groups, complete } = useOrganizationGroups(orgId);
  const subgroupCount = useMemo(() => (complete ? (buildGroupTree(groups).childrenOf.get(groupId)?.length ?? 0) : null), [complete, groups, groupId]);
  const group = data?.group;

  if (loading && !data) return <Loading label="Loading the group's settings" />;
  // The frame already says when the group is missing or foreign; this only covers a failure of its own query.
  if (!group || group.organization?.id !== orgId) return <ErrorAlert error={error} />;

  return (
    <Stack gap="xl" pt="xs">
      <GroupDetailsForm group={group} />
      <Divider />
      <GroupPlacement orgId={orgId} group={group} />
      <Divider />
      {/* The period and legal hold are the organisation's admins' to set; a group's own admins do not see them. */}
      {group.organization.myRole === 'ADMIN' && (
        <>
          <GroupRetention group={group} />
          <Divider />
        </>
      )}
      <Stack gap="sm" maw={560} component="section" aria-labelledby="group-danger-heading">
        <Title order={2} size="h4" id="group-danger-heading">
          Unlink or delete
        </Title>
        <Text size="sm" c="dimmed">
          Unlinking gives the group back to its own admins as a private group; deleting removes it for everyone.
        </Text>
        <UnlinkGroup orgId={orgId} organizationName={group.organization.name} group={{ id: group.id, name: group.name, isSubgroup: Boolean(group.parent) }} />
        <DeleteGroup orgId={orgId} group={{ id: group.id, name: group.name, memberCount: group.memberCount, subgroupCount }} />
      </Stack>
    </Stack>
  );
}
