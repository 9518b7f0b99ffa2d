import { auditEvent, createEvent, SYSTEM_ACTOR, type Outbox } from '@kz/events';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { ObjectStore } from './object-store';

export interface RetentionOptions {
  /** How often expired messages are looked for. */
  intervalMs: number;
  /** Messages deleted per transaction (and per event); live traffic waits on no more than one batch's locks. */
  batchSize: number;
  /** A pause between batches, so a large deletion yields to live work. */
  pauseMs: number;
}

/** Any number, the same in every messaging process: the sweep runs in one of them at a time. */
const SWEEP_LOCK = 7_265_001;

interface ExpiringGroup {
  id: string;
  org_id: string;
  name: string | null;
  keep_days: number;
}

/**
 * Deletes the messages an organisation no longer keeps: those older than the group's own period, or its
 * organisation's when it has none, except in groups under a legal hold. A batch at a time, oldest first, each batch
 * with its files, polls, votes and notifications, an event saying which messages went, and an audit entry with the
 * count; the files' bytes are removed once the batch is committed.
 */
export class RetentionSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly store: ObjectStore,
    private readonly opts: RetentionOptions,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((err: unknown) => this.logger.warn({ err }, 'retention sweep failed; trying again at the next interval'))
        .finally(() => (this.running = undefined));
    }, this.opts.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over every group with a period; how many messages it deleted. Skipped while another process sweeps. */
  async sweep(now = new Date()): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [SWEEP_LOCK])) as [{ locked: boolean }];
      if (!locked) return 0;
      try {
        let deleted = 0;
        for (const group of await this.expiringGroups()) {
          const sentBefore = new Date(now.getTime() - group.keep_days * 86_400_000);
          for (;;) {
            if (this.stopped) return deleted;
            const count = await this.deleteBatch(group, sentBefore);
            deleted += count;
            if (count < this.opts.batchSize) break;
            await new Promise((resolve) => setTimeout(resolve, this.opts.pauseMs));
          }
        }
        return deleted;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [SWEEP_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  private async expiringGroups(): Promise<ExpiringGroup[]> {
    return (await this.dataSource.query(
      `SELECT g.id, g.org_id, g.name, coalesce(g.keep_days, o.keep_days) AS keep_days
         FROM known_groups g LEFT JOIN org_retention o ON o.org_id = g.org_id
        WHERE g.org_id IS NOT NULL AND NOT g.legal_hold AND coalesce(g.keep_days, o.keep_days) IS NOT NULL
        ORDER BY g.id`,
    )) as ExpiringGroup[];
  }

  private async deleteBatch(group: ExpiringGroup, sentBefore: Date): Promise<number> {
    const none = { ids: [] as string[], keys: [] as string[] };
    const deleted = await this.outbox.transaction(async (m, emit) => {
      // The hold is read again under the group's row lock: a hold placed since the list was read stops the deletion.
      const [held] = (await m.query(`SELECT legal_hold FROM known_groups WHERE id = $1 FOR SHARE`, [group.id])) as { legal_hold: boolean }[];
      if (!held || held.legal_hold) return none;
      const ids = (
        (await m.query(`SELECT id FROM messages WHERE group_id = $1 AND sent_at < $2 ORDER BY sent_at LIMIT $3 FOR UPDATE SKIP LOCKED`, [
          group.id,
          sentBefore,
          this.opts.batchSize,
        ])) as { id: string }[]
      ).map((r) => r.id);
      if (ids.length === 0) return none;
      const [files] = (await m.query(
        `WITH gone AS (DELETE FROM attachments WHERE message_id = ANY($1::uuid[]) RETURNING storage_key) SELECT array_agg(storage_key) AS keys FROM gone`,
        [ids],
      )) as [{ keys: string[] | null }];
      await m.query(`DELETE FROM poll_votes WHERE message_id = ANY($1::uuid[])`, [ids]);
      await m.query(`DELETE FROM polls WHERE message_id = ANY($1::uuid[])`, [ids]);
      await m.query(`DELETE FROM notifications WHERE message_id = ANY($1::uuid[])`, [ids]);
      await m.query(`DELETE FROM messages WHERE id = ANY($1::uuid[])`, [ids]);
      emit([
        createEvent('messaging.messages.expired', {
          key: group.id,
          orgId: group.org_id,
          payload: { groupId: group.id, messageIds: ids, sentBefore: sentBefore.toISOString() },
        }),
        auditEvent({
          orgId: group.org_id,
          action: 'retention.messages-deleted',
          actor: SYSTEM_ACTOR,
          target: { type: 'group', id: group.id, name: group.name },
          after: { sentBefore: sentBefore.toISOString(), keepDays: group.keep_days, files: files.keys?.length ?? 0 },
          count: ids.length,
        }),
      ]);
      return { ids, keys: files.keys ?? [] };
    });
    for (const key of deleted.keys) {
      await this.store.delete(key).catch((err: unknown) => this.logger.warn({ err, key }, 'an expired file could not be removed from storage'));
    }
    return deleted.ids.length;
  }
}
