import { requireUser, type Caller } from '@kz/auth';
import { badInput } from '@kz/errors';
import { insertOutboxRows } from '@kz/events';
import { decodeIdCursor, isUuid, pageFrom, pageSize, prepared, rowsOf, uuidv7, type Page } from '@kz/db';
import type { DataSource, EntityManager } from 'typeorm';
import type { NotificationEntity, NotificationKind } from '../entities/notification.entity';
import { notificationsCreatedEvents } from '../events/notifications-created';

/** Unread notifications are counted up to here: "999+" is all a badge needs, and counting further would scan. */
export const UNREAD_NOTIFICATIONS_CAP = 1_000;
const MAX_PAGE = 100;

/** What a batch of notifications is about: the same for every person told. */
export interface NotificationSubject {
  groupId?: string | null;
  messageId?: string | null;
  /** Who caused it; null when no one in particular. */
  actorId?: string | null;
  importId?: string | null;
  webhookEndpointId?: string | null;
  exportId?: string | null;
  /** Where its event goes (messaging.notifications.created is keyed by what it is about). */
  key: string;
  orgId: string | null;
}

/** Any number of notifications about one subject in one statement; one that exists already (an import's end told twice) is skipped. */
const INSERT_NOTIFICATIONS = prepared(`INSERT INTO notifications (id, user_id, kind, group_id, message_id, actor_id, import_id, webhook_endpoint_id, export_id)
  SELECT n.id, n.user_id, n.kind, $4::uuid, $5::uuid, $6::uuid, $7::uuid, $8::uuid, $9::uuid FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS n(id, user_id, kind)
  ON CONFLICT DO NOTHING
  RETURNING id, user_id`);

const COLUMNS = `id, user_id AS "userId", kind, group_id AS "groupId", message_id AS "messageId", actor_id AS "actorId",
  import_id AS "importId", webhook_endpoint_id AS "webhookEndpointId", export_id AS "exportId", created_at AS "createdAt", read_at AS "readAt"`;

const PAGE = prepared(`SELECT ${COLUMNS} FROM notifications WHERE user_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3`);
const BY_IDS = prepared(`SELECT ${COLUMNS} FROM notifications WHERE user_id = $1 AND id = ANY($2::uuid[])`);
const UNREAD = prepared(`SELECT count(*)::int AS n FROM (
  SELECT 1 FROM notifications WHERE user_id = $1 AND read_at IS NULL AND id > $2 LIMIT ${UNREAD_NOTIFICATIONS_CAP}) unread`);
/** Marks read up to $2 (all for the greatest id) and counts what stays unread (those after $2, which it did not touch). */
const MARK_READ = prepared(`WITH marked AS (
    UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND id <= $2 RETURNING 1)
  SELECT (SELECT count(*) FROM marked)::int AS marked, count(*)::int AS n FROM (
    SELECT 1 FROM notifications WHERE user_id = $1 AND read_at IS NULL AND id > $2 LIMIT ${UNREAD_NOTIFICATIONS_CAP}) unread`);

const NO_ID = '00000000-0000-0000-0000-000000000000';
const LAST_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/**
 * Stores notifications about one subject for `recipients`, in the caller's transaction, with the events that stream
 * them to their people (messaging.notifications.created): one INSERT for the lot, however many (a 2,000-member add is
 * one statement), and one outbox row per 2,000.
 */
export async function storeNotifications(
  m: EntityManager,
  subject: NotificationSubject,
  recipients: readonly { userId: string; kind: NotificationKind }[],
): Promise<number> {
  if (recipients.length === 0) return 0;
  const created = await rowsOf<{ id: string; user_id: string }>(m, INSERT_NOTIFICATIONS, [
    recipients.map(() => uuidv7()),
    recipients.map((r) => r.userId),
    recipients.map((r) => r.kind),
    subject.groupId ?? null,
    subject.messageId ?? null,
    subject.actorId ?? null,
    subject.importId ?? null,
    subject.webhookEndpointId ?? null,
    subject.exportId ?? null,
  ]);
  await insertOutboxRows(
    m,
    notificationsCreatedEvents(
      created.map((row) => row.user_id),
      created.map((row) => row.id),
      subject.key,
      subject.orgId,
    ),
  );
  return created.length;
}

/** A person's notifications: theirs alone, newest first. */
export class NotificationsService {
  constructor(private readonly dataSource: DataSource) {}

  async page(caller: Caller, first: number | null | undefined, after: string | null | undefined): Promise<Page<NotificationEntity>> {
    const userId = requireUser(caller).userId;
    const limit = pageSize(first, 30, MAX_PAGE);
    if (limit === null) throw badInput('first', `first must be between 1 and ${MAX_PAGE}.`);
    const before = after ? decodeIdCursor(after, 'after') : LAST_ID;
    const rows = await rowsOf<NotificationEntity>(this.dataSource.manager, PAGE, [userId, before, limit + 1]);
    return pageFrom(rows, limit, (n) => [n.id], Boolean(after));
  }

  /** The caller's notifications among `ids`; others' are simply absent. */
  async byIds(caller: Caller, ids: readonly string[]): Promise<NotificationEntity[]> {
    const userId = requireUser(caller).userId;
    const valid = ids.filter(isUuid);
    return valid.length === 0 ? [] : rowsOf<NotificationEntity>(this.dataSource.manager, BY_IDS, [userId, valid]);
  }

  /** Unread notifications, up to UNREAD_NOTIFICATIONS_CAP. */
  async unreadCount(caller: Caller): Promise<number> {
    const userId = requireUser(caller).userId;
    const [row] = await rowsOf<{ n: number }>(this.dataSource.manager, UNREAD, [userId, NO_ID]);
    return row?.n ?? 0;
  }

  /** Marks the caller's notifications read up to and including `upToId`, or all of them; answers what stays unread. */
  async markRead(caller: Caller, upToId: string | null | undefined): Promise<{ unreadCount: number }> {
    const userId = requireUser(caller).userId;
    if (upToId != null && !isUuid(upToId)) throw badInput('upToId', 'upToId takes the id of one of your notifications, or null for all of them.');
    const [row] = await rowsOf<{ n: number }>(this.dataSource.manager, MARK_READ, [userId, upToId ?? LAST_ID]);
    return { unreadCount: row?.n ?? 0 };
  }
}
