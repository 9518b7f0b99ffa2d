import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import { eventually, isFinalImportStatus, mustQuery } from '@kz/stack';
import { checkMembersArrived, connectServiceDbs, localNumber, startMemberImport, uploadMemberCsv, writeMemberCsv } from '../member-imports';
import { peakProcesses, peaksMiB, resetPeaks, TARGET_PEAK_MB, TARGET_PEAK_MIB } from '../peak-memory';
import { copyFrom } from '../pg-copy';
import { round, type Scenario, type ScenarioContext, type ScenarioResult, type Target } from '../scenario';
import { cpuDelta, cpuSnapshot } from '../system-cpu';
import { stackClassifier } from '../process-cpu';

/**
 * Member CSV imports end to end: files of 10,000, 100,000 and 1,000,000 rows
 * (about 1 % invalid, 5 % people already in the directory), each uploaded
 * through the import service into the directory and a new group, timed from
 * the upload's first byte until the import has finished, the group holds
 * every valid row, messaging's read model has them all and every outbox is
 * drained (every event published). In the same run, a raw COPY of the same
 * rows into a bare table with a unique index is the ceiling.
 */

const SIZES = [10_000, 100_000, 1_000_000];
const SMOKE_SIZES = [2_000];
const TARGET_100K_SECONDS = 10;
const ADMIN_PHONE = '+14155559100';

interface SizeResult {
  rows: number;
  valid: number;
  existing: number;
  bytes: number;
  uploadSeconds: number;
  importFinishedSeconds: number;
  endToEndSeconds: number;
  rowsPerSecond: number;
  copySeconds: number;
  copyRowsPerSecond: number;
  ratioToCopy: number;
  counts: Record<string, number>;
  status: string;
  peakMiB: Record<string, number>;
  cpuSeconds: Record<string, number>;
}

/** The file's rows, as many and numbered as the file numbers them, COPYed as id, E.164 number, name and network. */
async function rawCopy(db: Client, rows: number, firstNumber: number, table: string): Promise<number> {
  await db.query(`CREATE TABLE ${table} (id uuid NOT NULL, phone text NOT NULL, name text NOT NULL, network text NOT NULL)`);
  await db.query(`CREATE UNIQUE INDEX ${table}_phone ON ${table} (phone)`);
  function* lines(): Generator<string> {
    let chunk = '';
    for (let i = 0; i < rows; i++) {
      const n = firstNumber + i;
      chunk += `${crypto.randomUUID()}\t+91${localNumber(n)}\tImport Person ${n}\tEMPLOYEE\n`;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  const started = performance.now();
  await copyFrom(db, `COPY ${table} (id, phone, name, network) FROM STDIN`, lines());
  const seconds = (performance.now() - started) / 1000;
  await db.query(`DROP TABLE ${table}`);
  return seconds;
}

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { stack, settings } = ctx;
  const sizes = settings.members ? [settings.members] : settings.smoke ? SMOKE_SIZES : SIZES;
  await stack.ensureGateways(['ours']);
  const gateway = stack.gateway('ours').url;
  const admin = await stack.signIn(ADMIN_PHONE, 'Import Bench Admin');
  const org = await mustQuery(gateway, `mutation { createOrganization(input: { name: "Import bench" }) { organization { id } } }`, {}, admin.token);
  const orgId = org.createOrganization.organization.id as string;
  const dbs = await connectServiceDbs(stack);
  const benchBackends = new Set<number>();
  for (const client of Object.values(dbs)) benchBackends.add(((await client.query('SELECT pg_backend_pid() AS pid')).rows[0] as { pid: number }).pid);
  const classify = stackClassifier(stack, benchBackends);
  const processes = peakProcesses(stack);
  const problems: string[] = [];
  const results: SizeResult[] = [];
  let firstNumber = 0;
  let previousFirst = -1;
  try {
    for (const rows of sizes) {
      const file = await writeMemberCsv(join(stack.workDir, `members-${rows}.csv`), { rows, firstNumber, existingFrom: previousFirst });
      ctx.log(`${rows.toLocaleString('en')} rows (${(file.bytes / 1024 / 1024).toFixed(1)} MiB, ${file.valid} valid, ${file.existing} existing)`);
      const group = await eventually('an organisation group (groups hears of the admin)', () =>
        mustQuery(
          gateway,
          `mutation($i: CreateGroupInput!) { createGroup(input: $i) { group { id } } }`,
          { i: { name: `Import ${rows}`, organizationId: orgId } },
          admin.token,
        ),
      );
      const groupId = group.createGroup.group.id as string;
      const { importId, uploadUrl } = await startMemberImport(gateway, admin.token, orgId, [groupId]);
      resetPeaks(processes);
      const cpu0 = cpuSnapshot(classify);
      const t0 = performance.now();
      await uploadMemberCsv(uploadUrl, admin.token, file.path);
      const uploadSeconds = (performance.now() - t0) / 1000;
      let importFinishedSeconds = NaN;
      let job: { status: string; counts: Record<string, number> } | null = null;
      const expectedMembers = 1 + file.valid;
      await eventually(
        `import of ${rows} rows finished, group and messaging holding ${expectedMembers} members, outboxes drained`,
        async () => {
          if (!job) {
            // Polled in the import service's database, not through the gateway, so the polling costs the services nothing.
            const status = (await dbs.import.query(`SELECT status FROM import_jobs WHERE id = $1`, [importId])).rows[0] as { status: string };
            if (!isFinalImportStatus(status.status)) throw new Error(`import ${status.status}`);
            importFinishedSeconds = (performance.now() - t0) / 1000;
            const res = await mustQuery(
              gateway,
              `query($id: ID!) { importJob(id: $id) { status counts { total processed created updated unchanged failed } } }`,
              { id: importId },
              admin.token,
            );
            job = res.importJob;
          }
          await checkMembersArrived(dbs, groupId, expectedMembers);
        },
        Math.max(120_000, rows * 2),
        50,
      );
      const endToEndSeconds = (performance.now() - t0) / 1000;
      const cpu = cpuDelta(cpu0, cpuSnapshot(classify));
      const peakMiB = peaksMiB(processes);
      const finished = job as unknown as { status: string; counts: Record<string, number> };
      const expectedFailed = rows - file.valid;
      if (finished.counts['failed'] !== expectedFailed || finished.counts['processed'] !== rows) {
        problems.push(`${rows} rows: counts ${JSON.stringify(finished.counts)}, expected ${expectedFailed} failed of ${rows}`);
      }
      const copySeconds = await rawCopy(dbs.identity, rows, firstNumber, `bench_copy_${rows}`);
      const rowsPerSecond = rows / endToEndSeconds;
      const copyRowsPerSecond = rows / copySeconds;
      results.push({
        rows,
        valid: file.valid,
        existing: file.existing,
        bytes: file.bytes,
        uploadSeconds: round(uploadSeconds, 2),
        importFinishedSeconds: round(importFinishedSeconds, 2),
        endToEndSeconds: round(endToEndSeconds, 2),
        rowsPerSecond: Math.round(rowsPerSecond),
        copySeconds: round(copySeconds, 2),
        copyRowsPerSecond: Math.round(copyRowsPerSecond),
        ratioToCopy: round(rowsPerSecond / copyRowsPerSecond, 3),
        counts: finished.counts,
        status: finished.status,
        peakMiB,
        cpuSeconds: Object.fromEntries(Object.entries(cpu.byLabel).map(([k, v]) => [k, round(v / 1000, 2)])),
      });
      ctx.log(`${rows} rows end to end in ${endToEndSeconds.toFixed(2)} s (${Math.round(rowsPerSecond)} rows/s); COPY ${Math.round(copyRowsPerSecond)} rows/s`);
      previousFirst = firstNumber;
      firstNumber += rows;
    }
  } finally {
    await Promise.all(Object.values(dbs).map((c) => c.end()));
  }

  const targets: Target[] = [];
  const judged = !settings.smoke && !settings.members;
  const r100k = results.find((r) => r.rows === 100_000);
  const r1m = results.find((r) => r.rows === 1_000_000);
  if (r100k)
    targets.push({
      what: '100,000 rows end to end',
      target: `≤ ${TARGET_100K_SECONDS} s`,
      value: r100k.endToEndSeconds,
      met: judged ? r100k.endToEndSeconds <= TARGET_100K_SECONDS : null,
    });
  if (r1m) {
    const peak = Math.max(...Object.values(r1m.peakMiB));
    targets.push({
      what: '1,000,000 rows: largest process peak, MiB',
      target: `< ${TARGET_PEAK_MB} MB (${TARGET_PEAK_MIB.toFixed(1)} MiB)`,
      value: peak,
      met: judged ? peak < TARGET_PEAK_MIB : null,
    });
  }
  for (const r of results) {
    targets.push({
      what: `${r.rows.toLocaleString('en')} rows: rows/s ÷ raw COPY rows/s`,
      target: '≥ 0.125',
      value: r.ratioToCopy,
      met: judged ? r.ratioToCopy >= 0.125 : null,
    });
  }
  const processNames = processes.map(([name]) => name);
  return {
    name: 'member-import',
    ok: problems.length === 0,
    problems,
    table: [
      ['rows', 'upload s', 'import done s', 'end to end s', 'rows/s', 'COPY rows/s', 'ratio', ...processNames.map((n) => `${n} peak MiB`)],
      ...results.map((r) => [
        r.rows.toLocaleString('en'),
        String(r.uploadSeconds),
        String(r.importFinishedSeconds),
        String(r.endToEndSeconds),
        r.rowsPerSecond.toLocaleString('en'),
        r.copyRowsPerSecond.toLocaleString('en'),
        String(r.ratioToCopy),
        ...processNames.map((n) => String(r.peakMiB[n])),
      ]),
    ],
    notes: [
      "end to end = from the upload's first byte until the import finished, the group and messaging's read model hold every valid row and no outbox holds an unpublished event",
      'files: about 1 % invalid rows, 5 % people an earlier file put in the directory; one import per file into the directory and a new group',
      'COPY = as many rows, numbered as the file numbers them, COPYed into a bare table with a unique index on phone in the identity database, in the same run',
      ...results.map(
        (r) =>
          `${r.rows.toLocaleString('en')} rows CPU s: ${Object.entries(r.cpuSeconds)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
      ),
    ],
    targets,
    details: { results },
  };
}

export const memberImport: Scenario = {
  name: 'member-import',
  description: 'CSV member imports of 10k, 100k and 1M rows end to end, against a raw COPY of the same rows',
  run,
};
