import type { ChatEntry, ChatFormat } from './whatsapp-parser';

/** An author of the chat as the export names them, and the directory member they match. */
export interface PreviewAuthor {
  name: string;
  /** The number the export shows instead of a name (E.164 as written, or from a 00 prefix); null for a name. */
  phone: string | null;
  messages: number;
  match: AuthorMatch | null;
}

export interface AuthorMatch {
  userId: string;
  displayName: string;
  /** The member's number, to add them to the group. */
  phone: string;
  by: 'PHONE' | 'NAME';
}

export interface ChatSample {
  line: number;
  sentAt: string;
  author: string;
  text: string;
}

/** What a chat export holds, before anything is written. */
export interface ChatPreview {
  fileKind: 'TEXT' | 'ZIP';
  format: ChatFormat;
  messages: number;
  systemEvents: number;
  skippedLines: number;
  /** Messages that name a file: those whose file is in the .zip, and those without (media left out of the export, or missing). */
  media: { referenced: number; inArchive: number; missing: number };
  firstAt: string | null;
  lastAt: string | null;
  authors: PreviewAuthor[];
  samples: ChatSample[];
}

const SAMPLES = 5;
/** Beyond this many distinct authors the rest are counted among the messages, not listed: no chat has that many people. */
const MAX_AUTHORS = 10_000;

/** "0044 7700 900123" → "+447700900123": the 00 international prefix some phones show instead of +. */
export function phoneOfDoubleZero(name: string): string | null {
  if (!/^00[\d\s().-]+$/u.test(name)) return null;
  const digits = name.replace(/\D/gu, '').slice(2);
  return digits.length >= 6 && digits.length <= 15 ? `+${digits}` : null;
}

/** Counts a chat's entries as they are read, into its preview (authors still unmatched). */
export class ChatPreviewTally {
  private messages = 0;
  private systemEvents = 0;
  private referenced = 0;
  private inArchive = 0;
  private first: Date | null = null;
  private last: Date | null = null;
  private readonly authors = new Map<string, { phone: string | null; messages: number }>();
  private readonly samples: ChatSample[] = [];

  /** `hasMedia` tells whether the .zip holds a file of that name. */
  constructor(private readonly hasMedia: (fileName: string) => boolean) {}

  add(entries: readonly ChatEntry[]): void {
    for (const entry of entries) {
      if (this.first === null || entry.sentAt < this.first) this.first = entry.sentAt;
      if (this.last === null || entry.sentAt > this.last) this.last = entry.sentAt;
      if (entry.kind === 'SYSTEM') {
        this.systemEvents++;
        continue;
      }
      this.messages++;
      const author = this.authors.get(entry.author);
      if (author) author.messages++;
      else if (this.authors.size < MAX_AUTHORS) this.authors.set(entry.author, { phone: entry.authorPhone ?? phoneOfDoubleZero(entry.author), messages: 1 });
      if (entry.media) {
        this.referenced++;
        if (entry.media.fileName !== null && this.hasMedia(entry.media.fileName)) this.inArchive++;
      }
      if (this.samples.length < SAMPLES && entry.text.trim() !== '' && !entry.deleted) {
        this.samples.push({ line: entry.line, sentAt: entry.sentAt.toISOString(), author: entry.author, text: entry.text.slice(0, 500) });
      }
    }
  }

  preview(fileKind: ChatPreview['fileKind'], format: ChatFormat, skippedLines: number): ChatPreview {
    return {
      fileKind,
      format,
      messages: this.messages,
      systemEvents: this.systemEvents,
      skippedLines,
      media: { referenced: this.referenced, inArchive: this.inArchive, missing: this.referenced - this.inArchive },
      firstAt: this.first?.toISOString() ?? null,
      lastAt: this.last?.toISOString() ?? null,
      authors: [...this.authors.entries()]
        .map(([name, a]) => ({ name, phone: a.phone, messages: a.messages, match: null }))
        .sort((a, b) => b.messages - a.messages || a.name.localeCompare(b.name)),
      samples: this.samples,
    };
  }
}
