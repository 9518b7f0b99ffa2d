import { FINAL_STATUSES, type ImportJobEntity } from '../../entities/import-job.entity';

export interface JobProgress {
  percent: number;
  rowsPerSecond: number | null;
  estimatedSecondsLeft: number | null;
}

/** Percent done, rate since processing began, and time left at that rate. */
export function jobProgress(
  job: Pick<ImportJobEntity, 'status' | 'rowsTotal' | 'rowsProcessed' | 'processingStartedAt' | 'finishedAt'>,
  now: Date,
): JobProgress {
  const ended = FINAL_STATUSES.includes(job.status);
  const percent = job.rowsTotal > 0 ? Math.min(100, (job.rowsProcessed / job.rowsTotal) * 100) : ended && job.status !== 'FAILED' ? 100 : 0;
  if (!job.processingStartedAt) return { percent, rowsPerSecond: null, estimatedSecondsLeft: null };
  const seconds = Math.max(0.001, ((job.finishedAt ?? now).getTime() - job.processingStartedAt.getTime()) / 1000);
  const rowsPerSecond = job.rowsProcessed / seconds;
  const left = job.rowsTotal - job.rowsProcessed;
  const estimatedSecondsLeft = ended || job.status !== 'RUNNING' ? null : rowsPerSecond > 0 ? Math.ceil(left / rowsPerSecond) : null;
  return { percent: Math.round(percent * 10) / 10, rowsPerSecond: Math.round(rowsPerSecond * 10) / 10, estimatedSecondsLeft };
}
