import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export const CODE_TTL_SECONDS = 300;
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_RESEND_COOLDOWN_SECONDS = 30;

export function generateCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/** Codes are stored only as keyed hashes bound to the phone number. */
export function hashCode(pepper: string, phone: string, code: string): string {
  return createHmac('sha256', pepper).update(`${phone}:${code}`).digest('base64url');
}

export function codeMatches(pepper: string, phone: string, code: string, storedHash: string): boolean {
  const a = Buffer.from(hashCode(pepper, phone, code));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}
