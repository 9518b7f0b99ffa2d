import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { NotificationItemFragment as NotificationItemData } from '../../gql/graphql';
import { activityTime } from '../chat/conversation-format';
import { notificationLink, notificationText, type NotificationFacts } from './notification-text';

export const NotificationItemFragment = graphql(`
  fragment NotificationItem on Notification {
    id
    kind
    createdAt
    read
    actor {
      id
      displayName
    }
    group {
      id
      name
      organization {
        id
      }
    }
    message {
      id
      text
    }
    importJob {
      id
      fileName
      status
      organization {
        id
      }
    }
    webhookEndpoint {
      id
      url
      organization {
        id
      }
    }
    exportJob {
      id
      status
      organization {
        id
      }
    }
  }
`);

export function notificationFacts(n: NotificationItemData): NotificationFacts {
  return {
    kind: n.kind,
    actorName: n.actor?.displayName ?? null,
    group: n.group ? { id: n.group.id, name: n.group.name, organizationId: n.group.organization?.id ?? null } : null,
    message: n.message ? { id: n.message.id, text: n.message.text } : null,
    importJob: n.importJob
      ? { id: n.importJob.id, organizationId: n.importJob.organization.id, fileName: n.importJob.fileName, status: n.importJob.status }
      : null,
    webhookEndpoint: n.webhookEndpoint ? { id: n.webhookEndpoint.id, organizationId: n.webhookEndpoint.organization.id, url: n.webhookEndpoint.url } : null,
    exportJob: n.exportJob ? { id: n.exportJob.id, organizationId: n.exportJob.organization.id, status: n.exportJob.status } : null,
  };
}

/** One notification: what happened, when, marked while unread, leading to what it is about. */
export function NotificationItem(props: { notification: NotificationItemData; unread: boolean }) {
  const facts = notificationFacts(props.notification);
  const text = notificationText(facts);
  const to = notificationLink(facts);
  const when = new Date(props.notification.createdAt);
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <span
        aria-hidden
        style={{ width: 8, height: 8, marginTop: 6, borderRadius: 4, flexShrink: 0, background: props.unread ? 'var(--mantine-color-blue-7)' : 'transparent' }}
      />
      <Stack gap={0} style={{ minWidth: 0 }}>
        {to ? (
          <Anchor component={Link} to={to} size="sm" fw={props.unread ? 700 : 400} c="inherit">
            {text}
          </Anchor>
        ) : (
          <Text size="sm" fw={props.unread ? 700 : 400}>
            {text}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {props.unread ? 'New · ' : ''}
          <time dateTime={props.notification.createdAt}>{activityTime(when, new Date())}</time>
        </Text>
      </Stack>
    </Group>
  );
}
