import { Button, Center, Divider, Group, Loader, Text } from '@mantine/core';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import classes from './chat.module.css';
import { MessageItem, type ChatMessage, type MessageActions } from './message-item';
import { timelineRows } from './timeline';
import type { OutgoingMessage } from './use-outbox';
import type { ConversationState } from './use-conversation';

/** Within this distance of an end, the next page loads before the reader gets there. */
const PRELOAD_MARGIN = '1200px 0px';
/** Scrolled less than this far from the newest message still counts as "at the newest". */
const AT_BOTTOM_PX = 48;

/**
 * The history as rows in a scroller that starts at the newest message. Older pages load as the reader nears the
 * top, newer ones (after a jump) near the bottom; messages that come into view mark the group read.
 */
export function MessageTimeline(props: {
  state: ConversationState;
  viewerId: string | null;
  viewerIsAdmin: boolean;
  outgoing: OutgoingMessage[];
  actions: MessageActions;
  onRetry: (key: string) => void;
  onDiscard: (key: string) => void;
  onSeen: (messageId: string) => void;
  onLoadOlder: () => void;
  onLoadNewer: () => void;
  onJumpToLatest: () => void;
  onFocusShown: () => void;
}) {
  const { state } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const [atBottom, setAtBottom] = useState(true);
  const [newBelow, setNewBelow] = useState(0);
  const lastId = state.messages.at(-1)?.id;
  const rows = useMemo(
    () => timelineRows(state.messages, { unreadAfterId: state.unreadAfterId, viewerId: props.viewerId, now: new Date() }),
    [state.messages, state.unreadAfterId, props.viewerId],
  );

  // Pages load when their sentinel nears the viewport. The observer starts afresh whenever the window's ends move (a
  // page loaded, or let go): a sentinel still in reach then reports again, so reading on keeps loading even while the
  // window keeps the same size.
  const { onLoadOlder, onLoadNewer } = props;
  const firstId = state.messages[0]?.id;
  useEffect(() => {
    const root = scroller.current;
    if (!root) return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          if (entry.target === top.current) onLoadOlder();
          if (entry.target === bottom.current) onLoadNewer();
        }
      },
      { root, rootMargin: PRELOAD_MARGIN },
    );
    if (top.current) observer.observe(top.current);
    if (bottom.current) observer.observe(bottom.current);
    return () => observer.disconnect();
  }, [onLoadOlder, onLoadNewer, firstId, lastId, state.status, state.loadingOlder, state.loadingNewer]);

  // Messages read as they come into view (at least half of one on screen). One observer for the scroller's life;
  // rows are added to it as they appear, so a new message or page costs its own rows, not all of them again.
  const { onSeen } = props;
  const seenRef = useRef(onSeen);
  seenRef.current = onSeen;
  const readObserver = useRef<IntersectionObserver | null>(null);
  const observed = useRef(new WeakSet<Element>());
  const ready = state.status === 'ready';
  useEffect(() => {
    const root = scroller.current;
    if (!root) return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = (entry.target as HTMLElement).dataset['messageId'];
          if (entry.isIntersecting && id) seenRef.current(id);
        }
      },
      { root, threshold: 0.5 },
    );
    readObserver.current = observer;
    observed.current = new WeakSet();
    return () => {
      observer.disconnect();
      readObserver.current = null;
    };
  }, [ready]);
  useEffect(() => {
    const root = scroller.current;
    const observer = readObserver.current;
    if (!root || !observer) return;
    root.querySelectorAll('[data-message-id]').forEach((el) => {
      if (observed.current.has(el)) return;
      observed.current.add(el);
      observer.observe(el);
    });
  }, [rows]);

  // A jump brings its message to the middle; opening with unread messages starts at the unread line.
  const { onFocusShown } = props;
  const openedAt = useRef<string | null>(null);
  useLayoutEffect(() => {
    const root = scroller.current;
    if (!root || state.status !== 'ready') return;
    if (state.focusId) {
      root.querySelector(`[data-message-id="${CSS.escape(state.focusId)}"]`)?.scrollIntoView({ block: 'center' });
      const timer = setTimeout(onFocusShown, 4000);
      return () => clearTimeout(timer);
    }
    if (openedAt.current !== state.group?.id) {
      openedAt.current = state.group?.id ?? null;
      root.querySelector('[data-unread-line]')?.scrollIntoView({ block: 'start' });
    }
    return undefined;
  }, [state.focusId, state.status, state.group?.id, onFocusShown]);

  // New messages below the fold are counted, not scrolled to, while the reader reads further up.
  const previousLast = useRef(lastId);
  useEffect(() => {
    if (lastId && previousLast.current && lastId !== previousLast.current && !atBottom) setNewBelow((n) => n + 1);
    previousLast.current = lastId;
  }, [lastId, atBottom]);

  // When the newest messages are let go as the reader goes back (use-conversation.ts), the row they were reading
  // is put back where it was on screen: the scroller measures from its newest end, which just moved. Chromium and
  // Firefox anchor the view themselves (the row is then already in place); Safari does not. The place is taken while
  // this render runs, before the rows change in the page.
  const readingAt = useRef<{ id: string; top: number } | null>(null);
  const placedForDrop = useRef(state.newestDropped);
  if (placedForDrop.current !== state.newestDropped) readingAt.current = readingPlace(scroller.current);
  useLayoutEffect(() => {
    placedForDrop.current = state.newestDropped;
    const root = scroller.current;
    const place = readingAt.current;
    if (!root || !place) return;
    const row = root.querySelector(`[data-message-id="${CSS.escape(place.id)}"]`);
    if (row) root.scrollTop += row.getBoundingClientRect().top - root.getBoundingClientRect().top - place.top;
    readingAt.current = null;
  }, [state.newestDropped]);

  const onScroll = () => {
    const root = scroller.current;
    if (!root) return;
    // In a column-reverse scroller the newest end is scrollTop 0 and reading back goes negative.
    const nearBottom = Math.abs(root.scrollTop) < AT_BOTTOM_PX;
    setAtBottom(nearBottom);
    if (nearBottom) setNewBelow(0);
  };

  const toLatest = () => {
    setNewBelow(0);
    props.onJumpToLatest();
    scroller.current?.scrollTo({ top: 0 });
  };

  if (state.status === 'loading') {
    return (
      <Center className={classes.scroller} style={{ flexDirection: 'column' }}>
        <Loader size="sm" aria-label="Loading messages" />
      </Center>
    );
  }

  return (
    <div style={{ position: 'relative', flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <div ref={scroller} className={classes.scroller} onScroll={onScroll} tabIndex={0} role="region" aria-label="Messages">
        <div className={classes.timeline} role="log" aria-live="polite" aria-relevant="additions">
          <div ref={top} aria-hidden style={{ height: 1 }} />
          {state.hasOlder ? (
            <Center py="xs">{state.loadingOlder && <Loader size="xs" aria-label="Loading earlier messages" />}</Center>
          ) : (
            <Text size="xs" c="dimmed" ta="center" py="sm">
              {state.messages.length === 0 ? 'No messages yet. Say hello!' : 'This is the start of the conversation.'}
            </Text>
          )}
          {rows.map((row) =>
            row.kind === 'date' ? (
              <Divider key={row.key} my="sm" label={row.label} labelPosition="center" role="separator" aria-label={row.label} />
            ) : row.kind === 'unread' ? (
              <Divider
                key={row.key}
                my="sm"
                color="red.7"
                className={classes.divider}
                label={`${row.count} unread ${row.count === 1 ? 'message' : 'messages'}`}
                labelPosition="center"
                data-unread-line
              />
            ) : (
              <MessageItem
                key={row.key}
                message={row.message as ChatMessage}
                viewerId={props.viewerId}
                viewerIsAdmin={props.viewerIsAdmin}
                firstOfRun={row.firstOfRun}
                focused={row.message.id === state.focusId}
                actions={props.actions}
              />
            ),
          )}
          {state.hasNewer && <Center py="xs">{state.loadingNewer && <Loader size="xs" aria-label="Loading later messages" />}</Center>}
          <div ref={bottom} aria-hidden style={{ height: 1 }} />
          {!state.hasNewer &&
            props.outgoing.map((o) => (
              <div key={o.key} className={`${classes.row} ${classes.own}`} aria-label={o.status === 'failed' ? 'Message not sent' : 'Message sending'}>
                <div className={classes.bubble} style={{ opacity: o.status === 'sending' ? 0.7 : 1 }}>
                  <Text size="sm" className={classes.text}>
                    {o.draft.text}
                  </Text>
                  {o.status === 'sending' ? (
                    <Text size="xs" c="dimmed" ta="right">
                      Sending…
                    </Text>
                  ) : (
                    <Group gap="xs" justify="flex-end">
                      <Text size="xs" c="red.9" role="alert">
                        Not sent: {o.error}
                      </Text>
                      <Button size="compact-xs" variant="light" onClick={() => props.onRetry(o.key)}>
                        Retry
                      </Button>
                      <Button size="compact-xs" variant="subtle" color="gray" onClick={() => props.onDiscard(o.key)}>
                        Discard
                      </Button>
                    </Group>
                  )}
                </div>
              </div>
            ))}
        </div>
      </div>
      {(!atBottom || state.hasNewer) && (newBelow > 0 || state.hasNewer || state.missedWhileAway > 0) && (
        <Button size="xs" radius="xl" onClick={toLatest} style={{ position: 'absolute', bottom: 12, right: 16 }}>
          {newBelow + state.missedWhileAway > 0 ? `Jump to latest · ${newBelow + state.missedWhileAway} new ↓` : 'Jump to latest ↓'}
        </Button>
      )}
    </div>
  );
}

/** The row at the top of the scroller's view and how far below the scroller's top edge it starts. */
function readingPlace(root: HTMLElement | null): { id: string; top: number } | null {
  if (!root) return null;
  const box = root.getBoundingClientRect();
  const row = document.elementFromPoint(box.left + box.width / 2, box.top + 8)?.closest<HTMLElement>('[data-message-id]');
  return row ? { id: row.dataset['messageId']!, top: row.getBoundingClientRect().top - box.top } : null;
}
