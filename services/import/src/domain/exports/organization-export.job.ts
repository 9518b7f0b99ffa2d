import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createEvent, FINAL_EXPORT_STATUSES, type EventEnvelope, type ExportStatus, type Outbox } from '@kz/events';
import type { DataSource, EntityManager } from 'typeorm';
import { ExportJobEntity, ExportPartEntity } from '../../entities/export-job.entity';
import { PeerCallError } from '../peers/peer-call-error';
import type { ArchiveFile } from './export-archive';
import { writeArchive } from './export-archive';
import { ATTACHMENTS_KIND, EXPORT_KINDS, type ExportKind } from './export-kinds';
import type { ExportSourcePage, ExportSources, ExportWindow } from './export-sources';
import type { ExportStore } from './export-store';

export interface ExportJobData {
  exportId: string;
}

export interface ExportSettings {
  /** Records per page read from a service. */
  pageRecords: number;
  /** Attachments per page: each page's files are fetched before its checkpoint. */
  attachmentPageRecords: number;
  /** How long a finished archive is kept. */
  keepSeconds: number;
}

/** An attachment's line in attachments.jsonl: messaging's record, with where its bytes are in the archive. */
interface AttachmentLine {
  id: string;
  filename: string;
  size: number;
  path: string | null;
  sha256: string | null;
}

const PROGRESS_EVERY_MS = 1_000;
const FETCH_TRIES = 4;
const ATTACHMENT_DOWNLOADS_AT_ONCE = 4;

/** The export's state as subscribers hear it. */
export async function exportProgressEvent(m: EntityManager, exportId: string): Promise<EventEnvelope> {
  const job = await m.getRepository(ExportJobEntity).findOneByOrFail({ id: exportId });
  return createEvent('export.job.progress', {
    key: job.id,
    orgId: job.orgId,
    payload: { exportId: job.id, orgId: job.orgId, startedBy: job.startedBy, status: job.status, total: job.recordsTotal, written: job.recordsWritten },
  });
}

/** Ends an export that is still going. False when it had already ended. */
export async function finishExport(m: EntityManager, exportId: string, status: 'FAILED' | 'CANCELLED', reason: string | null): Promise<boolean> {
  const ended = (await m.query(
    `WITH ended AS (UPDATE export_jobs SET status = $2, failure_reason = $3, finished_at = now() WHERE id = $1 AND status <> ALL($4) RETURNING id)
     SELECT id FROM ended`,
    [exportId, status, reason, FINAL_EXPORT_STATUSES],
  )) as unknown[];
  return ended.length > 0;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A service call, tried again with backoff while the failure may pass (the service restarting, say). */
async function patiently<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof PeerCallError) || !err.retryable || attempt >= FETCH_TRIES) throw err;
      await pause(500 * 2 ** attempt);
    }
  }
}

/**
 * One export, run by a queue worker: each kind of record is read page by
 * page from the service that owns it into its own file, with a checkpoint
 * after every page (so a worker that takes over a stopped export goes on
 * from there), the attachments' bytes fetched alongside; then everything is
 * packed into one .tar.gz with a manifest of counts and SHA-256 checksums.
 */
export class OrganizationExportJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly sources: ExportSources,
    private readonly store: ExportStore,
    private readonly settings: ExportSettings,
  ) {}

  async run({ exportId }: ExportJobData): Promise<void> {
    const job = await this.dataSource.getRepository(ExportJobEntity).findOneBy({ id: exportId });
    if (!job || FINAL_EXPORT_STATUSES.includes(job.status)) return;
    const started = await this.outbox.transaction(async (m, emit) => {
      const claimed = (await m.query(
        `WITH claimed AS (UPDATE export_jobs SET status = 'RUNNING', started_at = coalesce(started_at, now()) WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING id)
         SELECT id FROM claimed`,
        [exportId],
      )) as unknown[];
      if (claimed.length > 0 && job.status === 'QUEUED') emit([await exportProgressEvent(m, exportId)]);
      return claimed.length > 0;
    });
    if (!started) return;
    const window: ExportWindow = { orgId: job.orgId, from: job.rangeFrom, to: job.rangeTo };
    const parts = await this.partsOf(exportId, window);
    for (const kind of EXPORT_KINDS) {
      if (!(await this.writePart(job, window, kind, parts.get(kind.kind)!))) return this.removeIfEnded(exportId);
    }
    await this.pack(job);
  }

  /** Stops an export that cannot go on, with the reason; its files go. */
  async fail(exportId: string, reason: string): Promise<void> {
    await this.outbox.transaction(async (m, emit) => {
      if (await finishExport(m, exportId, 'FAILED', reason)) emit([await exportProgressEvent(m, exportId)]);
    });
    await this.store.remove(exportId);
  }

  /** A worker that found its export cancelled or failed leaves none of its files behind. */
  private async removeIfEnded(exportId: string): Promise<void> {
    const job = await this.dataSource.getRepository(ExportJobEntity).findOneBy({ id: exportId });
    if (!job || job.status === 'CANCELLED' || job.status === 'FAILED') await this.store.remove(exportId);
  }

  /** The parts of an export, counted by their services on its first run. */
  private async partsOf(exportId: string, window: ExportWindow): Promise<Map<string, ExportPartEntity>> {
    const repo = this.dataSource.getRepository(ExportPartEntity);
    let parts = await repo.findBy({ exportId });
    if (parts.length < EXPORT_KINDS.length) {
      const totals = await Promise.all(EXPORT_KINDS.map((k) => patiently(() => this.sources.count(k.service, k.kind, window))));
      await this.dataSource.transaction(async (m) => {
        await m.query(`INSERT INTO export_parts (export_id, kind, records_total) SELECT $1, * FROM unnest($2::text[], $3::bigint[]) ON CONFLICT DO NOTHING`, [
          exportId,
          EXPORT_KINDS.map((k) => k.kind),
          totals,
        ]);
        await m.query(`UPDATE export_jobs SET records_total = (SELECT sum(records_total) FROM export_parts WHERE export_id = $1) WHERE id = $1`, [exportId]);
      });
      parts = await repo.findBy({ exportId });
    }
    return new Map(parts.map((p) => [p.kind, p]));
  }

  /** Writes a kind's pages into its file from its checkpoint on. False when the export stopped meanwhile (cancelled, or taken over). */
  private async writePart(job: ExportJobEntity, window: ExportWindow, kind: ExportKind, part: ExportPartEntity): Promise<boolean> {
    if (part.done) return true;
    let handle = await this.store.openPart(job.id, kind.kind, part.bytesWritten);
    if (!handle) {
      // The file was lost (another machine, a cleared disk): this kind is written again from its start.
      await this.dataSource.query(`UPDATE export_parts SET next_cursor = NULL, records_written = 0, bytes_written = 0 WHERE export_id = $1 AND kind = $2`, [
        job.id,
        kind.kind,
      ]);
      Object.assign(part, { nextCursor: null, recordsWritten: 0, bytesWritten: 0 });
      handle = (await this.store.openPart(job.id, kind.kind, 0))!;
    }
    const limit = kind.kind === ATTACHMENTS_KIND ? this.settings.attachmentPageRecords : this.settings.pageRecords;
    const fetchPage = (after: string | null) => patiently(() => this.sources.page(kind.service, kind.kind, window, after, limit));
    let lastProgress = 0;
    let pending: Promise<ExportSourcePage> | null = fetchPage(part.nextCursor);
    try {
      while (pending) {
        const page: ExportSourcePage = await pending;
        // The next page is read while this one is written.
        pending = page.next === null ? null : fetchPage(page.next);
        const lines = kind.kind === ATTACHMENTS_KIND ? await this.fetchAttachments(job, page.lines) : page.lines;
        await writeAt(handle, lines, part.bytesWritten);
        const now = Date.now();
        const announce = page.next === null || now - lastProgress >= PROGRESS_EVERY_MS;
        const status = await this.checkpoint(job.id, part, { nextCursor: page.next, records: page.records, bytes: lines.length, announce });
        if (status !== 'RUNNING') return false;
        // Measured from the last event told, so a run of fast pages still tells one a second.
        if (announce) lastProgress = now;
      }
      return true;
    } finally {
      pending?.catch(() => undefined);
      await handle.close();
    }
  }

  /**
   * Records a written page, unless another worker has written past this one's
   * checkpoint (it took the export over): then answers null and this worker stops.
   */
  private async checkpoint(
    exportId: string,
    part: ExportPartEntity,
    page: { nextCursor: string | null; records: number; bytes: number; announce: boolean },
  ): Promise<ExportStatus | null> {
    return this.outbox.transaction(async (m, emit) => {
      const moved = (await m.query(
        `WITH moved AS (
           UPDATE export_parts SET next_cursor = $3, records_written = records_written + $4, bytes_written = bytes_written + $5, done = $6
            WHERE export_id = $1 AND kind = $2 AND bytes_written = $7 RETURNING kind)
         SELECT kind FROM moved`,
        [exportId, part.kind, page.nextCursor, page.records, page.bytes, page.nextCursor === null, part.bytesWritten],
      )) as unknown[];
      if (moved.length === 0) return null;
      Object.assign(part, {
        nextCursor: page.nextCursor,
        recordsWritten: part.recordsWritten + page.records,
        bytesWritten: part.bytesWritten + page.bytes,
        done: page.nextCursor === null,
      });
      const [job] = (await m.query(
        `WITH counted AS (
           UPDATE export_jobs SET records_written = (SELECT sum(records_written) FROM export_parts WHERE export_id = $1) WHERE id = $1 RETURNING status)
         SELECT status FROM counted`,
        [exportId],
      )) as { status: ExportStatus }[];
      if (page.announce && job?.status === 'RUNNING') emit([await exportProgressEvent(m, exportId)]);
      return job?.status ?? null;
    });
  }

  /** Fetches the files of a page of attachments and answers their lines with each one's place in the archive and SHA-256. */
  private async fetchAttachments(job: ExportJobEntity, lines: Buffer): Promise<Buffer> {
    const records = lines
      .toString('utf8')
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as AttachmentLine);
    const out: AttachmentLine[] = [];
    for (let i = 0; i < records.length; i += ATTACHMENT_DOWNLOADS_AT_ONCE) {
      out.push(...(await Promise.all(records.slice(i, i + ATTACHMENT_DOWNLOADS_AT_ONCE).map((record) => this.fetchAttachment(job, record)))));
    }
    return Buffer.from(out.map((record) => JSON.stringify(record) + '\n').join(''));
  }

  private async fetchAttachment(job: ExportJobEntity, record: AttachmentLine): Promise<AttachmentLine> {
    try {
      const digest = await patiently(async () => this.store.writeFile(job.id, record.id, await this.sources.attachment(job.orgId, record.id)));
      return { ...record, size: digest.bytes, path: `attachments/${record.id}/${record.filename}`, sha256: digest.sha256 };
    } catch (err) {
      // A file whose bytes are gone from storage is listed without them, rather than failing the whole export.
      if (err instanceof PeerCallError && err.code === 'NOT_FOUND') return { ...record, path: null, sha256: null };
      throw err;
    }
  }

  /** Packs the parts and files into the archive, then completes the export (unless it was cancelled meanwhile). */
  private async pack(job: ExportJobEntity): Promise<void> {
    const parts = new Map((await this.dataSource.getRepository(ExportPartEntity).findBy({ exportId: job.id })).map((p) => [p.kind, p]));
    const files: { path: string; records: number; bytes: number; sha256: string; description: string }[] = [];
    for (const kind of EXPORT_KINDS) {
      const digest = await this.store.digestOf(this.store.partPath(job.id, kind.kind));
      files.push({ path: `${kind.kind}.jsonl`, records: parts.get(kind.kind)!.recordsWritten, ...digest, description: kind.description });
    }
    const attachments = await this.attachmentFiles(job.id);
    const manifest = {
      format: 'kaizala-organization-export',
      version: 1,
      exportId: job.id,
      organization: await this.organizationOf(job.id),
      range: { from: job.rangeFrom?.toISOString() ?? null, to: job.rangeTo?.toISOString() ?? null },
      startedBy: job.startedBy,
      createdAt: job.createdAt.toISOString(),
      counts: Object.fromEntries(files.map((f) => [f.path.replace(/\.jsonl$/, ''), f.records])),
      files,
      attachments: {
        folder: 'attachments/',
        files: attachments.count,
        bytes: attachments.bytes,
        checksums: 'attachments.jsonl gives each file its path in the archive and its SHA-256; path is null when its bytes were no longer stored.',
      },
    };
    const store = this.store;
    async function* entries(): AsyncGenerator<ArchiveFile> {
      for (const file of files) yield { name: file.path, path: store.partPath(job.id, file.path.replace(/\.jsonl$/, '')), size: file.bytes };
      yield* attachments.entries();
    }
    const archive = await writeArchive({
      path: this.store.partialArchivePath(job.id),
      folder: `export-${job.id}`,
      manifest,
      files: entries(),
      mtime: new Date(),
    });
    await this.store.publishArchive(job.id);
    const completed = await this.outbox.transaction(async (m, emit) => {
      const done = (await m.query(
        `WITH done AS (
           UPDATE export_jobs SET status = 'COMPLETED', finished_at = now(), expires_at = now() + make_interval(secs => $2),
                  archive_bytes = $3, archive_sha256 = $4, records_total = records_written
            WHERE id = $1 AND status = 'RUNNING' RETURNING id)
         SELECT id FROM done`,
        [job.id, this.settings.keepSeconds, archive.bytes, archive.sha256],
      )) as unknown[];
      if (done.length > 0) emit([await exportProgressEvent(m, job.id)]);
      return done.length > 0;
    });
    if (completed) await this.store.removeWork(job.id);
    else await this.store.remove(job.id);
  }

  private async organizationOf(exportId: string): Promise<{ id: string; name: string } | null> {
    for await (const line of createInterface({ input: createReadStream(this.store.partPath(exportId, 'organization')) })) {
      if (line) {
        const org = JSON.parse(line) as { id: string; name: string };
        return { id: org.id, name: org.name };
      }
    }
    return null;
  }

  /** The attachment files listed in attachments.jsonl: how many, their bytes, and their archive entries. */
  private async attachmentFiles(exportId: string): Promise<{ count: number; bytes: number; entries: () => AsyncGenerator<ArchiveFile> }> {
    const path = this.store.partPath(exportId, ATTACHMENTS_KIND);
    const store = this.store;
    async function* stored(): AsyncGenerator<{ line: AttachmentLine & { path: string } }> {
      for await (const text of createInterface({ input: createReadStream(path) })) {
        if (!text) continue;
        const line = JSON.parse(text) as AttachmentLine;
        if (line.path !== null) yield { line: line as AttachmentLine & { path: string } };
      }
    }
    let count = 0;
    let bytes = 0;
    for await (const { line } of stored()) {
      count++;
      bytes += line.size;
    }
    return {
      count,
      bytes,
      entries: async function* () {
        for await (const { line } of stored()) yield { name: line.path, path: store.filePath(exportId, line.id), size: line.size };
      },
    };
  }
}

async function writeAt(handle: FileHandle, bytes: Buffer, position: number): Promise<void> {
  let written = 0;
  while (written < bytes.length) written += (await handle.write(bytes, written, bytes.length - written, position + written)).bytesWritten;
}
