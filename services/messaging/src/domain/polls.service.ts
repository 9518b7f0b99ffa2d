import { requireUser, type Caller } from '@kz/auth';
import { badInput, DomainError, notFound } from '@kz/errors';
import { createEvent, type Outbox } from '@kz/events';
import { isUuid } from '@kz/db';
import type { DataSource } from 'typeorm';
import type { MessageEntity } from '../entities/message.entity';
import { PollEntity } from '../entities/poll.entity';
import { isAdminRole } from './message-access';
import { markChanged } from './message-changes';
import type { MessagesService } from './messages.service';

export interface NewPoll {
  groupId: string;
  question: string;
  options: string[];
  multipleChoice?: boolean | null;
  deadline?: Date | null;
  resultsVisibleTo?: 'EVERYONE' | 'ADMINS' | null;
  idempotencyKey?: string | null;
}

/** Checks a poll's question and options; pure, so it is unit-tested alone. */
export function validatePoll(input: NewPoll, now: Date): { question: string; options: string[] } {
  const question = input.question.trim();
  if (question.length === 0 || question.length > 500) throw badInput('question', 'A poll question needs 1 to 500 characters.');
  const options = input.options.map((o) => o.trim());
  if (options.length < 2 || options.length > 20) throw badInput('options', 'A poll needs 2 to 20 options.');
  if (options.some((o) => o.length === 0 || o.length > 200)) throw badInput('options', 'Each option needs 1 to 200 characters.');
  if (new Set(options.map((o) => o.toLowerCase())).size !== options.length) throw badInput('options', 'Two options have the same text.');
  if (input.deadline && input.deadline <= now) throw badInput('deadline', 'The deadline must be in the future.');
  return { question, options };
}

export class PollsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly messages: MessagesService,
  ) {}

  /** A poll is a message of kind POLL; its text is the question. */
  async create(caller: Caller, input: NewPoll): Promise<MessageEntity> {
    const { question, options } = validatePoll(input, new Date());
    return this.messages.send(caller, { groupId: input.groupId, text: question, idempotencyKey: input.idempotencyKey }, 'POLL', async (m, messageId) => {
      await m.getRepository(PollEntity).insert({
        messageId,
        question,
        options,
        multipleChoice: Boolean(input.multipleChoice),
        deadline: input.deadline ?? null,
        resultsVisibleTo: input.resultsVisibleTo ?? 'EVERYONE',
        optionCounts: options.map(() => 0),
        voters: 0,
      });
    });
  }

  /** Records or changes the caller's answer until the deadline; counts move in the same transaction. */
  async answer(caller: Caller, messageId: string, optionIndexes: number[]): Promise<PollEntity> {
    const userId = requireUser(caller).userId;
    return this.outbox.transaction(async (m, emit) => {
      const poll = isUuid(messageId)
        ? await m.getRepository(PollEntity).createQueryBuilder('p').setLock('pessimistic_write').where('p.message_id = :messageId', { messageId }).getOne()
        : null;
      const message = poll
        ? ((await m.query(`SELECT group_id, deleted_at FROM messages WHERE id = $1`, [messageId])) as { group_id: string; deleted_at: Date | null }[])[0]
        : undefined;
      if (!poll || !message || message.deleted_at) throw notFound('Poll');
      const member = (await m.query(`SELECT role FROM group_members WHERE group_id = $1 AND user_id = $2`, [message.group_id, userId])) as unknown[];
      if (member.length === 0) throw notFound('Poll');
      if (poll.deadline && poll.deadline <= new Date()) throw new DomainError('CONFLICT', `This poll closed at ${poll.deadline.toISOString()}.`);
      const chosen = [...new Set(optionIndexes)];
      if (chosen.length === 0) throw badInput('optionIndexes', 'Choose at least one option.');
      if (!poll.multipleChoice && chosen.length > 1) throw badInput('optionIndexes', 'This poll takes one answer.');
      if (chosen.some((i) => !Number.isInteger(i) || i < 0 || i >= poll.options.length)) {
        throw badInput('optionIndexes', `Options are numbered 0 to ${poll.options.length - 1}.`);
      }
      const previous = (await m.query(`SELECT option_indexes FROM poll_votes WHERE message_id = $1 AND user_id = $2`, [messageId, userId])) as {
        option_indexes: number[];
      }[];
      const counts = [...poll.optionCounts];
      for (const i of previous[0]?.option_indexes ?? []) counts[i] = (counts[i] ?? 1) - 1;
      for (const i of chosen) counts[i] = (counts[i] ?? 0) + 1;
      await m.query(
        `INSERT INTO poll_votes (message_id, user_id, option_indexes) VALUES ($1, $2, $3)
         ON CONFLICT (message_id, user_id) DO UPDATE SET option_indexes = EXCLUDED.option_indexes, updated_at = now()`,
        [messageId, userId, chosen],
      );
      await m.getRepository(PollEntity).update({ messageId }, { optionCounts: counts, voters: poll.voters + (previous.length === 0 ? 1 : 0) });
      const changeSeq = await markChanged(m, message.group_id, messageId, 'POLL_UPDATED');
      emit(createEvent('messaging.poll.updated', { key: message.group_id, orgId: null, payload: { messageId, groupId: message.group_id, changeSeq } }));
      return m.getRepository(PollEntity).findOneByOrFail({ messageId });
    });
  }

  async ofMessages(ids: readonly string[]): Promise<(PollEntity | null)[]> {
    const rows = await this.dataSource
      .getRepository(PollEntity)
      .createQueryBuilder('p')
      .where('p.message_id IN (:...ids)', { ids: [...ids] })
      .getMany();
    const byId = new Map(rows.map((p) => [p.messageId, p]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Results, when the poll shows them to the caller. */
  async resultsFor(caller: Caller, poll: PollEntity, groupId: string): Promise<number[] | null> {
    if (poll.resultsVisibleTo === 'EVERYONE') return poll.optionCounts;
    if (caller.kind === 'connector') return poll.optionCounts;
    const userId = requireUser(caller).userId;
    const rows = (await this.dataSource.query(`SELECT role FROM group_members WHERE group_id = $1 AND user_id = $2`, [groupId, userId])) as { role: string }[];
    return isAdminRole(rows[0]?.role) ? poll.optionCounts : null;
  }

  async myAnswer(userId: string, messageId: string): Promise<number[] | null> {
    const rows = (await this.dataSource.query(`SELECT option_indexes FROM poll_votes WHERE message_id = $1 AND user_id = $2`, [messageId, userId])) as {
      option_indexes: number[];
    }[];
    return rows[0]?.option_indexes ?? null;
  }
}
