/**
 * The conversation's rows as a person reads them: messages in time order, a date line where the day changes, and
 * the "new messages" line where the reader's unread part began when they opened the group. Pure, so the rules are
 * tested without a browser.
 */

/** What the timeline needs of a message: an id (UUID v7, so id order is send order), when it was sent and by whom. */
export interface Timed {
  id: string;
  sentAt: string;
  author: { id: string };
  /** SYSTEM: an entry about the group (who joined, left...), never unread, and a break between runs of messages. */
  kind?: string;
}

/** Whether a message counts as unread for the reader: someone else's, not a system entry. */
const unreadFor = (message: Timed, viewerId: string | null) => message.author.id !== viewerId && message.kind !== 'SYSTEM';

export type TimelineRow<M extends Timed> =
  | { kind: 'date'; key: string; label: string }
  | { kind: 'unread'; key: 'unread'; count: number }
  | { kind: 'message'; key: string; message: M; firstOfRun: boolean };

/** Messages by one author within this many milliseconds read as one run: the name is shown once. */
const RUN_GAP_MS = 5 * 60_000;

/** Ids of UUID v7 compare in time order as strings (hex digits, fixed length). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One list from what was loaded before and what just arrived (an older page, a live event, a sent message): each
 * message once, the newer copy winning, in id order. Both inputs are usually sorted already; this does not rely on it.
 */
export function mergeMessages<M extends { id: string }>(existing: readonly M[], incoming: readonly M[]): M[] {
  if (incoming.length === 0) return existing as M[];
  const byId = new Map<string, M>();
  for (const m of existing) byId.set(m.id, m);
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
}

/** The most messages one conversation keeps on the page; past it, the end the reader moved away from is let go. */
export const WINDOW_MAX = 300;

/**
 * A window of messages that grew past `max`, cut at one end (the newest when the reader went back in time, the oldest
 * when they came forward) so that it ends at a message whose page cursor is known: the cut part loads again from
 * that cursor. Null when nothing needs cutting or no cut point is known.
 */
export function trimWindow<M extends { id: string }>(
  messages: readonly M[],
  max: number,
  drop: 'newest' | 'oldest',
  cursorOf: (id: string) => string | undefined,
): { kept: M[]; cursor: string } | null {
  if (messages.length <= max) return null;
  if (drop === 'newest') {
    for (let i = max - 1; i >= 0; i--) {
      const cursor = cursorOf(messages[i]!.id);
      if (cursor !== undefined) return { kept: messages.slice(0, i + 1), cursor };
    }
  } else {
    for (let i = messages.length - max; i < messages.length; i++) {
      const cursor = cursorOf(messages[i]!.id);
      if (cursor !== undefined) return { kept: messages.slice(i), cursor };
    }
  }
  return null;
}

/** The label of a day: "Today", "Yesterday", a weekday within the week, then the date (with the year when not this one). */
export function dayLabel(day: Date, now: Date, locale = 'en-GB'): string {
  const start = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((start(now) - start(day)) / 86_400_000);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  if (days > 1 && days < 7) return day.toLocaleDateString(locale, { weekday: 'long' });
  const sameYear = day.getFullYear() === now.getFullYear();
  return day.toLocaleDateString(locale, sameYear ? { weekday: 'long', day: 'numeric', month: 'long' } : { day: 'numeric', month: 'long', year: 'numeric' });
}

function dayKey(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

export interface TimelineOptions {
  /** The reader's last read message when the group was opened; the line goes after it. */
  unreadAfterId: string | null;
  viewerId: string | null;
  now: Date;
}

/**
 * The rows to render. The unread line counts only others' messages after the reader's last read one, and shows
 * only when some are loaded; the reader's own messages and system entries never count as unread.
 */
export function timelineRows<M extends Timed>(messages: readonly M[], options: TimelineOptions): TimelineRow<M>[] {
  const rows: TimelineRow<M>[] = [];
  const unreadAfter = options.unreadAfterId;
  const unreadCount = unreadAfter ? messages.filter((m) => compareIds(m.id, unreadAfter) > 0 && unreadFor(m, options.viewerId)).length : 0;
  let lastDay: string | null = null;
  let previous: M | null = null;
  let unreadShown = false;
  for (const message of messages) {
    const sent = new Date(message.sentAt);
    const day = dayKey(sent);
    let breaksRun = false;
    if (day !== lastDay) {
      rows.push({ kind: 'date', key: `date-${day}`, label: dayLabel(sent, options.now) });
      lastDay = day;
      breaksRun = true;
    }
    if (!unreadShown && unreadAfter && unreadCount > 0 && compareIds(message.id, unreadAfter) > 0 && unreadFor(message, options.viewerId)) {
      rows.push({ kind: 'unread', key: 'unread', count: unreadCount });
      unreadShown = true;
      breaksRun = true;
    }
    const firstOfRun =
      breaksRun ||
      !previous ||
      previous.kind === 'SYSTEM' ||
      previous.author.id !== message.author.id ||
      sent.getTime() - new Date(previous.sentAt).getTime() > RUN_GAP_MS;
    rows.push({ kind: 'message', key: message.id, message, firstOfRun });
    previous = message;
  }
  return rows;
}
