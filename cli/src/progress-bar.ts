/** One line of progress: bar, percent, rows, rate and time left; redrawn in place on a terminal. */
export function progressLine(
  p: { status: string; percent: number; processed: number; total: number; rowsPerSecond: number | null; secondsLeft: number | null },
  width = 30,
): string {
  const filled = Math.round((Math.min(100, Math.max(0, p.percent)) / 100) * width);
  const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
  const rate = p.rowsPerSecond === null ? '' : ` ${Math.round(p.rowsPerSecond).toLocaleString('en')} rows/s`;
  const eta = p.secondsLeft === null ? '' : ` ETA ${formatSeconds(p.secondsLeft)}`;
  return `[${bar}] ${p.percent.toFixed(1).padStart(5)}% ${p.processed.toLocaleString('en')}/${p.total.toLocaleString('en')} ${p.status}${rate}${eta}`;
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `${m} min ${Math.ceil(seconds % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
