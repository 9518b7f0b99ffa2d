import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CliError, serverError, type ApiClient, type ServerErrors } from './api-client';
import { progressLine } from './progress-bar';

const FINAL = new Set(['COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED']);
const JOB = `query($id: ID!) { importJob(id: $id) {
  status failureReason percent rowsPerSecond estimatedSecondsLeft errorReportUrl
  counts { total processed created updated unchanged failed } } }`;

export interface ImportJobState {
  status: string;
  failureReason: string | null;
  percent: number;
  rowsPerSecond: number | null;
  estimatedSecondsLeft: number | null;
  errorReportUrl: string | null;
  counts: { total: number; processed: number; created: number; updated: number; unchanged: number; failed: number };
}

/** The size of a file to upload, or a sentence saying it cannot be read. */
export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    throw new CliError(`Cannot read ${file}.`);
  }
}

/** Streams a file to an import's upload URL with the session's token; the server's refusal becomes its sentence. */
export async function uploadToImport(api: ApiClient, uploadUrl: string, file: string, contentType: string): Promise<void> {
  const res = await fetch(`${uploadUrl}?filename=${encodeURIComponent(basename(file))}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${api.token}`, 'content-type': contentType, 'content-length': String(fileSize(file)) },
    body: createReadStream(file) as unknown as NonNullable<RequestInit['body']>,
    duplex: 'half',
  } as RequestInit);
  if (res.status !== 200) {
    const refusal = serverError((await res.json().catch(() => null)) as ServerErrors | null, `HTTP ${res.status}`);
    throw new CliError(`The upload was refused: ${refusal.message}`, { code: refusal.code });
  }
}

/** Follows an import to its end with a progress line (redrawn in place on a terminal); answers its final state. */
export async function followImport(api: ApiClient, importId: string, err: NodeJS.WriteStream, unit: string): Promise<ImportJobState> {
  let job: ImportJobState;
  for (;;) {
    job = (await api.request<{ importJob: ImportJobState }>(JOB, { id: importId })).importJob;
    const line = progressLine({
      status: job.status,
      percent: job.percent,
      done: job.counts.processed,
      total: job.counts.total,
      perSecond: job.rowsPerSecond,
      secondsLeft: job.estimatedSecondsLeft,
      unit,
    });
    err.write(err.isTTY ? `\r${line}\x1b[K` : `${line}\n`);
    if (FINAL.has(job.status)) break;
    await sleep(500);
  }
  if (err.isTTY) err.write('\n');
  return job;
}
