import { dayLabel, mergeMessages, timelineRows, trimWindow } from './timeline';

const at = (iso: string) => new Date(iso);
const msg = (id: string, sentAt: string, author = 'ana') => ({ id, sentAt, author: { id: author } });

describe('mergeMessages', () => {
  it('keeps each message once, the newer copy winning, in id order', () => {
    const merged = mergeMessages(
      [msg('02', '2026-12-01T10:00:00Z'), msg('04', '2026-12-01T10:02:00Z')],
      [{ ...msg('04', '2026-12-01T10:02:00Z'), author: { id: 'edited' } }, msg('01', '2026-12-01T09:00:00Z'), msg('03', '2026-12-01T10:01:00Z')],
    );
    expect(merged.map((m) => m.id)).toEqual(['01', '02', '03', '04']);
    expect(merged[3]!.author.id).toBe('edited');
  });

  it('returns the same list when nothing arrived', () => {
    const existing = [msg('01', '2026-12-01T09:00:00Z')];
    expect(mergeMessages(existing, [])).toBe(existing);
  });
});

describe('trimWindow', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i).padStart(3, '0') }));
  const everyCursor = (id: string) => `c${id}`;

  it('leaves a window within its size alone', () => {
    expect(trimWindow(ids(5), 5, 'newest', everyCursor)).toBeNull();
  });

  it('lets the newest go when the reader went back, to reload after the last one kept', () => {
    const cut = trimWindow(ids(8), 5, 'newest', everyCursor)!;
    expect(cut.kept.map((m) => m.id)).toEqual(['000', '001', '002', '003', '004']);
    expect(cut.cursor).toBe('c004');
  });

  it('lets the oldest go when the reader came forward, to reload before the first one kept', () => {
    const cut = trimWindow(ids(8), 5, 'oldest', everyCursor)!;
    expect(cut.kept.map((m) => m.id)).toEqual(['003', '004', '005', '006', '007']);
    expect(cut.cursor).toBe('c003');
  });

  it('cuts only where a page cursor is known (a live message has none), keeping a little less', () => {
    const known = (id: string) => (['001', '002'].includes(id) ? `c${id}` : undefined);
    expect(trimWindow(ids(8), 5, 'newest', known)!.kept.map((m) => m.id)).toEqual(['000', '001', '002']);
    expect(trimWindow(ids(8), 5, 'oldest', () => undefined)).toBeNull();
  });
});

describe('dayLabel', () => {
  const now = at('2026-12-04T12:00:00');
  it('names today, yesterday and the days of this week', () => {
    expect(dayLabel(at('2026-12-04T00:10:00'), now)).toBe('Today');
    expect(dayLabel(at('2026-12-03T23:59:00'), now)).toBe('Yesterday');
    expect(dayLabel(at('2026-12-01T08:00:00'), now)).toBe('Tuesday');
  });

  it('gives older days their date, with the year only when it is not this one', () => {
    expect(dayLabel(at('2026-11-02T08:00:00'), now)).toBe('Monday 2 November');
    expect(dayLabel(at('2025-12-31T08:00:00'), now)).toBe('31 December 2025');
  });
});

describe('timelineRows', () => {
  const now = at('2026-12-04T12:00:00');

  it('puts a date line where the day changes and shows an author once per run', () => {
    const rows = timelineRows(
      [
        msg('01', '2026-12-03T09:00:00', 'ana'),
        msg('02', '2026-12-03T09:01:00', 'ana'),
        msg('03', '2026-12-03T09:20:00', 'ana'),
        msg('04', '2026-12-04T08:00:00', 'ana'),
        msg('05', '2026-12-04T08:01:00', 'bo'),
      ],
      { unreadAfterId: null, viewerId: 'ana', now },
    );
    expect(rows.map((r) => (r.kind === 'message' ? `${r.key}${r.firstOfRun ? '*' : ''}` : r.kind === 'date' ? r.label : r.kind))).toEqual([
      'Yesterday',
      '01*',
      '02',
      '03*',
      'Today',
      '04*',
      '05*',
    ]);
  });

  it('draws the unread line before the first message of others after the last read one, counting only theirs', () => {
    const rows = timelineRows(
      [
        msg('01', '2026-12-04T09:00:00', 'bo'),
        msg('02', '2026-12-04T09:01:00', 'ana'),
        msg('03', '2026-12-04T09:02:00', 'bo'),
        msg('04', '2026-12-04T09:03:00', 'bo'),
      ],
      { unreadAfterId: '01', viewerId: 'ana', now },
    );
    const unreadAt = rows.findIndex((r) => r.kind === 'unread');
    expect(rows[unreadAt]).toEqual({ kind: 'unread', key: 'unread', count: 2 });
    expect(rows[unreadAt + 1]).toMatchObject({ kind: 'message', key: '03', firstOfRun: true });
  });

  it('draws no unread line when everything after the last read one is the reader’s own', () => {
    const rows = timelineRows([msg('01', '2026-12-04T09:00:00', 'bo'), msg('02', '2026-12-04T09:01:00', 'ana')], {
      unreadAfterId: '01',
      viewerId: 'ana',
      now,
    });
    expect(rows.some((r) => r.kind === 'unread')).toBe(false);
  });

  it('never counts a system entry as unread, and starts a new run after one', () => {
    const rows = timelineRows(
      [msg('01', '2026-12-04T09:00:00', 'bo'), { ...msg('02', '2026-12-04T09:01:00', 'bo'), kind: 'SYSTEM' }, msg('03', '2026-12-04T09:02:00', 'bo')],
      { unreadAfterId: '01', viewerId: 'ana', now },
    );
    expect(rows.map((r) => (r.kind === 'message' ? `${r.key}${r.firstOfRun ? '*' : ''}` : r.kind === 'date' ? r.label : r.kind))).toEqual([
      'Today',
      '01*',
      '02',
      'unread',
      '03*',
    ]);
    expect(rows.find((r) => r.kind === 'unread')).toEqual({ kind: 'unread', key: 'unread', count: 1 });
  });
});
