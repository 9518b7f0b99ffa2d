import { badInput } from '@kz/errors';

export const MAX_MESSAGE_LENGTH = 4_000;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/**
 * Checks a message's text; counts characters as people see them (code points), not UTF-16 units. A message that
 * carries files may have none (a picture needs no caption).
 */
export function validateMessageText(text: string, options: { withFiles?: boolean } = {}): string {
  if (text.trim().length === 0) {
    if (options.withFiles) return '';
    throw badInput('text', 'A message needs some text, or a file.');
  }
  const length = [...text].length;
  if (length > MAX_MESSAGE_LENGTH) {
    throw badInput('text', `A message can be at most ${MAX_MESSAGE_LENGTH.toLocaleString('en')} characters; this one has ${length.toLocaleString('en')}.`);
  }
  return text;
}

export function validateIdempotencyKey(key: string | null | undefined): string | null {
  if (key === null || key === undefined) return null;
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw badInput('idempotencyKey', `An idempotency key needs 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`);
  }
  return key;
}
