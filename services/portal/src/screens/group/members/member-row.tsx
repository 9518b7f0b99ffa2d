import { Badge, Button, Checkbox, Text } from '@mantine/core';
import { memo } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../../gql';
import type { GroupRole } from '../../../gql/graphql';
import { formatJoined, ROLE_LABELS } from './member-format';
import classes from './members-table.module.css';

export const MemberRowFragment = graphql(`
  fragment MemberRow on Membership {
    role
    joinedAt
    user {
      id
      displayName
    }
  }
`);

export interface MemberRowActions {
  onSelect: (userId: string, name: string, selected: boolean) => void;
  onSetRole: (userId: string, name: string, role: GroupRole) => void;
}

/**
 * One member in the virtual table. Memoised: while scrolling, only rows entering the viewport render, and a row
 * re-renders only when its member, selection or pending change does.
 */
export const MemberRow = memo(function MemberRow(props: {
  membership: FragmentType<typeof MemberRowFragment>;
  rowIndex: number;
  top: number;
  selected: boolean;
  changingRole: boolean;
  canManage: boolean;
  actions: MemberRowActions;
}) {
  const member = getFragmentData(MemberRowFragment, props.membership);
  const { id, displayName } = member.user;
  const name = displayName || 'Unnamed member';
  return (
    <div
      role="row"
      aria-rowindex={props.rowIndex}
      data-selected={props.selected || undefined}
      className={classes.row}
      style={{ transform: `translateY(${props.top}px)` }}
    >
      <div role="cell" className={classes.cell}>
        {props.canManage && (
          <Checkbox aria-label={`Select ${name}`} checked={props.selected} onChange={(e) => props.actions.onSelect(id, name, e.currentTarget.checked)} />
        )}
      </div>
      <div role="cell" className={classes.cell}>
        <Text size="sm" fw={500} truncate>
          {name}
        </Text>
      </div>
      <div role="cell" className={classes.cell}>
        <Badge variant="light" color={member.role === 'MEMBER' ? 'gray' : 'blue'}>
          {ROLE_LABELS[member.role]}
        </Badge>
      </div>
      <div role="cell" className={classes.cell}>
        <Text size="sm">{formatJoined(member.joinedAt)}</Text>
      </div>
      <div role="cell" className={classes.cell}>
        {props.canManage && member.role !== 'OWNER' && (
          <Button
            size="compact-sm"
            variant="subtle"
            loading={props.changingRole}
            // Starts with the words on the button, so voice control finds it; the name tells rows apart.
            aria-label={`${member.role === 'ADMIN' ? 'Remove admin' : 'Make admin'}: ${name}`}
            onClick={() => props.actions.onSetRole(id, name, member.role === 'ADMIN' ? 'MEMBER' : 'ADMIN')}
          >
            {member.role === 'ADMIN' ? 'Remove admin' : 'Make admin'}
          </Button>
        )}
      </div>
    </div>
  );
});

/** Stands where the next page will appear, until it does. */
export function LoadingRow(props: { rowIndex: number; top: number }) {
  return (
    <div role="row" aria-rowindex={props.rowIndex} className={classes.row} style={{ transform: `translateY(${props.top}px)` }}>
      <div role="cell" className={classes.loadingCell}>
        <Text size="sm" c="dimmed">
          Loading more members…
        </Text>
      </div>
    </div>
  );
}
