import { MessageEntity } from '../entities/message.entity';

export const MESSAGE_COLUMNS =
  'id, group_id, author_id, text, idempotency_key, sent_at, audience, kind, system_event, reply_to_id, mentions, edited_at, deleted_at, deleted_by, change_seq, change_kind, imported_from, original_author, placeholder_author';

export interface MessageRow {
  id: string;
  group_id: string;
  author_id: string;
  text: string;
  idempotency_key: string | null;
  sent_at: Date;
  audience: MessageEntity['audience'];
  kind: MessageEntity['kind'];
  system_event: MessageEntity['systemEvent'];
  reply_to_id: string | null;
  mentions: string[];
  edited_at: Date | null;
  deleted_at: Date | null;
  deleted_by: string | null;
  change_seq: string;
  change_kind: MessageEntity['changeKind'];
  imported_from: string | null;
  original_author: string | null;
  placeholder_author: boolean;
}

/** The entity of a row read or written with raw SQL (MESSAGE_COLUMNS), where TypeORM's query building would cost more than the statement. */
export function messageFromRow(row: MessageRow): MessageEntity {
  return Object.assign(new MessageEntity(), {
    id: row.id,
    groupId: row.group_id,
    authorId: row.author_id,
    text: row.text,
    idempotencyKey: row.idempotency_key,
    sentAt: row.sent_at,
    audience: row.audience,
    kind: row.kind,
    systemEvent: row.system_event,
    replyToId: row.reply_to_id,
    mentions: row.mentions,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    deletedBy: row.deleted_by,
    changeSeq: row.change_seq,
    changeKind: row.change_kind,
    importedFrom: row.imported_from,
    originalAuthor: row.original_author,
    placeholderAuthor: row.placeholder_author,
  });
}
