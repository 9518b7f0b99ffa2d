import type { Readable } from 'node:stream';
import type { HistoryEntry } from '../chat-export/history-entries';

/** What chat imports need of messaging: a group's history written, acting with the import's own token. Failures are PeerCallErrors. */
export interface GroupHistory {
  /** Writes up to 1,000 entries; entries already there (by id) are left as they are. */
  write(token: string, groupId: string, entries: readonly HistoryEntry[]): Promise<{ written: number; alreadyThere: number }>;
  /** Uploads a file of the chat as the attachment `attachmentId` (uploading it again is harmless); a refusal (type, size) is a PeerCallError saying why. */
  uploadFile(token: string, groupId: string, attachmentId: string, fileName: string, contentType: string, body: Readable, size: number): Promise<void>;
}
