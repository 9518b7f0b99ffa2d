import { badInput } from '@kz/errors';
import { decodeCursor, InvalidCursorError, isUuid, pageSize } from '@kz/db';

export const IMPORTS_PAGE_DEFAULT = 20;
export const IMPORTS_PAGE_MAX = 100;

/**
 * Where a page of an organisation's imports continues: the last row's
 * created_at at full (microsecond) precision and its id, so rows created in
 * the same millisecond are neither skipped nor repeated.
 */
export interface ImportsCursor {
  createdAt: string;
  id: string;
}

const MICROSECOND_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function importsPageLimit(first: number | null | undefined): number {
  const limit = pageSize(first, IMPORTS_PAGE_DEFAULT, IMPORTS_PAGE_MAX);
  if (limit === null) throw badInput('first', `first must be between 1 and ${IMPORTS_PAGE_MAX}.`);
  return limit;
}

export function importsCursorKey(cursor: ImportsCursor): string[] {
  return [cursor.createdAt, cursor.id];
}

/** Decodes an `after` cursor; anything this API did not issue is BAD_USER_INPUT on `after`. */
export function parseImportsCursor(after: string): ImportsCursor {
  const [createdAt, id] = decodeCursor(after, 2, 'after');
  if (typeof createdAt !== 'string' || !MICROSECOND_ISO.test(createdAt) || Number.isNaN(Date.parse(createdAt)) || typeof id !== 'string' || !isUuid(id)) {
    throw new InvalidCursorError('after');
  }
  return { createdAt, id };
}
