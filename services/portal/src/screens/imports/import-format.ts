import type { ImportMode, ImportStatus } from '../../gql/graphql';

const FINISHED: ReadonlySet<ImportStatus> = new Set<ImportStatus>(['COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED']);

/** An import in one of these states changes no more (the progress subscription ends after it). */
export function isFinished(status: ImportStatus): boolean {
  return FINISHED.has(status);
}

/** A dry run's counts say what would happen; an applied import's what did. */
export function statusLabel(status: ImportStatus, mode: ImportMode): string {
  switch (status) {
    case 'QUEUED':
      return 'Waiting for the file';
    case 'VALIDATING':
      return 'Checking the file';
    case 'RUNNING':
      return mode === 'DRY_RUN' ? 'Checking rows' : 'Importing';
    case 'COMPLETED':
      return mode === 'DRY_RUN' ? 'Checked' : 'Completed';
    case 'COMPLETED_WITH_ERRORS':
      return mode === 'DRY_RUN' ? 'Checked, with errors' : 'Completed with errors';
    case 'FAILED':
      return 'Failed';
    case 'CANCELLED':
      return 'Cancelled';
  }
}

export function statusColor(status: ImportStatus): string {
  switch (status) {
    case 'COMPLETED':
      return 'green';
    case 'COMPLETED_WITH_ERRORS':
      return 'orange';
    case 'FAILED':
      return 'red';
    case 'CANCELLED':
      return 'gray';
    default:
      return 'blue';
  }
}

export function modeLabel(mode: ImportMode): string {
  return mode === 'DRY_RUN' ? 'Dry run' : 'Import';
}

const numberFormat = new Intl.NumberFormat('en-GB');
export function formatCount(n: number): string {
  return numberFormat.format(n);
}

export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "45 s", "3 min 20 s", "1 h 5 min": short enough to change every second without the line jumping about. */
export function formatSecondsLeft(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

export function formatRate(rowsPerSecond: number): string {
  return `${numberFormat.format(Math.round(rowsPerSecond))} rows/s`;
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export interface OutcomeCounts {
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export interface OutcomeInput {
  status: ImportStatus;
  mode: ImportMode;
  counts: OutcomeCounts;
  failureReason: string | null;
}

/** What became of an import, in a sentence; null while it runs. */
export function outcomeSentence(job: OutcomeInput): string | null {
  const { counts, mode } = job;
  const dry = mode === 'DRY_RUN';
  const parts = [
    `${formatCount(counts.created)} ${dry ? 'would be created' : 'created'}`,
    `${formatCount(counts.updated)} ${dry ? 'would be updated' : 'updated'}`,
    `${formatCount(counts.unchanged)} unchanged`,
  ].join(', ');
  const failed = counts.failed > 0 ? ` ${plural(counts.failed, 'row', 'rows')} ${dry ? 'would fail' : 'failed'}; the error report says why.` : '';
  switch (job.status) {
    case 'COMPLETED':
      return dry
        ? `All ${plural(counts.total, 'row', 'rows')} can be imported: ${parts}. Nothing has changed yet.`
        : `All ${plural(counts.total, 'row', 'rows')} were imported: ${parts}.`;
    case 'COMPLETED_WITH_ERRORS':
      return dry
        ? `${formatCount(counts.total - counts.failed)} of ${plural(counts.total, 'row', 'rows')} can be imported: ${parts}.${failed} Nothing has changed yet.`
        : `${formatCount(counts.total - counts.failed)} of ${plural(counts.total, 'row', 'rows')} were imported: ${parts}.${failed}`;
    case 'FAILED':
      return `${dry ? 'The dry run' : 'The import'} stopped: ${job.failureReason ?? 'the file could not be read.'}`;
    case 'CANCELLED':
      return dry
        ? `The dry run was cancelled after ${plural(counts.processed, 'row', 'rows')}. Nothing was changed.`
        : `The import was cancelled after ${plural(counts.processed, 'row', 'rows')}; the ${formatCount(counts.created + counts.updated)} people already created or updated stay in the directory.`;
    default:
      return null;
  }
}
