/** Cells a spreadsheet would run as a formula start with one of these (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text a spreadsheet shows but never evaluates: formulas get a leading apostrophe. */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function csvCell(value: string): string {
  const safe = neutralise(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The error report's header: the row number, the file's own columns, then the reason. */
export function errorReportHeader(fileHeader: readonly string[]): string {
  return csvLine(['Row', ...fileHeader.map((h) => h.trim()), 'Reason']);
}

export function errorReportLine(rowNumber: number, values: readonly string[], columns: number, reason: string): string {
  const cells = Array.from({ length: columns }, (_, i) => values[i] ?? '');
  return csvLine([String(rowNumber), ...cells, reason]);
}
