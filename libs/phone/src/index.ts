import { str, type FieldSpec } from '@kz/config';
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

export class InvalidPhoneNumberError extends Error {
  constructor(readonly input: string) {
    super(`"${input}" is not a valid phone number; use the international form, e.g. +14155550123.`);
    this.name = 'InvalidPhoneNumberError';
  }
}

export function isCountryCode(value: string): value is CountryCode {
  return /^[A-Z]{2}$/.test(value) && parsePhoneNumberFromString('+1', value as CountryCode) !== null;
}

/** Normalises a phone number to E.164; numbers without a prefix are read in `defaultRegion`. */
export function normalisePhone(input: string, defaultRegion?: string): string {
  return toE164(input, defaultRegion, (parsed) => parsed.isValid());
}

/**
 * The E.164 form of a number whose shape is possible (country code, length),
 * without the full per-country validity check, at a third of the cost: for a
 * pre-pass over a million rows (duplicates, obvious typos) when the service
 * that stores the number checks it in full anyway.
 */
export function possiblePhoneToE164(input: string, defaultRegion?: string): string {
  return toE164(input, defaultRegion, (parsed) => parsed.isPossible());
}

function toE164(input: string, defaultRegion: string | undefined, acceptable: (parsed: PhoneNumber) => boolean): string {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > 32) throw new InvalidPhoneNumberError(input);
  const parsed = parsePhoneNumberFromString(trimmed, defaultRegion as CountryCode | undefined);
  if (!parsed || !acceptable(parsed)) throw new InvalidPhoneNumberError(input);
  return parsed.number;
}

/** DEFAULT_PHONE_REGION: the country of numbers written without a prefix, validated at boot. */
export function defaultRegionField(): FieldSpec<string> {
  return {
    ...str('DEFAULT_PHONE_REGION', 'ISO country for phone numbers written without a prefix', { fallback: 'US' }),
    parse: (raw: string) => {
      if (!isCountryCode(raw)) throw new Error('expected a two-letter ISO country code such as US or IN');
      return raw;
    },
  };
}
