/**
 * The fault drills: `npm run drill -- [--smoke] [drill...]`.
 *
 * Each drill starts the stack it needs (separate processes on free ports, a
 * Kafka namespace and databases of its own), injects its fault, checks how the
 * system answered, prints one PASS/FAIL line with its figures, and removes
 * what it started. Exit status: 0 when every drill passed, 1 when one failed,
 * 2 for bad arguments, 130 when interrupted.
 */
import type { Drill, DrillSettings } from './drill';
import { gatewayKill } from './drills/gateway-kill';
import { hostileInput } from './drills/hostile-input';
import { importWorkerKill } from './drills/import-worker-kill';
import { kafkaOutage } from './drills/kafka-outage';
import { postgresRestart } from './drills/postgres-restart';
import { redisRestart } from './drills/redis-restart';
import { scaleOut } from './drills/scale-out';
import { soak } from './drills/soak';
import { webhookDelivery } from './drills/webhook-delivery';
import { onInterrupt } from './interrupt';

const DRILLS: Drill[] = [hostileInput, postgresRestart, gatewayKill, kafkaOutage, importWorkerKill, redisRestart, webhookDelivery, scaleOut, soak];

const USAGE = `usage: npm run drill -- [--smoke] [drill...]

drills (all when none is named):
${DRILLS.map((d) => `  ${d.name.padEnd(18)} ${d.description}`).join('\n')}

options:
  --smoke   shorter phases (smaller loads and outage), the same checks
  --help`;

// kafkajs (used for the Kafka clean-up) sets timers with negative durations on Node 24; the warning is noise.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'TimeoutNegativeWarning') process.stderr.write(`${warning.name}: ${warning.message}\n`);
});

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const settings: DrillSettings = { smoke: args.includes('--smoke') };
  const unknownOptions = args.filter((a) => a.startsWith('-') && a !== '--smoke');
  const names = args.filter((a) => !a.startsWith('-'));
  const unknown = names.filter((n) => !DRILLS.some((d) => d.name === n));
  if (unknownOptions.length > 0 || unknown.length > 0) {
    process.stderr.write(`drill: unknown ${[...unknownOptions, ...unknown].join(', ')}\n\n${USAGE}\n`);
    return 2;
  }
  const drills = names.length === 0 ? DRILLS : DRILLS.filter((d) => names.includes(d.name));
  process.on('SIGINT', () => onInterrupt('SIGINT'));
  process.on('SIGTERM', () => onInterrupt('SIGTERM'));

  const lines: string[] = [];
  let failed = 0;
  for (const drill of drills) {
    const log = (m: string) => process.stderr.write(`drill: ${drill.name}: ${m}\n`);
    log(`starting${settings.smoke ? ' (smoke)' : ''}`);
    const started = Date.now();
    let line: string;
    try {
      const result = await drill.run({ settings, log });
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      line = `${result.ok ? 'PASS' : 'FAIL'} ${drill.name}: ${result.figures} (${seconds} s)`;
      if (!result.ok) failed++;
      const extra = [...result.notes.map((n) => `     ${n}`), ...result.problems.map((p) => `     problem: ${p}`)];
      process.stdout.write(`${[line, ...extra].join('\n')}\n`);
    } catch (err) {
      failed++;
      line = `FAIL ${drill.name}: ${(err as Error).message.split('\n')[0]}`;
      process.stdout.write(`${line}\n`);
      process.stderr.write(`drill: ${drill.name}: ${(err as Error).stack ?? String(err)}\n`);
    }
    lines.push(line);
  }
  if (drills.length > 1) process.stdout.write(`\n${lines.join('\n')}\n`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`drill: ${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
