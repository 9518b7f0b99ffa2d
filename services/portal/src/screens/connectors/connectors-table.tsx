import { Badge, Code, Group, Table, Text } from '@mantine/core';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { ConnectorActions } from './connector-actions';
import type { ShownSecret } from './connector-secret-modal';
import { formatDateTime, permissionLabel } from './permissions';

export const ConnectorRowFragment = graphql(`
  fragment ConnectorRow on Connector {
    id
    name
    clientId
    permissions
    createdAt
    secretRotatedAt
    revokedAt
  }
`);

/** The organisation's connectors, oldest first; revoked ones stay listed, for the record. */
export function ConnectorsTable(props: {
  connectors: ({ id: string } & FragmentType<typeof ConnectorRowFragment>)[];
  onSecret: (secret: ShownSecret) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={980} type="native" tabIndex={0} role="region" aria-label="Connectors (scrolls sideways on narrow screens)">
      <Table striped withTableBorder aria-label="Connectors" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Client ID</Table.Th>
            <Table.Th scope="col">Permissions</Table.Th>
            <Table.Th scope="col">Registered</Table.Th>
            <Table.Th scope="col">Secret last set</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.connectors.map((c) => (
            <ConnectorRow key={c.id} connector={c} onSecret={props.onSecret} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ConnectorRow(props: { connector: FragmentType<typeof ConnectorRowFragment>; onSecret: (secret: ShownSecret) => void }) {
  const c = getFragmentData(ConnectorRowFragment, props.connector);
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {c.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Code>{c.clientId}</Code>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {c.permissions.map((p) => (
            <Badge key={p} variant="light" color="gray" tt="none">
              {permissionLabel(p)}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>{formatDateTime(c.createdAt)}</Table.Td>
      <Table.Td>{formatDateTime(c.secretRotatedAt)}</Table.Td>
      <Table.Td>
        {c.revokedAt ? (
          <Text size="sm" c="red.9" fw={600}>
            Revoked {formatDateTime(c.revokedAt)}
          </Text>
        ) : (
          <Text size="sm">Active</Text>
        )}
      </Table.Td>
      <Table.Td>
        {c.revokedAt ? (
          <Text size="sm" c="dimmed">
            None
          </Text>
        ) : (
          <ConnectorActions connectorId={c.id} name={c.name} onSecret={props.onSecret} />
        )}
      </Table.Td>
    </Table.Tr>
  );
}
