import type { Readable } from 'node:stream';
import { requireUser, type Caller } from '@kz/auth';
import { badInput, DomainError, notFound } from '@kz/errors';
import { auditActor, auditEvent, type Outbox } from '@kz/events';
import { isUuid, uuidv7 } from '@kz/db';
import { isCountryCode } from '@kz/phone';
import type { DataSource } from 'typeorm';
import { ImportJobEntity, type ExistingUsers, type ImportMode } from '../../entities/import-job.entity';
import type { GroupDirectory } from '../peers/group-directory';
import { asOwnError } from '../peers/peer-call-error';
import type { PeopleDirectory } from '../peers/people-directory';
import type { ChunkQueue } from './chunk-queue';
import type { ChunkStore } from './chunk-store';
import type { ImportAuthority } from './import-authority';
import { intakeMemberFile, type IntakeResult, type RowError } from './member-file-intake';
import { finishImport, progressEvent } from './member-csv-import.job';
import { templateColumns, templateCsv, type TemplateColumn } from './template';

export interface StartImportInput {
  orgId: string;
  groupIds: readonly string[];
  mode: ImportMode;
  defaultCountry: string;
  existingUsers: ExistingUsers;
}

export interface ImportLimits {
  maxUploadBytes: number;
  chunkRows: number;
}

export const MAX_TARGET_GROUPS = 20;

/**
 * Member imports from start to upload: who may start one (an organisation's
 * admins, into groups they manage), the file's intake into checked chunks,
 * queueing, cancelling. Workers do the rest (member-csv-import.job.ts).
 */
export class MemberImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly people: PeopleDirectory,
    private readonly groups: GroupDirectory,
    private readonly authority: ImportAuthority,
    private readonly chunks: ChunkStore,
    private readonly queue: ChunkQueue,
    private readonly limits: ImportLimits,
  ) {}

  /** The organisation's template: its columns, and the CSV file with their header row. Admins only. */
  async template(caller: Caller, bearer: string | null, orgId: string): Promise<{ columns: TemplateColumn[]; csv: string }> {
    const { attributes } = await this.requireOrgAdmin(caller, bearer, orgId);
    return { columns: templateColumns(attributes), csv: templateCsv(attributes) };
  }

  async start(caller: Caller, bearer: string | null, input: StartImportInput): Promise<ImportJobEntity> {
    const userId = requireUser(caller).userId;
    const country = input.defaultCountry.trim().toUpperCase();
    if (!isCountryCode(country)) throw badInput('defaultCountry', `"${input.defaultCountry}" is not a two-letter ISO country code such as US or IN.`);
    const groupIds = [...new Set(input.groupIds)];
    if (groupIds.length > MAX_TARGET_GROUPS) throw badInput('groupIds', `An import can add people to at most ${MAX_TARGET_GROUPS} groups.`);
    await this.requireOrgAdmin(caller, bearer, input.orgId);
    for (const groupId of groupIds) {
      const group = isUuid(groupId) ? await asOwnError(() => this.groups.group(bearer!, groupId)) : null;
      if (!group) throw new DomainError('NOT_FOUND', `Group ${groupId} was not found.`, 'groupIds');
      if (group.myRole !== 'OWNER' && group.myRole !== 'ADMIN') {
        throw new DomainError('FORBIDDEN', `Only the owner and admins of group ${groupId} can import members into it.`, 'groupIds');
      }
      if (group.orgId !== input.orgId) {
        throw badInput('groupIds', `Group ${groupId} is not one of this organisation's groups; an import adds people to its organisation's groups only.`);
      }
    }
    const id = uuidv7();
    const actingGrant = await asOwnError(() => this.authority.grant(bearer!, input.orgId, id));
    await this.outbox.transaction(async (m, emit) => {
      await m.getRepository(ImportJobEntity).insert({
        id,
        orgId: input.orgId,
        startedBy: userId,
        status: 'QUEUED',
        mode: input.mode,
        existingUsers: input.existingUsers,
        defaultCountry: country,
        groupIds,
        actingGrant,
      });
      emit([
        await progressEvent(m, id),
        auditEvent({
          orgId: input.orgId,
          action: 'import.started',
          actor: auditActor(caller),
          target: { type: 'import', id },
          after: { mode: input.mode, existingUsers: input.existingUsers, defaultCountry: country, groupIds },
        }),
      ]);
    });
    return this.dataSource.getRepository(ImportJobEntity).findOneByOrFail({ id });
  }

  /** An import the caller started, to upload its file; anyone else's is NOT_FOUND. */
  async uploaderJob(caller: Caller, importId: string): Promise<ImportJobEntity> {
    const userId = requireUser(caller).userId;
    const job = isUuid(importId) ? await this.dataSource.getRepository(ImportJobEntity).findOneBy({ id: importId, startedBy: userId }) : null;
    if (!job) throw notFound('Import');
    return job;
  }

  /**
   * The upload: the file is checked and cut into chunks as it streams in,
   * then the chunks are queued. A file that cannot be read at all fails the
   * import at once with the reason, which is also the answer.
   */
  async receiveFile(caller: Caller, bearer: string | null, job: ImportJobEntity, fileName: string | null, body: Readable): Promise<ImportJobEntity> {
    const importId = job.id;
    const claimed = (await this.dataSource.query(
      `WITH claimed AS (UPDATE import_jobs SET status = 'VALIDATING', file_name = $2 WHERE id = $1 AND status = 'QUEUED' AND file_bytes IS NULL RETURNING id)
       SELECT id FROM claimed`,
      [importId, fileName?.slice(0, 255) ?? null],
    )) as unknown[];
    if (claimed.length === 0) throw new DomainError('CONFLICT', 'This import already has its file (or has ended); start a new import to upload another.');
    await this.publishProgress(importId);
    const attributes = await this.attributesFor(job, bearer);
    let result: IntakeResult;
    let header: string[] = [];
    try {
      const writer = await this.chunks.writer(importId);
      result = await intakeMemberFile(body, {
        maxBytes: this.limits.maxUploadBytes,
        region: job.defaultCountry,
        attributeNames: attributes,
        chunkRows: this.limits.chunkRows,
        chunks: writer,
        onHeader: (columns) => {
          header = columns;
        },
        onErrors: (errors) => this.storeRowErrors(importId, errors),
      });
    } catch (err) {
      if (err instanceof DomainError) {
        await this.fail(importId, err.message);
        await this.chunks.remove(importId);
        throw err;
      }
      await this.fail(importId, 'The upload broke off before the whole file arrived; start a new import and upload it again.');
      await this.chunks.remove(importId);
      throw err;
    }
    await this.outbox.transaction(async (m, emit) => {
      await m.query(
        `UPDATE import_jobs SET status = 'RUNNING', file_header = $2, file_bytes = $3, rows_total = $4, rows_failed = $5, rows_processed = $5,
           chunk_count = $6, processing_started_at = now() WHERE id = $1 AND status = 'VALIDATING'`,
        [importId, header, result.bytes, result.total, result.failed, result.chunks],
      );
      if (result.chunks === 0) await finishImport(m, importId, 'COMPLETED_WITH_ERRORS', null);
      emit(await progressEvent(m, importId));
    });
    if (result.chunks > 0) {
      try {
        await this.queue.enqueueChunks(importId, result.chunks);
      } catch (err) {
        await this.fail(importId, 'The job queue could not take the import; upload the file again in a new import.');
        throw new DomainError('UNAVAILABLE', `The job queue is unavailable (${(err as Error).message}); try again shortly.`);
      }
    }
    return this.dataSource.getRepository(ImportJobEntity).findOneByOrFail({ id: importId });
  }

  /** Stops an import at its next chunk; what was applied stays applied and counted. */
  async cancel(caller: Caller, importId: string): Promise<ImportJobEntity> {
    const userId = requireUser(caller).userId;
    const job = isUuid(importId) ? await this.dataSource.getRepository(ImportJobEntity).findOneBy({ id: importId, startedBy: userId }) : null;
    if (!job) throw notFound('Import');
    const cancelled = await this.outbox.transaction(async (m, emit) => {
      const ended = await finishImport(m, importId, 'CANCELLED', null);
      if (ended) {
        emit([
          await progressEvent(m, importId),
          auditEvent({
            orgId: job.orgId,
            action: 'import.cancelled',
            actor: auditActor(caller),
            target: { type: 'import', id: importId, name: job.fileName },
            before: { status: job.status },
          }),
        ]);
      }
      return ended;
    });
    const now = await this.dataSource.getRepository(ImportJobEntity).findOneByOrFail({ id: importId });
    // One that ended since it was read above is told as it ended.
    if (!cancelled) throw new DomainError('CONFLICT', `This import has already ended (${now.status}).`);
    await this.forgetChunks(importId);
    return now;
  }

  /** Marks an import failed with a reason a person can act on; no-op when it had ended already. */
  async fail(importId: string, reason: string): Promise<void> {
    const failed = await this.outbox.transaction(async (m, emit) => {
      const ended = await finishImport(m, importId, 'FAILED', reason);
      if (ended) emit(await progressEvent(m, importId));
      return ended;
    });
    if (failed) await this.forgetChunks(importId);
  }

  /**
   * An import that ended before its last chunk leaves chunk files no job will read (a chunk job already running
   * finds the import ended, or its file gone, and stops). One left behind by a failure here costs space, not a count.
   */
  private async forgetChunks(importId: string): Promise<void> {
    await this.chunks.remove(importId).catch(() => undefined);
  }

  private async publishProgress(importId: string): Promise<void> {
    await this.outbox.transaction(async (m, emit) => emit(await progressEvent(m, importId)));
  }

  private async storeRowErrors(importId: string, errors: RowError[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO import_row_errors (import_id, row_number, row_values, reason)
       SELECT $1, * FROM unnest($2::int[], $3::jsonb[], $4::text[]) ON CONFLICT DO NOTHING`,
      [importId, errors.map((e) => e.rowNumber), errors.map((e) => JSON.stringify(e.values)), errors.map((e) => e.reason)],
    );
  }

  /** The organisation's attribute names, as the uploader reads them now. */
  private async attributesFor(job: ImportJobEntity, bearer: string | null): Promise<string[]> {
    const org = await asOwnError(() => this.people.organization(bearer ?? '', job.orgId)).catch(async (err: Error) => {
      await this.fail(job.id, `The organisation could not be read: ${err.message}`);
      throw err;
    });
    if (!org?.isAdmin) {
      await this.fail(job.id, 'The uploader is no longer an admin of the organisation.');
      throw new DomainError('FORBIDDEN', "Only the organisation's admins can import members.");
    }
    return org.attributes.map((a) => a.name);
  }

  private async requireOrgAdmin(caller: Caller, bearer: string | null, orgId: string) {
    requireUser(caller);
    const org = isUuid(orgId) ? await asOwnError(() => this.people.organization(bearer!, orgId)) : null;
    if (!org) throw notFound('Organisation');
    if (!org.isAdmin) throw new DomainError('FORBIDDEN', "Only the organisation's admins can import members.");
    return org;
  }
}
