import { Button, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { TYPE_DESCRIPTIONS, TYPE_LABELS } from './attribute-format';

export const AttributeRowFragment = graphql(`
  fragment AttributeRow on AttributeDefinition {
    name
    type
    mandatory
  }
`);

export type AttributeRowData = ReturnType<typeof readAttributes>[number];

export function readAttributes(definitions: readonly FragmentType<typeof AttributeRowFragment>[]) {
  return definitions.map((d) => getFragmentData(AttributeRowFragment, d));
}

/** The organisation's attributes, oldest first: the type of each, a switch for mandatory, and removal. */
export function AttributeList(props: {
  definitions: readonly AttributeRowData[];
  canManage: boolean;
  changingMandatoryOf: string | null;
  onToggleMandatory: (definition: AttributeRowData) => void;
  onRemove: (definition: AttributeRowData) => void;
}) {
  return (
    // Positioned, so visually hidden labels in cells stay inside the scrolling box on a phone.
    <Table.ScrollContainer minWidth={520} type="native" style={{ position: 'relative' }}>
      <Table verticalSpacing="sm">
        <VisuallyHidden component="caption">User attributes</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">Mandatory</Table.Th>
            {props.canManage && (
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.definitions.map((d) => (
            <Table.Tr key={d.name}>
              <Table.Th scope="row" fw={500}>
                {d.name}
              </Table.Th>
              <Table.Td>
                <Text size="sm">{TYPE_LABELS[d.type]}</Text>
                <Text size="xs" c="dimmed">
                  {TYPE_DESCRIPTIONS[d.type]}
                </Text>
              </Table.Td>
              <Table.Td>
                <Switch
                  checked={d.mandatory}
                  disabled={!props.canManage || props.changingMandatoryOf === d.name}
                  onChange={() => props.onToggleMandatory(d)}
                  label={d.mandatory ? 'Mandatory' : 'Optional'}
                  aria-label={`${d.name} is mandatory`}
                />
              </Table.Td>
              {props.canManage && (
                <Table.Td>
                  <Button size="compact-sm" variant="light" color="red" onClick={() => props.onRemove(d)}>
                    Remove<VisuallyHidden> {d.name}</VisuallyHidden>
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
