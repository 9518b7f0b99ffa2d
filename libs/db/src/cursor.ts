export class InvalidCursorError extends Error {
  constructor() {
    super('The cursor is not one this API issued; start again without it.');
    this.name = 'InvalidCursorError';
  }
}

/** Opaque keyset cursor: the sort key of the row, never an offset. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === arity && parsed.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return parsed as (string | number)[];
    }
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}
