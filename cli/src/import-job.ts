import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CliError, serverError, type ApiClient, type ServerErrors } from './api-client';
import type { Output } from './export-command';
import { progressLine, RateMeter } from './progress-bar';

const FINAL = new Set(['COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED']);
/** Smaller files go up in a moment: a bar would only flicker. */
const UPLOAD_PROGRESS_FROM_BYTES = 1024 * 1024;
const REDRAW_MS = 200;
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

/**
 * Streams a file to an import's upload URL with the session's token, a chunk at a time; a large file's progress is
 * drawn on `err`. The server's refusal becomes its sentence.
 */
export async function uploadToImport(api: ApiClient, uploadUrl: string, file: string, contentType: string, err?: Output): Promise<void> {
  const size = fileSize(file);
  const progress = err && size >= UPLOAD_PROGRESS_FROM_BYTES ? uploadProgress(size, err) : null;
  const stream = createReadStream(file);
  // Bytes read from disk stand for bytes sent: the request's back pressure keeps the two close.
  async function* chunks(): AsyncGenerator<Buffer> {
    let sent = 0;
    for await (const chunk of stream) {
      sent += (chunk as Buffer).length;
      progress?.(sent);
      yield chunk as Buffer;
    }
  }
  const res = await fetch(`${uploadUrl}?filename=${encodeURIComponent(basename(file))}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${api.token}`, 'content-type': contentType, 'content-length': String(size) },
    body: chunks() as unknown as NonNullable<RequestInit['body']>,
    duplex: 'half',
  } as RequestInit).finally(() => stream.destroy());
  if (res.status !== 200) {
    const refusal = serverError((await res.json().catch(() => null)) as ServerErrors | null, `HTTP ${res.status}`);
    throw new CliError(`The upload was refused: ${refusal.message}`, { code: refusal.code });
  }
}

/** Draws an upload's progress in bytes: redrawn on a terminal, the last line only in a log. */
function uploadProgress(size: number, err: Output): (sent: number) => void {
  const meter = new RateMeter(5_000);
  let drawnAt = 0;
  return (sent) => {
    const now = Date.now();
    const done = sent >= size;
    if (!done && now - drawnAt < REDRAW_MS) return;
    drawnAt = now;
    meter.add(sent, now);
    if (!err.isTTY && !done) return;
    const line = progressLine({
      status: 'uploaded',
      percent: (sent / size) * 100,
      done: sent,
      total: size,
      perSecond: meter.perSecond(),
      secondsLeft: meter.secondsLeft(sent, size),
      unit: 'bytes',
    });
    err.write(err.isTTY ? `\r${line}\x1b[K${done ? '\n' : ''}` : `${line}\n`);
  };
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
