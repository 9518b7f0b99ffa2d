import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  NotAChatExportError,
  parseWhatsAppExport,
  SNIFF_LINES,
  WhatsAppExportReader,
  ZonedClock,
  type ChatEntry,
  type ChatMessage,
  type ChatSystemEntry,
  type ParseOptions,
  type ParsedChat,
  type SystemKind,
} from './whatsapp-parser';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

const message = (line: number, sentAt: string, author: string, text: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  kind: 'MESSAGE',
  line,
  sentAt: new Date(sentAt),
  author,
  authorPhone: null,
  text,
  media: null,
  deleted: false,
  edited: false,
  ...extra,
});

const notice = (line: number, sentAt: string, systemKind: SystemKind, actor: string | null, text: string): ChatSystemEntry => ({
  kind: 'SYSTEM',
  line,
  sentAt: new Date(sentAt),
  text,
  actor,
  systemKind,
});

/** The error a parse throws, so its problem and reason can be checked. */
function refusal(text: string, options: ParseOptions = { timeZone: 'UTC' }): NotAChatExportError {
  try {
    parseWhatsAppExport(text, options);
  } catch (err) {
    if (err instanceof NotAChatExportError) return err;
    throw err;
  }
  throw new Error('The file was not refused.');
}

/** The same text fed to a reader in pieces of `size` characters. */
function parseInChunks(text: string, size: number, options: ParseOptions): ParsedChat {
  const reader = new WhatsAppExportReader(options);
  const entries: ChatEntry[] = [];
  for (let start = 0; start < text.length; start += size) entries.push(...reader.write(text.slice(start, start + size)));
  const end = reader.end();
  return { entries: [...entries, ...end.entries], format: end.format, skipped: end.skipped };
}

const sentAtOf = (text: string, options: ParseOptions = { timeZone: 'UTC' }) => parseWhatsAppExport(text, options).entries[0]!.sentAt.toISOString();

describe('the fixtures hold the characters they are meant to test', () => {
  it('has the BOM, line ends and invisible characters as real bytes', () => {
    const ios = fixture('ios-bom-mixed-line-ends.txt');
    expect(ios.startsWith('\uFEFF[')).toBe(true);
    expect(ios).toContain('\r\n');
    expect(ios).toMatch(/[^\r]\n/);
    expect(ios).toContain('\u200E[');
    expect(ios).toContain('~\u202FCarol');
    expect(ios).toContain('\u202A+49 151 23456789\u202C');
    const android12h = fixture('android-12h-month-first.txt');
    expect(android12h).toContain('11:58\u202FPM');
    expect(android12h).toContain('1:30\u00A0AM');
    expect(fixture('android-24h-day-first.txt')).toContain('~\u00A0Carol');
    const german = fixture('android-german.txt');
    expect(german.startsWith('\uFEFF24.12.23')).toBe(true);
    expect(german.split('\r\n')).toHaveLength(15);
  });
});

describe('Android, 24-hour clock, day first (Europe/London)', () => {
  const parsed = parseWhatsAppExport(fixture('android-24h-day-first.txt'), { timeZone: 'Europe/London' });

  it('reads every entry with its author, UTC time, text and line, in the order of the file', () => {
    expect(parsed.entries).toEqual([
      notice(
        1,
        '2023-03-26T00:15:00Z',
        'ENCRYPTION_NOTICE',
        null,
        'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.',
      ),
      notice(2, '2023-03-26T00:15:00Z', 'CREATED', 'Alice Smith', 'Alice Smith created group "Hiking Club"'),
      notice(3, '2023-03-26T00:16:00Z', 'ADDED', 'Alice Smith', 'Alice Smith added Bob Jones'),
      message(4, '2023-03-26T00:59:00Z', 'Alice Smith', 'Welcome everyone!'),
      // 02:30 on the morning the clocks went forward is British Summer Time.
      message(5, '2023-03-26T01:30:00Z', 'Bob Jones', "Clocks went forward\nLine two of Bob's message\n\nLine four, after a blank line"),
      message(9, '2023-12-31T21:41:00Z', 'Alice Smith', '', { media: { fileName: null, omitted: true } }),
      message(10, '2023-12-31T21:42:00Z', 'Bob Jones', 'View from the top', { media: { fileName: 'IMG-20231231-WA0001.jpg', omitted: false } }),
      message(12, '2023-12-31T21:43:00Z', '+44 7700 900123', "Hi, I'm new here", { authorPhone: '+447700900123' }),
      message(13, '2023-12-31T21:44:00Z', 'Carol', '', { deleted: true }),
      message(14, '2023-12-31T21:45:00Z', 'Bob Jones', 'See you at 10:30', { edited: true }),
      message(15, '2023-12-31T21:40:00Z', 'Alice Smith', 'Sent earlier, arrived late'),
      notice(16, '2023-12-31T21:46:00Z', 'SUBJECT_CHANGED', 'Alice Smith', 'Alice Smith changed the subject from "Hiking Club" to "Hiking Club: 2024"'),
      notice(17, '2023-12-31T21:47:00Z', 'ICON_CHANGED', 'Alice Smith', "Alice Smith changed this group's icon"),
      notice(18, '2023-12-31T21:48:00Z', 'SECURITY_CODE_CHANGED', 'Bob Jones', 'Your security code with Bob Jones changed. Tap to learn more.'),
      notice(19, '2023-12-31T21:49:00Z', 'REMOVED', 'Alice Smith', 'Alice Smith removed \u202A+44 7700 900123\u202C'),
      notice(20, '2023-12-31T21:50:00Z', 'LEFT', 'Bob Jones', 'Bob Jones left'),
      message(21, '2023-12-31T21:51:00Z', 'Alice Smith', '@\u2068Bob Jones\u2069 you left: why?'),
      message(22, '2024-01-01T09:05:00Z', 'Alice Smith', 'Happy new year\n[1/1/2024, 9:06:00] Alice Smith: a line pasted from an iPhone export stays text'),
    ]);
  });

  it('says how it read the file', () => {
    expect(parsed.format).toEqual({ platform: 'ANDROID', dateOrder: 'DAY_FIRST', clock: '24H', decided: 'FROM_FILE' });
    expect(parsed.skipped).toEqual([]);
  });
});

describe('Android, 12-hour clock, month first (America/New_York)', () => {
  const text = fixture('android-12h-month-first.txt');
  const expected = [
    notice(1, '2023-11-05T03:50:00Z', 'ADDED', 'Dana', 'Dana added Eve'),
    message(2, '2023-11-05T03:58:00Z', 'Dana', 'Party tonight?'),
    message(3, '2023-11-05T04:03:00Z', 'Eve', 'Just got home'),
    // 1:30 AM happened twice that night; the first one, still daylight time, is taken.
    message(4, '2023-11-05T05:30:00Z', 'Dana', 'Clocks go back tonight'),
    message(5, '2023-11-05T17:00:00Z', 'Eve', 'Lunch?'),
    message(6, '2023-11-05T20:15:00Z', '+1 (555) 010-9999', 'Who is this?', { authorPhone: '+15550109999' }),
    message(7, '2024-01-01T02:41:00Z', 'Dana', "Happy new year's eve"),
    notice(8, '2024-01-01T02:42:00Z', 'ADDED', 'Eve', "Eve joined using this group's invite link"),
    message(9, '2024-01-01T04:59:00Z', 'Eve', 'Almost there'),
  ];

  it('reads AM/PM after narrow no-break, no-break and plain spaces, in any spelling', () => {
    const parsed = parseWhatsAppExport(text, { timeZone: 'America/New_York' });
    expect(parsed.entries).toEqual(expected);
    expect(parsed.format).toEqual({ platform: 'ANDROID', dateOrder: 'MONTH_FIRST', clock: '12H', decided: 'FROM_FILE' });
  });

  it('lets a day above 12 anywhere in the file outrank the setting, for the lines before it too', () => {
    const parsed = parseWhatsAppExport(text, { timeZone: 'America/New_York', dateOrder: 'DAY_FIRST' });
    expect(parsed.entries).toEqual(expected);
    expect(parsed.format.decided).toBe('FROM_FILE');
  });
});

describe('iOS with a BOM, CRLF and LF mixed, U+200E notices and <attached: …> (Europe/Berlin)', () => {
  const text = fixture('ios-bom-mixed-line-ends.txt');
  const expected = [
    notice(
      1,
      '2024-01-05T08:00:00Z',
      'ENCRYPTION_NOTICE',
      null,
      'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
    ),
    notice(2, '2024-01-05T08:00:00Z', 'CREATED', 'Alice', 'Alice created group “Family”'),
    notice(3, '2024-01-05T08:00:01Z', 'ADDED', 'Alice', 'Alice added Bob'),
    message(4, '2024-01-05T08:01:30Z', 'Alice', 'Morning all!'),
    message(5, '2024-01-05T08:02:00Z', 'Bob', 'First line\nsecond line\nthird line'),
    message(8, '2024-01-05T08:03:15Z', 'Alice', 'Our new puppy', { media: { fileName: '00000012-PHOTO-2024-01-05-09-03-15.jpg', omitted: false } }),
    message(10, '2024-01-05T08:04:00Z', 'Bob', '', { media: { fileName: null, omitted: true } }),
    message(11, '2024-01-05T08:05:00Z', 'Carol', 'Hi all'),
    message(12, '2024-01-05T08:05:30Z', 'Carol', '', { deleted: true }),
    message(13, '2024-01-05T08:06:00Z', '+49 151 23456789', 'Wer ist das?', { authorPhone: '+4915123456789' }),
    message(14, '2024-01-05T08:07:00Z', 'Alice', 'Fixed the typo', { edited: true }),
    notice(15, '2024-01-05T08:08:00Z', 'SUBJECT_CHANGED', 'Alice', 'Alice changed the group name to “Family 2024”'),
    notice(16, '2024-01-05T08:09:00Z', 'ICON_CHANGED', 'Alice', "Alice changed this group's icon"),
    notice(17, '2024-01-05T08:10:00Z', 'LEFT', 'Bob', 'Bob left'),
    // An unknown notice from the group is still a notice: the group posted known ones before.
    notice(18, '2024-01-05T08:11:00Z', 'OTHER', null, "You're now an admin"),
    // A person's message that starts with a mention also starts with U+200E; it stays a message.
    message(19, '2024-02-06T09:00:00Z', 'Alice', '@\u2068Bob\u2069 come back'),
    message(20, '2024-02-06T09:01:00Z', 'Alice', 'Report.pdf • \u200E3 pages', { media: { fileName: '00000020-Report.pdf', omitted: false } }),
  ];

  it('reads day first from the setting when no day is above 12', () => {
    const parsed = parseWhatsAppExport(text, { timeZone: 'Europe/Berlin', dateOrder: 'DAY_FIRST' });
    expect(parsed.entries).toEqual(expected);
    expect(parsed.format).toEqual({ platform: 'IOS', dateOrder: 'DAY_FIRST', clock: '24H', decided: 'FROM_SETTING' });
    expect(parsed.skipped).toEqual([]);
  });

  it('assumes day first without a setting, and says so', () => {
    const parsed = parseWhatsAppExport(text, { timeZone: 'Europe/Berlin' });
    expect(parsed.entries).toEqual(expected);
    expect(parsed.format).toEqual({ platform: 'IOS', dateOrder: 'DAY_FIRST', clock: '24H', decided: 'DEFAULT' });
  });

  it('reads month first when the setting says so, summer time included', () => {
    const parsed = parseWhatsAppExport(text, { timeZone: 'Europe/Berlin', dateOrder: 'MONTH_FIRST' });
    expect(parsed.entries[0]!.sentAt).toEqual(new Date('2024-05-01T07:00:00Z'));
    expect(parsed.entries.at(-1)!.sentAt).toEqual(new Date('2024-06-02T08:01:00Z'));
    expect(parsed.format).toEqual({ platform: 'IOS', dateOrder: 'MONTH_FIRST', clock: '24H', decided: 'FROM_SETTING' });
  });
});

describe('year first with dots in the time (Asia/Kolkata)', () => {
  it('reads the dates and times', () => {
    const parsed = parseWhatsAppExport(fixture('year-first-dotted-time.txt'), { timeZone: 'Asia/Kolkata', dateOrder: 'MONTH_FIRST' });
    expect(parsed.entries).toEqual([
      message(1, '2023-12-31T16:11:00Z', 'Priya', 'Dinner at 9?'),
      message(2, '2023-12-31T16:12:00Z', 'Ravi', 'Yes'),
      message(3, '2023-12-31T18:35:00Z', 'Priya', 'Happy new year!\nMore wishes on a second line'),
    ]);
    expect(parsed.format).toEqual({ platform: 'ANDROID', dateOrder: 'YEAR_FIRST', clock: '24H', decided: 'FROM_FILE' });
  });
});

describe('German, Android, BOM before the first message, CRLF (Europe/Berlin)', () => {
  it('reads German notices and markers', () => {
    const parsed = parseWhatsAppExport(fixture('android-german.txt'), { timeZone: 'Europe/Berlin' });
    expect(parsed.entries).toEqual([
      message(1, '2023-12-24T17:00:00Z', 'Oma', 'Frohe Weihnachten!'),
      notice(
        2,
        '2023-12-24T17:01:00Z',
        'ENCRYPTION_NOTICE',
        null,
        'Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats kann sie lesen oder anhören, nicht einmal WhatsApp. Tippe, um mehr zu erfahren.',
      ),
      notice(3, '2023-12-24T17:02:00Z', 'CREATED', 'Opa', 'Opa hat die Gruppe „Familie“ erstellt'),
      notice(4, '2023-12-24T17:03:00Z', 'ADDED', 'Opa', 'Opa hat Lena hinzugefügt'),
      message(5, '2023-12-24T17:04:00Z', 'Lena', '', { media: { fileName: null, omitted: true } }),
      message(6, '2023-12-24T17:05:00Z', 'Lena', 'Der Baum!', { media: { fileName: 'IMG-20231224-WA0007.jpg', omitted: false } }),
      message(8, '2023-12-24T17:06:00Z', 'Oma', '', { deleted: true }),
      message(9, '2023-12-24T17:07:00Z', 'Opa', 'Bis morgen', { edited: true }),
      notice(10, '2023-12-24T17:08:00Z', 'SUBJECT_CHANGED', 'Opa', 'Opa hat den Betreff von „Familie“ zu „Familie 🎄“ geändert'),
      notice(11, '2023-12-24T17:09:00Z', 'ICON_CHANGED', 'Opa', 'Opa hat das Gruppenbild geändert'),
      notice(12, '2023-12-24T17:10:00Z', 'LEFT', 'Lena', 'Lena hat die Gruppe verlassen'),
      notice(13, '2023-12-24T17:11:00Z', 'REMOVED', 'Opa', 'Opa hat Max entfernt'),
      notice(14, '2023-12-24T17:12:00Z', 'SECURITY_CODE_CHANGED', 'Oma', 'Deine Sicherheitsnummer für Oma hat sich geändert. Tippe, um mehr zu erfahren.'),
    ]);
    expect(parsed.format).toEqual({ platform: 'ANDROID', dateOrder: 'DAY_FIRST', clock: '24H', decided: 'FROM_FILE' });
  });
});

describe('Spanish notices and markers', () => {
  it('reads a few of them', () => {
    const text = [
      '31/12/23, 21:40 - Ana creó el grupo "Amigos"',
      '31/12/23, 21:41 - Ana añadió a Luis',
      '31/12/23, 21:42 - Luis: <Multimedia omitido>',
      '31/12/23, 21:43 - Luis: Se eliminó este mensaje.',
      '31/12/23, 21:44 - Luis salió del grupo',
    ].join('\n');
    expect(parseWhatsAppExport(text, { timeZone: 'UTC' }).entries).toEqual([
      notice(1, '2023-12-31T21:40:00Z', 'CREATED', 'Ana', 'Ana creó el grupo "Amigos"'),
      notice(2, '2023-12-31T21:41:00Z', 'ADDED', 'Ana', 'Ana añadió a Luis'),
      message(3, '2023-12-31T21:42:00Z', 'Luis', '', { media: { fileName: null, omitted: true } }),
      message(4, '2023-12-31T21:43:00Z', 'Luis', '', { deleted: true }),
      notice(5, '2023-12-31T21:44:00Z', 'LEFT', 'Luis', 'Luis salió del grupo'),
    ]);
  });
});

describe('line shapes', () => {
  it.each([['9:41 PM'], ['9:41 pm'], ['9:41 p.m.'], ['9:41 P.M.'], ['9:41PM'], ['9:41\u202FPM'], ['9:41\u00A0pm'], ['9:41\u00A0p.\u00A0m.'], ['9.41 PM']])(
    'reads the 12-hour time %j',
    (time) => {
      expect(sentAtOf(`31/12/2023, ${time} - Ann: hi`)).toBe('2023-12-31T21:41:00.000Z');
    },
  );

  it('reads 12 AM as midnight and 12 PM as noon', () => {
    expect(sentAtOf('[31/12/2023, 12:05:09 AM] Ann: hi')).toBe('2023-12-31T00:05:09.000Z');
    expect(sentAtOf('[31/12/2023, 12:05:09 PM] Ann: hi')).toBe('2023-12-31T12:05:09.000Z');
  });

  it.each([
    ['31/12/2023, 21:41 - '],
    ['31.12.2023, 21:41 - '],
    ['31-12-2023, 21:41 - '],
    ['31/12/23, 21:41 - '],
    ['31.12.23 21:41 - '],
    ['31.12.2023 klo 21.41 - '],
    ['12/31/23, 21:41 - '],
    ['2023-12-31, 21:41 - '],
    ['2023/12/31 21:41 - '],
    ['[31/12/2023, 21:41:00] '],
    ['[31.12.23, 21:41:00] '],
    ['[2023-12-31 21:41:00] '],
    ['\u200E[31/12/2023, 21:41:00] '],
    ['\u200F31/12/2023, 21:41 - '],
  ])('reads the date and time in %j', (head) => {
    const parsed = parseWhatsAppExport(`${head}Ann: hi`, { timeZone: 'UTC' });
    expect(parsed.entries).toEqual([message(1, '2023-12-31T21:41:00Z', 'Ann', 'hi')]);
  });

  it('keeps a blank message and a message that is only spaces', () => {
    const parsed = parseWhatsAppExport('31/12/2023, 21:41 - Ann:\n31/12/2023, 21:42 - Ann: \n', { timeZone: 'UTC' });
    expect(parsed.entries.map((entry) => (entry as ChatMessage).text)).toEqual(['', '']);
  });

  it('takes a dated line shaped unlike the rest of the file as message text', () => {
    const text = ['31/12/2023, 21:41 - Ann: quoting:', '31-12-2023, 21:40 - Bob: other separators', '31/12/2023, 9:40 PM - Bob: other clock'].join('\n');
    expect(parseWhatsAppExport(text, { timeZone: 'UTC' }).entries).toEqual([
      message(1, '2023-12-31T21:41:00Z', 'Ann', 'quoting:\n31-12-2023, 21:40 - Bob: other separators\n31/12/2023, 9:40 PM - Bob: other clock'),
    ]);
  });

  it('takes a date that cannot exist as message text', () => {
    const text = [
      '31/12/2023, 21:41 - Ann: one',
      '31/02/2023, 21:42 - Ann: not a day',
      '12/31/2023, 21:43 - Ann: month first, unlike the file',
      '13/13/2023, 21:44 - x: y',
    ].join('\n');
    expect(parseWhatsAppExport(text, { timeZone: 'UTC' }).entries).toEqual([
      message(
        1,
        '2023-12-31T21:41:00Z',
        'Ann',
        'one\n31/02/2023, 21:42 - Ann: not a day\n12/31/2023, 21:43 - Ann: month first, unlike the file\n13/13/2023, 21:44 - x: y',
      ),
    ]);
  });

  it('finds the order from any day above 12, even far down the file', () => {
    const lines = ['01/02/2024, 10:00 - Ann: first'];
    for (let i = 0; i < 500; i++) lines.push(`01/02/2024, 10:01 - Bob: ${i}`);
    lines.push('02/13/2024, 10:02 - Ann: the 13th of February');
    const parsed = parseWhatsAppExport(lines.join('\n'), { timeZone: 'UTC', dateOrder: 'DAY_FIRST' });
    expect(parsed.entries[0]!.sentAt).toEqual(new Date('2024-01-02T10:00:00Z'));
    expect(parsed.entries.at(-1)!.sentAt).toEqual(new Date('2024-02-13T10:02:00Z'));
    expect(parsed.format).toMatchObject({ dateOrder: 'MONTH_FIRST', decided: 'FROM_FILE' });
  });

  it('reads LF, CRLF and lone CR line ends, with or without a final one', () => {
    const lines = ['31/12/2023, 21:41 - Ann: one', 'two', '31/12/2023, 21:42 - Bob: three'];
    const expected = [message(1, '2023-12-31T21:41:00Z', 'Ann', 'one\ntwo'), message(3, '2023-12-31T21:42:00Z', 'Bob', 'three')];
    for (const ending of ['\n', '\r\n', '\r']) {
      expect(parseWhatsAppExport(lines.join(ending), { timeZone: 'UTC' }).entries).toEqual(expected);
      expect(parseWhatsAppExport(lines.join(ending) + ending, { timeZone: 'UTC' }).entries).toEqual(expected);
    }
  });

  it('keeps the first message after a BOM', () => {
    expect(parseWhatsAppExport('\uFEFF31/12/2023, 21:41 - Ann: first', { timeZone: 'UTC' }).entries).toEqual([
      message(1, '2023-12-31T21:41:00Z', 'Ann', 'first'),
    ]);
  });
});

describe('authors', () => {
  it.each([
    ['Ann', 'Ann', null],
    ['~ Ann', 'Ann', null],
    ['~\u00A0Ann Lee', 'Ann Lee', null],
    ['~\u202FAnn', 'Ann', null],
    ['\u2068Ann\u2069', 'Ann', null],
    ['\u200EAnn\u200F', 'Ann', null],
    ['Ann 2', 'Ann 2', null],
    ['+44 7700 900123', '+44 7700 900123', '+447700900123'],
    ['\u202A+44\u00A07700\u00A0900123\u202C', '+44 7700 900123', '+447700900123'],
    ['\u2066+1 (555) 010-9999\u2069', '+1 (555) 010-9999', '+15550109999'],
    ['~\u202F+33 6 12 34 56 78', '+33 6 12 34 56 78', '+33612345678'],
  ])('reads %j as %j with phone %j', (shown, author, authorPhone) => {
    const [entry] = parseWhatsAppExport(`31/12/2023, 21:41 - ${shown}: hi`, { timeZone: 'UTC' }).entries;
    expect(entry).toMatchObject({ kind: 'MESSAGE', author, authorPhone });
  });

  it('names the actor of a notice cleanly too', () => {
    const [, entry] = parseWhatsAppExport('31/12/2023, 21:40 - Ann: hi\n31/12/2023, 21:41 - \u202A+44 7700 900123\u202C left', { timeZone: 'UTC' }).entries;
    expect(entry).toMatchObject({ kind: 'SYSTEM', systemKind: 'LEFT', actor: '+44 7700 900123' });
  });
});

describe('notices', () => {
  it('does not take a message that reads like a notice for one', () => {
    const text = ['31/12/2023, 21:40 - Ann: I left', '31/12/2023, 21:41 - Ann: Bob added Carol', '31/12/2023, 21:42 - Bob left'].join('\n');
    expect(parseWhatsAppExport(text, { timeZone: 'UTC' }).entries).toEqual([
      message(1, '2023-12-31T21:40:00Z', 'Ann', 'I left'),
      message(2, '2023-12-31T21:41:00Z', 'Ann', 'Bob added Carol'),
      notice(3, '2023-12-31T21:42:00Z', 'LEFT', 'Bob', 'Bob left'),
    ]);
  });

  it('keeps an unknown Android notice (no "Name:") as OTHER', () => {
    const [, entry] = parseWhatsAppExport('31/12/2023, 21:40 - Ann: hi\n31/12/2023, 21:41 - Ann changed the group description', { timeZone: 'UTC' }).entries;
    expect(entry).toEqual(notice(2, '2023-12-31T21:41:00Z', 'OTHER', null, 'Ann changed the group description'));
  });

  it('reads iOS notices with the acting person as author, and without an author', () => {
    const text = [
      '[31/12/2023, 21:40:00] Ann: hi',
      '[31/12/2023, 21:41:00] Bob: \u200EBob left',
      '[31/12/2023, 21:42:00] \u200EAnn changed the subject to “A: B”',
    ].join('\r\n');
    expect(parseWhatsAppExport(text, { timeZone: 'UTC' }).entries).toEqual([
      message(1, '2023-12-31T21:40:00Z', 'Ann', 'hi'),
      notice(2, '2023-12-31T21:41:00Z', 'LEFT', 'Bob', 'Bob left'),
      notice(3, '2023-12-31T21:42:00Z', 'SUBJECT_CHANGED', 'Ann', 'Ann changed the subject to “A: B”'),
    ]);
  });

  it('keeps media and deletions from the other person of a one-to-one iOS chat as messages, though they posted its notice', () => {
    const text = [
      '[31/12/2023, 21:40:00] Bob: \u200EMessages and calls are end-to-end encrypted.',
      '[31/12/2023, 21:41:00] Bob: \u200Eimage omitted',
      '[31/12/2023, 21:42:00] Bob: \u200EThis message was deleted.',
      '\u200E[31/12/2023, 21:43:00] Bob: \u200E<attached: 00000003-AUDIO-2023-12-31-21-43-00.opus>',
      '[31/12/2023, 21:44:00] Bob: \u200EMissed voice call',
    ].join('\n');
    expect(parseWhatsAppExport(text, { timeZone: 'UTC' }).entries).toEqual([
      notice(1, '2023-12-31T21:40:00Z', 'ENCRYPTION_NOTICE', null, 'Messages and calls are end-to-end encrypted.'),
      message(2, '2023-12-31T21:41:00Z', 'Bob', '', { media: { fileName: null, omitted: true } }),
      message(3, '2023-12-31T21:42:00Z', 'Bob', '', { deleted: true }),
      message(4, '2023-12-31T21:43:00Z', 'Bob', '', { media: { fileName: '00000003-AUDIO-2023-12-31-21-43-00.opus', omitted: false } }),
      notice(5, '2023-12-31T21:44:00Z', 'OTHER', null, 'Missed voice call'),
    ]);
  });

  it('reads the other English wordings', () => {
    const cases: [string, SystemKind, string | null][] = [
      ['You created group "Trip"', 'CREATED', 'You'],
      ['Ann created this group', 'CREATED', 'Ann'],
      ['You added Bob and Carol', 'ADDED', 'You'],
      ['Ann removed you', 'REMOVED', 'Ann'],
      ['You left', 'LEFT', 'You'],
      ['Ann changed the subject to "Trip"', 'SUBJECT_CHANGED', 'Ann'],
      ["Ann deleted this group's icon", 'ICON_CHANGED', 'Ann'],
      ['Bob’s security code changed. Tap to learn more.', 'SECURITY_CODE_CHANGED', 'Bob'],
      ['Messages to this group are now secured with end-to-end encryption. Tap for more info.', 'ENCRYPTION_NOTICE', null],
    ];
    const text = ['31/12/2023, 21:40 - Ann: hi', ...cases.map(([line]) => `31/12/2023, 21:41 - ${line}`)].join('\n');
    const notices = parseWhatsAppExport(text, { timeZone: 'UTC' }).entries.slice(1);
    expect(notices.map((entry) => [entry.text, (entry as ChatSystemEntry).systemKind, (entry as ChatSystemEntry).actor])).toEqual(cases);
  });
});

describe('message markers', () => {
  it('removes the edited marker at the end of a message of several lines', () => {
    const [entry] = parseWhatsAppExport('31/12/2023, 21:41 - Ann: one\ntwo <This message was edited>', { timeZone: 'UTC' }).entries;
    expect(entry).toMatchObject({ text: 'one\ntwo', edited: true });
  });

  it('reads "You deleted this message" as deleted', () => {
    const [entry] = parseWhatsAppExport('31/12/2023, 21:41 - Ann: You deleted this message', { timeZone: 'UTC' }).entries;
    expect(entry).toMatchObject({ text: '', deleted: true });
  });

  it('keeps the caption under an iOS attachment and a media-omitted line', () => {
    const text = ['[31/12/2023, 21:41:05] Ann: \u200E<attached: 00000012-PHOTO-2023-12-31-21-41-05.jpg>', 'caption', 'on two lines'].join('\n');
    expect(parseWhatsAppExport(text, { timeZone: 'UTC' }).entries).toEqual([
      message(1, '2023-12-31T21:41:05Z', 'Ann', 'caption\non two lines', { media: { fileName: '00000012-PHOTO-2023-12-31-21-41-05.jpg', omitted: false } }),
    ]);
    const [omitted] = parseWhatsAppExport('31/12/2023, 21:41 - Ann: <Media omitted>\nReport.pdf', { timeZone: 'UTC' }).entries;
    expect(omitted).toMatchObject({ text: 'Report.pdf', media: { fileName: null, omitted: true } });
  });
});

describe('files that are not chat exports', () => {
  it('refuses an empty file', () => {
    for (const text of ['', '\uFEFF', '\n\n  \r\n']) {
      const error = refusal(text);
      expect(error.problem).toBe('EMPTY_FILE');
      expect(error.message).toMatch(/empty/);
    }
  });

  it('refuses a CSV file, saying what an export looks like', () => {
    const error = refusal(fixture('not-a-chat.csv'));
    expect(error).toBeInstanceOf(NotAChatExportError);
    expect(error.problem).toBe('NOT_A_CHAT_EXPORT');
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('does not look like a WhatsApp chat export');
    expect(error.message).toContain('Export chat');
  });

  it('refuses JSON', () => {
    expect(refusal(JSON.stringify([{ date: '31/12/2023, 21:41', author: 'Ann', text: 'hi' }], null, 2)).problem).toBe('NOT_A_CHAT_EXPORT');
  });

  it('refuses binary content and ZIP archives at once', () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]).toString('utf8');
    expect(refusal(binary).problem).toBe('NOT_TEXT');
    expect(refusal('PK\u0003\u0004\u0014\u0000\u0008\u0000').problem).toBe('ZIP_ARCHIVE');
    expect(refusal('PK\u0003\u0004\u0014\u0000\u0008\u0000').message).toContain('_chat.txt');
  });

  it(`decides within the first ${SNIFF_LINES} non-empty lines, without reading on`, () => {
    const reader = new WhatsAppExportReader({ timeZone: 'UTC' });
    const junk = Array.from({ length: SNIFF_LINES - 1 }, (_, i) => `junk ${i}\n\n`).join('');
    expect(reader.write(junk)).toEqual([]);
    expect(() => reader.write('one more junk line\n')).toThrow(NotAChatExportError);
  });

  it(`places up to ${SNIFF_LINES - 1} lines of junk before the first message in skipped`, () => {
    const junk = Array.from({ length: SNIFF_LINES - 1 }, (_, i) => `junk ${i + 1}`);
    const parsed = parseWhatsAppExport([...junk, '', '31/12/2023, 21:41 - Ann: hi'].join('\n'), { timeZone: 'UTC' });
    expect(parsed.entries).toEqual([message(SNIFF_LINES + 1, '2023-12-31T21:41:00Z', 'Ann', 'hi')]);
    expect(parsed.skipped).toHaveLength(SNIFF_LINES - 1);
    expect(parsed.skipped[0]).toEqual({ line: 1, text: 'junk 1', reason: expect.stringContaining('before the first message') });
    expect(parsed.skipped.at(-1)).toMatchObject({ line: SNIFF_LINES - 1, text: `junk ${SNIFF_LINES - 1}` });
  });

  it('refuses a very long first line without waiting for its end', () => {
    const reader = new WhatsAppExportReader({ timeZone: 'UTC' });
    expect(() => reader.write('x'.repeat(1_000_001))).toThrow(NotAChatExportError);
  });

  it('refuses an export with notices only, saying no messages were found', () => {
    const text = fixture('android-24h-day-first.txt')
      .split('\n')
      .filter((line) => line.startsWith('26/03/2023, 00:1'))
      .join('\n');
    const error = refusal(text);
    expect(error.problem).toBe('NO_MESSAGES');
    expect(error.message).toContain('No WhatsApp messages were found');
  });
});

describe('WhatsAppExportReader', () => {
  const cases: [string, ParseOptions][] = [
    ['android-24h-day-first.txt', { timeZone: 'Europe/London' }],
    ['android-12h-month-first.txt', { timeZone: 'America/New_York' }],
    ['ios-bom-mixed-line-ends.txt', { timeZone: 'Europe/Berlin' }],
    ['year-first-dotted-time.txt', { timeZone: 'Asia/Kolkata' }],
    ['android-german.txt', { timeZone: 'Europe/Berlin' }],
  ];

  it.each(cases)('reads %s the same in chunks of any size', (name, options) => {
    const text = fixture(name);
    const whole = parseWhatsAppExport(text, options);
    for (const size of [1, 2, 3, 7, 64]) expect(parseInChunks(text, size, options)).toEqual(whole);
  });

  it('returns each entry as soon as the next one starts once the date order is known', () => {
    const reader = new WhatsAppExportReader({ timeZone: 'Europe/London' });
    const lines = fixture('android-24h-day-first.txt').split('\n');
    expect(reader.write(lines.slice(0, 4).join('\n') + '\n').map((entry) => entry.line)).toEqual([1, 2, 3]);
    expect(reader.write(lines.slice(4, 8).join('\n') + '\n').map((entry) => entry.line)).toEqual([4]);
    expect(reader.write(lines[8] + '\n').map((entry) => entry.line)).toEqual([5]);
  });

  it('holds entries back while the date order is open, and releases them in order', () => {
    const reader = new WhatsAppExportReader({ timeZone: 'America/New_York' });
    const lines = fixture('android-12h-month-first.txt').split('\n');
    expect(reader.write(lines.slice(0, 6).join('\n') + '\n')).toEqual([]);
    expect(reader.write(lines.slice(6, 8).join('\n') + '\n').map((entry) => entry.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(reader.write(lines[8]!)).toEqual([]);
    expect(reader.end().entries.map((entry) => entry.line)).toEqual([8, 9]);
  });

  it('cannot be written to after its end', () => {
    const reader = new WhatsAppExportReader({ timeZone: 'UTC' });
    reader.write('31/12/2023, 21:41 - Ann: hi');
    reader.end();
    expect(() => reader.write('more')).toThrow(/ended/);
  });

  it('refuses an unknown time zone at once', () => {
    expect(() => new WhatsAppExportReader({ timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
  });
});

describe('ZonedClock', () => {
  const at = (zone: string, ...wall: [number, number, number, number, number, number]) => new ZonedClock(zone).toInstant(...wall).toISOString();

  it('reads summer and winter time', () => {
    expect(at('Europe/London', 2023, 7, 1, 12, 0, 0)).toBe('2023-07-01T11:00:00.000Z');
    expect(at('Europe/London', 2023, 1, 1, 12, 0, 0)).toBe('2023-01-01T12:00:00.000Z');
    expect(at('Australia/Sydney', 2024, 1, 1, 12, 0, 0)).toBe('2024-01-01T01:00:00.000Z');
    expect(at('Asia/Kolkata', 2024, 1, 1, 12, 0, 0)).toBe('2024-01-01T06:30:00.000Z');
    expect(at('UTC', 2024, 2, 29, 23, 59, 59)).toBe('2024-02-29T23:59:59.000Z');
  });

  it('takes the earlier of a time that happened twice, and moves a skipped time forward by the gap', () => {
    expect(at('Europe/London', 2023, 10, 29, 1, 30, 0)).toBe('2023-10-29T00:30:00.000Z');
    expect(at('Europe/London', 2023, 3, 26, 1, 30, 0)).toBe('2023-03-26T01:30:00.000Z');
    expect(at('America/New_York', 2023, 3, 12, 2, 30, 0)).toBe('2023-03-12T07:30:00.000Z');
  });

  it('reads the hours around a change of offset right, whatever it read before', () => {
    const clock = new ZonedClock('Europe/Berlin');
    const times = [0, 1, 2, 3, 4].map((hour) => clock.toInstant(2024, 3, 31, hour, 30, 0).toISOString());
    expect(times).toEqual([
      '2024-03-30T23:30:00.000Z',
      '2024-03-31T00:30:00.000Z',
      '2024-03-31T01:30:00.000Z',
      '2024-03-31T01:30:00.000Z',
      '2024-03-31T02:30:00.000Z',
    ]);
    expect(clock.toInstant(2024, 3, 31, 0, 30, 0).toISOString()).toBe('2024-03-30T23:30:00.000Z');
  });
});
