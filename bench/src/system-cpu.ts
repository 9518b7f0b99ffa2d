import { readdirSync, readFileSync } from 'node:fs';
import { machineTicks, ticksPerSecond } from '@kz/stack';

/**
 * CPU time of every process on the machine, read from /proc, labelled by a
 * classifier (our services by pid, PostgreSQL backends by the database in their
 * process title, the Kafka broker by its command line). Two snapshots give the
 * CPU each label used in between; what no label claims is "everything else".
 */
export interface CpuSnapshot {
  at: number;
  /** pid → [label, CPU ms so far, process start time in ticks since boot]. */
  processes: Map<number, [string, number, number]>;
  machine: { busy: number; total: number };
}

export interface ProcessInfo {
  pid: number;
  comm: string;
  /** The command line, NUL bytes turned into spaces; a PostgreSQL backend's is its process title. */
  cmdline: string;
}

export type Classifier = (p: ProcessInfo) => string | null;

export function cpuSnapshot(classify: Classifier): CpuSnapshot {
  const processes = new Map<number, [string, number, number]>();
  const ticks = ticksPerSecond();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      const label = classify({ pid, comm, cmdline });
      if (label === null) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
      processes.set(pid, [label, ms, Number(fields[19])]);
    } catch {
      // The process ended while we looked.
    }
  }
  return { at: Date.now(), processes, machine: machineTicks() };
}

export interface CpuDelta {
  wallMs: number;
  /** CPU ms per label; processes that started in between count from zero, ones that ended are lost. */
  byLabel: Record<string, number>;
  /** Busy CPU ms of the whole machine (all cores). */
  machineBusyMs: number;
  /** machineBusyMs minus every label: unlabelled processes and the kernel's own work. */
  unlabelledMs: number;
}

export function cpuDelta(before: CpuSnapshot, after: CpuSnapshot): CpuDelta {
  const byLabel: Record<string, number> = {};
  for (const [pid, [label, ms, start]] of after.processes) {
    const prior = before.processes.get(pid);
    const base = prior && prior[2] === start ? prior[1] : 0;
    byLabel[label] = (byLabel[label] ?? 0) + Math.max(0, ms - base);
  }
  const machineBusyMs = ((after.machine.busy - before.machine.busy) * 1000) / ticksPerSecond();
  const labelled = Object.values(byLabel).reduce((a, b) => a + b, 0);
  return { wallMs: after.at - before.at, byLabel, machineBusyMs, unlabelledMs: Math.max(0, machineBusyMs - labelled) };
}
