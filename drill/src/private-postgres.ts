import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, logTail as tail } from '@kz/stack';

/**
 * A PostgreSQL server of the drill's own (Debian's binaries, a data directory
 * in /tmp, a free port, trust auth on loopback), so that it can be stopped and
 * started without touching the machine's shared server.
 */
export class PrivatePostgres {
  readonly dataDir: string;
  readonly logFile: string;
  port = 0;
  private readonly bin: string;
  private readonly asPostgres: boolean;

  constructor() {
    this.bin = PrivatePostgres.binDir();
    const root = mkdtempSync(join(tmpdir(), 'kz-drill-pg-'));
    this.dataDir = join(root, 'data');
    this.logFile = join(root, 'server.log');
    // initdb refuses to run as root: run the server as the postgres user then.
    this.asPostgres = process.getuid?.() === 0;
    if (this.asPostgres) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(root, uid, gid);
    }
  }

  static binDir(): string {
    const base = '/usr/lib/postgresql';
    const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl'))) : [];
    const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
    if (!newest) throw new Error(`no PostgreSQL server binaries under ${base} (install Debian's postgresql package)`);
    return join(base, newest, 'bin');
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async init(): Promise<void> {
    this.port = await freePort();
    this.run('initdb', ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  }

  start(): void {
    this.run('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      this.logFile,
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${this.port} -k ${join(this.dataDir, '..')} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c full_page_writes=off`,
      'start',
    ]);
  }

  /** Stops the server the way a restart does: connections are terminated, committed work is kept. */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  running(): boolean {
    return this.spawn('pg_ctl', ['-D', this.dataDir, 'status']).status === 0;
  }

  /** Stops the server if it runs and removes its files. */
  remove(): void {
    try {
      if (existsSync(this.dataDir) && this.running()) this.stop('immediate');
    } finally {
      rmSync(join(this.dataDir, '..'), { recursive: true, force: true });
    }
  }

  private spawnOptions() {
    return { encoding: 'utf8' as const, cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'] };
  }

  /** Runs one of the server's tools, as the postgres user when we are root (pg_ctl and initdb refuse root). */
  private spawn(tool: string, args: string[]) {
    const command = this.asPostgres ? 'runuser' : join(this.bin, tool);
    const argv = this.asPostgres ? ['-u', 'postgres', '--', join(this.bin, tool), ...args] : args;
    return spawnSync(command, argv, this.spawnOptions());
  }

  private run(tool: string, args: string[]): void {
    const res = this.spawn(tool, args);
    if (res.status !== 0) {
      throw new Error(
        `${tool} failed (${res.error?.message ?? `exit ${res.status}`}): ${(res.stderr || res.stdout).trim().slice(-500)}\n${tail(this.logFile)}`,
      );
    }
  }
}
