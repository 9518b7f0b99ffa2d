import { Badge, Box, Button, VisuallyHidden } from '@mantine/core';
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
      px={6}
      component={NavLink}
      to="/chat/notifications"
      leftSection={<BellIcon />}
      rightSection={
        badge ? (
          <Badge size="sm" variant="filled" color="red.8">
            {badge}
            <VisuallyHidden> unread</VisuallyHidden>
          </Badge>
        ) : undefined
      }
    >
      {/* On a phone the bell says it; the name stays for screen readers. */}
      <Box component="span" visibleFrom="sm">
        Notifications
      </Box>
      <VisuallyHidden hiddenFrom="sm">Notifications</VisuallyHidden>
    </Button>
  );
}

function BellIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
