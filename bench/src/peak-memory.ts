import { writeFileSync } from 'node:fs';
import { memoryMiB, SUBGRAPHS } from '@kz/stack';
import { round } from './scenario';
import type { BenchStack } from './stack';

/**
 * Peak memory per process over a measured window, for the design's "every process under 300 MB" targets: the
 * peak-RSS mark (VmHWM) of each subgraph and our gateway is reset at the window's start and read at its end.
 */

/** The design's "under 300 MB", read as decimal megabytes (the stricter reading); peaks are shown in MiB. */
export const TARGET_PEAK_MB = 300;
export const TARGET_PEAK_MIB = (TARGET_PEAK_MB * 1e6) / 2 ** 20;

/** [name, pid] of every subgraph's first process and of our gateway: the processes a target's peak is about. */
export function peakProcesses(stack: BenchStack): [string, number][] {
  const processes: [string, number][] = SUBGRAPHS.map((name) => [name, stack.service(name).proc.pid]);
  processes.push(['gateway', stack.gateway('ours').proc.pid]);
  return processes;
}

/** Resets a process's peak-RSS mark (VmHWM) so the next reading is the peak from now on. */
export function resetPeak(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Without the right to reset it, the reading is the peak since the process started: still an upper bound.
  }
}

export function resetPeaks(processes: readonly [string, number][]): void {
  for (const [, pid] of processes) resetPeak(pid);
}

/** Each process's peak RSS since its last reset, in MiB (one decimal). */
export function peaksMiB(processes: readonly [string, number][]): Record<string, number> {
  return Object.fromEntries(processes.map(([name, pid]) => [name, round(memoryMiB(pid).peak, 1)]));
}
