import { connectorMay, requireUser, type Caller } from '@kz/auth';
import { badInput, DomainError, notFound } from '@kz/errors';
import { createEvent, type Outbox } from '@kz/events';
import { decodeCursor, InvalidCursorError, isUuid, pageFrom, pageSize, uuidv7, type Page } from '@kz/db';
import { In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { GroupMemberEntity } from '../entities/group-member.entity';
import { KnownGroupEntity } from '../entities/known-group.entity';
import { MessageEntity } from '../entities/message.entity';
import { validateIdempotencyKey, validateMessageText } from './message-text';

export interface HistoryArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

const MAX_PAGE = 200;

export class MessagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** The sender's standing: member role and the group's posting rules. */
  private async postingRights(userId: string, groupId: string): Promise<{ role: string; group: KnownGroupEntity | null }> {
    const member = isUuid(groupId) ? await this.dataSource.getRepository(GroupMemberEntity).findOneBy({ groupId, userId }) : null;
    if (!member) throw notFound('Group');
    return { role: member.role, group: await this.dataSource.getRepository(KnownGroupEntity).findOneBy({ id: groupId }) };
  }

  /**
   * Who reads a group's history: its members and the members of its
   * sub-groups at any depth (a parent's messages reach them), and a connector
   * granted MESSAGES in the group's organisation. Non-admins do not see
   * replies meant for admins, other than their own.
   */
  private async readerOf(caller: Caller, groupId: string): Promise<{ seesAdminReplies: boolean; userId: string | null }> {
    if (!isUuid(groupId)) throw notFound('Group');
    if (caller.kind === 'connector') {
      const group = await this.dataSource.getRepository(KnownGroupEntity).findOneBy({ id: groupId });
      if (!group || group.orgId !== caller.orgId) throw notFound('Group');
      if (!connectorMay(caller, group.orgId, 'MESSAGES')) throw new DomainError('FORBIDDEN', 'This connector was not granted messages.');
      return { seesAdminReplies: true, userId: null };
    }
    const userId = requireUser(caller).userId;
    const rows = (await this.dataSource.query(
      `WITH RECURSIVE tree AS (
         SELECT $1::uuid AS id
         UNION
         SELECT g.id FROM known_groups g JOIN tree t ON g.parent_id = t.id)
       SELECT (SELECT role FROM group_members WHERE group_id = $1 AND user_id = $2) AS role,
              EXISTS (SELECT 1 FROM group_members gm JOIN tree t ON gm.group_id = t.id WHERE gm.user_id = $2) AS reads`,
      [groupId, userId],
    )) as { role: string | null; reads: boolean }[];
    if (!rows[0]?.reads) throw notFound('Group');
    return { seesAdminReplies: rows[0].role === 'OWNER' || rows[0].role === 'ADMIN', userId };
  }

  async send(authorId: string, groupId: string, rawText: string, rawKey?: string | null): Promise<MessageEntity> {
    const text = validateMessageText(rawText);
    const idempotencyKey = validateIdempotencyKey(rawKey);
    const { role, group } = await this.postingRights(authorId, groupId);
    const admin = role === 'OWNER' || role === 'ADMIN';
    if (group?.announcementOnly && !admin && group.kind !== 'BROADCAST') {
      throw new DomainError('FORBIDDEN', 'Only admins post in this announcement group.');
    }
    const audience = group?.kind === 'BROADCAST' && !admin ? 'ADMINS' : 'ALL';
    const message = await this.outbox.transaction(async (m, emit) => {
      const id = uuidv7();
      const sentAt = new Date();
      const inserted = (await m.query(
        `INSERT INTO messages (id, group_id, author_id, text, idempotency_key, sent_at, audience)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (author_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING id`,
        [id, groupId, authorId, text, idempotencyKey, sentAt, audience],
      )) as unknown[];
      if (inserted.length === 0) return null;
      emit(
        createEvent('messaging.message.sent', {
          key: groupId,
          orgId: group?.orgId ?? null,
          payload: { messageId: id, groupId, authorId, text, sentAt: sentAt.toISOString() },
        }),
      );
      return m.getRepository(MessageEntity).findOneByOrFail({ id });
    });
    if (message) return message;
    const first = await this.dataSource.getRepository(MessageEntity).findOneByOrFail({ authorId, idempotencyKey: idempotencyKey! });
    if (first.groupId !== groupId) {
      throw new DomainError('CONFLICT', 'This idempotency key was already used for a message to another group; use a new key.');
    }
    return first;
  }

  async history(caller: Caller, groupId: string, args: HistoryArgs): Promise<Page<MessageEntity>> {
    const reader = await this.readerOf(caller, groupId);
    const visible = (qb: SelectQueryBuilder<MessageEntity>) =>
      reader.seesAdminReplies ? qb : qb.andWhere(`(m.audience = 'ALL' OR m.author_id = :reader)`, { reader: reader.userId });
    if ((args.first != null || args.after != null) && (args.last != null || args.before != null)) {
      throw badInput('first', 'Page forwards (first/after) or backwards (last/before), not both at once.');
    }
    const repo = this.dataSource.getRepository(MessageEntity);
    if (args.first != null || args.after != null) {
      const limit = pageSize(args.first, 50, MAX_PAGE);
      if (limit === null) throw badInput('first', `first must be between 1 and ${MAX_PAGE}.`);
      const qb = visible(repo.createQueryBuilder('m').where('m.group_id = :groupId', { groupId }));
      if (args.after) qb.andWhere('m.id > :after', { after: cursorId(args.after, 'after') });
      const rows = await qb.orderBy('m.id', 'ASC').limit(limit + 1).getMany();
      return pageFrom(rows, limit, (r) => [r.id], Boolean(args.after));
    }
    const limit = pageSize(args.last, 50, MAX_PAGE);
    if (limit === null) throw badInput('last', `last must be between 1 and ${MAX_PAGE}.`);
    const qb = visible(repo.createQueryBuilder('m').where('m.group_id = :groupId', { groupId }));
    if (args.before) qb.andWhere('m.id < :before', { before: cursorId(args.before, 'before') });
    const newestFirst = await qb.orderBy('m.id', 'DESC').limit(limit + 1).getMany();
    const hasOlder = newestFirst.length > limit;
    const rows = newestFirst.slice(0, limit).reverse();
    const page = pageFrom(rows, limit, (r) => [r.id], hasOlder);
    return { ...page, pageInfo: { ...page.pageInfo, hasNextPage: Boolean(args.before) } };
  }

  /** Messages the caller may read; others are simply absent. */
  async visibleByIds(caller: Caller, ids: readonly string[]): Promise<MessageEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const rows = await this.dataSource.getRepository(MessageEntity).findBy({ id: In(valid) });
    const readers = new Map<string, { seesAdminReplies: boolean; userId: string | null } | null>();
    for (const groupId of new Set(rows.map((r) => r.groupId))) {
      readers.set(groupId, await this.readerOf(caller, groupId).catch((err: unknown) => {
        if (err instanceof DomainError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN')) return null;
        throw err;
      }));
    }
    return rows.filter((r) => {
      const reader = readers.get(r.groupId);
      return reader && (reader.seesAdminReplies || r.audience === 'ALL' || r.authorId === reader.userId);
    });
  }
}

function cursorId(cursor: string, field: string): string {
  const [id] = decodeCursor(cursor, 1, field);
  if (typeof id !== 'string' || !isUuid(id)) throw new InvalidCursorError(field);
  return id;
}
