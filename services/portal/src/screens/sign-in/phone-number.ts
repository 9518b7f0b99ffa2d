/** Spaces, dashes, dots and brackets people type inside a number; the API wants E.164. */
const SEPARATORS = /[\s\-().\u00a0]/g;

/** A number as the API takes it (E.164), or a sentence saying what is wrong with it. */
export function parsePhoneNumber(input: string): { phone: string } | { error: string } {
  const compact = input.replace(SEPARATORS, '').replace(/^00/, '+');
  if (compact === '') return { error: 'Enter your mobile number.' };
  if (!compact.startsWith('+')) return { error: 'Start with + and your country code, for example +14155550123.' };
  if (!/^\+\d+$/.test(compact)) return { error: 'A phone number has only digits after the +.' };
  if (!/^\+[1-9]\d{6,14}$/.test(compact)) return { error: 'This number is too short or too long; check the country code and number.' };
  return { phone: compact };
}
