/** The most numbers addGroupMembers takes in one call. */
export const MAX_NUMBERS_PER_ADD = 10_000;

/** What people type inside a number; two entries differing only by these are the same number. */
const SEPARATORS = /[\s\-().\u00a0]/g;

export interface PhoneList {
  /** Each distinct number once, as the person wrote it (trimmed), in the order first written. */
  numbers: string[];
  /** Entries left out because the same number came earlier in the list. */
  repeats: number;
}

/**
 * Splits pasted numbers (one per line, or separated by commas or semicolons) and leaves out repeats. Whether a
 * number is valid is the server's call: it knows the organisation's default region and answers each one.
 */
export function parsePhoneList(text: string): PhoneList {
  const seen = new Set<string>();
  const numbers: string[] = [];
  let repeats = 0;
  for (const raw of text.split(/[\n\r,;]+/)) {
    const entry = raw.trim();
    if (entry === '') continue;
    const key = entry.replace(SEPARATORS, '').replace(/^00/, '+');
    if (seen.has(key)) {
      repeats++;
      continue;
    }
    seen.add(key);
    numbers.push(entry);
  }
  return { numbers, repeats };
}
