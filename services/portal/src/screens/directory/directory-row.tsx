import { Badge, Button, Checkbox, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import { memo } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { OrganizationRole } from '../../gql/graphql';
import type { AttributeDefinitionData } from './attribute-fields';
import { formatAttributeValue, formatJoined, NETWORK_LABELS, ROLE_LABELS } from './directory-format';

export const DirectoryRowFragment = graphql(`
  fragment DirectoryRow on DirectoryEntry {
    displayName
    phone
    network
    role
    joinedAt
    attributes {
      name
      value
    }
    user {
      id
    }
  }
`);

export type DirectoryEntryData = ReturnType<typeof readEntry>;

export function readEntry(entry: FragmentType<typeof DirectoryRowFragment>) {
  return getFragmentData(DirectoryRowFragment, entry);
}

/** What a row's menu can do to its person; the screen owns the dialogs and mutations. */
export interface DirectoryRowActions {
  onSelect: (userId: string, name: string, selected: boolean) => void;
  onEdit: (entry: DirectoryEntryData) => void;
  onSetRole: (entry: DirectoryEntryData, role: OrganizationRole) => void;
  onRemove: (entry: DirectoryEntryData) => void;
}

/** One person of the directory. Memoised: loading another page re-renders only the rows that changed. */
export const DirectoryRow = memo(function DirectoryRow(props: {
  entry: FragmentType<typeof DirectoryRowFragment>;
  definitions: readonly AttributeDefinitionData[];
  selected: boolean;
  isViewer: boolean;
  canManage: boolean;
  changingRole: boolean;
  actions: DirectoryRowActions;
}) {
  const entry = readEntry(props.entry);
  const name = entry.displayName || 'Unnamed person';
  const values = new Map(entry.attributes.map((a) => [a.name.toLowerCase(), a.value]));
  return (
    <Table.Tr aria-selected={props.canManage ? props.selected : undefined}>
      {props.canManage && (
        <Table.Td>
          <Checkbox
            aria-label={`Select ${name}`}
            checked={props.selected}
            onChange={(e) => props.actions.onSelect(entry.user.id, name, e.currentTarget.checked)}
          />
        </Table.Td>
      )}
      <Table.Th scope="row" fw={500}>
        {name}
        {props.isViewer && (
          <Text span size="xs" c="dimmed">
            {' '}
            (you)
          </Text>
        )}
      </Table.Th>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {entry.phone ?? (
          <Text span size="sm" c="dimmed">
            Hidden
          </Text>
        )}
      </Table.Td>
      <Table.Td>{NETWORK_LABELS[entry.network]}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={entry.role === 'ADMIN' ? 'blue' : 'gray'}>
          {ROLE_LABELS[entry.role]}
        </Badge>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatJoined(entry.joinedAt)}</Table.Td>
      {props.definitions.map((d) => {
        const value = values.get(d.name.toLowerCase());
        return (
          <Table.Td key={d.name}>
            {value === undefined ? (
              <Text span size="sm" c="dimmed">
                —<VisuallyHidden>not set</VisuallyHidden>
              </Text>
            ) : (
              formatAttributeValue(d.type, value)
            )}
          </Table.Td>
        );
      })}
      {props.canManage && (
        <Table.Td>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="compact-sm" variant="default" loading={props.changingRole}>
                Actions<VisuallyHidden> for {name}</VisuallyHidden>
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => props.actions.onEdit(entry)}>Edit network and attributes</Menu.Item>
              {entry.role === 'ADMIN' ? (
                <Menu.Item onClick={() => props.actions.onSetRole(entry, 'MEMBER')}>Remove admin role</Menu.Item>
              ) : (
                <Menu.Item onClick={() => props.actions.onSetRole(entry, 'ADMIN')}>Make organisation admin</Menu.Item>
              )}
              <Menu.Divider />
              <Menu.Item color="red" onClick={() => props.actions.onRemove(entry)}>
                Remove from organisation
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Table.Td>
      )}
    </Table.Tr>
  );
});
