import { createHash } from 'node:crypto';
import type { ChatEntry } from './whatsapp-parser';

/** An entry of the chat as the group's history takes it (messaging's importGroupHistory). */
export interface HistoryEntry {
  id: string;
  sentAt: Date;
  kind: 'TEXT' | 'SYSTEM';
  /** The person the author is mapped to; null for a named placeholder. */
  authorId: string | null;
  originalAuthor: string | null;
  text: string;
  deleted: boolean;
  edited: boolean;
  /** Files of the message, uploaded before it is written. */
  attachmentIds: string[];
  /** The export's file to upload as the message's attachment (its id is attachmentIds[0]); null for none. */
  file: { name: string; id: string } | null;
}

/** messaging's longest message, in characters as people count them. */
const MAX_TEXT = 4_000;

/**
 * A UUID v7 for an imported entry: its millisecond is the entry's place in
 * time, its random bits come from the chat and the line, so the same entry
 * of the same export into the same group always has the same id (a second
 * import of it writes nothing), and no two entries share one.
 */
export function importedEntryId(ms: number, seed: string, line: number): string {
  const bytes = createHash('sha256').update(`${seed}:${line}`).digest().subarray(0, 16);
  const time = BigInt(ms);
  for (let i = 0; i < 6; i++) bytes[i] = Number((time >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function clipped(text: string): string {
  const chars = [...text];
  return chars.length <= MAX_TEXT ? text : `${chars.slice(0, MAX_TEXT - 1).join('')}…`;
}

/** A message's text with a note where its file was, for files not brought over. */
export function withFileNote(text: string, note: string): string {
  return clipped(text ? `${note}\n${text}` : note);
}

/** The note for a file the export names but does not hold (left out when exporting, or missing from the .zip). */
const missingFileNote = (fileName: string | null) => (fileName ? `[File not in the export: ${fileName}]` : '[Media was left out of the export]');

/** The attachment id of an entry's file: as fixed as the entry's own. */
function fileIdOf(entryId: string): string {
  const bytes = createHash('sha256').update(`${entryId}:file`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Makes the group's history entries from a chat's entries, in the file's
 * order: ids rise with the file even where its times go back (entries that
 * arrived late stay where the file has them), and each message's author is
 * the person the import maps them to, else a named placeholder.
 */
export class HistoryEntryMaker {
  private lastMs = Number.NEGATIVE_INFINITY;

  constructor(
    /** The group and the export's SHA-256: what makes an entry's id its own. */
    private readonly seed: string,
    private readonly authors: Readonly<Record<string, string | null>>,
  ) {}

  /** `inExport` tells whether the export holds a file of that name (a .zip with media). */
  make(entry: ChatEntry, inExport: (fileName: string) => boolean = () => false): HistoryEntry {
    const ms = Math.max(entry.sentAt.getTime(), this.lastMs + 1);
    this.lastMs = ms;
    const id = importedEntryId(ms, this.seed, entry.line);
    if (entry.kind === 'SYSTEM') {
      const text = clipped(entry.text);
      return {
        id,
        sentAt: entry.sentAt,
        kind: 'SYSTEM',
        authorId: null,
        originalAuthor: null,
        text,
        deleted: false,
        edited: false,
        attachmentIds: [],
        file: null,
      };
    }
    const fileName = entry.media?.fileName ?? null;
    const file = !entry.deleted && fileName !== null && inExport(fileName) ? { name: fileName, id: fileIdOf(id) } : null;
    const text = entry.deleted ? '' : entry.media && !file ? withFileNote(entry.text, missingFileNote(fileName)) : entry.text;
    return {
      id,
      sentAt: entry.sentAt,
      kind: 'TEXT',
      authorId: this.authors[entry.author] ?? null,
      originalAuthor: entry.author,
      text: clipped(text),
      deleted: entry.deleted,
      edited: entry.edited,
      attachmentIds: file ? [file.id] : [],
      file,
    };
  }
}
