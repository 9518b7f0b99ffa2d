import { StringDecoder } from 'node:string_decoder';
import type { ChatFileStore, ChatMediaFiles, StoredChatFile } from './chat-file';
import { WhatsAppExportReader, type ChatEntry, type ChatFormat, type SkippedLine } from './whatsapp-parser';

/** How a chat import reads its export's times. */
export interface ChatReadingSettings {
  timeZone: string;
  dateOrder: 'DAY_FIRST' | 'MONTH_FIRST' | null;
}

/**
 * Reads a stored export through the parser, streamed, handing its entries on
 * in the file's order as they complete, with the media files a .zip holds;
 * memory holds what the caller keeps.
 */
export async function readChat(
  files: ChatFileStore,
  stored: StoredChatFile,
  settings: ChatReadingSettings,
  onEntries: (entries: ChatEntry[], media: ChatMediaFiles) => void | Promise<void>,
  /** Runs after the last entries, while the export's files can still be read. */
  atEnd: (media: ChatMediaFiles) => Promise<void> = async () => undefined,
): Promise<{ format: ChatFormat; skipped: SkippedLine[] }> {
  const opened = await files.open(stored);
  try {
    const reader = new WhatsAppExportReader({ timeZone: settings.timeZone, ...(settings.dateOrder ? { dateOrder: settings.dateOrder } : {}) });
    const decoder = new StringDecoder('utf8');
    for await (const chunk of await opened.text()) await onEntries(reader.write(decoder.write(chunk as Buffer)), opened.media);
    await onEntries(reader.write(decoder.end()), opened.media);
    const end = reader.end();
    await onEntries(end.entries, opened.media);
    await atEnd(opened.media);
    return { format: end.format, skipped: end.skipped };
  } finally {
    opened.close();
  }
}
