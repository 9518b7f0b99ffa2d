import { InMemoryCache } from '@apollo/client';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useCallback, useEffect, useRef } from 'react';
import { useLiveSocket } from '../../api/live-socket';
import { graphql } from '../../gql';
import { messagePreview } from './message-preview';

const ConversationActivitySubscription = graphql(`
  subscription ConversationActivity {
    messageEvents {
      kind
      groupId
      message {
        ...MessagePreview
      }
    }
  }
`);

const MyMembershipSubscription = graphql(`
  subscription MyMembershipChanges {
    membershipEvents {
      kind
      groupId
      userIds
    }
  }
`);

const ListedGroupActivity = graphql(`
  fragment ListedGroupActivity on Group {
    id
    unreadCount
    lastMessage {
      ...MessagePreview
    }
  }
`);

const GroupActivityQuery = graphql(`
  query GroupActivity($groupId: ID!) {
    group(id: $groupId) {
      id
      ...ListedGroupActivity
    }
  }
`);

/** How often at most the cache sheds messages no longer any group's last one, and what it remembers of them. */
const GC_INTERVAL_MS = 30_000;

/**
 * Keeps the groups list live: a message sent anywhere the person reads becomes its group's last message (moving
 * the group to the top) and counts as unread unless it is theirs or its group is open in view; a group they are
 * added to or removed from makes the list load again.
 *
 * A count read from the server while events arrive can be older than they are: a group with events during a load
 * of the list, or during its own refresh, is read again once that answer is in, so no increment is lost to it.
 * Nor can the list tell which events passed before its subscription began (it has no cursor to resume from): each
 * group's first event on a connection reads that group again, and a connection lost and regained reloads the list.
 */
export function useLiveConversations(viewerId: string | null, openGroupId: string | null, list: { reload: () => void; loading: boolean }): void {
  const client = useApolloClient();
  const open = useRef(openGroupId);
  open.current = openGroupId;
  const listLoading = useRef(list.loading);
  listLoading.current = list.loading;
  const staleAfterLoad = useRef(new Set<string>());
  const refreshing = useRef(new Set<string>());
  const staleAfterRefresh = useRef(new Set<string>());
  const heardOnThisConnection = useRef(new Set<string>());
  const socket = useLiveSocket();
  const reload = useRef(list.reload);
  reload.current = list.reload;
  useEffect(() => {
    let lost = false;
    const offClosed = socket.on('closed', () => {
      lost = true;
    });
    const offConnected = socket.on('connected', () => {
      heardOnThisConnection.current.clear();
      if (lost) reload.current();
      lost = false;
    });
    return () => {
      offClosed();
      offConnected();
    };
  }, [socket]);

  const refresh = useCallback(
    (groupId: string) => {
      if (refreshing.current.has(groupId)) {
        staleAfterRefresh.current.add(groupId);
        return;
      }
      refreshing.current.add(groupId);
      void client
        .query({ query: GroupActivityQuery, variables: { groupId }, fetchPolicy: 'network-only' })
        .catch(() => undefined)
        .finally(() => {
          refreshing.current.delete(groupId);
          if (staleAfterRefresh.current.delete(groupId)) refresh(groupId);
        });
    },
    [client],
  );

  useEffect(() => {
    if (list.loading) return;
    const groups = [...staleAfterLoad.current];
    staleAfterLoad.current.clear();
    groups.forEach(refresh);
  }, [list.loading, refresh]);

  const lastCollected = useRef(0);
  useSubscription(ConversationActivitySubscription, {
    skip: !viewerId,
    // Each event is written where the list reads it (below); kept as the subscription's own result too, every
    // message ever received would stay in the cache.
    fetchPolicy: 'no-cache',
    onData: ({ data }) => {
      const event = data.data?.messageEvents;
      if (!event?.message) return;
      const message = messagePreview(event.message);
      const id = client.cache.identify({ __typename: 'Group', id: event.groupId });
      const known = id ? client.cache.readFragment({ id, fragment: ListedGroupActivity, fragmentName: 'ListedGroupActivity' }) : null;
      if (!known) {
        staleAfterLoad.current.add(event.groupId);
        list.reload();
        return;
      }
      if (listLoading.current) staleAfterLoad.current.add(event.groupId);
      if (refreshing.current.has(event.groupId)) staleAfterRefresh.current.add(event.groupId);
      if (!heardOnThisConnection.current.has(event.groupId)) {
        heardOnThisConnection.current.add(event.groupId);
        refresh(event.groupId);
      }
      const isNew = event.kind === 'SENT';
      // A system entry (who joined, left...) is news in the list, but never unread.
      const counts =
        isNew && message.kind !== 'SYSTEM' && message.author.id !== viewerId && !(open.current === event.groupId && document.visibilityState === 'visible');
      const latest = !known.lastMessage || messagePreview(known.lastMessage).id <= message.id;
      client.cache.writeFragment({
        id,
        fragment: ListedGroupActivity,
        fragmentName: 'ListedGroupActivity',
        data: {
          ...known,
          unreadCount: counts ? known.unreadCount + 1 : known.unreadCount,
          lastMessage: latest ? event.message : known.lastMessage,
        },
      });
      // A last message replaced is unreachable in the cache; collected now and then, a tab open for hours stays small.
      // The cache also keys what it has read by every message it ever held, and forgets those keys only when its
      // results are reset: the list is then read afresh once, at the next event.
      if (performance.now() - lastCollected.current > GC_INTERVAL_MS) {
        lastCollected.current = performance.now();
        if (client.cache instanceof InMemoryCache) client.cache.gc({ resetResultCache: true });
        else client.cache.gc();
      }
    },
  });

  useSubscription(MyMembershipSubscription, {
    skip: !viewerId,
    onData: ({ data }) => {
      const event = data.data?.membershipEvents;
      if (event && viewerId && event.userIds.includes(viewerId) && (event.kind === 'ADDED' || event.kind === 'REMOVED')) list.reload();
    },
  });
}
