import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page';
import { graphql, getFragmentData } from '../../gql';
import { NotificationItem, NotificationItemFragment } from './notification-item';

const NotificationsQuery = graphql(`
  query Notifications($after: String) {
    notifications(first: 30, after: $after) {
      edges {
        cursor
        node {
          id
          ...NotificationItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      unreadCount
    }
  }
`);

/**
 * Mentions, replies, group adds, join requests to decide and finished uploads, newest first. Opening the list reads
 * them: the new ones stay marked "New" while it is open, and the badge clears.
 */
export function NotificationsScreen() {
  usePageTitle('Notifications');
  const { data, loading, error, fetchMore } = useQuery(NotificationsQuery, { fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const [markRead] = useMutation(MarkNotificationsReadMutation);
  const items = (data?.notifications.edges ?? []).map((e) => getFragmentData(NotificationItemFragment, e.node));
  const newest = items[0];
  // What was unread on arrival stays marked while the list is open, though it is now read on the server.
  const [unreadOnArrival] = useState(() => new Set<string>());
  for (const n of items) if (!n.read) unreadOnArrival.add(n.id);
  const marked = useRef<string | null>(null);

  useEffect(() => {
    if (!newest || newest.read || marked.current === newest.id) return;
    marked.current = newest.id;
    void markRead({
      variables: { input: { upToId: newest.id } },
      update: (cache, { data: result }) => {
        if (result) cache.modify({ fields: { unreadNotificationCount: () => result.markNotificationsRead.unreadCount } });
      },
    }).catch(() => {
      marked.current = null;
    });
  }, [newest, markRead]);

  return (
    <Stack p="md" gap="sm" style={{ overflowY: 'auto' }}>
      <Group justify="space-between">
        <Title order={1} size="h3">
          Notifications
        </Title>
        <DesktopNotificationsToggle />
      </Group>
      <ErrorAlert error={error} />
      {!data && loading && (
        <Center>
          <Loader size="sm" aria-label="Loading notifications" />
        </Center>
      )}
      {data && items.length === 0 && <Text c="dimmed">Nothing yet. When someone mentions you, replies to you or adds you to a group, it shows here.</Text>}
      {items.length > 0 && (
        <ol aria-label="Notifications" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((n) => (
            <li key={n.id}>
              <NotificationItem notification={n} unread={unreadOnArrival.has(n.id)} />
            </li>
          ))}
        </ol>
      )}
      {data?.notifications.pageInfo.hasNextPage && (
        <Button
          variant="subtle"
          size="xs"
          loading={loading}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => void fetchMore({ variables: { after: data.notifications.pageInfo.endCursor } })}
        >
          Older notifications
        </Button>
      )}
    </Stack>
  );
}

/** Asks the browser for permission to show notifications while this tab is open (browsers allow asking only on a click). */
function DesktopNotificationsToggle() {
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState(supported ? Notification.permission : 'denied');
  if (!supported) return null;
  if (permission === 'granted')
    return (
      <Text size="xs" c="dimmed">
        Desktop notifications are on
      </Text>
    );
  if (permission === 'denied')
    return (
      <Text size="xs" c="dimmed">
        Desktop notifications are blocked in this browser’s site settings
      </Text>
    );
  return (
    <Button variant="light" size="xs" onClick={() => void Notification.requestPermission().then(setPermission)}>
      Turn on desktop notifications
    </Button>
  );
}
