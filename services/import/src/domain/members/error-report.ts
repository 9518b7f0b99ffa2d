import { csvLine } from '@kz/server';

/** The error report's header: the row number, the file's own columns, then the reason. */
export function errorReportHeader(fileHeader: readonly string[]): string {
  return csvLine(['Row', ...fileHeader.map((h) => h.trim()), 'Reason']);
}

export function errorReportLine(rowNumber: number, values: readonly string[], columns: number, reason: string): string {
  const cells = Array.from({ length: columns }, (_, i) => values[i] ?? '');
  return csvLine([String(rowNumber), ...cells, reason]);
}
