import { exportRange, rangeText } from './export-format';

describe('the exports screen’s wording and range', () => {
  it('turns the chosen days into instants: the start of the first, the end of the last', () => {
    const range = exportRange('2026-03-01', '2026-03-31');
    expect(new Date(range.from!).getDate()).toBe(1);
    expect(new Date(range.from!).getHours()).toBe(0);
    expect(new Date(range.to!).getDate()).toBe(1);
    expect(new Date(range.to!).getMonth()).toBe(3);
    expect(exportRange('', '')).toEqual({});
    expect(Object.keys(exportRange('', '2026-03-31'))).toEqual(['to']);
  });

  it('says which messages an export holds', () => {
    const day = (iso: string) => iso.slice(0, 10);
    expect(rangeText(null, '2026-03-31T10:00:00Z', day)).toBe('All messages up to 2026-03-31');
    expect(rangeText('2026-03-01T00:00:00Z', '2026-03-31T10:00:00Z', day)).toBe('Messages from 2026-03-01 to 2026-03-31');
  });
});
