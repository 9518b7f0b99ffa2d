import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** One process a harness started: a subgraph, a gateway, an import worker. */
export interface StackProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Set when the process ended, expectedly or not. */
  exited: { code: number | null; signal: NodeJS.Signals | null } | null;
}

export interface ProcessGroupOptions {
  /** Prefix of the harness's own messages, e.g. "bench". */
  label: string;
  /** Node options for every started process, e.g. `--cpu-prof` (Node refuses some of those in NODE_OPTIONS). */
  nodeArgs?: readonly string[];
  /**
   * Each child in a process group of its own, so that Ctrl-C in a terminal reaches only the harness, which
   * then stops them in order (npm start).
   */
  detached?: boolean;
  /** Called when a process ends while the group is not stopping. */
  onUnexpectedExit?: (proc: StackProcess) => void;
}

/**
 * Starts processes with the running Node, each logging to its own file, and
 * stops all of them, whatever happens to the harness.
 */
export class ProcessGroup {
  private readonly children = new Map<StackProcess, ChildProcess>();
  private stopping = false;
  /** Processes the harness itself signalled (a drill's fault): their exit is expected. */
  private readonly signalled = new Set<StackProcess>();

  constructor(private readonly opts: ProcessGroupOptions) {
    // Last resort if the harness dies without stopAll(): no process outlives it.
    process.on('exit', () => {
      for (const [proc, child] of this.children) if (!proc.exited) child.kill('SIGKILL');
    });
  }

  start(name: string, entry: string, env: NodeJS.ProcessEnv, logFile: string, args: string[] = []): StackProcess {
    const fd = openSync(logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(process.execPath, [...(this.opts.nodeArgs ?? []), entry, ...args], {
        env,
        stdio: ['ignore', fd, fd],
        detached: this.opts.detached ?? false,
      });
    } finally {
      closeSync(fd);
    }
    if (child.pid === undefined) throw new Error(`could not start ${name} (${entry})`);
    const proc: StackProcess = { name, pid: child.pid, logFile, exited: null };
    child.on('exit', (code, signal) => {
      proc.exited = { code, signal };
      if (this.stopping || this.signalled.has(proc)) return;
      process.stderr.write(`${this.opts.label}: ${name} exited unexpectedly (code ${code}, signal ${signal}); see ${logFile}\n`);
      this.opts.onUnexpectedExit?.(proc);
    });
    child.on('error', (err) => process.stderr.write(`${this.opts.label}: ${name}: ${err.message}\n`));
    this.children.set(proc, child);
    return proc;
  }

  /** Sends a process a signal on purpose (e.g. SIGKILL as a drill's fault), so its exit is not reported as unexpected. */
  kill(proc: StackProcess, signal: NodeJS.Signals): void {
    this.signalled.add(proc);
    this.children.get(proc)?.kill(signal);
  }

  /** Stops one process on purpose: SIGTERM, then SIGKILL if it has not exited after the grace period. */
  async stop(proc: StackProcess, graceMs = 20_000): Promise<void> {
    const child = this.children.get(proc);
    if (child && !proc.exited) await this.terminate(proc, child, graceMs);
    this.children.delete(proc);
  }

  /** SIGTERM to everything still running (newest first), SIGKILL to what is left after the grace period. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const running = [...this.children].reverse().filter(([proc]) => !proc.exited);
    await Promise.all(running.map(([proc, child]) => this.terminate(proc, child, graceMs)));
    this.children.clear();
  }

  private async terminate(proc: StackProcess, child: ChildProcess, graceMs: number): Promise<void> {
    const exited = new Promise<void>((resolve) => (proc.exited ? resolve() : child.once('exit', () => resolve())));
    this.kill(proc, 'SIGTERM');
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
    if ((await Promise.race([exited, timer])) !== 'timeout') return;
    process.stderr.write(`${this.opts.label}: ${proc.name} did not stop within ${graceMs} ms; killing it\n`);
    child.kill('SIGKILL');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2_000).unref())]);
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

/** The last lines of a log file, or nothing if it cannot be read. */
export function logTail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
