import { requireUser, type Caller } from '@kz/auth';
import { notFound } from '@kz/errors';
import { isUuid, pageFrom, type Page } from '@kz/db';
import { In, type DataSource } from 'typeorm';
import { ImportJobEntity } from '../entities/import-job.entity';
import { errorReportHeader, errorReportLine } from './members/error-report';
import { importsCursorKey, importsPageLimit, parseImportsCursor } from './import-jobs-page';

/** created_at with microseconds, as the keyset cursor carries it. */
const CURSOR_AT = `to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Who is asking: the signed-in user, and their token to ask identity about their organisations. */
export interface Viewer {
  userId: string;
  bearer: string | null;
}

export const viewerOf = (caller: Caller, bearer: string | null): Viewer => ({ userId: requireUser(caller).userId, bearer });

/**
 * Import jobs and who may see them: the person who started one, and the
 * admins of its organisation (asked of identity with the viewer's own token).
 */
export class ImportJobsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly isOrgAdmin: (bearer: string, orgId: string) => Promise<boolean>,
  ) {}

  /** The jobs among `ids` that the viewer may see; unknown and foreign ids are simply absent. */
  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<ImportJobEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const rows = await this.dataSource.getRepository(ImportJobEntity).findBy({ id: In(valid) });
    const adminOf = new Map<string, Promise<boolean>>();
    const visible: ImportJobEntity[] = [];
    for (const job of rows) {
      if (job.startedBy === viewer.userId) {
        visible.push(job);
        continue;
      }
      if (!viewer.bearer) continue;
      if (!adminOf.has(job.orgId)) adminOf.set(job.orgId, this.isOrgAdmin(viewer.bearer, job.orgId));
      if (await adminOf.get(job.orgId)) visible.push(job);
    }
    return visible;
  }

  /** The failed rows of an import as CSV text, streamed in pages: memory stays flat for a million failures. */
  async errorReport(viewer: Viewer, id: string): Promise<AsyncGenerator<string>> {
    const job = await this.getVisible(viewer, id);
    const header = job.fileHeader ?? [];
    const dataSource = this.dataSource;
    return (async function* () {
      yield errorReportHeader(header);
      let after = 0;
      for (;;) {
        const rows = (await dataSource.query(
          `SELECT row_number, row_values, reason FROM import_row_errors WHERE import_id = $1 AND row_number > $2 ORDER BY row_number LIMIT 5000`,
          [job.id, after],
        )) as { row_number: number; row_values: string[]; reason: string }[];
        if (rows.length === 0) return;
        yield rows.map((r) => errorReportLine(r.row_number, r.row_values, header.length, r.reason)).join('');
        after = rows[rows.length - 1]!.row_number;
      }
    })();
  }

  async getVisible(viewer: Viewer, id: string): Promise<ImportJobEntity> {
    const [job] = await this.visibleByIds(viewer, [id]);
    if (!job) throw notFound('Import job');
    return job;
  }

  /** An organisation's upload history, newest first: all of it for its admins, their own uploads for others. */
  async pageForOrganization(viewer: Viewer, orgId: string, first: number | null | undefined, after: string | null | undefined): Promise<Page<ImportJobEntity>> {
    const limit = importsPageLimit(first);
    const cursor = after ? parseImportsCursor(after) : null;
    if (!isUuid(orgId)) return pageFrom([], limit, () => [], Boolean(after));
    const query = this.dataSource
      .getRepository(ImportJobEntity)
      .createQueryBuilder('j')
      .addSelect(CURSOR_AT, 'cursor_at')
      .where('j.org_id = :orgId', { orgId })
      .andWhere(`(j.started_by = :userId OR :everyone)`, {
        userId: viewer.userId,
        everyone: viewer.bearer ? await this.isOrgAdmin(viewer.bearer, orgId) : false,
      })
      .orderBy('j.created_at', 'DESC')
      .addOrderBy('j.id', 'DESC')
      .limit(limit + 1);
    if (cursor) {
      query.andWhere('(j.created_at, j.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))', {
        afterAt: cursor.createdAt,
        afterId: cursor.id,
      });
    }
    const { entities, raw } = await query.getRawAndEntities<{ j_id: string; cursor_at: string }>();
    const cursorAt = new Map(raw.map((r) => [r.j_id, r.cursor_at]));
    return pageFrom(entities, limit, (job) => importsCursorKey({ createdAt: cursorAt.get(job.id) ?? '', id: job.id }), Boolean(after));
  }
}
