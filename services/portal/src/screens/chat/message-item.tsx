import { ActionIcon, Badge, Group, Menu, Text, VisuallyHidden } from '@mantine/core';
import { memo } from 'react';
import { graphql, type FragmentType, getFragmentData } from '../../gql';
import type { ChatMessageFragment } from '../../gql/graphql';
import { AttachmentList } from './attachment-list';
import classes from './chat.module.css';
import { MessageText } from './message-text';
import { PollCard } from './poll-card';
import { SystemEventLine } from './system-event';

export const ChatMessageFragmentDoc = graphql(`
  fragment ChatMessage on Message {
    id
    kind
    text
    sentAt
    editedAt
    deleted
    audience
    author {
      id
      kind
      displayName
    }
    replyTo {
      id
      text
      deleted
      author {
        id
        displayName
      }
    }
    mentions {
      id
      displayName
    }
    readBy {
      count
      of
    }
    attachments {
      ...MessageAttachment
    }
    poll {
      ...PollCard
    }
    systemEvent {
      ...SystemEventLine
    }
  }
`);

export type ChatMessage = ChatMessageFragment;

export function chatMessage(data: FragmentType<typeof ChatMessageFragmentDoc>): ChatMessage {
  return getFragmentData(ChatMessageFragmentDoc, data);
}

const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

export interface MessageActions {
  reply: (message: ChatMessage) => void;
  edit: (message: ChatMessage) => void;
  remove: (message: ChatMessage) => void;
  jumpTo: (messageId: string) => void;
}

/**
 * One message as a bubble: the author's name at the start of a run, the text with its mentions, what it replies to,
 * files and poll, and when it was sent (edited, deleted); the reader's own messages sit on the right with how many
 * have read them. Its menu offers what the reader may do with it. A system entry (who joined, left, was added...) is a
 * centred line instead (system-event.tsx).
 */
export const MessageItem = memo(function MessageItem(props: {
  message: ChatMessage;
  viewerId: string | null;
  viewerIsAdmin: boolean;
  firstOfRun: boolean;
  focused: boolean;
  actions: MessageActions;
}) {
  const { message, viewerId, actions } = props;
  // An entry about the group itself is a line of the history, not someone's message: nothing to reply to or edit.
  if (message.systemEvent) {
    return <SystemEventLine messageId={message.id} sentAt={message.sentAt} event={message.systemEvent} viewerId={viewerId} focused={props.focused} />;
  }
  const own = message.author.id === viewerId;
  const sent = new Date(message.sentAt);
  const canEdit = own && !message.deleted && message.kind !== 'POLL';
  const canDelete = !message.deleted && (own || props.viewerIsAdmin);
  // A partner system's connector posts as a User of kind CONNECTOR; people are told it is an app, as Slack and Teams do.
  const app = message.author.kind === 'CONNECTOR';
  const who = own ? 'You' : app ? `${message.author.displayName} (app)` : message.author.displayName;
  const className = [classes.row, own ? classes.own : '', props.focused ? classes.focused : ''].join(' ');

  return (
    <article
      className={className}
      aria-label={`${who} at ${TIME.format(sent)}`}
      data-message-id={message.id}
      data-author-id={message.author.id}
      style={{ paddingTop: props.firstOfRun ? 8 : 2 }}
    >
      <div className={classes.bubble}>
        {props.firstOfRun && !own && (
          <Group gap={6}>
            <Text size="sm" fw={700} c="blue.9">
              {message.author.displayName}
            </Text>
            {app && (
              <Badge size="xs" color="teal" variant="light">
                App
              </Badge>
            )}
          </Group>
        )}
        {(message.kind === 'ANNOUNCEMENT' || message.audience === 'ADMINS') && (
          <Group gap={4} mb={2}>
            {message.kind === 'ANNOUNCEMENT' && (
              <Badge size="xs" color="grape" variant="light">
                Announcement
              </Badge>
            )}
            {message.audience === 'ADMINS' && (
              <Badge size="xs" color="gray" variant="light">
                Seen by admins only
              </Badge>
            )}
          </Group>
        )}
        {message.replyTo && !message.deleted && (
          <button type="button" className={classes.quote} onClick={() => actions.jumpTo(message.replyTo!.id)}>
            <Text size="xs" fw={700}>
              <VisuallyHidden>In reply to </VisuallyHidden>
              {message.replyTo.author.id === viewerId ? 'You' : message.replyTo.author.displayName}
            </Text>
            <Text size="xs" lineClamp={2}>
              {message.replyTo.deleted ? 'This message was deleted' : message.replyTo.text}
            </Text>
          </button>
        )}
        {message.deleted ? (
          <Text size="sm" fs="italic" c="dimmed">
            {own ? 'You deleted this message' : 'This message was deleted'}
          </Text>
        ) : (
          <>
            {message.kind !== 'POLL' && message.text && (
              <Text size="sm" className={classes.text}>
                <MessageText text={message.text} mentionNames={message.mentions.map((m) => m.displayName)} />
              </Text>
            )}
            {message.attachments.length > 0 && <AttachmentList attachments={message.attachments} />}
            {message.poll && <PollCard messageId={message.id} poll={message.poll} />}
          </>
        )}
        <Group gap={6} justify="flex-end" wrap="nowrap" mt={2}>
          {message.editedAt && !message.deleted && (
            <Text size="xs" c="dimmed">
              Edited
            </Text>
          )}
          <Text size="xs" c="dimmed" component="time" dateTime={message.sentAt} title={sent.toLocaleString('en-GB')}>
            {TIME.format(sent)}
          </Text>
          {own && !message.deleted && (
            <Text size="xs" c="dimmed">
              {readByLabel(message.readBy.count, message.readBy.of)}
            </Text>
          )}
          {!message.deleted && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Message actions (${who}, ${TIME.format(sent)})`}>
                  <span aria-hidden>⋯</span>
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => actions.reply(message)}>Reply</Menu.Item>
                {canEdit && <Menu.Item onClick={() => actions.edit(message)}>Edit</Menu.Item>}
                {canDelete && (
                  <Menu.Item color="red" onClick={() => actions.remove(message)}>
                    Delete
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </div>
    </article>
  );
});

/** "Read by 3 of 12": of the group's members other than the author, those who have read up to this message. */
export function readByLabel(count: number, of: number): string {
  if (of === 0) return 'Sent';
  return `Read by ${Math.min(count, of).toLocaleString('en-GB')} of ${of.toLocaleString('en-GB')}`;
}
