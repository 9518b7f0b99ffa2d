import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useRef } from 'react';
import { graphql } from '../../gql';

const ConversationActivitySubscription = graphql(`
  subscription ConversationActivity {
    messageEvents {
      kind
      groupId
      message {
        id
        kind
        text
        deleted
        sentAt
        author {
          id
          displayName
        }
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
      id
      kind
      text
      deleted
      sentAt
      author {
        id
        displayName
      }
    }
  }
`);

/**
 * Keeps the groups list live: a message sent anywhere the person reads becomes its group's last message (moving
 * the group to the top) and counts as unread unless it is theirs or its group is open in view; a group they are
 * added to or removed from makes the list load again.
 */
export function useLiveConversations(viewerId: string | null, openGroupId: string | null, reload: () => void): void {
  const client = useApolloClient();
  const open = useRef(openGroupId);
  open.current = openGroupId;

  useSubscription(ConversationActivitySubscription, {
    skip: !viewerId,
    onData: ({ data }) => {
      const event = data.data?.messageEvents;
      if (!event?.message) return;
      const id = client.cache.identify({ __typename: 'Group', id: event.groupId });
      const known = id ? client.cache.readFragment({ id, fragment: ListedGroupActivity }) : null;
      if (!known) {
        reload();
        return;
      }
      const isNew = event.kind === 'SENT';
      const counts = isNew && event.message.author.id !== viewerId && !(open.current === event.groupId && document.visibilityState === 'visible');
      const latest = !known.lastMessage || known.lastMessage.id <= event.message.id;
      client.cache.writeFragment({
        id,
        fragment: ListedGroupActivity,
        data: {
          ...known,
          unreadCount: counts ? known.unreadCount + 1 : known.unreadCount,
          lastMessage: latest ? event.message : known.lastMessage,
        },
      });
    },
  });

  useSubscription(MyMembershipSubscription, {
    skip: !viewerId,
    onData: ({ data }) => {
      const event = data.data?.membershipEvents;
      if (event && viewerId && event.userIds.includes(viewerId) && (event.kind === 'ADDED' || event.kind === 'REMOVED')) reload();
    },
  });
}
