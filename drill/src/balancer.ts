import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, freePort, GiveUp, logTail, type BalancedPorts, type ServiceName } from '@kz/stack';

/** Debian's HAProxy (scripts/drill.sh installs the package when it is missing). */
export const HAPROXY = '/usr/sbin/haproxy';

/** One server's counters from HAProxy's statistics. */
export interface ServerCounters {
  service: string;
  server: string;
  /** As its health checks have it: UP, DOWN, … */
  status: string;
  /** HTTP requests it was sent. */
  requests: number;
  /** Requests HAProxy sent again after a failed connection, and those it sent to another server instead. */
  retries: number;
  redispatches: number;
  /** Connections that failed, and answers that did not come or came broken. */
  connectionErrors: number;
  responseErrors: number;
  /** Times its health check took it out of the pool. */
  downs: number;
}

/**
 * HAProxy in front of every service: one frontend per service on its balancer port, its processes as the servers,
 * each checked on /readyz every half second and taken out after one failed check (a process that is stopping
 * answers 503 there, a dead one refuses the connection). A connection that fails is tried again on another
 * server; a request already sent is never sent again by HAProxy (a mutation may have been applied): the client
 * retries with its idempotency key, as an application would.
 */
export class Balancer {
  private child: ChildProcess | undefined;
  private statsPort = 0;
  private readonly configFile: string;
  private readonly logFile: string;

  constructor(
    private readonly dir: string,
    private readonly services: Partial<Record<ServiceName, BalancedPorts>>,
  ) {
    this.configFile = join(dir, 'haproxy.cfg');
    this.logFile = join(dir, 'haproxy.log');
  }

  /** Free ports for each service's balancer and `replicas` processes. */
  static async ports(services: readonly ServiceName[], replicas: number): Promise<Partial<Record<ServiceName, BalancedPorts>>> {
    const ports: Partial<Record<ServiceName, BalancedPorts>> = {};
    for (const service of services) {
      const processes: number[] = [];
      for (let i = 0; i < replicas; i++) processes.push(await freePort());
      ports[service] = { front: await freePort(), processes };
    }
    return ports;
  }

  /** A service's address through the balancer, e.g. http://127.0.0.1:40123. */
  base(service: ServiceName): string {
    const ports = this.services[service];
    if (!ports) throw new Error(`${service} is not behind the balancer`);
    return `http://127.0.0.1:${ports.front}`;
  }

  config(): string {
    const lines = [
      'global',
      '  maxconn 4000',
      'defaults',
      '  mode http',
      '  timeout connect 2s',
      '  timeout client 60s',
      '  timeout server 60s',
      // Subscriptions: a WebSocket lives as long as its client keeps it.
      '  timeout tunnel 1h',
      '  timeout http-request 30s',
      '  retries 3',
      '  retry-on conn-failure',
      '  option redispatch 1',
      '  default-server check inter 500ms fall 1 rise 2',
      'frontend stats',
      `  bind 127.0.0.1:${this.statsPort}`,
      '  stats enable',
      '  stats uri /stats',
    ];
    for (const [service, ports] of Object.entries(this.services)) {
      lines.push(
        `frontend ${service}`,
        `  bind 127.0.0.1:${ports.front}`,
        `  default_backend ${service}`,
        `backend ${service}`,
        // Long-lived WebSockets would pile up on one gateway under round robin.
        `  balance ${service === 'gateway' ? 'leastconn' : 'roundrobin'}`,
        '  option httpchk GET /readyz',
        '  http-check expect status 200',
        ...ports.processes.map((port, i) => `  server ${service}-${i + 1} 127.0.0.1:${port}`),
      );
    }
    return `${lines.join('\n')}\n`;
  }

  async start(): Promise<void> {
    this.statsPort = await freePort();
    writeFileSync(this.configFile, this.config());
    const log = openSync(this.logFile, 'a');
    try {
      // -db: stays in the foreground, so that it ends with the drill.
      this.child = spawn(HAPROXY, ['-db', '-f', this.configFile], { stdio: ['ignore', log, log] });
    } finally {
      closeSync(log);
    }
    const child = this.child;
    let exited: string | undefined;
    child.once('exit', (code, signal) => (exited = `exited (code ${code}, signal ${signal})`));
    child.once('error', (err) => (exited = err.message));
    await eventually(
      'HAProxy answering',
      async () => {
        if (exited) throw new GiveUp(`HAProxy ${exited}; last lines of ${this.logFile}:\n${logTail(this.logFile)}`);
        const res = await fetch(`http://127.0.0.1:${this.statsPort}/stats;csv`);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
      },
      15_000,
      100,
    );
  }

  /** Resolves once every process is in its service's pool (its health checks passed). */
  async awaitEveryServerUp(): Promise<void> {
    await eventually(
      'HAProxy finding every process ready',
      async () => {
        const down = (await this.counters()).filter((c) => c.status !== 'UP');
        if (down.length > 0) throw new Error(`not in the pool: ${down.map((c) => `${c.server} (${c.status})`).join(', ')}`);
      },
      60_000,
      200,
    );
  }

  /** Every server's counters since HAProxy started. */
  async counters(): Promise<ServerCounters[]> {
    const csv = await (await fetch(`http://127.0.0.1:${this.statsPort}/stats;csv`)).text();
    const [header, ...rows] = csv.trim().split('\n');
    const columns = header!.replace(/^# /, '').split(',');
    const at = (row: string[], name: string) => Number(row[columns.indexOf(name)] || 0);
    return rows
      .map((line) => line.split(','))
      .filter((row) => row[1] !== 'FRONTEND' && row[1] !== 'BACKEND' && row[0] !== 'stats')
      .map((row) => ({
        service: row[0]!,
        server: row[1]!,
        status: row[columns.indexOf('status')] ?? '',
        requests: at(row, 'req_tot') || at(row, 'stot'),
        retries: at(row, 'wretr'),
        redispatches: at(row, 'wredis'),
        connectionErrors: at(row, 'econ'),
        responseErrors: at(row, 'eresp'),
        downs: at(row, 'chkdown'),
      }));
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref())]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
