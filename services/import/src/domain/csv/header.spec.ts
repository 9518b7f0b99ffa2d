import { detectDelimiter, headerKey } from './header';

describe('CSV header helpers', () => {
  it('normalises header names', () => {
    expect(headerKey('\uFEFF  Phone   Number ')).toBe('phone number');
  });

  it('picks the delimiter used most outside quotes', () => {
    expect(detectDelimiter('phone;name;"a,b,c"')).toBe(';');
    expect(detectDelimiter('phone\tname')).toBe('\t');
    expect(detectDelimiter('phone')).toBe(',');
  });
});
