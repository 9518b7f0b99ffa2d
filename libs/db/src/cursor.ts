import { DomainError } from '@kz/errors';
import { isUuid } from './uuidv7';

export class InvalidCursorError extends DomainError {
  constructor(field: string) {
    super('BAD_USER_INPUT', `The ${field} cursor is not one this API issued; start again without it.`, field);
    this.name = 'InvalidCursorError';
  }
}

/** Opaque keyset cursor: the sort key of the row, never an offset. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number, field = 'after'): (string | number)[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === arity && parsed.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return parsed as (string | number)[];
    }
  } catch {
    // fall through
  }
  throw new InvalidCursorError(field);
}

/** A cursor holding one row id (a UUID). */
export function decodeIdCursor(cursor: string, field = 'after'): string {
  const [id] = decodeCursor(cursor, 1, field);
  if (typeof id !== 'string' || !isUuid(id)) throw new InvalidCursorError(field);
  return id;
}

/** A cursor holding a name key and a user id, the order of name-sorted lists. */
export function decodeNameCursor(cursor: string, field = 'after'): { nameKey: string; userId: string } {
  const [nameKey, userId] = decodeCursor(cursor, 2, field);
  if (typeof nameKey !== 'string' || typeof userId !== 'string' || !isUuid(userId)) throw new InvalidCursorError(field);
  return { nameKey, userId };
}

/** A cursor holding one bigint sequence number, as a decimal string. */
export function decodeSeqCursor(cursor: string, field = 'after'): string {
  const [seq] = decodeCursor(cursor, 1, field);
  if (!/^\d{1,19}$/.test(String(seq))) throw new InvalidCursorError(field);
  return String(seq);
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * Builds a Relay page from rows fetched with `limit + 1`: the extra row only
 * says whether another page exists.
 */
export function pageFrom<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[], hasPreviousPage: boolean): Page<T> {
  const hasMore = rows.length > limit;
  const edges = rows.slice(0, limit).map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: hasMore,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Checks a page size argument: 1..max. */
export function pageSize(value: number | null | undefined, fallback: number, max: number): number | null {
  const n = value ?? fallback;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : null;
}
