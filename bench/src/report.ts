import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { ScenarioResult } from './scenario';
import { REPO_ROOT } from './stack';

export function machineInfo() {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    availableParallelism: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${process.platform} ${release()}`,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    date: new Date().toISOString(),
  };
}

export function softwareInfo() {
  const version = (pkg: string) => {
    try {
      return (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return 'missing';
    }
  };
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  return {
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommittedChanges: git('status', '--porcelain').length > 0,
    packages: Object.fromEntries(
      ['@apollo/gateway', '@apollo/server', '@graphql-hive/gateway', '@graphql-hive/gateway-runtime', 'autocannon', 'graphql'].map((p) => [p, version(p)]),
    ),
  };
}

/** A plain-text table: first row is the header, numbers right-aligned. */
export function formatTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  const numeric = (s: string) => /^[-\d.,]+x?$/.test(s);
  const line = (r: string[]) => r.map((cell, col) => (numeric(cell) && col > 0 ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function formatScenario(result: ScenarioResult): string {
  const out = [`== ${result.name}: ${result.ok ? 'all requests answered correctly' : 'FAILED'}`];
  if (result.table.length > 1) out.push(formatTable(result.table));
  out.push(...result.notes);
  for (const t of result.targets) {
    const verdict = t.met === null ? (t.notJudged ?? 'not judged (smoke run)') : t.met ? 'met' : 'MISSED';
    out.push(`target ${t.what} ${t.target}: ${t.value} — ${verdict}`);
  }
  for (const p of result.problems) out.push(`problem: ${p}`);
  return out.join('\n');
}
