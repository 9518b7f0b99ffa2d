import { DomainError } from '@kz/errors';
import { encodeCursor } from '@kz/db';
import { importsCursorKey, importsPageLimit, parseImportsCursor } from './import-jobs-page';

const ID = '0193f3a0-7c1e-7abc-8def-0123456789ab';
const AT = '2026-11-26T08:30:00.123456Z';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('BAD_USER_INPUT');
    return (err as DomainError).field;
  }
  throw new Error('expected a BAD_USER_INPUT error');
}

describe('importsPageLimit', () => {
  it('defaults to 20 and accepts 1 to 100', () => {
    expect(importsPageLimit(undefined)).toBe(20);
    expect(importsPageLimit(null)).toBe(20);
    expect(importsPageLimit(1)).toBe(1);
    expect(importsPageLimit(100)).toBe(100);
  });

  it('refuses sizes outside 1 to 100 as bad input on first', () => {
    expect(fieldOf(() => importsPageLimit(0))).toBe('first');
    expect(fieldOf(() => importsPageLimit(101))).toBe('first');
    expect(fieldOf(() => importsPageLimit(-5))).toBe('first');
  });
});

describe('imports cursor', () => {
  it('round-trips the microsecond timestamp and id', () => {
    const after = encodeCursor(importsCursorKey({ createdAt: AT, id: ID }));
    expect(parseImportsCursor(after)).toEqual({ createdAt: AT, id: ID });
  });

  it('refuses cursors it did not issue as bad input on after', () => {
    expect(fieldOf(() => parseImportsCursor('not-a-cursor'))).toBe('after');
    expect(fieldOf(() => parseImportsCursor(encodeCursor([42])))).toBe('after');
    expect(fieldOf(() => parseImportsCursor(encodeCursor([AT, 'not-a-uuid'])))).toBe('after');
    expect(fieldOf(() => parseImportsCursor(encodeCursor(['2026-11-26T08:30:00.123Z', ID])))).toBe('after');
    expect(fieldOf(() => parseImportsCursor(encodeCursor([ID, AT])))).toBe('after');
  });
});
