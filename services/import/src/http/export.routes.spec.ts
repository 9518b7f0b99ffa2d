import { rangeStart } from './export.routes';

describe('rangeStart', () => {
  it('reads where a resumed download starts, and ignores ranges it does not serve', () => {
    expect(rangeStart(undefined, 100)).toBeNull();
    expect(rangeStart('bytes=10-', 100)).toBe(10);
    expect(rangeStart('bytes=10-99', 100)).toBe(10);
    expect(rangeStart('bytes=0-', 100)).toBe(0);
    expect(rangeStart('bytes=100-', 100)).toBe('unsatisfiable');
    expect(rangeStart('bytes=-20', 100)).toBeNull();
    expect(rangeStart('bytes=1-2,5-6', 100)).toBeNull();
    expect(rangeStart('items=1-', 100)).toBeNull();
  });
});
