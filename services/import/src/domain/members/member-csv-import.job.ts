import { createEvent, type EventEnvelope, type Outbox } from '@kz/events';
import type { DataSource, EntityManager } from 'typeorm';
import { FINAL_STATUSES, ImportJobEntity, type ImportStatus } from '../../entities/import-job.entity';
import type { GroupDirectory } from '../peers/group-directory';
import type { PeopleDirectory } from '../peers/people-directory';
import { PeerCallError } from '../peers/peer-call-error';
import type { ChunkStore } from './chunk-store';
import type { ImportAuthority } from './import-authority';
import type { MemberRow } from './member-row';

/** What a queued job holds: ids only; everything else is read again when it runs. */
export interface ChunkJobData {
  importId: string;
  chunk: number;
}

export type RowOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'FAILED';

export interface ChunkResult {
  outcomes: RowOutcome[];
  /** Why, for FAILED rows, by position in the chunk. */
  reasons: Map<number, string>;
}

const LOST_GRANT = 'The import can no longer act for the person who started it (its grant is unreadable: the subgraph secret changed); start it again.';

/** A failure no retry can mend (the uploader lost their rights, the organisation is gone): the import fails with it. */
export class ImportStoppedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportStoppedError';
  }
}

/**
 * One chunk of a member import: identity adds or updates the people, groups
 * adds them, and the chunk's counts and failed rows are recorded once. Every
 * step may run again after a crash: identity and groups remember their answer
 * per request key, and the chunk's row in import_chunks is written in the same
 * transaction as the counts, so a rerun finds it and stops.
 */
export class MemberCsvImportJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly chunks: ChunkStore,
    private readonly people: PeopleDirectory,
    private readonly groups: GroupDirectory,
    private readonly authority: ImportAuthority,
  ) {}

  async run({ importId, chunk }: ChunkJobData): Promise<void> {
    const job = await this.dataSource
      .getRepository(ImportJobEntity)
      .createQueryBuilder('j')
      .addSelect('j.actingGrant')
      .where('j.id = :importId', { importId })
      .getOne();
    if (!job || FINAL_STATUSES.includes(job.status) || job.status !== 'RUNNING') return;
    const done = (await this.dataSource.query(`SELECT 1 FROM import_chunks WHERE import_id = $1 AND chunk = $2`, [importId, chunk])) as unknown[];
    if (done.length > 0) return;
    if (!job.actingGrant) throw new ImportStoppedError(LOST_GRANT);
    const token = await this.authority.token(importId, job.actingGrant).catch((err: Error) => {
      if (err instanceof PeerCallError) throw err;
      throw new ImportStoppedError(LOST_GRANT);
    });
    const rows = await this.chunks.read(importId, chunk);
    const result = await this.apply(job, token, chunk, rows);
    if (await this.record(job, chunk, rows, result)) {
      // Its last chunk is done: the files are needed no more. One left behind by a failure here costs space, not a wrong count.
      await this.chunks.remove(importId).catch(() => undefined);
    }
  }

  private async apply(job: ImportJobEntity, token: string, chunk: number, rows: MemberRow[]): Promise<ChunkResult> {
    const requestKey = `${job.id}:${chunk}`;
    const { outcomes: directory, receipt } = await this.people.importDirectoryMembers(token, {
      orgId: job.orgId,
      members: rows.map((r) => ({ phone: r.phone, displayName: r.name, network: r.network, attributes: r.attributes })),
      updateExisting: job.existingUsers === 'UPDATE',
      dryRun: job.mode === 'DRY_RUN',
      requestKey,
    });
    const outcomes: RowOutcome[] = directory.map((o) => (o.status === 'INVALID' ? 'FAILED' : o.status));
    const reasons = new Map<number, string>();
    directory.forEach((o, i) => {
      if (o.status === 'INVALID') reasons.set(i, o.message ?? 'The directory refused this row.');
    });
    if (job.mode === 'DRY_RUN') return { outcomes, reasons };
    const toAdd = rows.map((_, i) => i).filter((i) => outcomes[i] !== 'FAILED');
    if (toAdd.length === 0) return { outcomes, reasons };
    for (const groupId of job.groupIds) {
      const added = await this.groups.addGroupMembers(
        token,
        groupId,
        toAdd.map((i) => ({ phone: rows[i]!.phone, role: rows[i]!.role })),
        requestKey,
        receipt,
      );
      added.forEach((o, k) => {
        const i = toAdd[k]!;
        if (o.status === 'INVALID' || o.status === 'NOT_ALLOWED') {
          outcomes[i] = 'FAILED';
          reasons.set(i, `In the directory, but not added to group ${groupId}: ${o.message ?? o.status}`);
        } else if ((o.status === 'ADDED' || o.status === 'PENDING') && outcomes[i] === 'UNCHANGED') {
          outcomes[i] = 'UPDATED';
        }
      });
    }
    return { outcomes, reasons };
  }

  /** Records a chunk's outcome once; answers whether it finished the import. */
  private async record(job: ImportJobEntity, chunk: number, rows: MemberRow[], result: ChunkResult): Promise<boolean> {
    const count = (outcome: RowOutcome) => result.outcomes.filter((o) => o === outcome).length;
    const counts = { created: count('CREATED'), updated: count('UPDATED'), unchanged: count('UNCHANGED'), failed: count('FAILED') };
    return this.outbox.transaction(async (m, emit) => {
      const inserted = (await m.query(
        `INSERT INTO import_chunks (import_id, chunk, rows_created, rows_updated, rows_unchanged, rows_failed)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING chunk`,
        [job.id, chunk, counts.created, counts.updated, counts.unchanged, counts.failed],
      )) as unknown[];
      if (inserted.length === 0) return false;
      const failed = [...result.reasons.entries()];
      if (failed.length > 0) {
        await m.query(
          `INSERT INTO import_row_errors (import_id, row_number, row_values, reason)
           SELECT $1, * FROM unnest($2::int[], $3::jsonb[], $4::text[]) ON CONFLICT DO NOTHING`,
          [job.id, failed.map(([i]) => rows[i]!.rowNumber), failed.map(([i]) => JSON.stringify(rows[i]!.values)), failed.map(([, reason]) => reason)],
        );
      }
      // Counts grow even if the import was cancelled meanwhile: they say what was applied.
      const [after] = (await m.query(
        `WITH counted AS (
           UPDATE import_jobs SET
             rows_processed = rows_processed + $2, rows_created = rows_created + $3, rows_updated = rows_updated + $4,
             rows_unchanged = rows_unchanged + $5, rows_failed = rows_failed + $6, chunks_done = chunks_done + 1
           WHERE id = $1 RETURNING status, chunks_done, chunk_count, rows_failed)
         SELECT * FROM counted`,
        [job.id, rows.length, counts.created, counts.updated, counts.unchanged, counts.failed],
      )) as { status: ImportStatus; chunks_done: number; chunk_count: number; rows_failed: number }[];
      if (!after) return false;
      const finished =
        after.status === 'RUNNING' &&
        after.chunks_done === after.chunk_count &&
        (await finishImport(m, job.id, after.rows_failed > 0 ? 'COMPLETED_WITH_ERRORS' : 'COMPLETED', null));
      emit(await progressEvent(m, job.id));
      return finished;
    });
  }
}

/** Ends an import that is still going; its grant is forgotten with it (and identity ends it on the event). False when it had already ended. */
export async function finishImport(m: EntityManager, importId: string, status: ImportStatus, reason: string | null): Promise<boolean> {
  const ended = (await m.query(
    `WITH ended AS (
       UPDATE import_jobs SET status = $2, failure_reason = $3, finished_at = now(), acting_grant = NULL
       WHERE id = $1 AND status <> ALL($4) RETURNING id)
     SELECT id FROM ended`,
    [importId, status, reason, FINAL_STATUSES],
  )) as unknown[];
  return ended.length > 0;
}

/** The import's state as subscribers hear it. */
export async function progressEvent(m: EntityManager, importId: string): Promise<EventEnvelope> {
  const job = await m.getRepository(ImportJobEntity).findOneByOrFail({ id: importId });
  return createEvent('import.job.progress', {
    key: job.id,
    orgId: job.orgId,
    payload: {
      importId: job.id,
      orgId: job.orgId,
      startedBy: job.startedBy,
      status: job.status,
      total: job.rowsTotal,
      processed: job.rowsProcessed,
      failed: job.rowsFailed,
    },
  });
}
