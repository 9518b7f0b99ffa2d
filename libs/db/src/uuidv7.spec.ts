import { isUuid, uuidv7 } from './uuidv7';
import { decodeCursor, decodeSeqCursor, encodeCursor, InvalidCursorError, pageFrom } from './cursor';

describe('uuidv7', () => {
  it('is a valid version 7 UUID carrying its millisecond timestamp', () => {
    const id = uuidv7(0x0123456789ab);
    expect(isUuid(id)).toBe(true);
    expect(id.startsWith('01234567-89ab-7')).toBe(true);
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('sorts in creation order, also within one millisecond', () => {
    const ids = Array.from({ length: 1_000 }, () => uuidv7(1_800_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('keyset cursors', () => {
  it('round-trip their key and refuse anything else with BAD_USER_INPUT on the field', () => {
    expect(decodeCursor(encodeCursor(['abc', 3]), 2)).toEqual(['abc', 3]);
    expect(decodeSeqCursor(encodeCursor(['42']))).toBe('42');
    expect(() => decodeCursor('zzz', 1, 'before')).toThrow(InvalidCursorError);
    expect(() => decodeSeqCursor(encodeCursor(['1; DROP TABLE']))).toThrow(/after cursor/);
    try {
      decodeCursor(encodeCursor([1, 2]), 1, 'before');
    } catch (err) {
      expect(err).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' });
    }
  });

  it('builds a page from limit + 1 rows', () => {
    const page = pageFrom([1, 2, 3], 2, (n) => [n], false);
    expect(page.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: encodeCursor([2]) });
  });
});
