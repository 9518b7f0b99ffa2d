/**
 * Just enough CSV to preview an error report (RFC 4180: quoted cells with doubled quotes, CR LF lines). `text` may
 * be cut anywhere: a last line with no line ending is left out, as it may be incomplete.
 */
export function parseCsvStart(text: string, maxRows: number): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < maxRows; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}

export interface FailedRow {
  /** The row's number in the uploaded file. */
  rowNumber: string;
  /** The file's own cells, by its header. */
  cells: { column: string; value: string }[];
  reason: string;
}

/** An error report's first failed rows: its header is Row, the file's own columns, then Reason. */
export function failedRowsPreview(reportText: string, maxRows: number): FailedRow[] {
  const [header, ...rows] = parseCsvStart(reportText.replace(/^\uFEFF/, ''), maxRows + 1);
  if (!header || header.length < 2) return [];
  const columns = header.slice(1, -1);
  return rows.map((cells) => ({
    rowNumber: cells[0] ?? '',
    cells: columns.map((column, i) => ({ column, value: cells[i + 1] ?? '' })),
    reason: cells[header.length - 1] ?? '',
  }));
}
