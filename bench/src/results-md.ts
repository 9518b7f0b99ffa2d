/**
 * bench/RESULTS.md: every figure of a full benchmark run against the
 * performance targets of the design ("Performance targets" in design.md),
 * with the machine, the date and the exact command. The runner writes it after
 * every full (not --smoke) run of all scenarios, from the results JSON it has
 * just written (a run of named scenarios leaves it alone);
 * `node bench/dist/results-md.js bench/results/<file>.json` writes it again
 * from any results file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Target } from './scenario';

/** The rows of design.md's "Performance targets" table, and the scenarios that measure them. */
export const DESIGN_TARGETS: readonly { what: string; target: string; scenarios: readonly string[] }[] = [
  {
    what: 'bulk import, CSV to group members',
    target:
      '100,000 rows end to end in ≤ 10 s; 1,000,000 rows with every process under 300 MB peak memory; rows/s ≥ ⅛ of a raw `COPY` of the same rows in the same run',
    scenarios: ['member-import', 'bulk-import', 'csv-import'],
  },
  {
    what: 'send → delivered over a subscription',
    target: 'p50 ≤ 15 ms, p99 ≤ 60 ms at 200 messages/s over 100 groups, 1,000 subscribers',
    scenarios: ['send-receive'],
  },
  { what: 'fan-out', target: 'a message to a 100,000-member group reaches 5,000 online subscribers in ≤ 2 s', scenarios: ['fan-out'] },
  {
    what: 'federated query (group → 50 members → profiles)',
    target: "requests/s ≥ 3× the Hive Gateway's on the same subgraphs, same run; gateway CPU ≤ 2.5 ms per operation",
    scenarios: ['federated-query'],
  },
  { what: 'history page of 50 on a 1,000,000-message group', target: 'p99 ≤ 10 ms in the subgraph', scenarios: ['history'] },
  {
    what: 'one group of 1,000,000 members',
    target: 'bulk-added in ≤ 40 s, events consumed; member page or search p99 ≤ 20 ms',
    scenarios: ['large-group'],
  },
  {
    what: 'web app (headless Chromium)',
    target:
      'sign-in screen JS ≤ 250 KB gzip; groups screen interactive ≤ 1 s after sign-in; members table of a 1,000,000-member group shows rows within 150 ms of any scroll or search (p99); opening a 1,000,000-message conversation paints ≤ 300 ms; send → shown in another browser p99 ≤ 150 ms',
    scenarios: ['web-app', 'web-app-chat'],
  },
  {
    what: 'retention (issue #23)',
    target:
      'deleting 1,000,000 expired messages while send → receive runs at 200 messages/s: send → receive p99 within 1.5× of the same run without the deletion',
    scenarios: ['retention'],
  },
  {
    what: 'webhooks',
    target: '500 events/s to 50 endpoints: commit → delivered p99 ≤ 1 s; 10 failing endpoints cost the healthy ones ≤ 1.5× p99',
    scenarios: ['webhooks'],
  },
  {
    what: 'organisation export',
    target: '1,000,000 messages and 100,000 members in ≤ 60 s, every process under 300 MB',
    scenarios: ['export'],
  },
  {
    what: 'chat import',
    target: '100,000 messages with 2,000 media files end to end in ≤ 20 s; 1,000,000 lines with every process under 300 MB',
    scenarios: ['chat-import'],
  },
];

/** The parts of the runner's results JSON this page reads. */
export interface BenchReportJson {
  mode: string;
  command: string;
  machine: { cpuModel: string; cores: number; memoryGiB: number; node: string; os: string; loadAverage?: number[]; date?: string };
  software?: { commit?: string; uncommittedChanges?: boolean; packages?: Record<string, string> };
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  error?: string;
  scenarios: { name: string; ok: boolean; problems?: string[]; targets?: Target[] }[];
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function verdict(t: Target, mode: string): string {
  if (t.met === null) return `not judged: ${t.notJudged ?? (mode === 'smoke' ? 'smoke run' : 'reduced size or settings')}`;
  return t.met ? 'met' : '**missed**';
}

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en', { maximumFractionDigits: 2 });
}

export function resultsMarkdown(report: BenchReportJson, resultsFile: string): string {
  const m = report.machine;
  const sw = report.software ?? {};
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`bench/src/results-md.ts\` from \`${resultsFile}\` at the end of a full \`npm run bench\`;`,
    'the next full run replaces it. Targets are those of the design\'s "Performance targets" table;',
    'figures are comparable only within one run (see bench/README.md).',
    '',
    `- **command:** \`${report.command}\``,
    `- **date:** ${report.startedAt} to ${report.finishedAt} (${report.mode} run)`,
    `- **machine:** ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}${m.loadAverage ? `, load average at start ${m.loadAverage.join(' / ')}` : ''}`,
    `- **code:** commit ${sw.commit || 'unknown'}${sw.uncommittedChanges ? ' with uncommitted changes' : ''}`,
    `- **outcome:** ${report.ok ? 'every request answered correctly' : `FAILED${report.error ? `: ${report.error}` : ' (see the problems below)'}`}`,
    '',
    '| design target | target | scenario | figure | measured | judged against | verdict |',
    '| --- | --- | --- | --- | ---: | --- | --- |',
  ];
  const byName = new Map(report.scenarios.map((s) => [s.name, s]));
  const mapped = new Set<string>();
  for (const row of DESIGN_TARGETS) {
    const ran = row.scenarios.map((n) => byName.get(n)).filter((s): s is NonNullable<typeof s> => s !== undefined);
    for (const s of ran) mapped.add(s.name);
    const measured = ran.flatMap((s) => (s.targets ?? []).map((t) => ({ s, t })));
    if (measured.length === 0) {
      const why =
        ran.length > 0
          ? `scenario ${ran.map((s) => s.name).join(', ')} ${ran.some((s) => !s.ok) ? `failed: ${ran.flatMap((s) => s.problems ?? [])[0] ?? 'no figure'}` : 'reported no figure'}`
          : `not measured in this run (no scenario ${row.scenarios.map((n) => `\`${n}\``).join(' / ')} ran)`;
      lines.push(`| ${cell(row.what)} | ${cell(row.target)} | – | – | – | – | ${cell(why)} |`);
      continue;
    }
    measured.forEach(({ s, t }, i) => {
      lines.push(
        `| ${i === 0 ? cell(row.what) : ''} | ${i === 0 ? cell(row.target) : ''} | ${s.name}${s.ok ? '' : ' (FAILED)'} | ${cell(t.what)} | ${formatValue(t.value)} | ${cell(t.target)} | ${cell(verdict(t, report.mode))} |`,
      );
    });
  }
  const others = report.scenarios.filter((s) => !mapped.has(s.name));
  if (others.length > 0) {
    lines.push(
      '',
      'Scenarios without a row in the design table:',
      '',
      '| scenario | figure | measured | judged against | verdict |',
      '| --- | --- | ---: | --- | --- |',
    );
    for (const s of others) {
      if ((s.targets ?? []).length === 0) lines.push(`| ${s.name}${s.ok ? '' : ' (FAILED)'} | – | – | – | no target |`);
      for (const t of s.targets ?? [])
        lines.push(
          `| ${s.name}${s.ok ? '' : ' (FAILED)'} | ${cell(t.what)} | ${formatValue(t.value)} | ${cell(t.target)} | ${cell(verdict(t, report.mode))} |`,
        );
    }
  }
  const problems = report.scenarios.flatMap((s) => (s.problems ?? []).map((p) => `- ${s.name}: ${p}`));
  if (problems.length > 0) lines.push('', '## Problems', '', ...problems);
  if (sw.packages) {
    lines.push('', '## Software', '', ...Object.entries(sw.packages).map(([p, v]) => `- ${p} ${v}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Writes bench/RESULTS.md (or `out`) for a results JSON; returns the path written. */
export function writeResultsMarkdown(report: BenchReportJson, resultsFile: string, repoRoot: string, out = join(repoRoot, 'bench', 'RESULTS.md')): string {
  writeFileSync(out, resultsMarkdown(report, relative(repoRoot, resultsFile) || resultsFile));
  return out;
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node bench/dist/results-md.js bench/results/<timestamp>.json [out.md]\n');
    process.exit(2);
  }
  const repoRoot = join(__dirname, '..', '..');
  const report = JSON.parse(readFileSync(file, 'utf8')) as BenchReportJson;
  process.stdout.write(`${writeResultsMarkdown(report, join(process.cwd(), file), repoRoot, process.argv[3])}\n`);
}
