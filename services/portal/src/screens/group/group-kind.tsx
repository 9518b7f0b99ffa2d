import { Badge, Group } from '@mantine/core';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { GroupKind } from '../../gql/graphql';

export const KIND_LABELS: Record<GroupKind, string> = {
  ORGANIZATION: 'Organisation group',
  BROADCAST: 'Broadcast group',
  PRIVATE: 'Private group',
};

export const GroupBadgesFragment = graphql(`
  fragment GroupBadges on Group {
    kind
    announcementOnly
  }
`);

/** What kind of group this is and who may post, as badges (shared by the group frame and the groups tree). */
export function GroupBadges(props: { group: FragmentType<typeof GroupBadgesFragment>; size?: 'xs' | 'sm' }) {
  const group = getFragmentData(GroupBadgesFragment, props.group);
  const size = props.size ?? 'sm';
  return (
    <Group gap={4} wrap="wrap">
      <Badge size={size} variant="light" color={group.kind === 'BROADCAST' ? 'grape' : group.kind === 'PRIVATE' ? 'gray' : 'blue'}>
        {KIND_LABELS[group.kind]}
      </Badge>
      {group.announcementOnly && (
        <Badge size={size} variant="outline" color="teal">
          Announcements only
        </Badge>
      )}
    </Group>
  );
}
