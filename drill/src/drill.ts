export interface DrillSettings {
  /** Shorter phases where the drill has any; the same checks. */
  smoke: boolean;
}

export interface DrillContext {
  settings: DrillSettings;
  log(message: string): void;
}

export interface DrillResult {
  ok: boolean;
  /** The figures printed on the PASS/FAIL line. */
  figures: string;
  /** What went wrong, one line each. */
  problems: string[];
  /** Further lines printed under the verdict (per-case outcomes, caveats). */
  notes: string[];
}

export interface Drill {
  name: string;
  description: string;
  run(ctx: DrillContext): Promise<DrillResult>;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const ms = (value: number) => `${Math.round(value)} ms`;
