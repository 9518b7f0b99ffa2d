import { SUBGRAPHS } from '@kz/stack';
import { formatTable } from './report';
import { round } from './scenario';
import type { BenchStack } from './stack';
import type { Classifier, CpuDelta } from './system-cpu';

/**
 * Labels for CPU accounting: our processes by pid, PostgreSQL backends by
 * database (the runner's own connections, `benchBackends`, apart), the Kafka
 * broker, Redis, this runner.
 */
export function stackClassifier(stack: BenchStack, benchBackends: ReadonlySet<number> = new Set()): Classifier {
  const labels = new Map<number, string>();
  for (const name of SUBGRAPHS) for (const sub of stack.instances(name)) labels.set(sub.proc.pid, name);
  for (const [id, gw] of stack.gateways) labels.set(gw.proc.pid, id === 'ours' ? 'gateway' : `gateway ${id}`);
  const dbs = new Map<string, string>();
  for (const name of SUBGRAPHS) dbs.set(new URL(stack.databaseUrl(name)).pathname.slice(1), name);
  return (p) => {
    const known = labels.get(p.pid);
    if (known) return known;
    if (p.pid === process.pid) return 'bench runner (clients, this process)';
    if (p.comm === 'postgres') {
      if (benchBackends.has(p.pid)) return 'postgres: bench queries';
      // A backend's title: "postgres: 15/main: <user> <database> <host>(<port>) <activity>".
      const backend = /^postgres: [^:]+: \S+ (\S+) (?:\S+\(\d+\)|\[local\])/.exec(p.cmdline);
      if (backend) {
        const service = dbs.get(backend[1]!);
        return service ? `postgres: ${service} db` : 'postgres: other databases';
      }
      return 'postgres: background';
    }
    if (p.comm === 'java' && p.cmdline.includes('kafka.Kafka')) return 'kafka broker';
    // The tracing scenario's span collector.
    if (p.comm === 'java' && p.cmdline.includes('zipkin-server')) return 'zipkin server';
    // The queue of the import and webhooks services (BullMQ).
    if (p.comm === 'redis-server') return 'redis';
    return null;
  };
}

const ORDER = [
  'gateway',
  'messaging',
  'groups',
  'identity',
  'import',
  'webhooks',
  'kafka broker',
  'redis',
  'postgres: messaging db',
  'postgres: groups db',
  'postgres: identity db',
  'postgres: webhooks db',
  'postgres: background',
  'postgres: other databases',
  'bench runner (clients, this process)',
];

/** A table of CPU by process over a measured window, as % of one core, plus per-unit ms when `per` is given. */
export function cpuLines(d: CpuDelta, per?: { n: number; unit: string }): string[] {
  const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
  const labels = [...new Set([...ORDER, ...Object.keys(d.byLabel)])].filter((l) => (d.byLabel[l] ?? 0) > 0);
  const rows = [
    ['process', 'CPU s', '% of a core', ...(per ? [`CPU ms per ${per.unit}`] : [])],
    ...labels.map((l) => {
      const ms = d.byLabel[l] ?? 0;
      return [l, f(ms / 1000, 2), f((100 * ms) / Math.max(1, d.wallMs), 0), ...(per ? [f(ms / per.n, 3)] : [])];
    }),
    ['everything else (other processes, kernel)', f(d.unlabelledMs / 1000, 2), f((100 * d.unlabelledMs) / Math.max(1, d.wallMs), 0), ...(per ? [''] : [])],
    ['whole machine (2 cores = 200 %)', f(d.machineBusyMs / 1000, 2), f((100 * d.machineBusyMs) / Math.max(1, d.wallMs), 0), ...(per ? [''] : [])],
  ];
  return formatTable(rows)
    .split('\n')
    .map((l) => `  ${l}`);
}

export function cpuDetails(d: CpuDelta): Record<string, unknown> {
  return {
    wallMs: d.wallMs,
    machineBusyMs: Math.round(d.machineBusyMs),
    unlabelledMs: Math.round(d.unlabelledMs),
    byProcess: Object.fromEntries(Object.entries(d.byLabel).map(([k, v]) => [k, round(v, 0)])),
  };
}
