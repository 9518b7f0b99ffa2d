import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { requireUser, type Caller } from '@kz/auth';
import { badInput, DomainError, notFound } from '@kz/errors';
import { auditActor, auditEvent, type Outbox } from '@kz/events';
import { decodeIdCursor, isUuid, pageFrom, pageSize, uuidv7, type Page } from '@kz/db';
import { In, type DataSource } from 'typeorm';
import { ExportJobEntity } from '../../entities/export-job.entity';
import { viewerOf, type Viewer } from '../import-jobs.service';
import type { ExportStore } from './export-store';
import { exportProgressEvent, finishExport } from './organization-export.job';

export interface StartExportInput {
  orgId: string;
  from: Date | null;
  to: Date | null;
}

/** Where exports are queued: one job per export, which any worker process may take over. */
export interface ExportQueue {
  enqueue(exportId: string): Promise<void>;
}

/** An archive ready to be downloaded. */
export interface ExportArchive {
  job: ExportJobEntity;
  bytes: number;
  /** The archive's bytes from `start` (a resumed download) to the end. */
  open: (start: number) => Readable;
}

const EXPORTS_PAGE_MAX = 100;

/**
 * Exports of an organisation's data and who may see them: its admins only,
 * since an archive holds every message and phone number of the organisation
 * (asked of identity with the viewer's own token, each time).
 */
export class ExportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly store: ExportStore,
    private readonly queue: ExportQueue,
    private readonly isOrgAdmin: (bearer: string, orgId: string) => Promise<boolean>,
  ) {}

  async start(caller: Caller, bearer: string | null, input: StartExportInput): Promise<ExportJobEntity> {
    const userId = requireUser(caller).userId;
    await this.requireOrgAdmin(bearer, input.orgId);
    const now = new Date();
    // An export holds the messages sent until it starts at the latest: a later end (the end of today, say) is now.
    const to = input.to && input.to < now ? input.to : now;
    if (input.from && input.from >= to) throw badInput('from', 'from must be before to (or before now, when to is left out or later).');
    const id = uuidv7();
    await this.outbox.transaction(async (m, emit) => {
      // One export at a time per organisation: two would only compete for the same services.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('export:' || $1))`, [input.orgId]);
      const [running] = (await m.query(`SELECT id FROM export_jobs WHERE org_id = $1 AND status IN ('QUEUED', 'RUNNING') LIMIT 1`, [input.orgId])) as {
        id: string;
      }[];
      if (running) throw new DomainError('CONFLICT', `An export of this organisation is already running (${running.id}); wait for it or cancel it first.`);
      await m.getRepository(ExportJobEntity).insert({ id, orgId: input.orgId, startedBy: userId, status: 'QUEUED', rangeFrom: input.from, rangeTo: to });
      emit([
        await exportProgressEvent(m, id),
        auditEvent({
          orgId: input.orgId,
          action: 'export.started',
          actor: auditActor(caller),
          target: { type: 'export', id },
          after: { from: input.from?.toISOString() ?? null, to: to.toISOString() },
        }),
      ]);
    });
    await this.queue.enqueue(id);
    return this.dataSource.getRepository(ExportJobEntity).findOneByOrFail({ id });
  }

  async cancel(caller: Caller, bearer: string | null, exportId: string): Promise<ExportJobEntity> {
    const job = await this.getVisible(viewerOf(caller, bearer), exportId);
    const cancelled = await this.outbox.transaction(async (m, emit) => {
      const ended = await finishExport(m, exportId, 'CANCELLED', null);
      if (ended) {
        emit([
          await exportProgressEvent(m, exportId),
          auditEvent({
            orgId: job.orgId,
            action: 'export.cancelled',
            actor: auditActor(caller),
            target: { type: 'export', id: exportId },
            before: { status: job.status },
          }),
        ]);
      }
      return ended;
    });
    // A worker still writing it stops at its next page, and removes nothing of another export.
    if (cancelled) await this.store.remove(exportId);
    const now = await this.dataSource.getRepository(ExportJobEntity).findOneByOrFail({ id: exportId });
    // One that ended since it was read above is told as it ended.
    if (!cancelled) throw new DomainError('CONFLICT', `This export has already ended (${now.status}).`);
    return now;
  }

  /** The exports among `ids` the viewer may see: those of organisations they administer. */
  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<ExportJobEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0 || !viewer.bearer) return [];
    const rows = await this.dataSource.getRepository(ExportJobEntity).findBy({ id: In(valid) });
    const adminOf = new Map<string, Promise<boolean>>();
    const visible: ExportJobEntity[] = [];
    for (const job of rows) {
      if (!adminOf.has(job.orgId)) adminOf.set(job.orgId, this.isOrgAdmin(viewer.bearer, job.orgId));
      if (await adminOf.get(job.orgId)) visible.push(job);
    }
    return visible;
  }

  async getVisible(viewer: Viewer, id: string): Promise<ExportJobEntity> {
    const [job] = await this.visibleByIds(viewer, [id]);
    if (!job) throw notFound('Export');
    return job;
  }

  /** An organisation's exports, newest first; its admins only. */
  async pageForOrganization(viewer: Viewer, orgId: string, first: number | null | undefined, after: string | null | undefined): Promise<Page<ExportJobEntity>> {
    const limit = pageSize(first, 20, EXPORTS_PAGE_MAX);
    if (limit === null) throw badInput('first', `first must be between 1 and ${EXPORTS_PAGE_MAX}.`);
    const afterId = after ? decodeIdCursor(after) : null;
    await this.requireOrgAdmin(viewer.bearer, orgId);
    const rows = (await this.dataSource
      .getRepository(ExportJobEntity)
      .createQueryBuilder('e')
      .where('e.org_id = :orgId', { orgId })
      .andWhere(afterId ? 'e.id < :afterId' : 'TRUE', { afterId })
      .orderBy('e.id', 'DESC')
      .limit(limit + 1)
      .getMany()) as ExportJobEntity[];
    return pageFrom(rows, limit, (job) => [job.id], Boolean(after));
  }

  /** A COMPLETED export's archive, for an admin of its organisation; each download (not a HEAD request) is in the audit log. */
  async archive(caller: Caller, bearer: string | null, exportId: string, download = true): Promise<ExportArchive> {
    const job = await this.getVisible(viewerOf(caller, bearer), exportId);
    if (job.status === 'EXPIRED') throw new DomainError('NOT_FOUND', 'This export has expired and its archive was deleted; start a new export.');
    if (job.status !== 'COMPLETED') throw new DomainError('CONFLICT', `This export's archive is not ready: the export is ${job.status}.`);
    const bytes = await this.store.archiveSize(exportId);
    if (bytes === null) throw new DomainError('NOT_FOUND', "This export's archive is no longer stored; start a new export.");
    if (download) {
      await this.outbox.transaction(async (_m, emit) => {
        emit([auditEvent({ orgId: job.orgId, action: 'export.downloaded', actor: auditActor(caller), target: { type: 'export', id: exportId } })]);
      });
    }
    const path = this.store.archivePath(exportId);
    return { job, bytes, open: (start) => createReadStream(path, { start }) };
  }

  /** Deletes the archives kept past their time; answers the exports expired. */
  async expire(now = new Date()): Promise<string[]> {
    const expired = await this.outbox.transaction(async (m, emit) => {
      const rows = (await m.query(
        `WITH expired AS (
           UPDATE export_jobs SET status = 'EXPIRED' WHERE id IN (
             SELECT id FROM export_jobs WHERE status = 'COMPLETED' AND expires_at <= $1 ORDER BY expires_at LIMIT 100 FOR UPDATE SKIP LOCKED)
           RETURNING id)
         SELECT id FROM expired`,
        [now],
      )) as { id: string }[];
      for (const { id } of rows) emit([await exportProgressEvent(m, id)]);
      return rows.map((r) => r.id);
    });
    for (const id of expired) await this.store.remove(id);
    return expired;
  }

  private async requireOrgAdmin(bearer: string | null, orgId: string): Promise<void> {
    if (!isUuid(orgId) || !bearer || !(await this.isOrgAdmin(bearer, orgId))) {
      throw new DomainError('FORBIDDEN', "Only the organisation's admins can export its data and see its exports.", 'organizationId');
    }
  }
}
