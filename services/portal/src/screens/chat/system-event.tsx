import { Text } from '@mantine/core';
import { graphql, type FragmentType, getFragmentData } from '../../gql';
import { systemEventText } from './system-event-text';

export const SystemEventLineFragment = graphql(`
  fragment SystemEventLine on SystemEvent {
    kind
    userCount
    name
    role
    actor {
      id
      displayName
    }
    users {
      id
      displayName
    }
  }
`);

const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/**
 * An entry about the group itself ("Ana added Bo and 3 others", "Bo left") as a centred, muted line of the history:
 * no bubble, no actions, no read-by. It carries its message id, so reading past it moves the read pointer.
 */
export function SystemEventLine(props: {
  messageId: string;
  sentAt: string;
  event: FragmentType<typeof SystemEventLineFragment>;
  viewerId: string | null;
  focused: boolean;
}) {
  const event = getFragmentData(SystemEventLineFragment, props.event);
  const sent = new Date(props.sentAt);
  return (
    <Text
      component="p"
      size="xs"
      c="dimmed"
      ta="center"
      my={6}
      px="md"
      data-message-id={props.messageId}
      data-system-event={event.kind}
      title={sent.toLocaleString('en-GB')}
      style={props.focused ? { fontWeight: 700 } : undefined}
    >
      {systemEventText(event, props.viewerId)}
      <Text component="span" size="xs" c="dimmed" ml={6}>
        · <time dateTime={props.sentAt}>{TIME.format(sent)}</time>
      </Text>
    </Text>
  );
}
