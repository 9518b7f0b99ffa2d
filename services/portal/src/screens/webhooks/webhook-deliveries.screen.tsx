import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Code, Group, List, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Fragment, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { splitByField, userErrors, type UserError } from '../../api/errors';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { WebhookDeliveryStatus } from '../../gql/graphql';
import { EVENT_TYPES, formatWhen } from './webhook-event-types';

const PAGE = 25;

const WebhookDeliveryRowFragment = graphql(`
  fragment WebhookDeliveryRow on WebhookDelivery {
    id
    eventId
    eventType
    status
    redelivery
    createdAt
    nextAttemptAt
    payload
    attempts {
      attemptedAt
      httpStatus
      latencyMs
      responseExcerpt
      error
    }
  }
`);

const WebhookDeliveriesScreenQuery = graphql(`
  query WebhookDeliveriesScreen($id: ID!, $first: Int!, $after: String) {
    webhookEndpoint(id: $id) {
      id
      url
      status
      organization {
        id
        name
      }
      deliveries(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            ...WebhookDeliveryRow
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const RedeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {
    redeliverWebhook(input: $input) {
      delivery {
        id
      }
    }
  }
`);

const ReplayWebhookEventsMutation = graphql(`
  mutation ReplayWebhookEvents($input: ReplayWebhookEventsInput!) {
    replayWebhookEvents(input: $input) {
      queued
    }
  }
`);

const STATUS: Record<WebhookDeliveryStatus, { label: string; color: string }> = {
  PENDING: { label: 'Pending', color: 'yellow' },
  DELIVERED: { label: 'Delivered', color: 'green' },
  FAILED: { label: 'Failed', color: 'red' },
};

/** One endpoint's delivery log, newest first: every attempt with its answer; re-send one, or replay since a time. */
export function WebhookDeliveriesScreen() {
  const { orgId = '', endpointId = '' } = useParams();
  const { data, loading, error, fetchMore, refetch } = useQuery(WebhookDeliveriesScreenQuery, { variables: { id: endpointId, first: PAGE } });
  const [loadingMore, setLoadingMore] = useState(false);

  if (loading && !data) return <Loading label="Loading deliveries" />;
  const endpoint = data?.webhookEndpoint;
  if (!endpoint) {
    return (
      <Page title="Deliveries">
        <ErrorAlert error={error} />
        {!error && <EmptyState title="No such endpoint">It was deleted, or it belongs to an organisation you do not administer.</EmptyState>}
      </Page>
    );
  }
  const { edges, pageInfo } = endpoint.deliveries;
  const more = async () => {
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: pageInfo.endCursor } });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Page
      title="Deliveries"
      description={`Events sent to ${endpoint.url}, newest first, with every attempt and what the endpoint answered.`}
      crumbs={[
        { label: endpoint.organization.name, to: `/orgs/${orgId}/groups` },
        { label: 'Webhooks', to: `/orgs/${orgId}/webhooks` },
      ]}
    >
      <Stack gap="xl">
        {error && <ErrorAlert error={error} />}
        <Group justify="space-between">
          <Title order={2} size="h4">
            Log
          </Title>
          <Button variant="default" size="compact-sm" onClick={() => void refetch()}>
            Refresh
          </Button>
        </Group>
        {edges.length === 0 ? (
          <EmptyState title="Nothing sent yet">Deliveries appear here as the organisation&apos;s events reach this endpoint.</EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={860} type="native" tabIndex={0} role="region" aria-label="Deliveries (scrolls sideways on narrow screens)">
            <Table withTableBorder aria-label="Deliveries" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Created</Table.Th>
                  <Table.Th scope="col">Event</Table.Th>
                  <Table.Th scope="col">State</Table.Th>
                  <Table.Th scope="col">Attempts</Table.Th>
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {edges.map(({ node }) => (
                  <DeliveryRow key={node.id} delivery={node} onResent={() => void refetch()} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {pageInfo.hasNextPage && (
          <Button variant="default" loading={loadingMore} onClick={() => void more()} style={{ alignSelf: 'flex-start' }}>
            Older deliveries
          </Button>
        )}
        <ReplayForm endpointId={endpoint.id} onReplayed={() => void refetch()} />
      </Stack>
    </Page>
  );
}

function DeliveryRow(props: { delivery: FragmentType<typeof WebhookDeliveryRowFragment>; onResent: () => void }) {
  const d = getFragmentData(WebhookDeliveryRowFragment, props.delivery);
  const [open, setOpen] = useState(false);
  const [redeliver, redelivery] = useMutation(RedeliverWebhookMutation);
  const [errors, setErrors] = useState<UserError[]>([]);
  const last = d.attempts.at(-1);
  const resend = async () => {
    setErrors([]);
    try {
      await redeliver({ variables: { input: { deliveryId: d.id } } });
      props.onResent();
    } catch (error) {
      setErrors(userErrors(error));
    }
  };
  const event = EVENT_TYPES[d.eventType].label;
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td>{formatWhen(d.createdAt)}</Table.Td>
        <Table.Td>
          <Stack gap={2}>
            <Text size="sm">{event}</Text>
            {d.redelivery && (
              <Text size="xs" c="dimmed">
                Sent again on request
              </Text>
            )}
          </Stack>
        </Table.Td>
        <Table.Td>
          <Stack gap={2}>
            <Badge color={STATUS[d.status].color} variant="light" tt="none">
              {STATUS[d.status].label}
            </Badge>
            {d.nextAttemptAt && (
              <Text size="xs" c="dimmed">
                Next attempt {formatWhen(d.nextAttemptAt)}
              </Text>
            )}
          </Stack>
        </Table.Td>
        <Table.Td>
          <Text size="sm">
            {d.attempts.length === 0
              ? 'None yet'
              : `${d.attempts.length}, last: ${last?.httpStatus !== null && last ? `HTTP ${last.httpStatus}` : 'no answer'}`}
          </Text>
        </Table.Td>
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => setOpen((o) => !o)}
              aria-expanded={open}
              aria-label={`${open ? 'Hide details' : 'Details'} of ${event} at ${formatWhen(d.createdAt)}`}
            >
              {open ? 'Hide details' : 'Details'}
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              loading={redelivery.loading}
              onClick={() => void resend()}
              aria-label={`Send again: ${event} at ${formatWhen(d.createdAt)}`}
            >
              Send again
            </Button>
          </Group>
          <ErrorAlert errors={errors} />
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={5}>
            <Stack gap="sm">
              <Text size="sm">
                webhook-id <Code>{d.eventId}</Code>
              </Text>
              {d.attempts.length > 0 && (
                <List size="sm" aria-label="Attempts">
                  {d.attempts.map((a) => (
                    <List.Item key={a.attemptedAt}>
                      {formatWhen(a.attemptedAt)}: {a.httpStatus === null ? (a.error ?? 'no answer') : `HTTP ${a.httpStatus}`} in {a.latencyMs} ms
                      {a.responseExcerpt && (
                        <>
                          {' '}
                          — answered <Code>{a.responseExcerpt}</Code>
                        </>
                      )}
                    </List.Item>
                  ))}
                </List>
              )}
              <Code block aria-label="Payload">
                {JSON.stringify(JSON.parse(d.payload), null, 2)}
              </Code>
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

/** Sends again everything the endpoint would have received since a time (after a pause or an outage of its own). */
function ReplayForm(props: { endpointId: string; onReplayed: () => void }) {
  const [replay, { loading }] = useMutation(ReplayWebhookEventsMutation);
  const [since, setSince] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [queued, setQueued] = useState<number | null>(null);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setQueued(null);
    const at = new Date(since);
    if (!since || Number.isNaN(at.getTime())) {
      setErrors([{ code: 'BAD_USER_INPUT', field: 'since', message: 'Choose the date and time to replay from.' }]);
      return;
    }
    setErrors([]);
    try {
      const { data } = await replay({ variables: { input: { endpointId: props.endpointId, since: at.toISOString() } } });
      setQueued(data?.replayWebhookEvents.queued ?? 0);
      props.onReplayed();
    } catch (error) {
      setErrors(userErrors(error));
    }
  };
  const { byField, general } = splitByField(errors, ['since']);
  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="md" maw={560}>
          <Title order={2} size="h4">
            Replay events
          </Title>
          <Text size="sm" c="dimmed">
            Every event this endpoint would have received since the time chosen is sent again, in order, marked as a redelivery.
          </Text>
          <TextInput type="datetime-local" label="Since" value={since} onChange={(e) => setSince(e.currentTarget.value)} error={byField['since']} required />
          <ErrorAlert errors={general} />
          {queued !== null && (
            <Text size="sm" role="status">
              {queued === 1 ? '1 event queued to be sent again.' : `${queued} events queued to be sent again.`}
            </Text>
          )}
          <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
            Replay
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
