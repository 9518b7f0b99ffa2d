import { formatBytes, progressLine, RateMeter } from './progress-bar';

describe('progressLine', () => {
  it('counts rows or records with their rate and time left', () => {
    expect(progressLine({ status: 'RUNNING', percent: 50, done: 1500, total: 3000, perSecond: 1234.4, secondsLeft: 75, unit: 'records' }, 10)).toBe(
      '[#####.....]  50.0% 1,500/3,000 RUNNING 1,234 records/s ETA 1 min 15 s',
    );
    expect(progressLine({ status: 'QUEUED', percent: 0, done: 0, total: 0, perSecond: null, secondsLeft: null, unit: 'rows' }, 4)).toBe(
      '[....]   0.0% 0/0 QUEUED',
    );
  });

  it('writes bytes as KB, MB and GB', () => {
    expect(
      progressLine(
        { status: 'downloaded', percent: 25, done: 5 * 1024 * 1024, total: 20 * 1024 * 1024, perSecond: 2 * 1024 * 1024, secondsLeft: 8, unit: 'bytes' },
        4,
      ),
    ).toBe('[#...]  25.0% 5.0 MB/20.0 MB downloaded 2.0 MB/s ETA 8 s');
  });

  it('keeps the bar within its width whatever the percent', () => {
    expect(progressLine({ status: 'X', percent: 140, done: 1, total: 1, perSecond: null, secondsLeft: null, unit: 'rows' }, 3)).toMatch(/^\[###\]/);
    expect(progressLine({ status: 'X', percent: -5, done: 0, total: 1, perSecond: null, secondsLeft: null, unit: 'rows' }, 3)).toMatch(/^\[\.\.\.\]/);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1536 * 1024, '1.5 MB'],
    [3 * 1024 ** 3, '3.0 GB'],
    [2048 * 1024 ** 4, '2048.0 TB'],
  ])('%d bytes: %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe('RateMeter', () => {
  it('has no rate until its samples span some time', () => {
    const meter = new RateMeter();
    expect(meter.perSecond()).toBeNull();
    meter.add(0, 1_000);
    meter.add(10, 1_100);
    expect(meter.perSecond()).toBeNull();
    expect(meter.secondsLeft(10, 100)).toBeNull();
  });

  it('measures the rate over its recent window and the time left at that rate', () => {
    const meter = new RateMeter(2_000);
    meter.add(0, 0);
    meter.add(100, 1_000);
    expect(meter.perSecond()).toBe(100);
    expect(meter.secondsLeft(100, 600)).toBe(5);
    // Faster now: the first seconds drop out of the window.
    meter.add(1_100, 2_000);
    meter.add(2_100, 3_000);
    meter.add(3_100, 4_000);
    expect(meter.perSecond()).toBe(1_000);
  });

  it('has no time left to give once the total is reached, or when nothing moves', () => {
    const meter = new RateMeter();
    meter.add(5, 0);
    meter.add(5, 1_000);
    expect(meter.perSecond()).toBe(0);
    expect(meter.secondsLeft(5, 10)).toBeNull();
    meter.reset();
    meter.add(0, 0);
    meter.add(10, 1_000);
    expect(meter.secondsLeft(10, 10)).toBeNull();
  });
});
