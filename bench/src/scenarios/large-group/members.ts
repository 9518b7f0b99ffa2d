import { createHash } from 'node:crypto';

/** +1 415 2000000 … +1 415 2999999: every one a valid US number for libphonenumber-js/max (checked once, all 1,000,000). */
export const MAX_MEMBERS = 1_000_000;

/** Member i (0 ≤ i < 1,000,000): number, name and a deterministic, well-spread user id. */
export const memberPhone = (i: number) => `+14152${String(i).padStart(6, '0')}`;
export const memberName = (i: number) => `member ${String(i).padStart(6, '0')}`;
export function memberId(i: number): string {
  const h = createHash('md5').update(`kz-bench-member-${i}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 3) | 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Rows of the groups service's known_users read model for the first `members` members, as COPY text, in chunks. */
export function* knownUserRows(members: number, chunk = 5_000): Generator<string> {
  for (let start = 0; start < members; start += chunk) {
    let text = '';
    for (let i = start; i < Math.min(members, start + chunk); i++) text += `${memberId(i)}\t${memberPhone(i)}\t${memberName(i)}\n`;
    yield text;
  }
}
