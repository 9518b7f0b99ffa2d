import { InputProblemError } from '@kz/errors';
import {
  findAttachedTag,
  INVISIBLE_CHARS,
  isDeletedMarker,
  isMediaOmittedMarker,
  matchFileAttached,
  matchSystemPhrase,
  SPACE_CHARS,
  stripEditedMarker,
  type SystemKind,
} from './whatsapp-phrases';

export type { SystemKind } from './whatsapp-phrases';

export type DateOrder = 'DAY_FIRST' | 'MONTH_FIRST';

export interface ParseOptions {
  /** The exporting phone's date order, used only when no date in the file can tell (no day above 12). */
  dateOrder?: DateOrder;
  /** IANA zone of the exporting phone: exported times are its wall-clock times and carry no offset. */
  timeZone: string;
}

export interface MediaRef {
  /** Null when the export left the media out ("<Media omitted>", "image omitted"). */
  fileName: string | null;
  omitted: boolean;
}

export interface ChatMessage {
  kind: 'MESSAGE';
  /** 1-based line of the file where the entry starts. */
  line: number;
  sentAt: Date;
  /** As the exporter's phone showed it, without WhatsApp's invisible marks or the "~ " of people not in its contacts. */
  author: string;
  /** "+" and digits, when the author is shown as a phone number. */
  authorPhone: string | null;
  /** Lines kept, joined with "\n"; markers (deleted, edited, media) removed. */
  text: string;
  media: MediaRef | null;
  deleted: boolean;
  edited: boolean;
}

export interface ChatSystemEntry {
  kind: 'SYSTEM';
  line: number;
  sentAt: Date;
  text: string;
  /** Who did it (or, for a changed security code, whose code changed), as the notice names them; "You" stays "You". */
  actor: string | null;
  systemKind: SystemKind;
}

export type ChatEntry = ChatMessage | ChatSystemEntry;

export interface ChatFormat {
  platform: 'ANDROID' | 'IOS';
  dateOrder: DateOrder | 'YEAR_FIRST';
  clock: '12H' | '24H';
  /** FROM_FILE: a date in the file settled the order; FROM_SETTING: options.dateOrder; DEFAULT: neither, day-first assumed. */
  decided: 'FROM_FILE' | 'FROM_SETTING' | 'DEFAULT';
}

export interface SkippedLine {
  line: number;
  /** At most SKIPPED_TEXT_CHARS characters of it. */
  text: string;
  reason: string;
}

export interface ParsedChat {
  entries: ChatEntry[];
  format: ChatFormat;
  skipped: SkippedLine[];
}

export type NotAChatExportProblem = 'EMPTY_FILE' | 'NOT_TEXT' | 'ZIP_ARCHIVE' | 'NOT_A_CHAT_EXPORT' | 'NO_MESSAGES';

/** The file as a whole is not a WhatsApp chat export; the import stops at once with this reason. */
export class NotAChatExportError extends InputProblemError<NotAChatExportProblem> {
  override name = 'NotAChatExportError';
  constructor(problem: NotAChatExportProblem, message: string) {
    super(problem, message, 'file');
  }
}

/** A file with no dated line among this many non-empty lines is refused without reading on. */
export const SNIFF_LINES = 50;
const SNIFF_CHARS = 1_000_000;
const SKIPPED_TEXT_CHARS = 200;

const HOW_TO_EXPORT =
  'In WhatsApp, open the group, tap its name (iPhone) or ⋮ › More (Android), choose Export chat without media, and upload the .txt file it makes.';

const INVISIBLE = `[${INVISIBLE_CHARS}]`;
const SPACE = `[${SPACE_CHARS}]`;
/** Characters normaliseForMatching changes; most lines have none, and are only trimmed. */
const UNUSUAL = new RegExp(`[${INVISIBLE_CHARS}\\t\\u00A0\\u2007\\u202F]`, 'u');
const INVISIBLE_GLOBAL = new RegExp(INVISIBLE, 'gu');
const SPACE_GLOBAL = new RegExp(SPACE, 'gu');

/**
 * The date and time that start every entry, in both platforms' shapes:
 * Android `31/12/2023, 21:41 - ` and iOS `[31/12/2023, 21:41:05] `. Dates may use slashes, dots or dashes, put the
 * year first or last, and be followed by a short word before the time (Finnish "klo"); times may use dots and end
 * with any spelling of AM/PM after any kind of space.
 */
const HEADER = new RegExp(
  `^${INVISIBLE}*(?<bracket>\\[)?${INVISIBLE}*` +
    `(?<a>\\d{1,4})(?<dateSeparator>[./-])${SPACE}?(?<b>\\d{1,2})\\k<dateSeparator>${SPACE}?(?<c>\\d{1,4})\\.?` +
    `(?:,${SPACE}*|${SPACE}+)(?:\\p{L}{1,4}\\.?${SPACE}+)?` +
    `(?<hour>\\d{1,2})(?<timeSeparator>[:.])(?<minute>\\d{2})(?:\\k<timeSeparator>(?<second>\\d{2}))?` +
    `(?:${SPACE}*(?<meridiem>[ap])\\.?${SPACE}?m\\.?)?` +
    `${INVISIBLE}*(?:(?<close>\\])${SPACE}+|${SPACE}*[-–]${SPACE}+)`,
  'iu',
);
const AUTHOR_AND_TEXT = new RegExp(`^(?<author>.+?):(?:${SPACE}(?<text>.*))?$`, 'su');
const LEADING_LRM = /^\u200E+/u;
/** What a file that is not text shows once decoded: NUL and other control characters, or replacement characters. */
const NOT_TEXT_CHARS = /[\u0000-\u0008\u000E-\u001F\uFFFD]/u;

interface Header {
  platform: ChatFormat['platform'];
  /** What every dated line of one file shares; a line shaped otherwise is message text that happens to start with a date. */
  shape: string;
  yearFirst: boolean;
  twelveHour: boolean;
  /** The two day/month numbers as written (month and day when the year comes first). */
  a: number;
  b: number;
  year: number;
  hour: number;
  minute: number;
  second: number;
  /** Everything after the date and time. */
  rest: string;
}

interface PendingEntry {
  line: number;
  header: Header;
  continuation: string[];
}

function parseHeader(line: string): Header | null {
  const match = HEADER.exec(line);
  const groups = match?.groups;
  if (!match || !groups) return null;
  const ios = groups.bracket !== undefined;
  if (ios !== (groups.close !== undefined)) return null;
  const { a, b, c } = groups as { a: string; b: string; c: string };
  const yearFirst = a.length === 4;
  if (yearFirst ? c.length > 2 : a.length > 2 || (c.length !== 2 && c.length !== 4)) return null;
  const twelveHour = groups.meridiem !== undefined;
  let hour = Number(groups.hour);
  const minute = Number(groups.minute);
  const second = groups.second === undefined ? 0 : Number(groups.second);
  if (minute > 59 || second > 59) return null;
  if (twelveHour) {
    if (hour > 12) return null;
    hour = (hour % 12) + (groups.meridiem?.toLowerCase() === 'p' ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  const year = Number(yearFirst ? a : c);
  return {
    platform: ios ? 'IOS' : 'ANDROID',
    shape: `${ios ? 'IOS' : 'ANDROID'} ${groups.dateSeparator} ${yearFirst ? 'Y' : 'DMY'} ${twelveHour ? '12' : '24'}`,
    yearFirst,
    twelveHour,
    a: Number(yearFirst ? b : a),
    b: Number(yearFirst ? c : b),
    year: year < 100 ? 2000 + year : year,
    hour,
    minute,
    second,
    rest: line.slice(match[0].length),
  };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const daysInMonth = (year: number, month: number) => (month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));

function dayAndMonth(header: Header, order: DateOrder | 'YEAR_FIRST'): { day: number; month: number } | null {
  const [month, day] = order === 'DAY_FIRST' ? [header.b, header.a] : [header.a, header.b];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(header.year, month)) return null;
  return { day, month };
}

/** What a date says about the order, if anything: a number above 12 can only be a day. */
function orderEvidence(header: Header): DateOrder | 'CONTRADICTORY' | null {
  if (header.a > 12 && header.b > 12) return 'CONTRADICTORY';
  if (header.a > 12) return 'DAY_FIRST';
  if (header.b > 12) return 'MONTH_FIRST';
  return null;
}

/** For matching WhatsApp's own words: its invisible marks removed, every kind of space a plain one. */
export const normaliseForMatching = (text: string) => (UNUSUAL.test(text) ? text.replace(INVISIBLE_GLOBAL, '').replace(SPACE_GLOBAL, ' ').trim() : text.trim());

/** A name as a person would type it: no invisible marks, no "~ " WhatsApp puts before people outside the contacts. */
export const cleanName = (name: string) => normaliseForMatching(name).replace(/^~\s*/u, '').replace(/\s+/gu, ' ');

/** "+44 7700 900123" → "+447700900123"; null for a name. */
export function phoneOfName(name: string): string | null {
  if (!/^\+[\d\s().-]+$/u.test(name)) return null;
  const digits = name.replace(/\D/gu, '');
  return digits.length >= 6 && digits.length <= 15 ? `+${digits}` : null;
}

const joinLines = (first: string, continuation: readonly string[]) => (first === '' ? continuation : [first, ...continuation]).join('\n');
const withoutTrailingBlankLines = (text: string) => text.replace(/\n+$/u, '');

/**
 * Wall-clock time in an IANA zone to the instant it names, through Intl (no time-zone data of our own). A time
 * that happened twice (clocks going back) is the earlier one; a time skipped by clocks going forward is moved
 * forward by the gap: the rules of Temporal's "compatible" disambiguation.
 */
export class ZonedClock {
  private readonly formatter: Intl.DateTimeFormat;
  /** Offset per wall-clock hour away from any change of offset; a chat's messages share few hours. */
  private readonly steadyOffsets = new Map<number, number>();

  constructor(readonly timeZone: string) {
    try {
      this.formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`Unknown time zone "${timeZone}": give an IANA name such as "Europe/London".`);
    }
  }

  toInstant(year: number, month: number, day: number, hour: number, minute: number, second: number): Date {
    const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
    const hourKey = Math.floor(wallAsUtc / HOUR_MS);
    const steady = this.steadyOffsets.get(hourKey);
    if (steady !== undefined) return new Date(wallAsUtc - steady);
    const before = this.offsetAt(wallAsUtc - DAY_MS);
    const after = this.offsetAt(wallAsUtc + DAY_MS);
    if (before === after) {
      if (this.steadyOffsets.size > 100_000) this.steadyOffsets.clear();
      this.steadyOffsets.set(hourKey, before);
      return new Date(wallAsUtc - before);
    }
    const candidates = [before, after].map((offset) => wallAsUtc - offset).filter((instant) => this.offsetAt(instant) === wallAsUtc - instant);
    return new Date(candidates.length > 0 ? Math.min(...candidates) : wallAsUtc - before);
  }

  private offsetAt(instant: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.formatter.formatToParts(instant)) parts[part.type] = Number(part.value);
    const wall = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
    return wall - (instant - (((instant % 1000) + 1000) % 1000));
  }
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** What the reader knows at the end of the file. */
export interface ReaderEnd {
  /** The entries not returned by write() yet. */
  entries: ChatEntry[];
  format: ChatFormat;
  skipped: SkippedLine[];
  messageCount: number;
}

/**
 * Reads an export as it arrives, chunk by chunk, so a long history is never one string. Each write() returns the
 * entries it completed. Until some date in the file shows a day above 12 (and no setting can outrank the file), entries
 * whose order is still open are held back; most chats settle it within their first month. A file that is not an
 * export is refused within its first SNIFF_LINES non-empty lines.
 */
export class WhatsAppExportReader {
  private readonly clock: ZonedClock;
  private partialLine = '';
  private started = false;
  private ended = false;
  private lineNumber = 0;
  private nonEmptyLinesBeforeFirstEntry = 0;
  private shape: string | null = null;
  private first: Header | null = null;
  private dateOrder: DateOrder | 'YEAR_FIRST' | null = null;
  private dateOrderDecided: ChatFormat['decided'] = 'FROM_FILE';
  private open: PendingEntry | null = null;
  private held: PendingEntry[] = [];
  private messageCount = 0;
  /** iOS: names that posted a WhatsApp notice (the group itself); their other marked lines are notices too. */
  private readonly noticeAuthors = new Set<string>();
  /** Android: authors as written of the messages read so far. */
  private readonly messageAuthors = new Set<string>();
  private readonly skipped: SkippedLine[] = [];

  constructor(private readonly options: ParseOptions) {
    this.clock = new ZonedClock(options.timeZone);
  }

  /** Any piece of the text: chunks may split lines, CRLF pairs or characters' surrogate pairs. */
  write(chunk: string): ChatEntry[] {
    if (this.ended) throw new Error('The export reader has ended.');
    let text = this.partialLine + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    if (this.first === null) this.refuseNonText(chunk, text);
    const out: ChatEntry[] = [];
    let start = 0;
    const breaks = /\r\n|\r|\n/gu;
    for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
      // A CR that ends the chunk may be half of a CRLF.
      if (match[0] === '\r' && match.index === text.length - 1) break;
      this.readLine(text.slice(start, match.index), out);
      start = match.index + match[0].length;
    }
    this.partialLine = text.slice(start);
    if (this.first === null && this.partialLine.length > SNIFF_CHARS) {
      throw new NotAChatExportError(
        'NOT_A_CHAT_EXPORT',
        `The file does not look like a WhatsApp chat export: it starts with a very long line with no date and time. ${HOW_TO_EXPORT}`,
      );
    }
    return out;
  }

  end(): ReaderEnd {
    if (this.ended) throw new Error('The export reader has ended.');
    const out: ChatEntry[] = [];
    const last = this.partialLine.endsWith('\r') ? this.partialLine.slice(0, -1) : this.partialLine;
    if (last.length > 0) this.readLine(last, out);
    this.partialLine = '';
    this.ended = true;
    if (this.first === null) {
      if (this.nonEmptyLinesBeforeFirstEntry === 0) throw new NotAChatExportError('EMPTY_FILE', `The file is empty. ${HOW_TO_EXPORT}`);
      throw this.notAnExport();
    }
    if (this.open) this.complete(this.open, out);
    this.open = null;
    if (this.dateOrder === null) {
      this.dateOrder = this.options.dateOrder ?? 'DAY_FIRST';
      this.dateOrderDecided = this.options.dateOrder ? 'FROM_SETTING' : 'DEFAULT';
    }
    this.releaseHeld(out);
    if (this.messageCount === 0) {
      throw new NotAChatExportError(
        'NO_MESSAGES',
        `No WhatsApp messages were found in the file: it has only WhatsApp's own notices (group created, people added…). ${HOW_TO_EXPORT}`,
      );
    }
    return {
      entries: out,
      format: { platform: this.first.platform, dateOrder: this.dateOrder, clock: this.first.twelveHour ? '12H' : '24H', decided: this.dateOrderDecided },
      skipped: this.skipped,
      messageCount: this.messageCount,
    };
  }

  private refuseNonText(chunk: string, text: string) {
    if (text.startsWith('PK\u0003\u0004')) {
      throw new NotAChatExportError(
        'ZIP_ARCHIVE',
        'The file is a ZIP archive (a chat exported with media); unzip it and upload the _chat.txt (or "WhatsApp Chat with ….txt") inside.',
      );
    }
    if (NOT_TEXT_CHARS.test(chunk.slice(0, SNIFF_CHARS))) {
      throw new NotAChatExportError(
        'NOT_TEXT',
        `The file is not text (it has binary content or is not UTF-8), so it is not a WhatsApp chat export. ${HOW_TO_EXPORT}`,
      );
    }
  }

  private notAnExport() {
    return new NotAChatExportError(
      'NOT_A_CHAT_EXPORT',
      'The file does not look like a WhatsApp chat export: none of its first lines starts with a date and time such as ' +
        `"31/12/2023, 21:41 - Name: text" or "[31/12/2023, 21:41:05] Name: text". ${HOW_TO_EXPORT}`,
    );
  }

  private readLine(line: string, out: ChatEntry[]) {
    this.lineNumber++;
    const header = this.acceptHeader(line);
    if (header) {
      if (this.open) this.complete(this.open, out);
      this.open = { line: this.lineNumber, header, continuation: [] };
      return;
    }
    if (this.open) {
      this.open.continuation.push(line);
      return;
    }
    if (normaliseForMatching(line) === '') return;
    this.skipped.push({
      line: this.lineNumber,
      text: line.slice(0, SKIPPED_TEXT_CHARS),
      reason: 'It comes before the first message and has no date and time, so it belongs to no message.',
    });
    if (++this.nonEmptyLinesBeforeFirstEntry >= SNIFF_LINES) throw this.notAnExport();
  }

  /** The line's header when it starts an entry of this file; null when it is message text (or not yet placeable). */
  private acceptHeader(line: string): Header | null {
    const header = parseHeader(line);
    if (!header) return null;
    if (this.shape !== null && header.shape !== this.shape) return null;
    if (header.yearFirst) {
      if (!dayAndMonth(header, 'YEAR_FIRST')) return null;
    } else if (this.dateOrder !== null) {
      if (!dayAndMonth(header, this.dateOrder)) return null;
    } else {
      const evidence = orderEvidence(header);
      if (evidence === 'CONTRADICTORY') return null;
      if (evidence) {
        if (!dayAndMonth(header, evidence)) return null;
        // The first day above 12 settles the order for the whole file, including the entries held so far.
        this.dateOrder = evidence;
      }
    }
    if (this.first === null) {
      this.first = header;
      this.shape = header.shape;
      if (header.yearFirst) this.dateOrder = 'YEAR_FIRST';
    }
    return header;
  }

  private complete(entry: PendingEntry, out: ChatEntry[]) {
    if (this.dateOrder === null) {
      this.held.push(entry);
      return;
    }
    this.releaseHeld(out);
    this.emit(entry, this.dateOrder, out);
  }

  private releaseHeld(out: ChatEntry[]) {
    if (this.dateOrder === null || this.held.length === 0) return;
    for (const entry of this.held) this.emit(entry, this.dateOrder, out);
    this.held = [];
  }

  private emit(entry: PendingEntry, dateOrder: DateOrder | 'YEAR_FIRST', out: ChatEntry[]) {
    const { header } = entry;
    const date = dayAndMonth(header, dateOrder);
    if (!date) {
      // Held entries have both numbers at most 12 and accepted ones were checked; kept as a guard, never a crash.
      this.skipped.push({ line: entry.line, text: header.rest.slice(0, SKIPPED_TEXT_CHARS), reason: 'Its date does not exist in the order of the file.' });
      return;
    }
    const { day, month } = date;
    const sentAt = this.clock.toInstant(header.year, month, day, header.hour, header.minute, header.second);
    const classified = header.platform === 'IOS' ? this.classifyIos(entry) : this.classifyAndroid(entry);
    const chatEntry = { line: entry.line, sentAt, ...classified } as ChatEntry;
    if (chatEntry.kind === 'MESSAGE') this.messageCount++;
    out.push(chatEntry);
  }

  /** Android notices have no "Name:" part; the notice phrases are tried first since a notice's own text may hold ": ". */
  private classifyAndroid({ header, continuation }: PendingEntry): EntryBody {
    const message = AUTHOR_AND_TEXT.exec(header.rest)?.groups;
    // A notice never starts with the name of someone who wrote a message; that saves trying every phrase on every line.
    if (message && this.messageAuthors.has(message.author)) return messageEntry(message.author, message.text ?? '', continuation);
    const notice = matchSystemPhrase(normaliseForMatching(header.rest));
    if (notice) return systemEntry(header.rest, continuation, notice.kind, notice.actor);
    if (!message) return systemEntry(header.rest, continuation, 'OTHER', null);
    if (this.messageAuthors.size < 100_000) this.messageAuthors.add(message.author);
    return messageEntry(message.author, message.text ?? '', continuation);
  }

  /** iOS notices look like messages (from the group, or the person acting) whose text starts with U+200E. */
  private classifyIos({ header, continuation }: PendingEntry): EntryBody {
    const message = LEADING_LRM.test(header.rest) ? undefined : AUTHOR_AND_TEXT.exec(header.rest)?.groups;
    if (!message) {
      const notice = matchSystemPhrase(normaliseForMatching(header.rest));
      return systemEntry(header.rest, continuation, notice?.kind ?? 'OTHER', notice?.actor ?? null);
    }
    const text = message.text ?? '';
    if (LEADING_LRM.test(text)) {
      const author = cleanName(message.author);
      const notice = matchSystemPhrase(normaliseForMatching(text));
      if (notice) {
        if (notice.actor === null || cleanName(notice.actor) !== author) this.noticeAuthors.add(author);
        return systemEntry(text, continuation, notice.kind, notice.actor);
      }
      if (this.noticeAuthors.has(author) && !isMessageMarker(text)) return systemEntry(text, continuation, 'OTHER', null);
    }
    return messageEntry(message.author, text, continuation);
  }
}

/** Text WhatsApp marks with U+200E on iOS that is still a person's message: media and deletions. */
function isMessageMarker(text: string): boolean {
  const marker = normaliseForMatching(text);
  return isDeletedMarker(marker) || isMediaOmittedMarker(marker) || matchFileAttached(marker) !== null || findAttachedTag(text) !== null;
}

type EntryBody = Omit<ChatMessage, 'line' | 'sentAt'> | Omit<ChatSystemEntry, 'line' | 'sentAt'>;

function systemEntry(text: string, continuation: readonly string[], systemKind: SystemKind, actor: string | null): EntryBody {
  return {
    kind: 'SYSTEM',
    text: withoutTrailingBlankLines(joinLines(text.replace(LEADING_LRM, ''), continuation)),
    actor: actor === null ? null : cleanName(actor),
    systemKind,
  };
}

function messageEntry(rawAuthor: string, firstLine: string, continuation: readonly string[]): EntryBody {
  const author = cleanName(rawAuthor);
  let first = firstLine.replace(LEADING_LRM, '');
  const marker = normaliseForMatching(first);
  let media: MediaRef | null = null;
  let deleted = false;
  if (isDeletedMarker(marker)) {
    deleted = true;
    first = '';
  } else if (isMediaOmittedMarker(marker)) {
    media = { fileName: null, omitted: true };
    first = '';
  } else {
    const attachedFile = matchFileAttached(marker);
    const attachedTag = attachedFile === null ? findAttachedTag(first) : null;
    if (attachedFile !== null) {
      media = { fileName: attachedFile, omitted: false };
      first = '';
    } else if (attachedTag) {
      media = { fileName: normaliseForMatching(attachedTag.fileName), omitted: false };
      first = (first.slice(0, attachedTag.index) + first.slice(attachedTag.index + attachedTag.length)).trim();
    }
  }
  let text = withoutTrailingBlankLines(joinLines(first, continuation));
  const unedited = stripEditedMarker(text);
  if (unedited !== null) text = unedited;
  return { kind: 'MESSAGE', author, authorPhone: phoneOfName(author), text, media, deleted, edited: unedited !== null };
}

/** The whole export in one string; for a large file feed a WhatsAppExportReader instead. */
export function parseWhatsAppExport(text: string, options: ParseOptions): ParsedChat {
  const reader = new WhatsAppExportReader(options);
  const entries = reader.write(text);
  const end = reader.end();
  entries.push(...end.entries);
  return { entries, format: end.format, skipped: end.skipped };
}
