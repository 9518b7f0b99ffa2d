import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, logTail as tail } from '@kz/stack';
import { sleep } from './drill';

const REDIS_SERVER = process.env.DRILL_REDIS_SERVER ?? '/usr/bin/redis-server';

/**
 * A redis-server of the drill's own (Debian's binary, a free port, nothing
 * kept on disk: `--save '' --appendonly no`), so that restarting it touches
 * nothing else. A restart therefore loses every key, as a Redis without
 * persistence does.
 */
export class PrivateRedis {
  readonly dir = mkdtempSync(join(tmpdir(), 'kz-drill-redis-'));
  readonly logFile = join(this.dir, 'redis.log');
  port = 0;
  private child: ChildProcess | undefined;
  private readonly onExit = () => this.child?.kill('SIGKILL');

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    this.port ||= await freePort();
    const fd = openSync(this.logFile, 'a');
    try {
      this.child = spawn(
        REDIS_SERVER,
        ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir, '--protected-mode', 'no'],
        { stdio: ['ignore', fd, fd] },
      );
    } finally {
      closeSync(fd);
    }
    process.once('exit', this.onExit);
    const deadline = Date.now() + 10_000;
    while (!(await this.answers())) {
      if (this.child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start on ${this.port}:\n${tail(this.logFile)}`);
      await sleep(50);
    }
  }

  /** SIGTERM, as a service manager stops it; with nothing persisted every key is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    process.removeListener('exit', this.onExit);
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** PING over a plain socket. */
  private answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port: this.port });
      const done = (ok: boolean) => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(1_000, () => done(false));
      socket.once('error', () => done(false));
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
    });
  }
}
