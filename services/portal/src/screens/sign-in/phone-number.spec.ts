import { parsePhoneNumber } from './phone-number';

describe('parsePhoneNumber', () => {
  it('accepts international numbers as people type them', () => {
    expect(parsePhoneNumber('+1 (415) 555-0123')).toEqual({ phone: '+14155550123' });
    expect(parsePhoneNumber('0091 98450 12345')).toEqual({ phone: '+919845012345' });
    expect(parsePhoneNumber(' +44\u00a07700 900123 ')).toEqual({ phone: '+447700900123' });
  });

  it('says what is wrong with a number it cannot use', () => {
    expect(parsePhoneNumber('')).toEqual({ error: 'Enter your mobile number.' });
    expect(parsePhoneNumber('4155550123')).toEqual({ error: expect.stringContaining('Start with +') });
    expect(parsePhoneNumber('+1415abc0123')).toEqual({ error: expect.stringContaining('only digits') });
    expect(parsePhoneNumber('+12345')).toEqual({ error: expect.stringContaining('too short or too long') });
    expect(parsePhoneNumber('+0123456789')).toEqual({ error: expect.stringContaining('too short or too long') });
  });
});
