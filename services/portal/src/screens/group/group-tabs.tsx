import { Group, UnstyledButton } from '@mantine/core';
import { NavLink } from 'react-router';
import classes from './group-tabs.module.css';

const TABS = [
  { to: '', label: 'Settings', end: true },
  { to: 'members', label: 'Members', end: false },
  { to: 'invitations', label: 'Invitations', end: false },
  { to: 'requests', label: 'Join requests', end: false },
] as const;

/**
 * The group's sections as links, not ARIA tabs: each is its own address, so the back button and a shared link
 * land on the same section. NavLink marks the current one with aria-current="page".
 */
export function GroupTabs(props: { groupPath: string; groupName: string }) {
  return (
    <nav aria-label={`${props.groupName} sections`} className={classes['bar']}>
      <Group gap={0} wrap="nowrap">
        {TABS.map((tab) => (
          <UnstyledButton
            key={tab.label}
            component={NavLink}
            to={tab.to ? `${props.groupPath}/${tab.to}` : props.groupPath}
            end={tab.end}
            className={classes['tab']}
          >
            {tab.label}
          </UnstyledButton>
        ))}
      </Group>
    </nav>
  );
}
