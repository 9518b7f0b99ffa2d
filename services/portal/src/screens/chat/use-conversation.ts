import { useApolloClient } from '@apollo/client/react';
import { print } from 'graphql';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveSocket } from '../../api/live-socket';
import { graphql, type FragmentType } from '../../gql';
import type { ConversationQuery } from '../../gql/graphql';
import { chatMessage, type ChatMessage, type ChatMessageFragmentDoc } from './message-item';
import { compareIds, mergeMessages, trimWindow, WINDOW_MAX } from './timeline';

const ConversationCursorQuery = graphql(`
  query ConversationCursor($groupId: ID!) {
    group(id: $groupId) {
      id
      changesCursor
    }
  }
`);

const ConversationQueryDoc = graphql(`
  query Conversation($groupId: ID!, $last: Int, $around: ID) {
    group(id: $groupId) {
      id
      name
      kind
      announcementOnly
      memberCount
      myRole
      avatarUrl
      unreadCount
      lastReadMessageId
      messages(last: $last, around: $around) {
        edges {
          cursor
          node {
            ...ChatMessage
          }
        }
        pageInfo {
          hasPreviousPage
          hasNextPage
          startCursor
          endCursor
        }
      }
    }
  }
`);

const OlderMessagesQuery = graphql(`
  query OlderMessages($groupId: ID!, $before: String!) {
    group(id: $groupId) {
      id
      messages(last: 50, before: $before) {
        edges {
          cursor
          node {
            ...ChatMessage
          }
        }
        pageInfo {
          hasPreviousPage
          startCursor
        }
      }
    }
  }
`);

const NewerMessagesQuery = graphql(`
  query NewerMessages($groupId: ID!, $after: String!) {
    group(id: $groupId) {
      id
      messages(first: 50, after: $after) {
        edges {
          cursor
          node {
            ...ChatMessage
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const ReadProgressQuery = graphql(`
  query ReadProgress($groupId: ID!) {
    group(id: $groupId) {
      id
      messages(last: 30) {
        edges {
          node {
            id
            readBy {
              count
              of
            }
          }
        }
      }
    }
  }
`);

/** How often "read by" on the reader's own recent messages is asked again while the conversation is in view. */
const READ_PROGRESS_MS = 5_000;

const ConversationEventsSubscription = graphql(`
  subscription ConversationEvents($groupId: ID!, $after: String) {
    messageEvents(groupId: $groupId, after: $after) {
      kind
      messageId
      cursor
      message {
        ...ChatMessage
      }
    }
  }
`);

export type ConversationGroup = NonNullable<ConversationQuery['group']>;

export interface ConversationState {
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  group: ConversationGroup | null;
  messages: ChatMessage[];
  hasOlder: boolean;
  olderCursor: string | null;
  /** The window was opened around a message and does not reach the newest one yet. */
  hasNewer: boolean;
  newerCursor: string | null;
  /** The reader's last read message when the group was opened: the unread line stays there while the group is open. */
  unreadAfterId: string | null;
  /** The message to bring into view and mark (a search result, a replied-to message). */
  focusId: string | null;
  /** Messages that arrived while the window was away from the newest ones. */
  missedWhileAway: number;
  /** The reader may no longer read the group (removed, or the group deleted). */
  accessEnded: boolean;
  /** Counts the times the newest messages were let go as the reader went back: the view keeps its place each time. */
  newestDropped: number;
  loadingOlder: boolean;
  loadingNewer: boolean;
}

const INITIAL: ConversationState = {
  status: 'loading',
  error: null,
  group: null,
  messages: [],
  hasOlder: false,
  olderCursor: null,
  hasNewer: false,
  newerCursor: null,
  unreadAfterId: null,
  focusId: null,
  missedWhileAway: 0,
  accessEnded: false,
  newestDropped: 0,
  loadingOlder: false,
  loadingNewer: false,
};

const PAGE = 50;

interface SubscriptionPayload {
  query: string;
  variables: { groupId: string; after: string | null };
}

/**
 * One open conversation: its newest page (or the page around a message), older and newer pages as the reader
 * scrolls, and every change after the moment it was opened, live over graphql-ws. The subscription starts from the
 * group's change cursor read before the history, and each event moves that cursor on: graphql-ws re-sends the same
 * subscribe payload after a dropped connection, so it resumes from the last change received and misses nothing.
 */
export function useConversation(groupId: string, initialFocusId: string | null, viewerId: string | null) {
  const client = useApolloClient();
  const socket = useLiveSocket();
  const [state, setState] = useState<ConversationState>(INITIAL);
  const stateRef = useRef(state);
  stateRef.current = state;
  // Each loaded message's place in the history, where a window cut short loads again from.
  const pageCursors = useRef(new Map<string, string>());
  const fromPage = useCallback((edges: readonly { cursor: string; node: FragmentType<typeof ChatMessageFragmentDoc> }[]) => {
    return edges.map((e) => {
      const message = chatMessage(e.node);
      pageCursors.current.set(message.id, e.cursor);
      return message;
    });
  }, []);
  const cursorOf = useCallback((id: string) => pageCursors.current.get(id), []);

  const upsertMessages = useCallback((incoming: readonly ChatMessage[]) => {
    if (incoming.length === 0) return;
    setState((s) => {
      const first = s.messages[0]?.id;
      const last = s.messages.at(-1)?.id;
      // Only what falls inside the loaded window: older and newer pages bring the rest when they load.
      const inWindow = incoming.filter((m) => (!s.hasOlder || !first || compareIds(m.id, first) >= 0) && (!s.hasNewer || !last || compareIds(m.id, last) <= 0));
      // Only messages past the window's end are news the reader is missing; an edit further back is not.
      const missed = s.hasNewer && last ? incoming.filter((m) => compareIds(m.id, last) > 0).length : 0;
      return { ...s, messages: mergeMessages(s.messages, inWindow), missedWhileAway: s.missedWhileAway + missed };
    });
  }, []);

  const open = useCallback(
    async (around: string | null) => {
      setState((s) => ({ ...INITIAL, unreadAfterId: s.group?.id === groupId ? s.unreadAfterId : null, status: 'loading' }));
      const { data } = await client.query({ query: ConversationQueryDoc, variables: { groupId, last: around ? null : PAGE, around }, fetchPolicy: 'no-cache' });
      const group = data?.group;
      if (!group) throw new Error('NOT_FOUND');
      const page = group.messages;
      pageCursors.current.clear();
      const loaded = mergeMessages([], fromPage(page.edges));
      const hasNewer = around ? page.pageInfo.hasNextPage : false;
      const end = loaded.at(-1)?.id;
      setState((s) => ({
        ...s,
        status: 'ready',
        group,
        // What live events brought while the page loaded stays, where it falls inside the new window.
        messages: mergeMessages(
          loaded,
          s.messages.filter((m) => !hasNewer || (end !== undefined && compareIds(m.id, end) <= 0)),
        ),
        hasOlder: page.pageInfo.hasPreviousPage,
        olderCursor: page.pageInfo.startCursor ?? null,
        hasNewer,
        newerCursor: page.pageInfo.endCursor ?? null,
        unreadAfterId: s.unreadAfterId ?? (group.unreadCount > 0 ? group.lastReadMessageId : null),
        focusId: around,
        missedWhileAway: 0,
      }));
    },
    [client, groupId, fromPage],
  );

  // Opening: the change cursor first (so nothing sent while the history loads is lost), then the history, then live.
  useEffect(() => {
    let disposed = false;
    let unsubscribe: (() => void) | null = null;
    setState(INITIAL);
    (async () => {
      const cursor = await client.query({ query: ConversationCursorQuery, variables: { groupId }, fetchPolicy: 'no-cache' });
      const after = cursor.data?.group?.changesCursor ?? null;
      if (!cursor.data?.group) throw new Error('NOT_FOUND');
      await open(initialFocusId);
      if (disposed) return;
      const payload: SubscriptionPayload = { query: print(ConversationEventsSubscription), variables: { groupId, after } };
      unsubscribe = socket.subscribe<{ messageEvents: { kind: string; cursor: string | null; message: FragmentType<typeof ChatMessageFragmentDoc> | null } }>(
        payload,
        {
          next: (result) => {
            const event = result.data?.messageEvents;
            if (!event) return;
            if (event.cursor) payload.variables.after = event.cursor;
            if (event.kind === 'ACCESS_ENDED') {
              setState((s) => ({ ...s, accessEnded: true }));
              return;
            }
            if (event.message) upsertMessages([chatMessage(event.message)]);
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
    })().catch((error: unknown) => {
      if (!disposed) setState((s) => ({ ...s, status: 'error', error }));
    });
    return () => {
      disposed = true;
      unsubscribe?.();
    };
    // The focus given on opening only matters then; later jumps go through jumpTo.
  }, [client, socket, groupId]);

  // Reading is not an event anyone is sent (a large group would flood every reader): the counts are asked again
  // while the reader's own messages are among the newest and the tab is in view.
  const ownRecent =
    state.status === 'ready' && !state.hasNewer && state.messages.slice(-30).some((m) => m.author.id === viewerId && !m.deleted && m.kind !== 'SYSTEM');
  useEffect(() => {
    if (!ownRecent) return;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      client
        .query({ query: ReadProgressQuery, variables: { groupId }, fetchPolicy: 'no-cache' })
        .then(({ data }) => {
          const counts = new Map((data?.group?.messages.edges ?? []).map((e) => [e.node.id, e.node.readBy]));
          setState((s) => ({
            ...s,
            messages: s.messages.map((m) => {
              const readBy = counts.get(m.id);
              return readBy && (readBy.count !== m.readBy.count || readBy.of !== m.readBy.of) ? { ...m, readBy } : m;
            }),
          }));
        })
        .catch(() => undefined);
    }, READ_PROGRESS_MS);
    return () => clearInterval(timer);
  }, [client, groupId, ownRecent]);

  const loadOlder = useCallback(async () => {
    const s = stateRef.current;
    if (!s.hasOlder || s.loadingOlder || !s.olderCursor) return;
    setState((x) => ({ ...x, loadingOlder: true }));
    try {
      const { data } = await client.query({ query: OlderMessagesQuery, variables: { groupId, before: s.olderCursor }, fetchPolicy: 'no-cache' });
      const page = data?.group?.messages;
      const incoming = page ? fromPage(page.edges) : [];
      setState((x) => {
        if (!page) return { ...x, loadingOlder: false, hasOlder: false };
        const messages = mergeMessages(x.messages, incoming);
        const base = { ...x, loadingOlder: false, hasOlder: page.pageInfo.hasPreviousPage, olderCursor: page.pageInfo.startCursor ?? x.olderCursor };
        const cut = trimWindow(messages, WINDOW_MAX, 'newest', cursorOf);
        if (!cut) return { ...base, messages };
        return { ...base, messages: cut.kept, hasNewer: true, newerCursor: cut.cursor, newestDropped: x.newestDropped + 1 };
      });
    } catch (error) {
      setState((x) => ({ ...x, loadingOlder: false, error }));
    }
  }, [client, groupId, fromPage, cursorOf]);

  const loadNewer = useCallback(async () => {
    const s = stateRef.current;
    if (!s.hasNewer || s.loadingNewer || !s.newerCursor) return;
    setState((x) => ({ ...x, loadingNewer: true }));
    try {
      const { data } = await client.query({ query: NewerMessagesQuery, variables: { groupId, after: s.newerCursor }, fetchPolicy: 'no-cache' });
      const page = data?.group?.messages;
      const incoming = page ? fromPage(page.edges) : [];
      setState((x) => {
        if (!page) return { ...x, loadingNewer: false, hasNewer: false };
        const messages = mergeMessages(x.messages, incoming);
        const base = {
          ...x,
          loadingNewer: false,
          hasNewer: page.pageInfo.hasNextPage,
          newerCursor: page.pageInfo.endCursor ?? x.newerCursor,
          missedWhileAway: page.pageInfo.hasNextPage ? x.missedWhileAway : 0,
        };
        const cut = trimWindow(messages, WINDOW_MAX, 'oldest', cursorOf);
        return cut ? { ...base, messages: cut.kept, hasOlder: true, olderCursor: cut.cursor } : { ...base, messages };
      });
    } catch (error) {
      setState((x) => ({ ...x, loadingNewer: false, error }));
    }
  }, [client, groupId, fromPage, cursorOf]);

  /** Brings a message into view: at once when it is loaded, else by opening the page around it. */
  const jumpTo = useCallback(
    (messageId: string) => {
      if (stateRef.current.messages.some((m) => m.id === messageId)) {
        setState((s) => ({ ...s, focusId: messageId }));
        return;
      }
      void open(messageId).catch((error: unknown) => setState((s) => ({ ...s, status: 'error', error })));
    },
    [open],
  );

  const jumpToLatest = useCallback(() => {
    if (!stateRef.current.hasNewer) {
      setState((s) => ({ ...s, focusId: null }));
      return;
    }
    void open(null).catch((error: unknown) => setState((s) => ({ ...s, status: 'error', error })));
  }, [open]);

  const clearFocus = useCallback(() => setState((s) => (s.focusId ? { ...s, focusId: null } : s)), []);

  return { state, loadOlder, loadNewer, jumpTo, jumpToLatest, upsertMessages, clearFocus };
}
