import type { ExportStatus } from '../../gql/graphql';

/** What an export's status means to a person. */
export const EXPORT_STATUS_LABELS: Record<ExportStatus, string> = {
  QUEUED: 'Waiting',
  RUNNING: 'Exporting',
  COMPLETED: 'Ready',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Deleted after its time',
};

export const EXPORT_STATUS_COLORS: Record<ExportStatus, string> = {
  QUEUED: 'gray',
  RUNNING: 'blue',
  COMPLETED: 'green',
  FAILED: 'red',
  CANCELLED: 'gray',
  EXPIRED: 'gray',
};

export const isExportGoing = (status: ExportStatus) => status === 'QUEUED' || status === 'RUNNING';

/**
 * The range the API takes for the days the form gives (yyyy-mm-dd, in the browser's time zone): from the start of
 * `from` to the end of `to` (the server takes an end later than now as now).
 */
export function exportRange(from: string, to: string): { from?: string; to?: string } {
  const dayStart = (day: string, plusDays = 0) => {
    const at = new Date(`${day}T00:00:00`);
    at.setDate(at.getDate() + plusDays);
    return at.toISOString();
  };
  return { ...(from ? { from: dayStart(from) } : {}), ...(to ? { to: dayStart(to, 1) } : {}) };
}

/** The range an export covers, in words. */
export function rangeText(from: string | null | undefined, to: string, format: (iso: string) => string): string {
  return from ? `Messages from ${format(from)} to ${format(to)}` : `All messages up to ${format(to)}`;
}
