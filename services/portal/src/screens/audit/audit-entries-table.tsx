import { Badge, Stack, Table, Text } from '@mantine/core';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatWhen } from '../webhooks/webhook-event-types';
import { actionLabel, changeSummary } from './audit-actions';

export const AuditEntryRowFragment = graphql(`
  fragment AuditEntryRow on AuditEntry {
    id
    sequence
    occurredAt
    action
    actorKind
    actorId
    actorName
    via
    clientAddress
    targetType
    targetId
    targetName
    before
    after
    count
  }
`);

const ACTOR_KIND = { PERSON: null, CONNECTOR: 'App', SYSTEM: 'Platform' } as const;

/** The log, newest first: when, who (and through what), what they did to what, and from where. */
export function AuditEntriesTable(props: { entries: ({ id: string } & FragmentType<typeof AuditEntryRowFragment>)[] }) {
  return (
    <Table.ScrollContainer minWidth={960} type="native" tabIndex={0} role="region" aria-label="Audit log entries (scrolls sideways on narrow screens)">
      <Table withTableBorder aria-label="Audit log" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">What</Table.Th>
            <Table.Th scope="col">Changed</Table.Th>
            <Table.Th scope="col">From</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.entries.map((entry) => (
            <AuditEntryRow key={entry.id} entry={entry} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AuditEntryRow(props: { entry: FragmentType<typeof AuditEntryRowFragment> }) {
  const e = getFragmentData(AuditEntryRowFragment, props.entry);
  const kind = ACTOR_KIND[e.actorKind];
  const changes = changeSummary(e.before, e.after);
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{formatWhen(e.occurredAt)}</Text>
        <Text size="xs" c="dimmed">
          No. {e.sequence}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {e.actorName ?? e.actorId ?? 'The platform'}{' '}
          {kind && (
            <Badge size="xs" variant="light">
              {kind}
            </Badge>
          )}
        </Text>
        {e.via && (
          <Text size="xs" c="dimmed">
            through {e.via.startsWith('import:') ? 'a bulk upload' : e.via}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{actionLabel(e.action)}</Text>
        <Text size="xs" c="dimmed">
          {e.targetType}: {e.targetName ?? e.targetId}
          {e.count !== null && ` · ${e.count.toLocaleString('en')}`}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          {changes.length === 0 ? (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ) : (
            changes.map((line) => (
              <Text key={line} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {line}
              </Text>
            ))
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{e.clientAddress ?? '—'}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
