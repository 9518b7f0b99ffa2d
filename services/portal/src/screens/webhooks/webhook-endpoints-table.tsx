import { Stack, Table, Text } from '@mantine/core';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { WebhookEndpointStatus } from '../../gql/graphql';
import { WebhookEndpointActions } from './webhook-endpoint-actions';
import { EVENT_TYPES, formatWhen } from './webhook-event-types';
import type { ShownSigningSecret } from './webhook-secret-modal';

export const WebhookEndpointRowFragment = graphql(`
  fragment WebhookEndpointRow on WebhookEndpoint {
    id
    url
    description
    eventTypes
    includeSubgroups
    groups {
      id
    }
    status
    disabledReason
    disabledAt
    createdAt
  }
`);

/** Only a disabled endpoint is coloured: it needs its owner. */
const STATUS: Record<WebhookEndpointStatus, { label: string; color?: string }> = {
  ACTIVE: { label: 'Active' },
  PAUSED: { label: 'Paused' },
  DISABLED: { label: 'Disabled', color: 'red.9' },
};

/** The organisation's endpoints, oldest first. */
export function WebhookEndpointsTable(props: {
  orgId: string;
  endpoints: ({ id: string } & FragmentType<typeof WebhookEndpointRowFragment>)[];
  onSecret: (secret: ShownSigningSecret) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={980} type="native" tabIndex={0} role="region" aria-label="Webhook endpoints (scrolls sideways on narrow screens)">
      <Table striped withTableBorder aria-label="Webhook endpoints" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Endpoint</Table.Th>
            <Table.Th scope="col">Events</Table.Th>
            <Table.Th scope="col">Groups</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.endpoints.map((endpoint) => (
            <WebhookEndpointRow key={endpoint.id} orgId={props.orgId} endpoint={endpoint} onSecret={props.onSecret} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function WebhookEndpointRow(props: {
  orgId: string;
  endpoint: FragmentType<typeof WebhookEndpointRowFragment>;
  onSecret: (secret: ShownSigningSecret) => void;
}) {
  const e = getFragmentData(WebhookEndpointRowFragment, props.endpoint);
  const groups =
    e.groups.length === 0
      ? 'All groups'
      : `${e.groups.length} ${e.groups.length === 1 ? 'group' : 'groups'}${e.includeSubgroups ? ' and their sub-groups' : ''}`;
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={2}>
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {e.url}
          </Text>
          {e.description && (
            <Text size="sm" c="dimmed">
              {e.description}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            Added {formatWhen(e.createdAt)}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{e.eventTypes.map((type) => EVENT_TYPES[type].label).join(', ')}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{groups}</Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Text size="sm" fw={600} c={STATUS[e.status].color}>
            {STATUS[e.status].label}
          </Text>
          {e.disabledReason && (
            <Text size="sm" c="red.9">
              {e.disabledReason}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <WebhookEndpointActions
          endpointId={e.id}
          url={e.url}
          status={e.status}
          deliveriesPath={`/orgs/${props.orgId}/webhooks/${e.id}`}
          onSecret={props.onSecret}
        />
      </Table.Td>
    </Table.Tr>
  );
}
