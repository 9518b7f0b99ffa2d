import { ImportFileError } from './import-file-error';

export const MAX_COLUMNS = 200;

/** "  Phone Number " → "phone number": headers match case- and space-insensitively. */
export function headerKey(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Which column answers which field, by name and known synonyms. */
export const FIELD_SYNONYMS: Record<string, readonly string[]> = {
  phone: ['phone', 'phone number', 'mobile', 'mobile number', 'phone no', 'phone no.'],
  name: ['name', 'full name', 'display name'],
  network: ['network'],
  role: ['role', 'group role'],
};

export interface HeaderMap {
  /** Column index of each known field. */
  fields: Partial<Record<keyof typeof FIELD_SYNONYMS, number>>;
  /** Other columns by their normalised header, e.g. org-defined attributes. */
  extra: Map<string, number>;
  /** The headers as written, for the error report. */
  original: string[];
}

/** The comma, semicolon or tab that separates the first line's most fields (outside quotes). */
export function detectDelimiter(firstLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  const best = (Object.entries(counts) as [',' | ';' | '\t', number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

export function mapHeader(columns: readonly string[]): HeaderMap {
  if (columns.length > MAX_COLUMNS) {
    throw new ImportFileError('TOO_MANY_COLUMNS', `The file has ${columns.length.toLocaleString('en')} columns; an import takes at most ${MAX_COLUMNS}.`);
  }
  const fields: HeaderMap['fields'] = {};
  const extra = new Map<string, number>();
  columns.forEach((raw, index) => {
    const key = headerKey(raw);
    const field = (Object.keys(FIELD_SYNONYMS) as (keyof typeof FIELD_SYNONYMS)[]).find((f) => FIELD_SYNONYMS[f]!.includes(key));
    if (field && fields[field] === undefined) fields[field] = index;
    else if (key) extra.set(key, index);
  });
  if (fields.phone === undefined) {
    throw new ImportFileError(
      'NO_PHONE_COLUMN',
      `The header has no phone column (found: ${columns
        .slice(0, 10)
        .map((c) => `"${c.trim()}"`)
        .join(', ')}); name one column "Phone".`,
    );
  }
  return { fields, extra, original: [...columns] };
}
