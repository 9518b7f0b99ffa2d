import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { InvalidPhoneNumberError, isValidNumber, normalisePhone, possiblePhoneToE164 } from './index';

/** A deterministic stream of pseudo-random numbers (mulberry32), so a failure can be replayed. */
function randomDigits(seed: number): (length: number) => string {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (length) => Array.from({ length }, () => Math.floor(next() * 10)).join('');
}

describe('phone numbers', () => {
  it('normalises to E.164, reading numbers without a prefix in the default region', () => {
    expect(normalisePhone(' +1 (415) 555-0123 ')).toBe('+14155550123');
    expect(normalisePhone('098100 12345', 'IN')).toBe('+919810012345');
    expect(possiblePhoneToE164('+44 20 7946 0958')).toBe('+442079460958');
  });

  it('refuses numbers that are not valid, with the input in the message', () => {
    expect(() => normalisePhone('+1 415 055 0123')).toThrow(InvalidPhoneNumberError);
    expect(() => normalisePhone('not a number')).toThrow('"not a number" is not a valid phone number');
    expect(() => normalisePhone('')).toThrow(InvalidPhoneNumberError);
  });

  it('judges validity exactly as libphonenumber-js does, for numbers of every country', () => {
    const digits = randomDigits(20261126);
    let checked = 0;
    let valid = 0;
    for (const country of getCountries()) {
      const code = getCountryCallingCode(country as CountryCode);
      for (let i = 0; i < 100; i++) {
        const parsed = parsePhoneNumberFromString(`+${code}${digits(6 + (i % 8))}`);
        if (!parsed) continue;
        const expected = parsed.isValid();
        if (isValidNumber(parsed) !== expected) throw new Error(`${parsed.number} (${country}): expected valid=${expected}`);
        checked++;
        if (expected) valid++;
      }
    }
    // Both answers occur often enough for the comparison to mean something.
    expect(checked).toBeGreaterThan(20_000);
    expect(valid).toBeGreaterThan(1_000);
    expect(checked - valid).toBeGreaterThan(1_000);
  });
});
