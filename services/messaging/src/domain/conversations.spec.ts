import { encodeCursor, uuidv7 } from '@kz/db';
import { DomainError } from '@kz/errors';
import { containsPattern, decodeConversationCursor } from './conversations.service';

describe('conversation search', () => {
  it('matches a part of a name, its LIKE wildcards and escape taken literally', () => {
    expect(containsPattern('Sales')).toBe('%Sales%');
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});

describe('conversation cursors', () => {
  it('read back the (activity, group id) they were made from', () => {
    const key: [string, string] = [uuidv7(), uuidv7()];
    expect(decodeConversationCursor(encodeCursor(key))).toEqual(key);
  });

  it.each([
    ['garbled', 'not a cursor!'],
    ["another list's (one id)", encodeCursor([uuidv7()])],
    ['non-id', encodeCursor(['a', 'b'])],
    ['numeric', encodeCursor([uuidv7(), 7])],
  ])('refuse a cursor that is %s with BAD_USER_INPUT on the field', (_, cursor) => {
    let error: unknown;
    try {
      decodeConversationCursor(cursor, 'after');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
