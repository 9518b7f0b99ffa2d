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
  /** web-app-chat: which parts to run (default all: open, scroll, send, soak). */
  chatParts?: ('open' | 'scroll' | 'send' | 'soak')[];
  /** web-app-chat: messages in the group that is opened and scrolled (default 1,000,000; smoke 2,000). */
  chatMessages?: number;
  /** web-app-chat: timed opens of that group (default 20; smoke 3). */
  chatOpens?: number;
  /** web-app-chat: messages to scroll back (default 2,000; smoke 200). */
  chatScrollBack?: number;
  /** web-app-chat: messages sent from one browser to the other (default 500; smoke 20). */
  chatSends?: number;
  /** web-app-chat: seconds of the soak (default 600; smoke 10). */
  chatSoakSeconds?: number;
  /** web-app-chat: messages per second in the soak (default 20). */
  chatSoakRate?: number;
  /** web-app-chat: groups the soak's reader is in (default 50). */
  chatSoakGroups?: number;
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

export interface Stats {
  n: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles, in the unit of the input. */
export function stats(values: readonly number[]): Stats {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return { n: 0, p50: NaN, p99: NaN, max: NaN, mean: NaN };
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: s[s.length - 1]!, mean: s.reduce((a, b) => a + b, 0) / s.length };
}

export const roundStats = (s: Stats) => ({ n: s.n, p50: round(s.p50), p99: round(s.p99), max: round(s.max), mean: round(s.mean) });

/** A seeded generator (mulberry32), so that a run's random points can be repeated. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
