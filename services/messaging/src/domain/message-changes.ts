import type { EntityManager } from 'typeorm';
import type { MessageChangeKind } from '../entities/message.entity';

const GROUP_CHANGE_LOCK_SPACE = 7301;

/**
 * A FROM item that takes the group's change lock until commit. Positions are
 * drawn from one sequence after it is taken, so within a group they commit in
 * order: a subscriber resuming after position N cannot miss a change that was
 * still uncommitted, with a lower position, when N was delivered.
 */
export const inGroupChangeOrder = (groupIdParam: string) =>
  `(SELECT pg_advisory_xact_lock(${GROUP_CHANGE_LOCK_SPACE}, hashtext(${groupIdParam}::uuid::text))) AS in_group_change_order`;

export const NEXT_CHANGE_POSITION = `nextval('message_change_seq')`;

/** Records an edit, a deletion or a poll answer as the message's latest change; returns its position. */
export async function markChanged(m: EntityManager, groupId: string, messageId: string, kind: Exclude<MessageChangeKind, 'SENT'>): Promise<string> {
  const rows = (await m.query(
    `UPDATE messages SET change_seq = ${NEXT_CHANGE_POSITION}, change_kind = $3
     FROM ${inGroupChangeOrder('$2')}
     WHERE id = $1 RETURNING change_seq`,
    [messageId, groupId, kind],
  )) as [{ change_seq: string }[], number];
  return rows[0][0]!.change_seq;
}
