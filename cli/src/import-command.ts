import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CliError, type ApiClient } from './api-client';
import { progressLine } from './progress-bar';

export interface ImportOptions {
  file: string;
  orgId: string;
  groupIds: string[];
  dryRun: boolean;
  country: string;
  updateExisting: boolean;
}

const FINAL = new Set(['COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED']);
const JOB = `query($id: ID!) { importJob(id: $id) {
  status failureReason percent rowsPerSecond estimatedSecondsLeft errorReportUrl
  counts { total processed created updated unchanged failed } } }`;

interface Job {
  status: string;
  failureReason: string | null;
  percent: number;
  rowsPerSecond: number | null;
  estimatedSecondsLeft: number | null;
  errorReportUrl: string | null;
  counts: { total: number; processed: number; created: number; updated: number; unchanged: number; failed: number };
}

/** Starts an import, streams the file up, follows it to the end and prints the summary. Exit status 0 only when it completed. */
export async function importCommand(api: ApiClient, opts: ImportOptions, out: NodeJS.WriteStream, err: NodeJS.WriteStream): Promise<number> {
  let size: number;
  try {
    size = statSync(opts.file).size;
  } catch {
    throw new CliError(`Cannot read ${opts.file}.`);
  }
  const started = await api.request<{ startImport: { uploadUrl: string; maxUploadBytes: number; import: { id: string } } }>(
    `mutation($i: StartImportInput!) { startImport(input: $i) { uploadUrl maxUploadBytes import { id } } }`,
    {
      i: {
        organizationId: opts.orgId,
        groupIds: opts.groupIds,
        mode: opts.dryRun ? 'DRY_RUN' : 'APPLY',
        defaultCountry: opts.country,
        existingUsers: opts.updateExisting ? 'UPDATE' : 'SKIP',
      },
    },
  );
  const { uploadUrl, maxUploadBytes } = started.startImport;
  const importId = started.startImport.import.id;
  if (size > maxUploadBytes) throw new CliError(`${opts.file} is ${size} bytes; the largest upload allowed is ${maxUploadBytes}. Split the file.`);
  err.write(`import ${importId}: uploading ${basename(opts.file)} (${(size / 1024 / 1024).toFixed(1)} MB)${opts.dryRun ? ', dry run' : ''}\n`);
  const url = `${uploadUrl}?filename=${encodeURIComponent(basename(opts.file))}`;
  const res = await fetch(url, {
    method: 'PUT',
    headers: { authorization: `Bearer ${api.token}`, 'content-type': 'text/csv', 'content-length': String(size) },
    body: createReadStream(opts.file) as unknown as NonNullable<RequestInit['body']>,
    duplex: 'half',
  } as RequestInit);
  if (res.status !== 200) {
    const body = (await res.json().catch(() => null)) as { errors?: { message: string; extensions?: { code?: string } }[] } | null;
    const e = body?.errors?.[0];
    throw new CliError(`The upload was refused: ${e?.message ?? `HTTP ${res.status}`}${e?.extensions?.code ? ` (${e.extensions.code})` : ''}`);
  }
  let job: Job;
  for (;;) {
    job = (await api.request<{ importJob: Job }>(JOB, { id: importId })).importJob;
    const line = progressLine({
      status: job.status,
      percent: job.percent,
      done: job.counts.processed,
      total: job.counts.total,
      perSecond: job.rowsPerSecond,
      secondsLeft: job.estimatedSecondsLeft,
      unit: 'rows',
    });
    err.write(err.isTTY ? `\r${line}\x1b[K` : `${line}\n`);
    if (FINAL.has(job.status)) break;
    await sleep(500);
  }
  if (err.isTTY) err.write('\n');
  const c = job.counts;
  out.write(
    `${job.status}: ${c.total} rows, ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.failed} failed` +
      `${job.rowsPerSecond ? ` (${Math.round(job.rowsPerSecond)} rows/s)` : ''}\n`,
  );
  if (job.failureReason) out.write(`reason: ${job.failureReason}\n`);
  if (job.errorReportUrl) out.write(`error report: ${job.errorReportUrl} (download with your access token)\n`);
  return job.status === 'COMPLETED' ? 0 : 1;
}
