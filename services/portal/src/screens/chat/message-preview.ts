import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { SystemEventLineFragment } from './system-event';
import { systemEventText } from './system-event-text';

/** What a one-line preview of a message needs (the groups list's last message, live or loaded). */
export const MessagePreviewFragment = graphql(`
  fragment MessagePreview on Message {
    id
    kind
    text
    deleted
    sentAt
    author {
      id
      displayName
    }
    systemEvent {
      ...SystemEventLine
    }
  }
`);

export type MessagePreviewData = FragmentType<typeof MessagePreviewFragment>;

export function messagePreview(data: MessagePreviewData) {
  return getFragmentData(MessagePreviewFragment, data);
}

/** "Ana: the ferry leaves at 9", "You: Poll: Lunch?", "Ana added Bo": a message in one line, as the list shows it. */
export function previewText(data: MessagePreviewData, viewerId: string | null): string {
  const message = messagePreview(data);
  if (message.systemEvent) return systemEventText(getFragmentData(SystemEventLineFragment, message.systemEvent), viewerId);
  if (message.deleted) return 'Message deleted';
  const who = message.author.id === viewerId ? 'You' : message.author.displayName;
  const what = message.kind === 'POLL' ? `Poll: ${message.text ?? ''}` : message.text || 'Sent a file';
  return `${who}: ${what}`;
}
