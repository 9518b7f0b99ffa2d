import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CliError, type ApiClient } from './api-client';
import { downloadArchive } from './archive-download';
import { formatBytes, progressLine, RateMeter } from './progress-bar';

export interface ExportOptions {
  orgId: string;
  /** ISO instants, as parseInstant gives them; null: the API's default. */
  from: string | null;
  to: string | null;
  /** Where to save the archive; null: the file name the download suggests, in the current directory. */
  out: string | null;
}

/** Where progress and results are written: a terminal's progress is redrawn in place. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ExportJob {
  id: string;
  status: string;
  recordsWritten: number;
  recordsTotal: number;
  percent: number;
  failureReason: string | null;
  downloadUrl: string | null;
  archiveBytes: number | null;
  archiveSha256: string | null;
  expiresAt: string | null;
}

/** The exit status after Ctrl-C, as a shell reports a command stopped by SIGINT. */
export const INTERRUPTED = 130;

const FINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED']);
const START = `mutation($i: StartExportInput!) { startExport(input: $i) { export { id from to } } }`;
const JOB = `query($id: ID!) { exportJob(id: $id) {
  id status recordsWritten recordsTotal percent failureReason downloadUrl archiveBytes archiveSha256 expiresAt } }`;
/** How long the gateway may stay unreachable while an export is followed, before giving up on it (not on the export). */
const UNREACHABLE_FOR_MS = 30_000;
const REDRAW_MS = 200;

/**
 * Starts an export of an organisation's data, follows it to the end, downloads the archive and checks its SHA-256.
 * Exit status 0 only when the checked archive is saved. Ctrl-C (`stop`) leaves the export running and says where
 * to download it later.
 */
export async function exportCommand(api: ApiClient, opts: ExportOptions, out: Output, err: Output, stop?: AbortSignal, pollMs = 500): Promise<number> {
  const started = await api.request<{ startExport: { export: { id: string; from: string | null; to: string } } }>(START, {
    i: { organizationId: opts.orgId, from: opts.from, to: opts.to },
  });
  const { id, from, to } = started.startExport.export;
  err.write(`export ${id}: started, messages sent ${from ? `from ${from}` : 'from the first'} until ${to}\n`);
  const archiveUrl = `${api.filesBaseUrl}/exports/${id}/archive`;

  let job: ExportJob;
  try {
    job = await follow(api, id, err, stop, pollMs);
  } catch (e) {
    if (err.isTTY) err.write('\n');
    if (stop?.aborted) {
      err.write(`Stopped waiting. ${stillRunningNotice(id, archiveUrl)}`);
      return INTERRUPTED;
    }
    if (e instanceof CliError) throw new CliError(`${e.message}\n${stillRunningNotice(id, archiveUrl)}`);
    throw e;
  }

  const records = `${job.recordsWritten.toLocaleString('en')} records`;
  if (job.status !== 'COMPLETED') {
    out.write(`${job.status}: ${records} written of ${job.recordsTotal.toLocaleString('en')}\n`);
    if (job.failureReason) out.write(`reason: ${job.failureReason}\n`);
    return 1;
  }
  if (!job.downloadUrl) throw new CliError(`Export ${id} has completed but has no download address; see it in the portal's Exports screen.`);

  const meter = new RateMeter(5_000);
  let drawnAt = 0;
  const draw = (written: number, total: number | null) => {
    const now = Date.now();
    const done = total !== null && written >= total;
    if (!done && now - drawnAt < REDRAW_MS) return;
    drawnAt = now;
    meter.add(written, now);
    // A log gets the final line only.
    if (!err.isTTY && !done) return;
    const line = progressLine({
      status: 'downloaded',
      percent: total ? (written / total) * 100 : 0,
      done: written,
      total: total ?? written,
      perSecond: meter.perSecond(),
      secondsLeft: total === null ? null : meter.secondsLeft(written, total),
      unit: 'bytes',
    });
    err.write(err.isTTY ? `\r${line}\x1b[K${done ? '\n' : ''}` : `${line}\n`);
  };
  try {
    const saved = await downloadArchive({
      url: job.downloadUrl,
      token: api.token,
      chooseFile: (suggested) => {
        const file = resolve(opts.out ?? suggested ?? `organization-export-${id}.tar.gz`);
        err.write(`export ${id}: ${records}; downloading ${job.archiveBytes === null ? 'the archive' : formatBytes(job.archiveBytes)} to ${file}\n`);
        return file;
      },
      expectedBytes: job.archiveBytes,
      expectedSha256: job.archiveSha256,
      signal: stop,
      onProgress: draw,
    });
    out.write(
      `COMPLETED: ${records}\n` +
        `file: ${saved.file}\n` +
        `size: ${saved.bytes.toLocaleString('en')} bytes (${formatBytes(saved.bytes)})\n` +
        `sha256: ${saved.sha256}${job.archiveSha256 ? " (matches the export's)" : ''}\n`,
    );
    return 0;
  } catch (e) {
    if (err.isTTY) err.write('\n');
    if (stop?.aborted) {
      err.write(`Download stopped; the part written was removed. ${completedNotice(job)}`);
      return INTERRUPTED;
    }
    if (e instanceof CliError) throw new CliError(`${e.message}\n${completedNotice(job)}`);
    throw e;
  }
}

/** Polls the export until it ends, drawing its progress; the gateway may drop out for a while meanwhile. */
async function follow(api: ApiClient, id: string, err: Output, stop: AbortSignal | undefined, pollMs: number): Promise<ExportJob> {
  const meter = new RateMeter();
  let shown = '';
  let unreachableSince: number | null = null;
  for (;;) {
    let job: ExportJob | null;
    try {
      job = (await api.request<{ exportJob: ExportJob | null }>(JOB, { id }, stop)).exportJob;
      unreachableSince = null;
    } catch (e) {
      if (!(e instanceof CliError && e.transient)) throw e;
      unreachableSince ??= Date.now();
      if (Date.now() - unreachableSince > UNREACHABLE_FOR_MS) throw e;
      await sleep(pollMs, undefined, { signal: stop });
      continue;
    }
    if (!job) throw new CliError(`Export ${id} cannot be seen any more; are you still an admin of the organisation?`);
    const running = job.status === 'RUNNING';
    if (running) meter.add(job.recordsWritten, Date.now());
    const line = progressLine({
      status: job.status,
      percent: job.percent,
      done: job.recordsWritten,
      total: job.recordsTotal,
      perSecond: running ? meter.perSecond() : null,
      secondsLeft: running ? meter.secondsLeft(job.recordsWritten, job.recordsTotal) : null,
      unit: 'records',
    });
    if (err.isTTY) {
      err.write(`\r${line}\x1b[K`);
    } else if (`${job.status} ${job.recordsWritten}` !== shown) {
      // A log gets a line when something changed, not one every poll.
      err.write(`${line}\n`);
      shown = `${job.status} ${job.recordsWritten}`;
    }
    if (FINAL.has(job.status)) {
      if (err.isTTY) err.write('\n');
      return job;
    }
    await sleep(pollMs, undefined, { signal: stop });
  }
}

/** For someone who stopped following an export, which goes on without them: how to get its archive later. */
export function stillRunningNotice(exportId: string, archiveUrl: string): string {
  return (
    `Export ${exportId} goes on; it was not cancelled. Once it has completed, download its archive with an admin's access token:\n` +
    `  curl -fOJ -H "Authorization: Bearer $KZ_TOKEN" ${archiveUrl}\n` +
    `and compare its SHA-256 with archiveSha256 of exportJob(id: "${exportId}"); or use the portal's Exports screen.\n`
  );
}

/** For someone whose download did not finish: the archive stays on the server for a while. */
export function completedNotice(job: Pick<ExportJob, 'id' | 'downloadUrl' | 'expiresAt' | 'archiveSha256'>): string {
  return (
    `Export ${job.id} has completed; its archive can be downloaded${job.expiresAt ? ` until ${job.expiresAt}` : ''} with an admin's access token:\n` +
    `  curl -fOJ -H "Authorization: Bearer $KZ_TOKEN" ${job.downloadUrl}\n` +
    (job.archiveSha256 ? `Its SHA-256 is ${job.archiveSha256}.\n` : '')
  );
}

/**
 * An ISO 8601 date (midnight UTC) or instant with its offset, as the API's DateTime takes it; null when it is neither.
 * A time without an offset is refused: whose midnight it means would depend on this machine's zone.
 */
export function parseInstant(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/i.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
