import { useQuery } from '@apollo/client/react';
import { Avatar, Badge, Button, Center, Group, Loader, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { NavLink } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { graphql, getFragmentData } from '../../gql';
import type { ConversationListItemFragment as ConversationListItemFragmentData } from '../../gql/graphql';
import classes from './chat.module.css';
import { activityTime, unreadBadge } from './conversation-format';
import { messagePreview, previewText } from './message-preview';
import { useLiveConversations } from './use-live-conversations';

export const ConversationListItemFragment = graphql(`
  fragment ConversationListItem on Group {
    id
    name
    kind
    announcementOnly
    avatarUrl
    unreadCount
    lastMessage {
      ...MessagePreview
    }
  }
`);

export const MyConversationsQuery = graphql(`
  query MyConversations($first: Int!, $after: String, $search: String) {
    myConversations(first: $first, after: $after, search: $search) {
      edges {
        cursor
        node {
          id
          ...ConversationListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PAGE = 30;

/**
 * Every group the person reads, the latest activity first, each with its unread count and last message; live as
 * messages arrive anywhere, filtered by name on the server.
 */
export function ConversationList(props: { viewerId: string | null; openGroupId: string | null }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const { data, loading, error, fetchMore, refetch } = useQuery(MyConversationsQuery, {
    variables: { first: PAGE, search: debounced || null },
    notifyOnNetworkStatusChange: true,
  });
  useLiveConversations(props.viewerId, props.openGroupId, { reload: () => void refetch(), loading });
  const connection = data?.myConversations;
  const groups = sortedByActivity((connection?.edges ?? []).map((e) => getFragmentData(ConversationListItemFragment, e.node)));

  return (
    <>
      <div style={{ padding: 'var(--mantine-spacing-sm)' }}>
        <TextInput
          aria-label="Find a group by name"
          placeholder="Find a group"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
        />
      </div>
      <nav className={classes.conversationList} aria-label="Your groups">
        {error && <ErrorAlert error={error} />}
        {!data && loading ? (
          <Center p="md">
            <Loader size="sm" aria-label="Loading your groups" />
          </Center>
        ) : groups.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            {debounced ? `No group of yours has “${debounced}” in its name.` : 'You are not in any group yet. Open an invite link, or ask an admin to add you.'}
          </Text>
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {groups.map((g) => (
              <li key={g.id}>
                <ConversationLink group={g} viewerId={props.viewerId} />
              </li>
            ))}
          </ul>
        )}
        {connection?.pageInfo.hasNextPage && (
          <Center p="sm">
            <Button variant="subtle" size="xs" loading={loading} onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor } })}>
              Show more groups
            </Button>
          </Center>
        )}
      </nav>
    </>
  );
}

type ListedGroup = ConversationListItemFragmentData;

/** The server's order, kept as messages arrive live: the latest activity (message id, else the group's own; both time-ordered) first. */
function sortedByActivity(groups: ListedGroup[]): ListedGroup[] {
  const activity = (g: ListedGroup) => {
    const last = g.lastMessage ? messagePreview(g.lastMessage).id : null;
    return last && last > g.id ? last : g.id;
  };
  return [...groups].sort((a, b) => (activity(a) < activity(b) ? 1 : activity(a) > activity(b) ? -1 : 0));
}

function ConversationLink(props: { group: ListedGroup; viewerId: string | null }) {
  const g = props.group;
  const last = g.lastMessage ? messagePreview(g.lastMessage) : null;
  const preview = g.lastMessage ? previewText(g.lastMessage, props.viewerId) : 'No messages yet';
  const unread = unreadBadge(g.unreadCount);
  return (
    <NavLink to={`/chat/${g.id}`} className={classes.conversationLink}>
      <Avatar src={g.avatarUrl} name={g.name} color="initials" alt="" aria-hidden />
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={g.unreadCount > 0 ? 700 : 500} truncate>
            {g.name}
          </Text>
          {last && (
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }} component="time" dateTime={last.sentAt}>
              {activityTime(new Date(last.sentAt), new Date())}
            </Text>
          )}
        </Group>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="xs" c="dimmed" truncate>
            {preview}
          </Text>
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            {g.kind === 'BROADCAST' && (
              <Badge size="xs" variant="light" color="grape">
                Broadcast
              </Badge>
            )}
            {g.announcementOnly && g.kind !== 'BROADCAST' && (
              <Badge size="xs" variant="light" color="orange">
                Announcements
              </Badge>
            )}
            {unread && (
              <Badge size="sm" circle={unread.length < 3} variant="filled" color="blue">
                {unread}
                <VisuallyHidden> unread</VisuallyHidden>
              </Badge>
            )}
          </Group>
        </Group>
      </Stack>
    </NavLink>
  );
}
