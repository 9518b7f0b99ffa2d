/** How the groups list words counts and times. */

/** The API counts unread messages up to 1,000; from there the badge says "999+". */
export function unreadBadge(count: number): string | null {
  if (count <= 0) return null;
  return count > 999 ? '999+' : String(count);
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** Formatters are costly to make and the list formats a time per group at each message: one per kind is kept. */
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let made = formats.get(key);
  if (!made) formats.set(key, (made = new Intl.DateTimeFormat(locale, options)));
  return made;
}

/** A last message's time as lists show it: the time today, "Yesterday", the weekday this week, then the date. */
export function activityTime(at: Date, now: Date, locale = 'en-GB'): string {
  const start = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((start(now) - start(at)) / 86_400_000);
  if (days <= 0) return format(locale, { hour: '2-digit', minute: '2-digit' }).format(at);
  if (days === 1) return 'Yesterday';
  if (days < 7) return format(locale, { weekday: 'short' }).format(at);
  return format(
    locale,
    at.getFullYear() === now.getFullYear() ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' },
  ).format(at);
}
