import type { DataSource } from 'typeorm';
import type { Logger } from '@kz/server';
import type { ChatFileStore } from '../domain/chat-export/chat-file';
import type { ExportsService } from '../domain/exports/exports.service';
import type { OrganizationExportQueue } from './export-queue';

/**
 * Every `intervalMs`, in each worker process: deletes the export archives and
 * uploaded chat exports kept past their time, and queues again the exports
 * still going that the job queue lost (Redis restarted without persistence,
 * failed over, was flushed): PostgreSQL is the record of an export, Redis
 * only its place in the queue.
 */
export class StorageSweep {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly exports: ExportsService,
    private readonly queue: OrganizationExportQueue,
    private readonly chatFiles: ChatFileStore,
    private readonly chatKeepMs: number,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweepOnce(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  sweepOnce(): Promise<void> {
    this.running ??= this.sweep().finally(() => (this.running = null));
    return this.running;
  }

  private async sweep(): Promise<void> {
    try {
      const expired = await this.exports.expire();
      if (expired.length > 0) this.logger.info({ exports: expired }, 'expired export archives deleted');
      const chats = await this.chatFiles.removeOlderThan(Date.now() - this.chatKeepMs);
      if (chats.length > 0) this.logger.info({ imports: chats }, 'chat exports kept past their time deleted');
      // An export queued just now may not be in the queue yet: its start adds it after the row commits.
      const going = (await this.dataSource.query(
        `SELECT id FROM export_jobs WHERE status IN ('QUEUED', 'RUNNING') AND created_at < now() - interval '10 seconds'`,
      )) as { id: string }[];
      const lost = await this.queue.requeueLost(going.map((e) => e.id));
      if (lost.length > 0) this.logger.warn({ exports: lost }, 'queued again exports the job queue had lost');
    } catch (err) {
      this.logger.warn({ err }, 'storage sweep failed; it runs again at its next interval');
    }
  }
}
