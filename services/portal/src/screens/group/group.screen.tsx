import { useQuery } from '@apollo/client/react';
import { Group, Text } from '@mantine/core';
import { Outlet, useParams } from 'react-router';
import { fallbackMessage } from '../../api/errors';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { Page, type Crumb } from '../../components/page';
import { graphql } from '../../gql';
import { GroupBadges } from './group-kind';
import { GroupTabs } from './group-tabs';

const GroupFrameQuery = graphql(`
  query GroupFrame($groupId: ID!) {
    group(id: $groupId) {
      id
      name
      memberCount
      memberCountWithSubgroups
      ...GroupBadges
      organization {
        id
        name
      }
      # Three levels of ancestors cover the breadcrumbs of nearly every tree without a request per level.
      parent {
        id
        name
        parent {
          id
          name
          parent {
            id
            name
          }
        }
      }
    }
  }
`);

interface Ancestor {
  id: string;
  name: string;
  parent?: Ancestor | null;
}

/** The ancestors from the top down, as far as the query reached. */
function ancestorsOf(parent: Ancestor | null | undefined): Ancestor[] {
  const chain: Ancestor[] = [];
  for (let at = parent; at; at = at.parent) chain.unshift(at);
  return chain;
}

function memberCountLine(direct: number, withSubgroups: number): string {
  const members = `${direct} ${direct === 1 ? 'member' : 'members'}`;
  return withSubgroups === direct ? members : `${members} · ${withSubgroups} with sub-groups`;
}

/** The frame of one group: its name, where it sits, what kind it is, and its sections (settings, members, ...). */
export function GroupScreen() {
  const { orgId = '', groupId = '' } = useParams();
  const { data, loading, error } = useQuery(GroupFrameQuery, { variables: { groupId } });
  const group = data?.group;

  if (loading && !data) return <Loading label="Loading the group" />;
  // A group of another organisation (or a private one) is not part of this organisation's portal.
  if (!group || group.organization?.id !== orgId) {
    return (
      <Page title="Group not found" crumbs={[{ label: 'Groups', to: `/orgs/${orgId}/groups` }]}>
        <ErrorAlert error={error} errors={error ? undefined : [{ code: 'NOT_FOUND', message: fallbackMessage('NOT_FOUND') }]} />
      </Page>
    );
  }

  const groupPath = `/orgs/${orgId}/groups/${group.id}`;
  const crumbs: Crumb[] = [
    { label: group.organization.name, to: `/orgs/${orgId}` },
    { label: 'Groups', to: `/orgs/${orgId}/groups` },
    ...ancestorsOf(group.parent).map((a) => ({ label: a.name, to: `/orgs/${orgId}/groups/${a.id}` })),
  ];

  return (
    <Page title={group.name} crumbs={crumbs}>
      <Group gap="sm" mt={-8}>
        <GroupBadges group={group} />
        <Text size="sm" c="dimmed">
          {memberCountLine(group.memberCount, group.memberCountWithSubgroups)}
        </Text>
      </Group>
      <GroupTabs groupPath={groupPath} groupName={group.name} />
      <Outlet />
    </Page>
  );
}
