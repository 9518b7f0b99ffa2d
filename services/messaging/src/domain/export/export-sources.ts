import type { Readable } from 'node:stream';
import { notFound } from '@kz/errors';
import { isUuid } from '@kz/db';
import { countRows, isoOrNull, pageAcrossGroups, type ExportRange, type ExportSource } from '@kz/server';
import type { DataSource } from 'typeorm';
import type { ObjectStore } from '../object-store';

interface MessageRow {
  id: string;
  group_id: string;
  author_id: string;
  kind: string;
  audience: string;
  text: string;
  system_event: object | null;
  reply_to_id: string | null;
  mentions: string[];
  sent_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  deleted_by: string | null;
}

interface PollRow {
  message_id: string;
  group_id: string;
  question: string;
  options: string[];
  multiple_choice: boolean;
  deadline: Date | null;
  results_visible_to: string;
  option_counts: number[];
  voters: number;
}

interface VoteRow {
  message_id: string;
  user_id: string;
  option_indexes: number[];
  updated_at: Date;
}

interface AttachmentRow {
  id: string;
  group_id: string;
  message_id: string;
  uploader_id: string;
  filename: string;
  content_type: string;
  size_bytes: string;
  created_at: Date;
}

/** The messages of a range: `m` is the messages table's alias; $2 and $3 are the range's ends. */
const IN_RANGE = `($2::timestamptz IS NULL OR m.sent_at >= $2) AND ($3::timestamptz IS NULL OR m.sent_at < $3)`;
const rangeParams = (range: ExportRange) => [range.from, range.to];

/** The organisation's groups as messaging knows them. */
const orgGroupsSql = `SELECT id FROM known_groups WHERE org_id = $1`;

/**
 * What messaging holds of an organisation, for its export: the messages of its groups sent in the range (deleted
 * ones as tombstones: when and by whom), their polls with votes, and their attachments (bytes through `attachmentBody`).
 */
export function messagingExportSources(dataSource: DataSource): Record<string, ExportSource> {
  const orgGroupIds = async (orgId: string) => ((await dataSource.query(orgGroupsSql, [orgId])) as { id: string }[]).map((g) => g.id);
  /** A source of rows kept per group; `sql` reads one group's page: $1 group, $2/$3 range, $4 last key, $5 limit. */
  const perGroup = <Row>(countSql: string, sql: string, keyOf: (row: Row) => string, record: (row: Row) => object): ExportSource => ({
    count: (orgId, range) => countRows(dataSource, countSql, [orgId, ...rangeParams(range)]),
    page: async (orgId, range, after, limit) =>
      pageAcrossGroups<Row>({
        groupIds: await orgGroupIds(orgId),
        after,
        limit,
        read: async (groupId, afterKey, n) => (await dataSource.query(sql, [groupId, ...rangeParams(range), afterKey, n])) as Row[],
        keyOf,
        record,
      }),
  });
  const ofOrg = `m.group_id IN (${orgGroupsSql})`;
  return {
    messages: perGroup<MessageRow>(
      `SELECT count(*) AS n FROM messages m WHERE ${ofOrg} AND ${IN_RANGE}`,
      `SELECT m.id, m.group_id, m.author_id, m.kind, m.audience, m.text, m.system_event, m.reply_to_id, m.mentions, m.sent_at, m.edited_at,
              m.deleted_at, m.deleted_by
         FROM messages m WHERE m.group_id = $1 AND ${IN_RANGE} AND ($4::uuid IS NULL OR m.id > $4::uuid) ORDER BY m.id LIMIT $5`,
      (m) => m.id,
      (m) => ({
        id: m.id,
        groupId: m.group_id,
        // System entries (people added, a rename...) have no person as author.
        authorId: m.kind === 'SYSTEM' ? null : m.author_id,
        kind: m.kind,
        audience: m.audience,
        text: m.deleted_at === null ? m.text : null,
        systemEvent: m.system_event,
        replyToId: m.reply_to_id,
        mentions: m.mentions,
        sentAt: m.sent_at.toISOString(),
        editedAt: isoOrNull(m.edited_at),
        deletedAt: isoOrNull(m.deleted_at),
        deletedBy: m.deleted_by,
      }),
    ),
    polls: perGroup<PollRow>(
      `SELECT count(*) AS n FROM polls p JOIN messages m ON m.id = p.message_id WHERE ${ofOrg} AND ${IN_RANGE}`,
      `SELECT p.message_id, m.group_id, p.question, p.options, p.multiple_choice, p.deadline, p.results_visible_to, p.option_counts, p.voters
         FROM polls p JOIN messages m ON m.id = p.message_id
        WHERE m.group_id = $1 AND ${IN_RANGE} AND ($4::uuid IS NULL OR m.id > $4::uuid) ORDER BY m.id LIMIT $5`,
      (p) => p.message_id,
      (p) => ({
        messageId: p.message_id,
        groupId: p.group_id,
        question: p.question,
        options: p.options,
        multipleChoice: p.multiple_choice,
        deadline: isoOrNull(p.deadline),
        resultsVisibleTo: p.results_visible_to,
        optionCounts: p.option_counts,
        voters: p.voters,
      }),
    ),
    votes: perGroup<VoteRow>(
      `SELECT count(*) AS n FROM poll_votes v JOIN messages m ON m.id = v.message_id WHERE ${ofOrg} AND ${IN_RANGE}`,
      `SELECT v.message_id, v.user_id, v.option_indexes, v.updated_at
         FROM poll_votes v JOIN messages m ON m.id = v.message_id
        WHERE m.group_id = $1 AND ${IN_RANGE} AND ($4::text IS NULL OR (v.message_id, v.user_id) > (split_part($4, '/', 1)::uuid, split_part($4, '/', 2)::uuid))
        ORDER BY v.message_id, v.user_id LIMIT $5`,
      (v) => `${v.message_id}/${v.user_id}`,
      (v) => ({ messageId: v.message_id, userId: v.user_id, optionIndexes: v.option_indexes, votedAt: v.updated_at.toISOString() }),
    ),
    attachments: perGroup<AttachmentRow>(
      `SELECT count(*) AS n FROM attachments a JOIN messages m ON m.id = a.message_id WHERE ${ofOrg} AND ${IN_RANGE} AND m.deleted_at IS NULL`,
      `SELECT a.id, m.group_id, a.message_id, a.uploader_id, a.filename, a.content_type, a.size_bytes, a.created_at
         FROM attachments a JOIN messages m ON m.id = a.message_id
        WHERE m.group_id = $1 AND ${IN_RANGE} AND m.deleted_at IS NULL AND ($4::uuid IS NULL OR a.id > $4::uuid) ORDER BY a.id LIMIT $5`,
      (a) => a.id,
      (a) => ({
        id: a.id,
        messageId: a.message_id,
        groupId: a.group_id,
        uploaderId: a.uploader_id,
        filename: a.filename,
        contentType: a.content_type,
        size: Number(a.size_bytes),
        uploadedAt: a.created_at.toISOString(),
      }),
    ),
  };
}

/** The bytes of an attachment of the organisation's groups, for its export; NOT_FOUND for any other. */
export async function attachmentBody(
  dataSource: DataSource,
  store: ObjectStore,
  orgId: string,
  attachmentId: string,
): Promise<{ size: number; body: Readable }> {
  const [row] = isUuid(attachmentId)
    ? ((await dataSource.query(
        `SELECT a.storage_key, a.size_bytes FROM attachments a JOIN known_groups g ON g.id = a.group_id WHERE a.id = $1 AND g.org_id = $2`,
        [attachmentId, orgId],
      )) as { storage_key: string; size_bytes: string }[])
    : [];
  if (!row) throw notFound('Attachment');
  return { size: Number(row.size_bytes), body: await store.get(row.storage_key) };
}
