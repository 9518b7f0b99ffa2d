import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { graphql, getFragmentData } from '../../gql';
import { NotificationItemFragment, notificationFacts } from './notification-item';
import { notificationLink, notificationText } from './notification-text';

const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

const NotificationEventsSubscription = graphql(`
  subscription NotificationEvents {
    notificationEvents {
      id
      ...NotificationItem
    }
  }
`);

/**
 * The person's unread notification count, kept live: each new notification adds one, sends the list to be read
 * again when next shown, and, when the browser permits it, shows a system notification that opens what it is about.
 */
export function useLiveNotifications(): number {
  const client = useApolloClient();
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  const { data } = useQuery(UnreadNotificationCountQuery, { fetchPolicy: 'cache-and-network' });
  useSubscription(NotificationEventsSubscription, {
    onData: ({ data: event }) => {
      const notification = event.data?.notificationEvents;
      if (!notification) return;
      client.cache.updateQuery({ query: UnreadNotificationCountQuery }, (current) => ({
        unreadNotificationCount: Math.min((current?.unreadNotificationCount ?? 0) + 1, 1000),
      }));
      client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'notifications' });
      client.cache.gc();
      showSystemNotification(notificationFacts(getFragmentData(NotificationItemFragment, notification)), (to) => navigateRef.current(to));
    },
  });
  return data?.unreadNotificationCount ?? 0;
}

function showSystemNotification(facts: Parameters<typeof notificationText>[0], open: (to: string) => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const shown = new Notification('Work chat', { body: notificationText(facts), tag: `kz-${facts.kind}-${facts.message?.id ?? facts.group?.id ?? ''}` });
  const to = notificationLink(facts);
  shown.onclick = () => {
    window.focus();
    if (to) open(to);
    shown.close();
  };
}
