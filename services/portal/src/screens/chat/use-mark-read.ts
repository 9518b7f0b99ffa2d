import { useMutation } from '@apollo/client/react';
import { useCallback, useEffect, useRef } from 'react';
import { graphql } from '../../gql';
import { compareIds } from './timeline';

const MarkReadMutation = graphql(`
  mutation MarkRead($input: MarkReadInput!) {
    markRead(input: $input) {
      lastReadMessageId
      unreadCount
    }
  }
`);

/** Reading settles for this long before the pointer moves, so scrolling through a page costs one request, not fifty. */
const SETTLE_MS = 400;

/**
 * Moves the reader's read pointer as messages come into view, but only while the tab is visible: a message on
 * screen in a hidden tab has not been read. The new unread count goes into the cache, so the groups list follows.
 */
export function useMarkRead(groupId: string): (messageId: string) => void {
  const [markRead] = useMutation(MarkReadMutation);
  const latestSeen = useRef<string | null>(null);
  const sent = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(() => {
    timer.current = null;
    const target = latestSeen.current;
    if (!target || document.visibilityState !== 'visible') return;
    if (sent.current && compareIds(target, sent.current) <= 0) return;
    sent.current = target;
    void markRead({
      variables: { input: { groupId, messageId: target } },
      update: (cache, { data }) => {
        if (!data) return;
        cache.modify({
          id: cache.identify({ __typename: 'Group', id: groupId }),
          fields: { unreadCount: () => data.markRead.unreadCount, lastReadMessageId: () => data.markRead.lastReadMessageId },
        });
      },
    }).catch(() => {
      // The next message seen tries again.
      sent.current = null;
    });
  }, [groupId, markRead]);

  useEffect(() => {
    latestSeen.current = null;
    sent.current = null;
    const visible = () => {
      if (document.visibilityState === 'visible' && latestSeen.current && !timer.current) timer.current = setTimeout(flush, SETTLE_MS);
    };
    document.addEventListener('visibilitychange', visible);
    return () => {
      document.removeEventListener('visibilitychange', visible);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [groupId, flush]);

  return useCallback(
    (messageId: string) => {
      if (latestSeen.current && compareIds(messageId, latestSeen.current) <= 0) return;
      latestSeen.current = messageId;
      if (!timer.current) timer.current = setTimeout(flush, SETTLE_MS);
    },
    [flush],
  );
}
