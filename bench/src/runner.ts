/**
 * The benchmark runner: `npm run bench -- [--smoke] [scenario...]`.
 *
 * Brings up PostgreSQL, Redis and Kafka, builds, starts the subgraphs and the
 * gateways as separate processes on ports, a Kafka namespace and databases of
 * their own, runs the named scenarios (all when none is named), prints a table
 * and writes the results with the machine they ran on to
 * bench/results/<timestamp>.json. Whatever happens (failure, Ctrl-C), the
 * processes it started are stopped and its databases and topics removed.
 *
 * Exit status: 0 when every request was answered correctly, 1 otherwise, 2 for
 * bad arguments, 130 when interrupted. Performance targets are reported, not
 * enforced, and never judged in --smoke runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stopLoad } from './load';
import { formatScenario, machineInfo, softwareInfo } from './report';
import { writeResultsMarkdown } from './results-md';
import type { RunSettings, Scenario, ScenarioResult } from './scenario';
import { chatImport } from './scenarios/chat-import';
import { exportScenario } from './scenarios/export';
import { fanOut } from './scenarios/fan-out';
import { federatedQuery } from './scenarios/federated-query';
import { history } from './scenarios/history';
import { largeGroup, MAX_MEMBERS } from './scenarios/large-group';
import { memberImport } from './scenarios/member-import';
import { retention } from './scenarios/retention';
import { sendReceive } from './scenarios/send-receive';
import { webApp } from './scenarios/web-app';
import { CHAT_PARTS, type ChatPart, webAppChat } from './scenarios/web-app-chat';
import { tracing } from './scenarios/tracing';
import { webhooks } from './scenarios/webhooks';
import { BenchStack, REPO_ROOT } from './stack';

const SCENARIOS: Scenario[] = [
  federatedQuery,
  largeGroup,
  memberImport,
  sendReceive,
  retention,
  exportScenario,
  chatImport,
  fanOut,
  history,
  webhooks,
  tracing,
  webApp,
  webAppChat,
];

const USAGE = `usage: npm run bench -- [options] [scenario...]

scenarios (all when none is named):
${SCENARIOS.map((s) => `  ${s.name.padEnd(18)} ${s.description}`).join('\n')}

options:
  --smoke            one short round on a small data set: checks that everything answers, judges no target
  --rounds N         rounds of alternating gateways (default 3; smoke 1)
  --warmup S         warm-up seconds before each measured run (default 3; smoke 0.5)
  --duration S       measured seconds per gateway and round (default 10; smoke 1)
  --connections N    concurrent connections (default 50)
  --members N        large-group: members to add (default 1,000,000; smoke 2,000); member-import: one file of N rows
  --in-flight N      large-group: addGroupMembers calls in flight at once (default 2)
  --chat-parts LIST  web-app-chat: comma-separated parts among ${CHAT_PARTS.join(',')} (default all)
  --chat-messages N  web-app-chat: messages in the group opened and scrolled (default 1,000,000; smoke 2,000)
  --chat-opens N     web-app-chat: timed opens of that group (default 20; smoke 3)
  --chat-scroll-back N  web-app-chat: messages to scroll back (default 2,000; smoke 200)
  --chat-sends N     web-app-chat: messages sent from one browser to another (default 500; smoke 20)
  --chat-soak-seconds S  web-app-chat: length of the soak (default 600; smoke 10)
  --chat-soak-rate N     web-app-chat: messages per second in the soak (default 20)
  --chat-soak-groups N   web-app-chat: groups the soak's reader is in (default 50)
  --no-setup         skip bringing up the infrastructure and building (scripts/bench.sh has done it)
  --help

webhooks sizes from the environment (its targets are then not judged):
  BENCH_WEBHOOK_RATE N       webhooks: messages per second (default 500; smoke 10)
  BENCH_WEBHOOK_SECONDS S    webhooks: measured seconds of each phase (default 300; smoke 2)
  BENCH_WEBHOOK_ENDPOINTS N  webhooks: endpoints (default 50; smoke 3)
  BENCH_WEBHOOK_FAILING N    webhooks: endpoints failing in phase B (default 10, or a fifth of BENCH_WEBHOOK_ENDPOINTS; smoke 1)

export sizes from the environment (its targets are then not judged):
  BENCH_EXPORT_MEMBERS N     export: people imported into the directory (default 100,000; smoke 2,000)
  BENCH_EXPORT_MESSAGES N    export: messages seeded over its 10 groups (default 1,000,000; smoke 20,000)`;

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

// kafkajs (used for the Kafka clean-up) sets timers with negative durations on Node 24; the warning is noise.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'TimeoutNegativeWarning') process.stderr.write(`${warning.name}: ${warning.message}\n`);
});

class UsageError extends Error {}

function parseArgs(argv: string[]): { settings: RunSettings; scenarios: Scenario[]; setup: boolean } {
  const smoke = argv.includes('--smoke');
  const settings: RunSettings = smoke
    ? { smoke, rounds: 1, warmupSeconds: 0.5, durationSeconds: 1, connections: 50 }
    : { smoke, rounds: 3, warmupSeconds: 3, durationSeconds: 10, connections: 50 };
  let setup = true;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const number = (min: number) => {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value < min) throw new UsageError(`${arg} needs a number of at least ${min}`);
      return value;
    };
    if (arg === '--smoke') continue;
    else if (arg === '--no-setup') setup = false;
    else if (arg === '--rounds') settings.rounds = Math.floor(number(1));
    else if (arg === '--warmup') settings.warmupSeconds = number(0.1);
    else if (arg === '--duration') settings.durationSeconds = number(0.5);
    else if (arg === '--connections') settings.connections = Math.floor(number(1));
    else if (arg === '--members') {
      settings.members = Math.floor(number(1));
      if (settings.members > MAX_MEMBERS) throw new UsageError(`--members is at most ${MAX_MEMBERS}`);
    } else if (arg === '--in-flight') settings.inFlight = Math.floor(number(1));
    else if (arg === '--chat-parts') {
      const parts = (argv[++i] ?? '').split(',').filter(Boolean);
      const wrong = parts.filter((p) => !(CHAT_PARTS as readonly string[]).includes(p));
      if (parts.length === 0 || wrong.length > 0) throw new UsageError(`--chat-parts takes a comma-separated list among ${CHAT_PARTS.join(', ')}`);
      settings.chatParts = parts as ChatPart[];
    } else if (arg === '--chat-messages') settings.chatMessages = Math.floor(number(100));
    else if (arg === '--chat-opens') settings.chatOpens = Math.floor(number(1));
    else if (arg === '--chat-scroll-back') settings.chatScrollBack = Math.floor(number(1));
    else if (arg === '--chat-sends') settings.chatSends = Math.floor(number(1));
    else if (arg === '--chat-soak-seconds') settings.chatSoakSeconds = number(1);
    else if (arg === '--chat-soak-rate') settings.chatSoakRate = number(0.1);
    else if (arg === '--chat-soak-groups') settings.chatSoakGroups = Math.floor(number(1));
    else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else names.push(arg);
  }
  const unknown = names.filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length > 0) throw new UsageError(`unknown scenario ${unknown.join(', ')}`);
  const scenarios = names.length === 0 ? SCENARIOS : SCENARIOS.filter((s) => names.includes(s.name));
  return { settings, scenarios, setup };
}

function runStep(what: string, command: string, args: string[]): void {
  log(what);
  const res = spawnSync(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (res.status !== 0) throw new Error(`${what} failed (${res.error?.message ?? `exit status ${res.status ?? res.signal}`})`);
}

async function main(): Promise<number> {
  // scripts/bench.sh adds --no-setup after doing the setup itself.
  const userArgs = process.argv.slice(2).filter((a) => a !== '--no-setup');
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    if (err.message) process.stderr.write(`bench: ${err.message}\n\n`);
    process.stderr.write(`${USAGE}\n`);
    return err.message ? 2 : 0;
  }
  const { settings, scenarios, setup } = parsed;
  const startedAt = new Date();
  const machine = machineInfo();

  if (setup) {
    runStep('bringing up PostgreSQL, Redis and Kafka', 'bash', ['deploy/local/up.sh']);
    runStep('building (tsc -b)', process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b']);
  }

  const stack = new BenchStack();
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return log(`${signal} again: still cleaning up`);
    interrupted = true;
    log(`${signal}: stopping the processes and removing namespace ${stack.namespace}`);
    stopLoad();
    stack.stop().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const results: ScenarioResult[] = [];
  let fatal: Error | undefined;

  try {
    log(`starting the subgraphs (namespace ${stack.namespace}, logs in ${stack.logDir})`);
    await stack.start();
    await stack.ensureGateways(['ours']);
    for (const scenario of scenarios) {
      log(`scenario ${scenario.name}${settings.smoke ? ' (smoke)' : ''}`);
      try {
        results.push(await scenario.run({ stack, settings, log: (m) => log(`${scenario.name}: ${m}`) }));
      } catch (err) {
        if (interrupted) break;
        results.push({
          name: scenario.name,
          ok: false,
          problems: [(err as Error).message],
          table: [],
          notes: [],
          targets: [],
          details: {},
        });
      }
    }
  } catch (err) {
    fatal = err as Error;
  } finally {
    const failed = fatal !== undefined || results.some((r) => !r.ok);
    if (!interrupted) await stack.stop({ keepLogs: failed });
  }
  if (interrupted) return new Promise(() => undefined); // the signal handler exits

  const report = {
    mode: settings.smoke ? 'smoke' : 'full',
    command: ['npm run bench', ...(userArgs.length > 0 ? ['--', ...userArgs] : [])].join(' '),
    machine,
    software: softwareInfo(),
    settings,
    namespace: stack.namespace,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    ok: fatal === undefined && results.every((r) => r.ok),
    error: fatal?.message,
    scenarios: results.map((r) => ({ name: r.name, ok: r.ok, problems: r.problems, targets: r.targets, ...r.details })),
  };
  const dir = join(REPO_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const json = JSON.stringify(report, null, 2);
  writeFileSync(file, `${json}\n`);
  // A full run of every scenario also rewrites bench/RESULTS.md: each figure against its design target.
  const summary = !settings.smoke && scenarios.length === SCENARIOS.length ? writeResultsMarkdown(report, file, REPO_ROOT) : undefined;

  const m = report.machine;
  const out = [
    '',
    `machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}, ${m.date}`,
    '',
    ...results.map((r) => `${formatScenario(r)}\n`),
  ];
  if (fatal) out.push(`FAILED before the scenarios could finish: ${fatal.message}`);
  out.push(`results: ${relative(process.cwd(), file) || file}`);
  if (summary) out.push(`summary: ${relative(process.cwd(), summary) || summary}`);
  process.stdout.write(`${out.join('\n')}\n`);
  if (!settings.smoke) process.stdout.write(`${json}\n`);
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`bench: ${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
