import { notFound } from '@kz/errors';
import { isUuid, pageFrom, uuidv7, type Page } from '@kz/db';
import { In, type DataSource } from 'typeorm';
import { ImportJobEntity } from '../entities/import-job.entity';
import { importsCursorKey, importsPageLimit, parseImportsCursor } from './import-jobs-page';

/** created_at with microseconds, as the keyset cursor carries it. */
const CURSOR_AT = `to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Import jobs and who may see them. For now a job is visible to the person
 * who started it only; organisation admins join once this service knows
 * organisation roles.
 */
export class ImportJobsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records a new upload, QUEUED with zero counts. Whether `startedBy` may
   * import into `orgId` is decided before this is called.
   */
  async create(orgId: string, startedBy: string): Promise<ImportJobEntity> {
    if (!isUuid(orgId)) throw notFound('Organisation');
    const repo = this.dataSource.getRepository(ImportJobEntity);
    const id = uuidv7();
    await repo.insert({ id, orgId, startedBy, status: 'QUEUED' });
    return repo.findOneByOrFail({ id });
  }

  /** The jobs among `ids` that `userId` may see; unknown and foreign ids are simply absent. */
  async visibleByIds(userId: string, ids: readonly string[]): Promise<ImportJobEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return this.dataSource.getRepository(ImportJobEntity).findBy({ id: In(valid), startedBy: userId });
  }

  async getVisible(userId: string, id: string): Promise<ImportJobEntity> {
    const [job] = await this.visibleByIds(userId, [id]);
    if (!job) throw notFound('Import job');
    return job;
  }

  /** An organisation's upload history as `userId` may see it, newest first. */
  async pageForOrganization(
    userId: string,
    orgId: string,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<ImportJobEntity>> {
    const limit = importsPageLimit(first);
    const cursor = after ? parseImportsCursor(after) : null;
    if (!isUuid(orgId)) return pageFrom([], limit, () => [], Boolean(after));
    const query = this.dataSource
      .getRepository(ImportJobEntity)
      .createQueryBuilder('j')
      .addSelect(CURSOR_AT, 'cursor_at')
      .where('j.org_id = :orgId', { orgId })
      .andWhere('j.started_by = :userId', { userId })
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
