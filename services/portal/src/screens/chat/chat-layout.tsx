import { Box, Button, Center, Group, Loader, TextInput, UnstyledButton } from '@mantine/core';
import { Suspense, useState } from 'react';
import { NavLink, Outlet, useMatch, useNavigate, useSearchParams } from 'react-router';
import { useViewer } from '../../app/viewer';
import { AccountMenu } from '../../components/account-menu';
import { NotificationsButton } from '../notifications/notifications-button';
import classes from './chat.module.css';
import { ConversationList } from './conversation-list';

/**
 * The chat's frame: a header with message search, the person's groups on the left, and the open conversation or
 * search results on the right. On a phone, the list and the conversation take turns.
 */
export function ChatLayout() {
  const viewerId = useViewer().data?.me?.id ?? null;
  const searching = useMatch('/chat/search') !== null;
  const notifications = useMatch('/chat/notifications') !== null;
  const matchedGroupId = useMatch('/chat/:groupId')?.params.groupId ?? null;
  const openGroupId = searching || notifications ? null : matchedGroupId;
  const [params] = useSearchParams();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const navigate = useNavigate();
  const paneOpen = openGroupId !== null || searching || notifications;

  return (
    <>
      <header style={{ height: 56, borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <UnstyledButton component={NavLink} to="/chat" fw={700} aria-label="Work chat, your groups" style={{ whiteSpace: 'nowrap' }}>
            Work chat
          </UnstyledButton>
          <Box
            component="form"
            role="search"
            visibleFrom="sm"
            style={{ flex: '0 1 28rem', minWidth: 0 }}
            onSubmit={(e) => {
              e.preventDefault();
              if (query.trim()) navigate(`/chat/search?q=${encodeURIComponent(query.trim())}`);
            }}
          >
            <TextInput
              aria-label="Search messages"
              placeholder="Search messages"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
            />
          </Box>
          <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
            <Button variant="subtle" size="xs" px={6} component={NavLink} to="/chat/search" hiddenFrom="sm">
              Search
            </Button>
            <NotificationsButton />
            <Button variant="subtle" size="xs" component={NavLink} to="/" visibleFrom="sm">
              Admin portal
            </Button>
            <AccountMenu />
          </Group>
        </Group>
      </header>
      <div className={classes.frame} data-open={paneOpen ? 'true' : 'false'}>
        <aside className={classes.sidebar} aria-label="Groups">
          <ConversationList viewerId={viewerId} openGroupId={openGroupId} />
        </aside>
        <main className={classes.pane}>
          <Suspense
            fallback={
              <Center h="100%">
                <Loader size="sm" aria-label="Loading" />
              </Center>
            }
          >
            <Outlet />
          </Suspense>
        </main>
      </div>
    </>
  );
}

/** /chat on a wide screen, before a group is chosen. */
export function ChatIndexScreen() {
  return (
    <Center h="100%" p="md" style={{ textAlign: 'center' }}>
      <div>
        <h1 style={{ fontSize: 'var(--mantine-h3-font-size)', margin: 0 }}>Your conversations</h1>
        <p style={{ color: 'var(--mantine-color-dimmed)' }}>Choose a group on the left to read and write its messages.</p>
      </div>
    </Center>
  );
}
