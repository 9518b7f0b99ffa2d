export interface Progress {
  status: string;
  percent: number;
  done: number;
  total: number;
  perSecond: number | null;
  secondsLeft: number | null;
  /** What is counted, e.g. rows or records; `bytes` are written as KB, MB, GB. */
  unit: string;
}

/** One line of progress: bar, percent, done of total, rate and time left; redrawn in place on a terminal. */
export function progressLine(p: Progress, width = 30): string {
  const filled = Math.round((Math.min(100, Math.max(0, p.percent)) / 100) * width);
  const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
  const amount = (n: number) => (p.unit === 'bytes' ? formatBytes(n) : n.toLocaleString('en'));
  const rate =
    p.perSecond === null ? '' : p.unit === 'bytes' ? ` ${formatBytes(p.perSecond)}/s` : ` ${Math.round(p.perSecond).toLocaleString('en')} ${p.unit}/s`;
  const eta = p.secondsLeft === null ? '' : ` ETA ${formatSeconds(p.secondsLeft)}`;
  return `[${bar}] ${p.percent.toFixed(1).padStart(5)}% ${amount(p.done)}/${amount(p.total)} ${p.status}${rate}${eta}`;
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `${m} min ${Math.ceil(seconds % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * The rate of a growing count, from the samples seen over the last `windowMs` (the server of an export gives no rate);
 * a recent window follows a rate that changes, as an export's does from one kind of record to the next.
 */
export class RateMeter {
  private readonly samples: { count: number; atMs: number }[] = [];

  constructor(private readonly windowMs = 10_000) {}

  add(count: number, atMs: number): void {
    this.samples.push({ count, atMs });
    while (this.samples.length > 2 && this.samples[1]!.atMs <= atMs - this.windowMs) this.samples.shift();
  }

  /** Per second; null until the samples span some time. */
  perSecond(): number | null {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.atMs - first.atMs < 250) return null;
    return Math.max(0, ((last.count - first.count) * 1000) / (last.atMs - first.atMs));
  }

  /** Seconds until `total`, at the current rate; null when there is no rate to go by. */
  secondsLeft(done: number, total: number): number | null {
    const rate = this.perSecond();
    return rate && total > done ? (total - done) / rate : null;
  }

  reset(): void {
    this.samples.length = 0;
  }
}
