import { Badge, Button, VisuallyHidden } from '@mantine/core';
import { NavLink } from 'react-router';
import { unreadBadge } from '../chat/conversation-format';
import { useLiveNotifications } from './use-live-notifications';

/** The header's way to the notifications, with the unread count as a badge. */
export function NotificationsButton() {
  const unread = useLiveNotifications();
  const badge = unreadBadge(unread);
  return (
    <Button
      variant="subtle"
      size="xs"
      component={NavLink}
      to="/chat/notifications"
      rightSection={
        badge ? (
          <Badge size="sm" variant="filled" color="red.8">
            {badge}
            <VisuallyHidden> unread</VisuallyHidden>
          </Badge>
        ) : undefined
      }
    >
      Notifications
    </Button>
  );
}
