import { Checkbox, Table, VisuallyHidden } from '@mantine/core';
import type { FragmentType } from '../../gql';
import type { AttributeDefinitionData } from './attribute-fields';
import { DirectoryRow, type DirectoryRowActions, type DirectoryRowFragment } from './directory-row';

export interface DirectoryTableRow {
  userId: string;
  name: string;
  entry: FragmentType<typeof DirectoryRowFragment>;
}

/**
 * The loaded people as a table: name, phone, network, role, joined and a column per attribute. On a narrow screen
 * the table scrolls sideways inside its own box, the page does not.
 */
export function DirectoryTable(props: {
  caption: string;
  rows: readonly DirectoryTableRow[];
  definitions: readonly AttributeDefinitionData[];
  selected: ReadonlyMap<string, string>;
  viewerId: string | undefined;
  canManage: boolean;
  changingRoleOf: string | null;
  actions: DirectoryRowActions;
  onSelectPage: (selected: boolean) => void;
}) {
  const selectedHere = props.rows.filter((r) => props.selected.has(r.userId)).length;
  const allSelected = props.rows.length > 0 && selectedHere === props.rows.length;
  // Wide enough for the fixed columns and ~8rem per attribute; narrower screens scroll the box.
  const minWidth = 700 + props.definitions.length * 128;
  return (
    // Positioned, so visually hidden labels in cells (absolutely placed) stay inside the scrolling box instead of
    // widening the page on a phone.
    <Table.ScrollContainer minWidth={minWidth} type="native" style={{ position: 'relative' }}>
      <Table striped highlightOnHover verticalSpacing="xs" stickyHeader>
        <VisuallyHidden component="caption">{props.caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {props.canManage && (
              <Table.Th w={44}>
                <Checkbox
                  aria-label="Select all on this page"
                  checked={allSelected}
                  indeterminate={selectedHere > 0 && !allSelected}
                  disabled={props.rows.length === 0}
                  onChange={(e) => props.onSelectPage(e.currentTarget.checked)}
                />
              </Table.Th>
            )}
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Phone</Table.Th>
            <Table.Th scope="col">Network</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Joined</Table.Th>
            {props.definitions.map((d) => (
              <Table.Th key={d.name} scope="col">
                {d.name}
              </Table.Th>
            ))}
            {props.canManage && (
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <DirectoryRow
              key={row.userId}
              entry={row.entry}
              definitions={props.definitions}
              selected={props.selected.has(row.userId)}
              isViewer={row.userId === props.viewerId}
              canManage={props.canManage}
              changingRole={props.changingRoleOf === row.userId}
              actions={props.actions}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
