import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { execFileSync } from 'node:child_process';

/** One process the harness started: a subgraph, a gateway. */
export interface BenchProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Set when the process ended, expectedly or not. */
  exited: { code: number | null; signal: NodeJS.Signals | null } | null;
}

/** Node options for every started process, e.g. `--cpu-prof --cpu-prof-dir=DIR` (Node refuses those in NODE_OPTIONS). */
const CHILD_NODE_ARGS = (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);

/**
 * Starts processes with the running Node (24), each logging to its own file,
 * and stops all of them, whatever happens to the run.
 */
export class ProcessGroup {
  private readonly children = new Map<BenchProcess, ChildProcess>();
  private stopping = false;

  constructor() {
    // Last resort if the runner dies without stopAll(): no process outlives it.
    process.on('exit', () => {
      for (const [proc, child] of this.children) if (!proc.exited) child.kill('SIGKILL');
    });
  }

  start(name: string, entry: string, env: NodeJS.ProcessEnv, logFile: string, args: string[] = []): BenchProcess {
    const fd = openSync(logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(process.execPath, [...CHILD_NODE_ARGS, entry, ...args], { env, stdio: ['ignore', fd, fd] });
    } finally {
      closeSync(fd);
    }
    if (child.pid === undefined) throw new Error(`could not start ${name} (${entry})`);
    const proc: BenchProcess = { name, pid: child.pid, logFile, exited: null };
    child.on('exit', (code, signal) => {
      proc.exited = { code, signal };
      if (!this.stopping) process.stderr.write(`bench: ${name} exited unexpectedly (code ${code}, signal ${signal}); see ${logFile}\n`);
    });
    child.on('error', (err) => process.stderr.write(`bench: ${name}: ${err.message}\n`));
    this.children.set(proc, child);
    return proc;
  }

  /** SIGTERM to everything still running (newest first), SIGKILL to what is left after the grace period. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const running = [...this.children].reverse().filter(([proc]) => !proc.exited);
    const exits = running.map(
      ([proc, child]) =>
        new Promise<void>((resolve) => {
          if (proc.exited) return resolve();
          child.once('exit', () => resolve());
        }),
    );
    for (const [, child] of running) child.kill('SIGTERM');
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
    if ((await Promise.race([Promise.all(exits), timer])) === 'timeout') {
      for (const [proc, child] of running) {
        if (!proc.exited) {
          process.stderr.write(`bench: ${proc.name} did not stop within ${graceMs} ms; killing it\n`);
          child.kill('SIGKILL');
        }
      }
      await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 2_000).unref())]);
    }
    this.children.clear();
  }
}

/** A port free right now on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

let clockTicks: number | undefined;
export function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** CPU time (user + system, all threads) a process has used so far, in milliseconds, from /proc/<pid>/stat. */
export function cpuMillis(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; the fields after its closing parenthesis start at field 3 (state).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / ticksPerSecond();
}

/** Resident memory of a process now and at its peak, in MiB, from /proc/<pid>/status. */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** Busy and total CPU time of the whole machine so far, in clock ticks, from the first line of /proc/stat. */
export function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3]! + fields[4]!; // idle + iowait
  return { busy: total - idle, total };
}
