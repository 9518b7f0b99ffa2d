import { Anchor, Button, Group, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { GroupBadges } from '../group/group-kind';
import classes from './group-tree.module.css';

export const GroupTreeRowFragment = graphql(`
  fragment GroupTreeRow on Group {
    id
    name
    memberCount
    memberCountWithSubgroups
    ...GroupBadges
  }
`);

export interface GroupTreeRowProps {
  group: FragmentType<typeof GroupTreeRowFragment>;
  orgId: string;
  /** How many direct sub-groups are loaded; 0 shows no disclosure button. */
  subgroupCount: number;
  expanded: boolean;
  onToggle: () => void;
  onCreateSubgroup: (parent: { id: string; name: string }) => void;
}

function members(n: number): string {
  return `${n} ${n === 1 ? 'member' : 'members'}`;
}

/** One group in the tree: its name (to its page), kind, both member counts, and a sub-group action. */
export function GroupTreeRow(props: GroupTreeRowProps) {
  const group = getFragmentData(GroupTreeRowFragment, props.group);
  return (
    <div className={classes['row']}>
      <Group gap="xs" wrap="nowrap" className={classes['main']}>
        {props.subgroupCount > 0 ? (
          <UnstyledButton
            className={classes['toggle']}
            aria-expanded={props.expanded}
            aria-label={`Sub-groups of ${group.name} (${props.subgroupCount})`}
            onClick={props.onToggle}
          >
            <span aria-hidden className={classes['chevron']} data-expanded={props.expanded || undefined}>
              ▸
            </span>
          </UnstyledButton>
        ) : (
          <span className={classes['toggle']} aria-hidden />
        )}
        <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/orgs/${props.orgId}/groups/${group.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {group.name}
          </Anchor>
          <GroupBadges group={group} size="xs" />
        </Group>
      </Group>
      <Group gap="md" wrap="wrap" className={classes['side']}>
        <Text size="sm" c="dimmed">
          <span className={classes['countLabel']}>Members: </span>
          {members(group.memberCount)}
          {' · '}
          <span className={classes['countLabel']}>with sub-groups: </span>
          {members(group.memberCountWithSubgroups)}
        </Text>
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={() => props.onCreateSubgroup({ id: group.id, name: group.name })}
          aria-label={`Add sub-group to ${group.name}`}
        >
          Add sub-group
        </Button>
      </Group>
    </div>
  );
}
