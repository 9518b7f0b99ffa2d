import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { FragmentType } from '../../gql';
import type { GroupTree, TreeGroup } from './group-tree';
import { GroupTreeRow, type GroupTreeRowFragment } from './group-tree-row';
import classes from './group-tree.module.css';

type RowGroup = TreeGroup & FragmentType<typeof GroupTreeRowFragment>;

/** Small trees open fully, so the whole structure is in view; large ones start at their top level. */
const OPEN_ALL_UP_TO = 100;

interface Expansion {
  /** null: decided by the tree's size. */
  openByDefault: boolean | null;
  /** Groups toggled away from the default. */
  toggled: ReadonlySet<string>;
}

export function useTreeExpansion(total: number, complete: boolean) {
  const [state, setState] = useState<Expansion>({ openByDefault: null, toggled: new Set() });
  const openByDefault = state.openByDefault ?? (complete && total <= OPEN_ALL_UP_TO);
  return {
    isOpen: (id: string) => openByDefault !== state.toggled.has(id),
    toggle: (id: string) =>
      setState((s) => {
        const toggled = new Set(s.toggled);
        if (!toggled.delete(id)) toggled.add(id);
        return { openByDefault: s.openByDefault ?? openByDefault, toggled };
      }),
    open: (id: string) =>
      setState((s) => {
        const base = s.openByDefault ?? openByDefault;
        const toggled = new Set(s.toggled);
        if (base) toggled.delete(id);
        else toggled.add(id);
        return { openByDefault: base, toggled };
      }),
    setAll: (open: boolean) => setState({ openByDefault: open, toggled: new Set() }),
  };
}

export type TreeExpansion = ReturnType<typeof useTreeExpansion>;

interface LevelProps<G extends RowGroup> {
  tree: GroupTree<G>;
  groups: G[];
  orgId: string;
  expansion: TreeExpansion;
  onCreateSubgroup: (parent: { id: string; name: string }) => void;
  label?: string;
}

function TreeLevel<G extends RowGroup>(props: LevelProps<G>) {
  return (
    <ul className={classes['list']} aria-label={props.label}>
      {props.groups.map((group) => {
        const children = props.tree.childrenOf.get(group.id) ?? [];
        const open = children.length > 0 && props.expansion.isOpen(group.id);
        return (
          <li key={group.id}>
            <GroupTreeRow
              group={group}
              orgId={props.orgId}
              subgroupCount={children.length}
              expanded={open}
              onToggle={() => props.expansion.toggle(group.id)}
              onCreateSubgroup={props.onCreateSubgroup}
            />
            {open && <TreeLevel {...props} groups={children} label={`Sub-groups of ${group.name}`} />}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The organisation's groups as nested lists with disclosure buttons (aria-expanded): each level is a list a screen
 * reader announces with its size, Tab moves from row to row, Enter or Space opens a group's sub-groups.
 */
export function GroupTreeView<G extends RowGroup>(props: {
  tree: GroupTree<G>;
  orgId: string;
  expansion: TreeExpansion;
  onCreateSubgroup: (parent: { id: string; name: string }) => void;
}) {
  const nested = props.tree.childrenOf.size > 0;
  return (
    <div>
      {nested && (
        <Group gap="xs" justify="flex-end" mb={4}>
          <Button size="compact-sm" variant="subtle" onClick={() => props.expansion.setAll(true)}>
            Expand all
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => props.expansion.setAll(false)}>
            Collapse all
          </Button>
        </Group>
      )}
      <TreeLevel
        tree={props.tree}
        groups={props.tree.roots}
        orgId={props.orgId}
        expansion={props.expansion}
        onCreateSubgroup={props.onCreateSubgroup}
        label="Groups"
      />
    </div>
  );
}
