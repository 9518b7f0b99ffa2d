import type { BenchStack } from './stack';

export interface RunSettings {
  smoke: boolean;
  rounds: number;
  warmupSeconds: number;
  durationSeconds: number;
  connections: number;
  /** large-group: members to add (default 1,000,000; smoke 2,000). */
  members?: number;
  /** large-group: addGroupMembers calls in flight at once (default 2). */
  inFlight?: number;
}

export interface ScenarioContext {
  stack: BenchStack;
  settings: RunSettings;
  log(message: string): void;
}

export interface Target {
  what: string;
  target: string;
  value: number;
  /** null when not judged (smoke runs). */
  met: boolean | null;
  /** Why it is not judged, when that is not a smoke run. */
  notJudged?: string;
}

export interface ScenarioResult {
  name: string;
  ok: boolean;
  /** What went wrong: failed requests, wrong answers, a process that died. */
  problems: string[];
  /** Rows for the printed table, the first being the header. */
  table: string[][];
  /** Lines printed under the table. */
  notes: string[];
  targets: Target[];
  details: Record<string, unknown>;
}

export interface Scenario {
  name: string;
  description: string;
  run(ctx: ScenarioContext): Promise<ScenarioResult>;
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
