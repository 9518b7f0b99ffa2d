import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Avatar, Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { userError } from '../../api/errors';
import { useOnline } from '../../api/live-socket';
import { useViewer } from '../../app/viewer';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page';
import { graphql } from '../../gql';
import { Composer, type ComposerTarget } from './composer';
import { ConversationUpdatesContext } from './conversation-updates';
import { CreatePollModal } from './create-poll-modal';
import { chatMessage, type ChatMessage, type MessageActions } from './message-item';
import { MessageTimeline } from './message-timeline';
import { useConversation } from './use-conversation';
import { useMarkRead } from './use-mark-read';
import { useOutbox } from './use-outbox';
import classes from './chat.module.css';

const EditMessageMutation = graphql(`
  mutation EditMessage($input: EditMessageInput!) {
    editMessage(input: $input) {
      message {
        ...ChatMessage
      }
    }
  }
`);

const DeleteMessageMutation = graphql(`
  mutation DeleteMessage($input: MessageInput!) {
    deleteMessage(input: $input) {
      message {
        ...ChatMessage
      }
    }
  }
`);

const NO_TARGET: ComposerTarget = { replyTo: null, editing: null };

/** One group's conversation (/chat/<group>, or /chat/<group>?message=<id> to open at a message). */
export function ConversationScreen() {
  const { groupId = '' } = useParams();
  const [params] = useSearchParams();
  const focusParam = params.get('message');
  const viewerId = useViewer().data?.me?.id ?? null;
  const conversation = useConversation(groupId, focusParam, viewerId);
  const { state, upsertMessages, jumpTo } = conversation;
  const onSeen = useMarkRead(groupId);
  const onSent = useCallback((m: ChatMessage) => upsertMessages([m]), [upsertMessages]);
  const outbox = useOutbox(groupId, onSent);
  const online = useOnline();
  const [target, setTarget] = useState<ComposerTarget>(NO_TARGET);
  const [deleting, setDeleting] = useState<ChatMessage | null>(null);
  const [pollOpen, setPollOpen] = useState(false);
  const [edit] = useMutation(EditMessageMutation);
  const [remove, removing] = useMutation(DeleteMessageMutation);
  const group = state.group;
  usePageTitle(group?.name ?? 'Conversation');

  // A search result chosen while this group is open jumps within it.
  useEffect(() => {
    if (focusParam && state.status === 'ready') jumpTo(focusParam);
    // Only a new ?message= is a new jump.
  }, [focusParam]);
  useEffect(() => setTarget(NO_TARGET), [groupId]);

  const admin = group?.myRole === 'OWNER' || group?.myRole === 'ADMIN';
  const actions: MessageActions = useMemo(
    () => ({
      reply: (m) =>
        setTarget({ editing: null, replyTo: { id: m.id, authorName: m.author.id === viewerId ? 'yourself' : m.author.displayName, text: m.text ?? '' } }),
      edit: (m) => setTarget({ replyTo: null, editing: { id: m.id, text: m.text ?? '' } }),
      remove: (m) => setDeleting(m),
      jumpTo,
    }),
    [jumpTo, viewerId],
  );
  const updates = useMemo(() => ({ upsert: (data: Parameters<typeof chatMessage>[0]) => upsertMessages([chatMessage(data)]) }), [upsertMessages]);

  const saveEdit = useCallback(
    async (messageId: string, text: string): Promise<string | null> => {
      try {
        const { data } = await edit({ variables: { input: { messageId, text } } });
        if (data) upsertMessages([chatMessage(data.editMessage.message)]);
        setTarget(NO_TARGET);
        return null;
      } catch (error) {
        return userError(error)?.message ?? 'The message was not changed.';
      }
    },
    [edit, upsertMessages],
  );
  const cancelTarget = useCallback(() => setTarget(NO_TARGET), []);
  const openPoll = useCallback(() => setPollOpen(true), []);

  const confirmDelete = async () => {
    if (!deleting) return;
    const result = await remove({ variables: { input: { messageId: deleting.id } } }).catch(() => null);
    if (result?.data) {
      upsertMessages([chatMessage(result.data.deleteMessage.message)]);
      setDeleting(null);
    }
  };

  if (state.status === 'error') {
    const problem = userError(state.error);
    return (
      <Stack p="md">
        <Title order={1} size="h3">
          This conversation cannot be opened
        </Title>
        {problem?.code === 'NOT_FOUND' || (state.error instanceof Error && state.error.message === 'NOT_FOUND') ? (
          <Text role="alert">No group of yours has this address. It may have been deleted, or you are no longer in it.</Text>
        ) : (
          <ErrorAlert error={state.error} />
        )}
        <Anchor component={Link} to="/chat">
          Back to your groups
        </Anchor>
      </Stack>
    );
  }

  const membersOnlyRead = group?.announcementOnly && !admin && group.kind !== 'BROADCAST';
  return (
    <ConversationUpdatesContext.Provider value={updates}>
      <Group px="md" py="xs" gap="sm" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Anchor component={Link} to="/chat" size="sm" hiddenFrom="sm" aria-label="All groups">
          ‹
        </Anchor>
        <Avatar src={group?.avatarUrl} name={group?.name ?? ''} color="initials" alt="" aria-hidden />
        <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
          <Title order={1} size="h4" lineClamp={1}>
            {group?.name ?? 'Loading…'}
          </Title>
          {group && (
            <Text size="xs" c="dimmed">
              {group.memberCount.toLocaleString('en-GB')} {group.memberCount === 1 ? 'member' : 'members'}
            </Text>
          )}
        </Stack>
        {group?.kind === 'BROADCAST' && (
          <Badge variant="light" color="grape">
            Broadcast
          </Badge>
        )}
        {group?.announcementOnly && group.kind !== 'BROADCAST' && (
          <Badge variant="light" color="orange">
            Announcements only
          </Badge>
        )}
      </Group>
      {!online && (
        <Alert color="yellow" variant="light" radius={0} role="status" title="You are offline">
          New messages will appear when the connection is back; none will be missed.
        </Alert>
      )}
      {state.accessEnded && (
        <Alert color="red" variant="light" radius={0} role="alert">
          You can no longer read this group: you were removed, or it was deleted.
        </Alert>
      )}
      <MessageTimeline
        state={state}
        viewerId={viewerId}
        viewerIsAdmin={admin}
        outgoing={outbox.outgoing}
        actions={actions}
        onRetry={outbox.retry}
        onDiscard={outbox.discard}
        onSeen={onSeen}
        onLoadOlder={conversation.loadOlder}
        onLoadNewer={conversation.loadNewer}
        onJumpToLatest={conversation.jumpToLatest}
        onFocusShown={conversation.clearFocus}
      />
      {group && !state.accessEnded && (
        <>
          {membersOnlyRead ? (
            <Text className={classes.composer} size="sm" c="dimmed" ta="center">
              Only admins can send messages in this group.
            </Text>
          ) : (
            <Composer
              groupId={groupId}
              target={target}
              canAnnounce={admin}
              note={group.kind === 'BROADCAST' && !admin ? 'Your messages reach the group’s admins only.' : null}
              onSend={outbox.enqueue}
              onEdit={saveEdit}
              onCancelTarget={cancelTarget}
              onCreatePoll={openPoll}
            />
          )}
          <CreatePollModal groupId={groupId} opened={pollOpen} onClose={() => setPollOpen(false)} onCreated={onSent} />
        </>
      )}
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title="Delete this message?">
        <Stack gap="sm">
          <Text size="sm">Everyone in the group will see that a message was deleted; its text is gone for good.</Text>
          <ErrorAlert error={removing.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button color="red" loading={removing.loading} onClick={() => void confirmDelete()}>
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </ConversationUpdatesContext.Provider>
  );
}
