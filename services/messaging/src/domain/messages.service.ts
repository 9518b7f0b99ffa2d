import { requireUser, type Caller } from '@kz/auth';
import { badInput, DomainError, forbidden, notFound } from '@kz/errors';
import { createEvent, outboxRowParams, type Outbox } from '@kz/events';
import { decodeIdCursor, decodeSeqCursor, encodeCursor, isUuid, pageFrom, pageSize, prepared, rowsOf, uuidv7, type Page } from '@kz/db';
import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { MessageEntity } from '../entities/message.entity';
import { inGroupChangeOrder, markChanged, NEXT_CHANGE_POSITION } from './message-changes';
import { MESSAGE_COLUMNS, messageFromRow, type MessageRow } from './message-rows';
import { attachToMessage } from './attachments.service';
import { isAdminRole, posterIn, readableMessages, readablePage, readerOf, standingIn, visibleTo, type PageBound, type Reader } from './message-access';
import { messageNotices } from './message-notifications';
import { storeNotifications } from './notifications.service';
import { validateIdempotencyKey, validateMessageText } from './message-text';

/** A new message at the next position of its group's change order; nothing when the sender reused an idempotency key. */
const INSERT_MESSAGE =
  prepared(`INSERT INTO messages (id, group_id, author_id, text, idempotency_key, sent_at, audience, kind, reply_to_id, mentions, change_seq)
  SELECT $1::uuid, $2::uuid, $3::uuid, $4::text, $5::text, $6::timestamptz, $7::text, $8::text, $9::uuid, $10::uuid[], ${NEXT_CHANGE_POSITION}
  FROM ${inGroupChangeOrder('$2')}
  ON CONFLICT (author_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
  RETURNING ${MESSAGE_COLUMNS}`);

/** INSERT_MESSAGE and the outbox row of its event ($11–$15, given the message's change position), committed together. */
const INSERT_MESSAGE_AND_EVENT = prepared(`WITH inserted AS (${INSERT_MESSAGE}),
  published AS (
    INSERT INTO outbox_events (id, topic, key, envelope, trace_parent)
    SELECT $11::uuid, $12::text, $13::text, jsonb_set($14::jsonb, '{payload,changeSeq}', to_jsonb(inserted.change_seq::text)), $15::text FROM inserted)
  SELECT * FROM inserted`);

export interface HistoryArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  /** A message id: the page holds messages on both sides of it. */
  around?: string | null;
}

export interface NewMessage {
  groupId: string;
  text: string;
  idempotencyKey?: string | null;
  replyToId?: string | null;
  mentions?: string[] | null;
  /** ANNOUNCEMENT: admins only. */
  announcement?: boolean | null;
  /** Files the sender uploaded to this group beforehand. */
  attachmentIds?: string[] | null;
}

const MAX_PAGE = 200;
const MAX_MENTIONS = 50;

export class MessagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async send(
    caller: Caller,
    input: NewMessage,
    kind: 'TEXT' | 'POLL' = 'TEXT',
    withinTx?: (m: EntityManager, messageId: string) => Promise<void>,
  ): Promise<MessageEntity> {
    // Who asks is settled before what they sent is judged: an anonymous caller hears UNAUTHENTICATED, whatever the text.
    if (caller.kind !== 'connector') requireUser(caller);
    const text = validateMessageText(input.text, { withFiles: (input.attachmentIds?.length ?? 0) > 0 });
    const idempotencyKey = validateIdempotencyKey(input.idempotencyKey);
    const { groupId } = input;
    const { authorId, admin, group } = await posterIn(this.dataSource.manager, caller, groupId);
    const announcement = Boolean(input.announcement);
    if (announcement && !admin) throw forbidden("Only the group's admins post announcements.");
    if (group?.announcementOnly && !admin && group.kind !== 'BROADCAST') throw forbidden('Only admins post in this announcement group.');
    const audience = group?.kind === 'BROADCAST' && !admin ? 'ADMINS' : 'ALL';
    const mentioned = await this.checkMentions(groupId, input.mentions ?? []);
    const mentions = mentioned.map((p) => p.userId);
    const quoted = await this.checkReply(caller, groupId, input.replyToId ?? null);
    const replyToId = quoted?.id ?? null;
    const quotedAuthorId = quoted && quoted.authorId !== authorId && !mentions.includes(quoted.authorId) ? quoted.authorId : null;
    const standing = quotedAuthorId === null ? null : await standingIn(this.dataSource.manager, quotedAuthorId, groupId);
    const notices = messageNotices({
      authorId,
      audience,
      // Only the group's members can be mentioned: they read it.
      mentioned: mentioned.map((p) => ({ ...p, readsGroup: true })),
      quotedAuthor: quotedAuthorId === null || standing === null ? null : { userId: quotedAuthorId, admin: standing.admin, readsGroup: standing.reads },
    });
    const id = uuidv7();
    const sentAt = new Date();
    const messageKind = announcement ? 'ANNOUNCEMENT' : kind;
    const row = [id, groupId, authorId, text, idempotencyKey, sentAt, audience, messageKind, replyToId, mentions];
    const sent = (changeSeq?: string) =>
      createEvent('messaging.message.sent', {
        key: groupId,
        orgId: group?.orgId ?? null,
        payload: {
          messageId: id,
          groupId,
          authorId,
          text,
          sentAt: sentAt.toISOString(),
          audience,
          kind: messageKind,
          ...(changeSeq ? { changeSeq } : {}),
          ...(caller.kind === 'connector' ? { authorKind: 'CONNECTOR' as const } : {}),
        },
      });
    let message: MessageEntity | null;
    if (!input.attachmentIds?.length && !withinTx && notices.length === 0) {
      // A plain message: the message, its place in the group's change order and its event in one statement, which
      // commits on its own; on this machine class each round trip to PostgreSQL costs more than the statement.
      const inserted = await rowsOf<MessageRow>(this.dataSource.manager, INSERT_MESSAGE_AND_EVENT, [...row, ...outboxRowParams(sent())]);
      message = inserted[0] ? messageFromRow(inserted[0]) : null;
      if (message) this.outbox.written();
    } else {
      message = await this.outbox.transaction(async (m, emit) => {
        const [inserted] = (await m.query(INSERT_MESSAGE, row)) as MessageRow[];
        if (!inserted) return null;
        await attachToMessage(m, authorId, groupId, id, input.attachmentIds ?? []);
        await withinTx?.(m, id);
        // The people it mentions or replies to hear of it in the same commit: no message without its notifications, or the reverse.
        await storeNotifications(m, { groupId, messageId: id, actorId: authorId, key: groupId, orgId: group?.orgId ?? null }, notices);
        emit(sent(inserted.change_seq));
        return messageFromRow(inserted);
      });
    }
    if (message) return message;
    const first = await this.dataSource.getRepository(MessageEntity).findOneByOrFail({ authorId, idempotencyKey: idempotencyKey! });
    if (first.groupId !== groupId) {
      throw new DomainError('CONFLICT', 'This idempotency key was already used for a message to another group; use a new key.');
    }
    return first;
  }

  /** The sender changes their own message's text. */
  async edit(caller: Caller, messageId: string, rawText: string): Promise<MessageEntity> {
    const userId = requireUser(caller).userId;
    const text = validateMessageText(rawText);
    return this.outbox.transaction(async (m, emit) => {
      const message = await this.lockedMessage(m, caller, messageId);
      if (message.kind === 'SYSTEM') throw badInput('messageId', 'This is an entry about the group (who joined, left, was added...); it cannot be edited.');
      if (message.authorId !== userId) throw forbidden('Only the sender can edit a message.');
      if (message.importedFrom) throw badInput('messageId', 'This message was imported from a chat export; it stays as it was written.');
      if (message.deletedAt) throw new DomainError('CONFLICT', 'This message was deleted; it cannot be edited.');
      const editedAt = new Date();
      await m.getRepository(MessageEntity).update({ id: message.id }, { text, editedAt });
      const changeSeq = await markChanged(m, message.groupId, message.id, 'EDITED');
      emit(
        createEvent('messaging.message.edited', {
          key: message.groupId,
          orgId: null,
          payload: { messageId: message.id, groupId: message.groupId, editedAt: editedAt.toISOString(), changeSeq },
        }),
      );
      return m.getRepository(MessageEntity).findOneByOrFail({ id: message.id });
    });
  }

  /** The sender or a group admin deletes a message; a tombstone keeps its place. */
  async delete(caller: Caller, messageId: string): Promise<MessageEntity> {
    const userId = requireUser(caller).userId;
    return this.outbox.transaction(async (m, emit) => {
      const message = await this.lockedMessage(m, caller, messageId);
      if (message.kind === 'SYSTEM')
        throw badInput('messageId', 'This is an entry about the group (who joined, left, was added...); it stays in its history and cannot be deleted.');
      if (message.deletedAt) return message;
      if (message.authorId !== userId) {
        const { admin } = await posterIn(m, caller, message.groupId).catch(() => ({ admin: false }));
        if (!admin) throw forbidden('Only the sender or a group admin can delete a message.');
      }
      await m.getRepository(MessageEntity).update({ id: message.id }, { text: '', deletedAt: new Date(), deletedBy: userId, mentions: [] });
      await m.query(`DELETE FROM polls WHERE message_id = $1 AND NOT EXISTS (SELECT 1 FROM poll_votes WHERE message_id = $1)`, [message.id]);
      const changeSeq = await markChanged(m, message.groupId, message.id, 'DELETED');
      emit(
        createEvent('messaging.message.deleted', {
          key: message.groupId,
          orgId: null,
          payload: { messageId: message.id, groupId: message.groupId, deletedBy: userId, changeSeq },
        }),
      );
      return m.getRepository(MessageEntity).findOneByOrFail({ id: message.id });
    });
  }

  async history(caller: Caller, groupId: string, args: HistoryArgs): Promise<Page<MessageEntity>> {
    const forwards = args.first != null || args.after != null;
    const backwards = args.last != null || args.before != null;
    if ([forwards, backwards, args.around != null].filter(Boolean).length > 1) {
      throw badInput('first', 'Page forwards (first/after), backwards (last/before) or around a message, one at a time.');
    }
    const m = this.dataSource.manager;
    if (forwards) {
      const limit = pageSize(args.first, 50, MAX_PAGE);
      if (limit === null) throw badInput('first', `first must be between 1 and ${MAX_PAGE}.`);
      const after: PageBound | null = args.after ? { op: '>', id: decodeIdCursor(args.after, 'after') } : null;
      const rows = await readablePage(m, caller, groupId, 'ASC', after, limit + 1);
      return pageFrom(rows, limit, (r) => [r.id], Boolean(args.after));
    }
    if (args.around != null) {
      if (!isUuid(args.around)) throw badInput('around', 'around takes the id of a message in this group.');
      const half = 25;
      const [older, newer] = await Promise.all([
        readablePage(m, caller, groupId, 'DESC', { op: '<', id: args.around }, half + 1),
        readablePage(m, caller, groupId, 'ASC', { op: '>=', id: args.around }, half + 1),
      ]);
      const rows = [...older.slice(0, half).reverse(), ...newer.slice(0, half)];
      const page = pageFrom(rows, rows.length, (r) => [r.id], older.length > half);
      return { ...page, pageInfo: { ...page.pageInfo, hasNextPage: newer.length > half } };
    }
    const limit = pageSize(args.last, 50, MAX_PAGE);
    if (limit === null) throw badInput('last', `last must be between 1 and ${MAX_PAGE}.`);
    const before: PageBound | null = args.before ? { op: '<', id: decodeIdCursor(args.before, 'before') } : null;
    const newestFirst = await readablePage(m, caller, groupId, 'DESC', before, limit + 1);
    const rows = newestFirst.slice(0, limit).reverse();
    const page = pageFrom(rows, limit, (r) => [r.id], newestFirst.length > limit);
    return { ...page, pageInfo: { ...page.pageInfo, hasNextPage: Boolean(args.before) } };
  }

  /** The group's messages changed after a position, each with its latest change, in the order the changes were made. */
  async changesAfter(caller: Caller, groupId: string, after: string, first?: number | null): Promise<Page<MessageEntity>> {
    const reader = await readerOf(this.dataSource.manager, caller, groupId);
    const limit = pageSize(first, 100, MAX_PAGE);
    if (limit === null) throw badInput('first', `first must be between 1 and ${MAX_PAGE}.`);
    const from = decodeSeqCursor(after, 'after');
    const qb = this.dataSource
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .where('m.group_id = :groupId', { groupId })
      .andWhere('m.change_seq > :from', { from });
    const rows = await this.visible(qb, reader)
      .orderBy('m.change_seq', 'ASC')
      .limit(limit + 1)
      .getMany();
    return pageFrom(rows, limit, (r) => [r.changeSeq], true);
  }

  /** The position of the group's latest message change. */
  async latestChangeCursor(caller: Caller, groupId: string): Promise<string> {
    await readerOf(this.dataSource.manager, caller, groupId);
    const [row] = (await this.dataSource.query(`SELECT coalesce(max(change_seq), 0)::text AS seq FROM messages WHERE group_id = $1`, [groupId])) as {
      seq: string;
    }[];
    return encodeCursor([row!.seq]);
  }

  /** Messages the caller may read; others are simply absent. */
  async visibleByIds(caller: Caller, ids: readonly string[]): Promise<MessageEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    if (caller.kind !== 'connector') return readableMessages(this.dataSource.manager, requireUser(caller).userId, valid);
    const rows = await this.dataSource.getRepository(MessageEntity).findBy({ id: In(valid) });
    const readable = new Map<string, boolean>();
    for (const groupId of new Set(rows.map((r) => r.groupId))) {
      readable.set(
        groupId,
        await readerOf(this.dataSource.manager, caller, groupId).then(
          () => true,
          (err: unknown) => {
            if (err instanceof DomainError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN')) return false;
            throw err;
          },
        ),
      );
    }
    // A connector reads every message of the groups it was granted, admin replies included.
    return rows.filter((r) => readable.get(r.groupId));
  }

  private visible(qb: SelectQueryBuilder<MessageEntity>, reader: Reader): SelectQueryBuilder<MessageEntity> {
    return reader.seesAdminReplies ? qb : qb.andWhere(visibleTo('m', ':reader', 'false'), { reader: reader.userId });
  }

  private async lockedMessage(m: EntityManager, caller: Caller, messageId: string): Promise<MessageEntity> {
    const message = isUuid(messageId)
      ? await m.getRepository(MessageEntity).createQueryBuilder('m').setLock('pessimistic_write').where('m.id = :messageId', { messageId }).getOne()
      : null;
    if (!message || (await this.visibleByIds(caller, [message.id])).length === 0) throw notFound('Message');
    return message;
  }

  /** The people mentioned, each once, in the order written, with whether they administer the group. */
  private async checkMentions(groupId: string, mentions: string[]): Promise<{ userId: string; admin: boolean }[]> {
    const unique = [...new Set(mentions)];
    if (unique.length > MAX_MENTIONS) throw badInput('mentions', `A message can mention at most ${MAX_MENTIONS} people.`);
    if (unique.length === 0) return [];
    const valid = unique.filter(isUuid);
    const rows = (await this.dataSource.query(`SELECT user_id, role FROM group_members WHERE group_id = $1 AND user_id = ANY($2::uuid[])`, [
      groupId,
      valid,
    ])) as {
      user_id: string;
      role: string;
    }[];
    const roles = new Map(rows.map((r) => [r.user_id, r.role]));
    const strangers = unique.filter((u) => !roles.has(u));
    if (strangers.length > 0) throw badInput('mentions', `Only members of the group can be mentioned; not members: ${strangers.join(', ')}.`);
    return unique.map((userId) => ({ userId, admin: isAdminRole(roles.get(userId)) }));
  }

  private async checkReply(caller: Caller, groupId: string, replyToId: string | null): Promise<MessageEntity | null> {
    if (replyToId === null) return null;
    const [quoted] = await this.visibleByIds(caller, [replyToId]);
    if (!quoted || quoted.groupId !== groupId) throw badInput('replyToId', 'A reply quotes a message of the same group that you can read.');
    if (quoted.kind === 'SYSTEM')
      throw badInput('replyToId', 'Reply to a message; an entry about the group (who joined, left, was added...) takes no replies.');
    return quoted;
  }
}
