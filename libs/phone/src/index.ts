import { str, type FieldSpec } from '@kz/config';
import { Metadata, type MetadataJson } from 'libphonenumber-js/core';
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import maxMetadata from 'libphonenumber-js/max/metadata';

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
  return toE164(input, defaultRegion, isValidNumber);
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

/** The parts of libphonenumber-js's Metadata class used here (its typings do not list them). */
interface NumberingPlans {
  selectNumberingPlan(countryOrCallingCode: string): void;
  hasTypes(): boolean;
  nationalNumberPattern(): string;
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

const plans = new Metadata(maxMetadata as unknown as MetadataJson) as unknown as NumberingPlans;
/** Every type a valid number may have (FIXED_LINE first), as libphonenumber-js checks them. */
const NUMBER_TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];
const wholeMatchers = new Map<string, RegExp>();

/** Whether `text` matches `pattern` from start to end; each pattern is compiled once. */
function matchesEntirely(text: string, pattern: string): boolean {
  let matcher = wholeMatchers.get(pattern);
  if (!matcher) {
    matcher = new RegExp(`^(?:${pattern})$`);
    wholeMatchers.set(pattern, matcher);
  }
  return matcher.test(text);
}

/**
 * The same answer as `PhoneNumber.isValid()` with the full metadata, which
 * builds a RegExp from a pattern of up to several KiB for every check: that
 * was 19.7 % of identity's busy time in a 100,000-row import. The patterns here are
 * compiled once per numbering plan and type.
 */
export function isValidNumber(parsed: PhoneNumber): boolean {
  plans.selectNumberingPlan(parsed.country ?? parsed.countryCallingCode);
  const national = parsed.nationalNumber;
  if (!matchesEntirely(national, plans.nationalNumberPattern())) return false;
  if (!plans.hasTypes()) return true;
  return NUMBER_TYPES.some((name) => {
    const type = plans.type(name);
    const pattern = type?.pattern();
    if (!type || !pattern) return false;
    const lengths = type.possibleLengths();
    return (!lengths || lengths.includes(national.length)) && matchesEntirely(national, pattern);
  });
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
