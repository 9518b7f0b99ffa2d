import { PhoneRowIndex } from './phone-row-index';

describe('PhoneRowIndex', () => {
  it('remembers the first row of each number, through many resizes', () => {
    const index = new PhoneRowIndex();
    for (let i = 0; i < 100_000; i++) index.remember(919800000000 + i * 7, i + 2);
    index.remember(919800000000, 99);
    expect(index.size).toBe(100_000);
    expect(index.firstRow(919800000000)).toBe(2);
    expect(index.firstRow(919800000000 + 99_999 * 7)).toBe(100_001);
    expect(index.firstRow(919800000001)).toBeUndefined();
    expect(index.firstRow(14155550123)).toBeUndefined();
  });
});
