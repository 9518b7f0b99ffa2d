import { DomainError } from '@kz/errors';
import { validateIdempotencyKey, validateMessageText } from './message-text';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof DomainError ? `${err.code}:${err.field}` : 'other';
  }
  return undefined;
}

describe('message text rules', () => {
  it('accepts up to 4,000 characters, counting emoji as one', () => {
    expect(validateMessageText('😀'.repeat(4_000))).toHaveLength(8_000);
    expect(codeOf(() => validateMessageText('a'.repeat(4_001)))).toBe('BAD_USER_INPUT:text');
  });

  it('lets a message with files go without text', () => {
    expect(validateMessageText('  ', { withFiles: true })).toBe('');
    expect(validateMessageText(' caption ', { withFiles: true })).toBe(' caption ');
  });

  it('refuses blank text and oversized idempotency keys', () => {
    expect(codeOf(() => validateMessageText('   '))).toBe('BAD_USER_INPUT:text');
    expect(codeOf(() => validateIdempotencyKey('k'.repeat(201)))).toBe('BAD_USER_INPUT:idempotencyKey');
    expect(validateIdempotencyKey(undefined)).toBeNull();
  });
});
