import { connectorMay, requireUser, type Caller } from '@kz/auth';
import { badInput, DomainError, notFound } from '@kz/errors';
import { createEvent, type Outbox } from '@kz/events';
import { decodeCursor, InvalidCursorError, isUuid, pageFrom, pageSize, uuidv7, type Page } from '@kz/db';
import { In, type DataSource } from 'typeorm';
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

  private async assertMember(userId: string, groupId: string): Promise<void> {
    const member = isUuid(groupId) && (await this.dataSource.getRepository(GroupMemberEntity).existsBy({ groupId, userId }));
    if (!member) throw notFound('Group');
  }

  /** Members read their groups; a connector granted MESSAGES reads its organisation's groups. */
  private async assertReader(caller: Caller, groupId: string): Promise<void> {
    if (caller.kind === 'connector') {
      const group = isUuid(groupId) ? await this.dataSource.getRepository(KnownGroupEntity).findOneBy({ id: groupId }) : null;
      if (!group || group.orgId !== caller.orgId) throw notFound('Group');
      if (!connectorMay(caller, group.orgId, 'MESSAGES')) throw new DomainError('FORBIDDEN', 'This connector was not granted messages.');
      return;
    }
    await this.assertMember(requireUser(caller).userId, groupId);
  }

  async send(authorId: string, groupId: string, rawText: string, rawKey?: string | null): Promise<MessageEntity> {
    const text = validateMessageText(rawText);
    const idempotencyKey = validateIdempotencyKey(rawKey);
    await this.assertMember(authorId, groupId);
    const message = await this.outbox.transaction(async (m, emit) => {
      const id = uuidv7();
      const sentAt = new Date();
      const inserted = (await m.query(
        `INSERT INTO messages (id, group_id, author_id, text, idempotency_key, sent_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (author_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING id`,
        [id, groupId, authorId, text, idempotencyKey, sentAt],
      )) as unknown[];
      if (inserted.length === 0) return null;
      emit(
        createEvent('messaging.message.sent', {
          key: groupId,
          orgId: null,
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
    await this.assertReader(caller, groupId);
    if ((args.first != null || args.after != null) && (args.last != null || args.before != null)) {
      throw badInput('first', 'Page forwards (first/after) or backwards (last/before), not both at once.');
    }
    const repo = this.dataSource.getRepository(MessageEntity);
    if (args.first != null || args.after != null) {
      const limit = pageSize(args.first, 50, MAX_PAGE);
      if (limit === null) throw badInput('first', `first must be between 1 and ${MAX_PAGE}.`);
      const qb = repo.createQueryBuilder('m').where('m.group_id = :groupId', { groupId });
      if (args.after) qb.andWhere('m.id > :after', { after: cursorId(args.after, 'after') });
      const rows = await qb.orderBy('m.id', 'ASC').limit(limit + 1).getMany();
      return pageFrom(rows, limit, (r) => [r.id], Boolean(args.after));
    }
    const limit = pageSize(args.last, 50, MAX_PAGE);
    if (limit === null) throw badInput('last', `last must be between 1 and ${MAX_PAGE}.`);
    const qb = repo.createQueryBuilder('m').where('m.group_id = :groupId', { groupId });
    if (args.before) qb.andWhere('m.id < :before', { before: cursorId(args.before, 'before') });
    const newestFirst = await qb.orderBy('m.id', 'DESC').limit(limit + 1).getMany();
    const hasOlder = newestFirst.length > limit;
    const rows = newestFirst.slice(0, limit).reverse();
    const page = pageFrom(rows, limit, (r) => [r.id], hasOlder);
    return { ...page, pageInfo: { ...page.pageInfo, hasNextPage: Boolean(args.before) } };
  }

  /** Messages the caller may read (member of their group); others are simply absent. */
  async visibleByIds(userId: string, ids: readonly string[]): Promise<MessageEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const rows = await this.dataSource.getRepository(MessageEntity).findBy({ id: In(valid) });
    const groupIds = [...new Set(rows.map((r) => r.groupId))];
    const memberships = await this.dataSource.getRepository(GroupMemberEntity).findBy({ userId, groupId: In(groupIds) });
    const allowed = new Set(memberships.map((m) => m.groupId));
    return rows.filter((r) => allowed.has(r.groupId));
  }
}

function cursorId(cursor: string, field: string): string {
  const [id] = decodeCursor(cursor, 1, field);
  if (typeof id !== 'string' || !isUuid(id)) throw new InvalidCursorError(field);
  return id;
}
