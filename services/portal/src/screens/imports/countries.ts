/** Countries most organisations import from, by ISO code; any other two-letter code can still be typed. */
const COMMON = [
  'IN',
  'US',
  'GB',
  'AE',
  'AU',
  'BD',
  'BR',
  'CA',
  'DE',
  'EG',
  'ES',
  'FR',
  'ID',
  'IE',
  'IT',
  'JP',
  'KE',
  'LK',
  'MX',
  'MY',
  'NG',
  'NL',
  'NP',
  'NZ',
  'PH',
  'PK',
  'PL',
  'QA',
  'SA',
  'SG',
  'TH',
  'TR',
  'VN',
  'ZA',
];

/** Calling codes of the common countries, longest first, to guess an admin's own country from their number. */
const CALLING_CODES: [string, string][] = [
  ['+971', 'AE'],
  ['+880', 'BD'],
  ['+977', 'NP'],
  ['+974', 'QA'],
  ['+966', 'SA'],
  ['+353', 'IE'],
  ['+254', 'KE'],
  ['+234', 'NG'],
  ['+94', 'LK'],
  ['+92', 'PK'],
  ['+91', 'IN'],
  ['+90', 'TR'],
  ['+84', 'VN'],
  ['+81', 'JP'],
  ['+66', 'TH'],
  ['+65', 'SG'],
  ['+64', 'NZ'],
  ['+63', 'PH'],
  ['+62', 'ID'],
  ['+61', 'AU'],
  ['+60', 'MY'],
  ['+55', 'BR'],
  ['+52', 'MX'],
  ['+49', 'DE'],
  ['+48', 'PL'],
  ['+44', 'GB'],
  ['+39', 'IT'],
  ['+34', 'ES'],
  ['+33', 'FR'],
  ['+31', 'NL'],
  ['+27', 'ZA'],
  ['+20', 'EG'],
  ['+1', 'US'],
];

export const COUNTRY_CODE = /^[A-Z]{2}$/;

const names = new Intl.DisplayNames(['en-GB'], { type: 'region' });

export function countryName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryOptions(): { value: string; label: string }[] {
  return COMMON.map((code) => ({ value: code, label: `${countryName(code)} (${code})` })).sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
}

/** Numbers in a file are most often local to the admin's own country. */
export function guessCountry(phone: string | null | undefined): string {
  const match = phone ? CALLING_CODES.find(([prefix]) => phone.startsWith(prefix)) : undefined;
  return match?.[1] ?? 'IN';
}
