import type { Outbox } from '@kz/events';
import type { DataSource } from 'typeorm';
import { ChatImportEntity } from '../../entities/chat-import.entity';
import { ImportJobEntity } from '../../entities/import-job.entity';
import type { ImportAuthority } from '../members/import-authority';
import { finishImport, ImportStoppedError, progressEvent, type ChunkJobData } from '../members/member-csv-import.job';
import type { GroupHistory } from '../peers/group-history';
import { PeerCallError } from '../peers/peer-call-error';
import type { ChatFileStore } from './chat-file';
import { readChat } from './chat-reading';
import type { ChatMediaFiles } from './chat-file';
import { HistoryEntryMaker, withFileNote, type HistoryEntry } from './history-entries';
import { contentTypeOf } from './media-types';

/** Entries per call to messaging, and per checkpoint. */
export const HISTORY_CHUNK = 1_000;
/** Files uploaded at once while a chunk's files go to messaging. */
const FILES_AT_ONCE = 6;
/** How long a new group may take to reach messaging (its events) before the import gives up on it. */
const GROUP_ARRIVAL_MS = 60_000;

const LOST_GRANT = 'The import can no longer act for the person who started it (its grant is unreadable: the subgraph secret changed); start it again.';

/** The import was cancelled (or ended otherwise) while it ran: stop reading. */
class ImportEnded extends Error {}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An applied chat import, run by a queue worker: the export is read again
 * from its start (entries and their ids are the same every time), and the
 * entries past the last checkpoint are written to the group's history in
 * chunks, each followed by the checkpoint and the import's counts. A worker
 * that takes over goes on from the checkpoint; a chunk written twice is
 * written once, since messaging skips ids it has.
 */
export class ChatHistoryImportJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly files: ChatFileStore,
    private readonly history: GroupHistory,
    private readonly authority: ImportAuthority,
  ) {}

  async run({ importId }: ChunkJobData): Promise<void> {
    const job = await this.dataSource
      .getRepository(ImportJobEntity)
      .createQueryBuilder('j')
      .addSelect('j.actingGrant')
      .where('j.id = :importId', { importId })
      .getOne();
    if (!job || job.status !== 'RUNNING') return;
    const chat = await this.dataSource.getRepository(ChatImportEntity).findOneByOrFail({ importId });
    if (!job.actingGrant) throw new ImportStoppedError(LOST_GRANT);
    const token = () =>
      this.authority.token(importId, job.actingGrant!).catch((err: Error) => {
        if (err instanceof PeerCallError) throw err;
        throw new ImportStoppedError(LOST_GRANT);
      });
    const groupId = chat.groupId!;
    await this.groupReady(await token(), groupId);
    const maker = new HistoryEntryMaker(`${groupId}:${chat.fileSha256}`, chat.authorMap ?? {});
    const stored = this.files.storedFile(chat.sourceImportId ?? chat.importId, chat.fileKind ?? 'TEXT', chat.fileSha256 ?? '');
    let seen = 0;
    let batch: HistoryEntry[] = [];
    let files: ChatMediaFiles | null = null;
    const flush = async () => {
      if (batch.length === 0) return;
      await this.uploadFiles(await token(), groupId, batch, files);
      const result = await this.history.write(await token(), groupId, batch);
      await this.checkpoint(importId, batch.length, result);
      batch = [];
    };
    try {
      await readChat(
        this.files,
        stored,
        chat,
        async (entries, media) => {
          files = media;
          for (const entry of entries) {
            // Every entry goes through the maker, written before or not: ids follow the whole file's order.
            const made = maker.make(entry, media.has);
            if (seen++ < chat.entriesDone) continue;
            batch.push(made);
            if (batch.length === HISTORY_CHUNK) await flush();
          }
        },
        flush,
      );
    } catch (err) {
      if (err instanceof ImportEnded) return;
      throw err;
    }
    await this.outbox.transaction(async (m, emit) => {
      await m.query(
        `INSERT INTO import_chunks (import_id, chunk, rows_created, rows_updated, rows_unchanged, rows_failed)
         SELECT id, 1, rows_created, 0, rows_unchanged, rows_failed FROM import_jobs WHERE id = $1 ON CONFLICT DO NOTHING`,
        [importId],
      );
      if (await finishImport(m, importId, 'COMPLETED', null)) emit(await progressEvent(m, importId));
    });
  }

  /** The chunk's files, a few at a time: one by one, a round trip each would set the pace of a chat with many photos. */
  private async uploadFiles(token: string, groupId: string, batch: readonly HistoryEntry[], files: ChatMediaFiles | null): Promise<void> {
    const waiting = batch.filter((entry) => entry.file);
    if (!files || waiting.length === 0) return;
    const worker = async () => {
      for (let entry = waiting.shift(); entry; entry = waiting.shift()) await this.uploadFile(token, groupId, entry, files);
    };
    await Promise.all(Array.from({ length: FILES_AT_ONCE }, worker));
  }

  /**
   * Uploads an entry's file from the export as its attachment. A file messaging refuses (its type, its size) is
   * noted on the message instead, with the reason; anything else is retried with the chunk.
   */
  private async uploadFile(token: string, groupId: string, entry: HistoryEntry, files: ChatMediaFiles): Promise<void> {
    const file = entry.file!;
    const opened = await files.open(file.name);
    try {
      if (!opened) throw new PeerCallError('NOT_FOUND', 'The file is not in the export.', false);
      await this.history.uploadFile(token, groupId, file.id, file.name, contentTypeOf(file.name), opened.body, opened.size);
    } catch (err) {
      opened?.body.destroy();
      if (!(err instanceof PeerCallError) || err.retryable) throw err;
      entry.attachmentIds = [];
      entry.text = withFileNote(entry.text, `[File not imported: ${file.name} — ${err.message}]`);
    }
  }

  /** A group made for the import reaches messaging through events: its first call waits for it (a call of no entries checks the same rights). */
  private async groupReady(token: string, groupId: string): Promise<void> {
    const deadline = Date.now() + GROUP_ARRIVAL_MS;
    for (;;) {
      try {
        await this.history.write(token, groupId, []);
        return;
      } catch (err) {
        const notYet = err instanceof PeerCallError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN');
        if (!notYet || Date.now() > deadline) throw err;
        await pause(500);
      }
    }
  }

  /** Records a written chunk; throws ImportEnded when the import was cancelled meanwhile. */
  private async checkpoint(importId: string, entries: number, result: { written: number; alreadyThere: number }): Promise<void> {
    const status = await this.outbox.transaction(async (m, emit) => {
      await m.query(`UPDATE chat_imports SET entries_done = entries_done + $2 WHERE import_id = $1`, [importId, entries]);
      const [row] = (await m.query(
        `WITH counted AS (
           UPDATE import_jobs SET rows_processed = rows_processed + $2, rows_created = rows_created + $3, rows_unchanged = rows_unchanged + $4
            WHERE id = $1 RETURNING status)
         SELECT status FROM counted`,
        [importId, entries, result.written, result.alreadyThere],
      )) as { status: string }[];
      emit(await progressEvent(m, importId));
      return row?.status;
    });
    if (status !== 'RUNNING') throw new ImportEnded();
  }
}
