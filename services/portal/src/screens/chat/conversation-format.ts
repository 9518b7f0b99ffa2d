/** How the groups list words counts and times. */

/** The API counts unread messages up to 1,000; from there the badge says "999+". */
export function unreadBadge(count: number): string | null {
  if (count <= 0) return null;
  return count > 999 ? '999+' : String(count);
}

/** A last message's time as lists show it: the time today, "Yesterday", the weekday this week, then the date. */
export function activityTime(at: Date, now: Date, locale = 'en-GB'): string {
  const start = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((start(now) - start(at)) / 86_400_000);
  if (days <= 0) return at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (days === 1) return 'Yesterday';
  if (days < 7) return at.toLocaleDateString(locale, { weekday: 'short' });
  return at.toLocaleDateString(
    locale,
    at.getFullYear() === now.getFullYear() ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' },
  );
}
