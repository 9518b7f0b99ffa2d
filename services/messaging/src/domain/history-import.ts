import type { Caller, ImportCaller } from '@kz/auth';
import type { EntityManager } from 'typeorm';
import { badInput, DomainError, notFound } from '@kz/errors';
import { createEvent, type Outbox } from '@kz/events';
import { isUuid } from '@kz/db';
import { KnownGroupEntity } from '../entities/known-group.entity';
import { NEXT_CHANGE_POSITION, inGroupChangeOrder } from './message-changes';
import { isAdminRole } from './message-access';
import { MAX_MESSAGE_LENGTH } from './message-text';
import type { SystemEventRecord } from './system-events';

/** One entry of an imported chat, as the import service made it from the export. */
export interface ImportedEntry {
  /** Made by the import from the export and the line: the same entry imported again has the same id, and is not written twice. */
  id: string;
  sentAt: Date;
  kind: 'TEXT' | 'SYSTEM';
  /** The person it is mapped to; null for a placeholder author (a name, not a member). */
  authorId: string | null;
  /** The author as the export names them; null for a notice. */
  originalAuthor: string | null;
  text: string;
  /** Marked deleted in the export: written as a tombstone. */
  deleted: boolean;
  /** Marked edited in the export: written edited (when is not known; its time is the message's). */
  edited: boolean;
  /** Files of the message, uploaded first by the import (POST /import-files). */
  attachmentIds: readonly string[];
}

export const MAX_IMPORTED_ENTRIES = 1_000;

/**
 * Who may write a chat's history (and its files) into a group: an import's credential only, for its organisation's
 * group, whose owner or admin started the import. Answers the group and the import.
 */
export async function requireHistoryImporter(m: EntityManager, caller: Caller, groupId: string): Promise<{ group: KnownGroupEntity; importer: ImportCaller }> {
  if (caller.kind !== 'import') throw new DomainError('FORBIDDEN', "A chat's history is written by a chat import only; start one with startChatImport.");
  const group = isUuid(groupId) ? await m.getRepository(KnownGroupEntity).findOneBy({ id: groupId }) : null;
  if (!group || group.orgId !== caller.orgId) throw notFound('Group');
  const [standing] = (await m.query(`SELECT role FROM group_members WHERE group_id = $1 AND user_id = $2`, [groupId, caller.userId])) as { role: string }[];
  if (!standing || !isAdminRole(standing.role)) throw new DomainError('FORBIDDEN', 'Only the owner and admins of the group can import a chat into it.');
  return { group, importer: caller };
}

/**
 * A chat's history written into a group, on the import service's behalf:
 * only an import's credential, for its organisation's group whose owner or
 * admin started it. Entries keep their times and order (their ids say so),
 * are marked as imported, never unread, and an entry already written (the
 * same file imported again, a worker that ran a chunk twice) is skipped.
 * One messaging.history.imported event per call, not one per message.
 */
export class HistoryImportService {
  constructor(private readonly outbox: Outbox) {}

  async write(caller: Caller, groupId: string, entries: readonly ImportedEntry[]): Promise<{ written: number; alreadyThere: number }> {
    if (entries.length > MAX_IMPORTED_ENTRIES) throw badInput('entries', `Write at most ${MAX_IMPORTED_ENTRIES} entries at once.`);
    for (const entry of entries) {
      if (!isUuid(entry.id)) throw badInput('entries', `Entry id ${entry.id} is not a UUID.`);
      if (entry.authorId !== null && !isUuid(entry.authorId)) throw badInput('entries', `Author ${entry.authorId} is not a person's id.`);
      if ([...entry.text].length > MAX_MESSAGE_LENGTH) throw badInput('entries', `An entry can have at most ${MAX_MESSAGE_LENGTH} characters.`);
    }
    return this.outbox.transaction(async (m, emit) => {
      const { group, importer } = await requireHistoryImporter(m, caller, groupId);
      if (entries.length === 0) return { written: 0, alreadyThere: 0 };
      const notice = (entry: ImportedEntry): SystemEventRecord | null =>
        entry.kind === 'SYSTEM'
          ? {
              kind: 'IMPORTED_NOTICE',
              actorId: null,
              userIds: [],
              userCount: 0,
              name: null,
              role: null,
              subgroupId: null,
              text: entry.text,
              at: entry.sentAt.toISOString(),
            }
          : null;
      const written = (await m.query(
        `INSERT INTO messages (id, group_id, author_id, text, sent_at, audience, kind, system_event, mentions, change_seq, imported_from, original_author,
                               placeholder_author, deleted_at, edited_at)
         SELECT e.id, $1, coalesce(e.author_id, $2), CASE WHEN e.kind = 'SYSTEM' OR e.deleted THEN '' ELSE e.text END, e.sent_at, 'ALL', e.kind, e.system_event,
                '{}', ${NEXT_CHANGE_POSITION}, $3, e.original_author, e.author_id IS NULL AND e.kind <> 'SYSTEM',
                CASE WHEN e.deleted THEN e.sent_at END, CASE WHEN e.edited THEN e.sent_at END
           FROM ${inGroupChangeOrder('$1')},
                unnest($4::uuid[], $5::uuid[], $6::text[], $7::timestamptz[], $8::text[], $9::jsonb[], $10::text[], $11::boolean[], $12::boolean[])
                  AS e(id, author_id, text, sent_at, kind, system_event, original_author, deleted, edited)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          groupId,
          importer.userId,
          importer.importId,
          entries.map((e) => e.id),
          entries.map((e) => e.authorId),
          entries.map((e) => e.text),
          entries.map((e) => e.sentAt),
          entries.map((e) => e.kind),
          entries.map((e) => (notice(e) ? JSON.stringify(notice(e)) : null)),
          entries.map((e) => e.originalAuthor),
          entries.map((e) => e.deleted),
          entries.map((e) => e.edited),
        ],
      )) as { id: string }[];
      const filed = entries.flatMap((e) => e.attachmentIds.map((attachmentId) => [attachmentId, e.id] as const));
      if (filed.length > 0) {
        await m.query(
          `UPDATE attachments a SET message_id = f.message_id FROM unnest($2::uuid[], $3::uuid[]) AS f(attachment_id, message_id)
            WHERE a.id = f.attachment_id AND a.group_id = $1 AND a.uploader_id = $4 AND a.message_id IS NULL`,
          [groupId, filed.map(([a]) => a), filed.map(([, messageId]) => messageId), importer.userId],
        );
      }
      if (written.length > 0) {
        emit(
          createEvent('messaging.history.imported', {
            key: groupId,
            orgId: group.orgId,
            payload: { groupId, importId: importer.importId, count: written.length },
          }),
        );
      }
      return { written: written.length, alreadyThere: entries.length - written.length };
    });
  }
}
