import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { eventually, isFinalImportStatus, mustQuery } from '@kz/stack';
import { checkMembersArrived, connectServiceDbs, startMemberImport, uploadMemberCsv, writeMemberCsv, type ServiceDbs } from '../member-imports';
import { peakProcesses, peaksMiB, resetPeaks, TARGET_PEAK_MB, TARGET_PEAK_MIB } from '../peak-memory';
import { cpuDetails, cpuLines, stackClassifier } from '../process-cpu';
import { round, type Scenario, type ScenarioContext, type ScenarioResult, type Target } from '../scenario';
import { seedMessages } from '../seed-messages';
import { CREATE_GROUP } from '../subscribers';
import { cpuDelta, cpuSnapshot } from '../system-cpu';

/**
 * An organisation's export (issue #23): an organisation whose directory holds 100,000 people (put there by a real
 * member import of a generated CSV into the directory and one group) and whose 10 other groups hold 100,000 messages
 * each (seeded straight into messaging's table, seed-messages.ts). Timed: startExport until exportJob answers
 * COMPLETED, with every process's peak memory over it; then the archive's download through the gateway, streamed
 * to a file and checked against archiveSha256, and its manifest's counts against the services' own.
 */

const TARGET_SECONDS = 60;
const ADMIN_PHONE = '+14155559400';
/** The directory's people: Indian mobile numbers 98 6000 0000 on (member-imports.ts), apart from member-import's. */
const FIRST_NUMBER = 60_000_000;
const MESSAGE_GROUPS = 10;
/** Seeded messages of a group are this far apart, the last one a day before the run. */
const SPACING_MS = 10;
const POLL_MS = 200;
const FINAL_EXPORT = ['COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED'];
const MiB = 1024 * 1024;

const JOB = `query($id: ID!) { exportJob(id: $id) {
  status recordsWritten recordsTotal archiveBytes archiveSha256 downloadUrl failureReason createdAt startedAt finishedAt } }`;

interface ExportJob {
  status: string;
  recordsWritten: number;
  recordsTotal: number;
  archiveBytes: number | null;
  archiveSha256: string | null;
  downloadUrl: string | null;
  failureReason: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

interface Manifest {
  exportId: string;
  counts: Record<string, number>;
}

function sizesFor(ctx: ScenarioContext): { members: number; messages: number; judged: boolean } {
  const fromEnv = (name: string) => {
    const value = process.env[name];
    if (value === undefined || value === '') return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, not ${value}`);
    return n;
  };
  const members = fromEnv('BENCH_EXPORT_MEMBERS');
  const messages = fromEnv('BENCH_EXPORT_MESSAGES');
  const base = ctx.settings.smoke ? { members: 2_000, messages: 20_000 } : { members: 100_000, messages: 1_000_000 };
  return {
    members: members ?? base.members,
    messages: messages ?? base.messages,
    judged: !ctx.settings.smoke && members === undefined && messages === undefined,
  };
}

const countOf = async (db: ServiceDbs[keyof ServiceDbs], sql: string, params: unknown[]) => Number((await db.query(sql, params)).rows[0].n);

/** What the services hold of the organisation, counted as their export sources count it. */
async function sourceCounts(dbs: ServiceDbs, orgId: string): Promise<Record<string, number>> {
  const [people, groups, memberships, messages] = await Promise.all([
    countOf(dbs.identity, `SELECT count(*) AS n FROM organization_members WHERE org_id = $1`, [orgId]),
    countOf(dbs.groups, `SELECT count(*) AS n FROM groups WHERE org_id = $1`, [orgId]),
    countOf(dbs.groups, `SELECT count(*) AS n FROM memberships m JOIN groups g ON g.id = m.group_id WHERE g.org_id = $1`, [orgId]),
    countOf(dbs.messaging, `SELECT count(*) AS n FROM messages WHERE group_id IN (SELECT id FROM known_groups WHERE org_id = $1)`, [orgId]),
  ]);
  return { people, groups, memberships, messages };
}

/** GETs the URL into a file, streamed; answers its size, SHA-256 and the seconds from the request to the last byte written. */
function download(url: string, token: string, path: string): Promise<{ bytes: number; sha256: string; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { headers: { authorization: `Bearer ${token}` }, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => reject(new Error(`download answered HTTP ${res.statusCode}: ${body.slice(0, 300)}`)));
        res.on('error', reject);
        return;
      }
      const hash = createHash('sha256');
      let bytes = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      pipeline(res, measure, createWriteStream(path)).then(
        () => resolve({ bytes, sha256: hash.digest('hex'), seconds: (performance.now() - started) / 1000 }),
        reject,
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** The archive's first entry, its manifest.json, read from the start of the .tar.gz without unpacking the rest. */
async function readManifest(path: string): Promise<Manifest> {
  const source = createReadStream(path);
  const tar = source.pipe(createGunzip());
  let head = Buffer.alloc(0);
  try {
    for await (const chunk of tar) {
      head = Buffer.concat([head, chunk as Buffer]);
      if (head.length < 512) continue;
      const name = head.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
      if (!name.endsWith('/manifest.json')) throw new Error(`the archive's first entry is ${name}, not manifest.json`);
      const size = parseInt(head.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim(), 8);
      if (head.length >= 512 + size) return JSON.parse(head.subarray(512, 512 + size).toString('utf8')) as Manifest;
    }
    throw new Error('the archive ended before its manifest did');
  } finally {
    tar.destroy();
    source.destroy();
  }
}

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { stack, settings } = ctx;
  const sz = sizesFor(ctx);
  await stack.ensureGateways(['ours']);
  const gateway = stack.gateway('ours');
  const admin = await stack.signIn(ADMIN_PHONE, 'Export Bench Admin');
  const orgId = (await mustQuery(gateway.url, `mutation { createOrganization(input: { name: "Export bench" }) { organization { id } } }`, {}, admin.token))
    .createOrganization.organization.id as string;
  const dbs = await connectServiceDbs(stack);
  const problems: string[] = [];
  const archivePath = join(stack.workDir, 'export-download.tar.gz');
  try {
    // ---- setup (not timed): the directory by a real member import, the history seeded ------------------------
    const csv = await writeMemberCsv(join(stack.workDir, `export-members-${sz.members}.csv`), { rows: sz.members, firstNumber: FIRST_NUMBER, invalidEvery: 0 });
    const directoryGroup = await eventually('an organisation group (groups hears of the admin)', async () => {
      const res = await mustQuery(gateway.url, CREATE_GROUP, { input: { name: 'Export – everyone', organizationId: orgId } }, admin.token);
      return res.createGroup.group.id as string;
    });
    ctx.log(`setup (not timed): importing ${sz.members.toLocaleString('en')} members into the directory and a group`);
    const importStarted = performance.now();
    const { importId, uploadUrl } = await startMemberImport(gateway.url, admin.token, orgId, [directoryGroup]);
    await uploadMemberCsv(uploadUrl, admin.token, csv.path);
    await eventually(
      `import of ${sz.members} members finished, the group and messaging holding them, outboxes drained`,
      async () => {
        const status = (await dbs.import.query(`SELECT status FROM import_jobs WHERE id = $1`, [importId])).rows[0] as { status: string };
        if (!isFinalImportStatus(status.status)) throw new Error(`import ${status.status}`);
        await checkMembersArrived(dbs, directoryGroup, 1 + csv.valid);
      },
      Math.max(120_000, sz.members * 2),
      100,
    );
    const importSeconds = (performance.now() - importStarted) / 1000;
    rmSync(csv.path, { force: true });

    const groupIds: string[] = [];
    for (let g = 0; g < MESSAGE_GROUPS; g++) {
      const res = await mustQuery(gateway.url, CREATE_GROUP, { input: { name: `Export – history ${g}`, organizationId: orgId } }, admin.token);
      groupIds.push(res.createGroup.group.id as string);
    }
    await eventually('the organisation groups known to messaging', async () => {
      const known = await countOf(dbs.messaging, `SELECT count(*) AS n FROM known_groups WHERE org_id = $1 AND id = ANY($2::uuid[])`, [orgId, groupIds]);
      if (known !== groupIds.length) throw new Error(`${known} of ${groupIds.length}`);
    });
    ctx.log(`setup (not timed): seeding ${sz.messages.toLocaleString('en')} messages into ${MESSAGE_GROUPS} groups`);
    let seedSeconds = 0;
    for (let g = 0; g < MESSAGE_GROUPS; g++) {
      const count = Math.floor(sz.messages / MESSAGE_GROUPS) + (g < sz.messages % MESSAGE_GROUPS ? 1 : 0);
      seedSeconds += await seedMessages(dbs.messaging, {
        groupId: groupIds[g]!,
        authorId: admin.userId,
        count,
        base: Date.now() - 86_400_000 - count * SPACING_MS,
        spacingMs: SPACING_MS,
        textPrefix: `export history ${g} message `,
      });
    }
    // Autovacuum is off on the CI machines; in production it would have analysed these tables after such inserts.
    await dbs.messaging.query('VACUUM ANALYZE messages');
    await Promise.all([dbs.identity.query('ANALYZE organization_members'), dbs.groups.query('ANALYZE memberships')]);
    const expected = await sourceCounts(dbs, orgId);

    // ---- timed: startExport → COMPLETED --------------------------------------------------------------------
    const benchBackends = new Set<number>();
    for (const client of Object.values(dbs)) benchBackends.add(((await client.query('SELECT pg_backend_pid() AS pid')).rows[0] as { pid: number }).pid);
    const classify = stackClassifier(stack, benchBackends);
    const processes = peakProcesses(stack);
    ctx.log(`exporting ${expected.people.toLocaleString('en')} people and ${expected.messages.toLocaleString('en')} messages`);
    resetPeaks(processes);
    const cpu0 = cpuSnapshot(classify);
    const t0 = performance.now();
    const started = await mustQuery(
      gateway.url,
      `mutation($i: StartExportInput!) { startExport(input: $i) { export { id status } } }`,
      { i: { organizationId: orgId } },
      admin.token,
    );
    const exportId = started.startExport.export.id as string;
    const deadline = t0 + (settings.smoke ? 120_000 : 15 * 60_000);
    let job: ExportJob;
    for (;;) {
      job = (await mustQuery(gateway.url, JOB, { id: exportId }, admin.token)).exportJob as ExportJob;
      if (FINAL_EXPORT.includes(job.status) || performance.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const exportSeconds = (performance.now() - t0) / 1000;
    const cpu = cpuDelta(cpu0, cpuSnapshot(classify));
    const peakMiB = peaksMiB(processes);
    if (job.status !== 'COMPLETED') {
      if (!FINAL_EXPORT.includes(job.status)) {
        // Nothing of it should go on loading the scenarios after this one.
        await mustQuery(gateway.url, `mutation($i: CancelExportInput!) { cancelExport(input: $i) { export { status } } }`, { i: { exportId } }, admin.token);
        throw new Error(
          `the export was still ${job.status} after ${exportSeconds.toFixed(0)} s (${job.recordsWritten} of ${job.recordsTotal} records); cancelled`,
        );
      }
      throw new Error(`the export ended ${job.status}${job.failureReason ? `: ${job.failureReason}` : ''}`);
    }
    const workerSeconds = (Date.parse(job.finishedAt!) - Date.parse(job.startedAt!)) / 1000;
    const queuedSeconds = (Date.parse(job.startedAt!) - Date.parse(job.createdAt)) / 1000;
    const recordsPerSecond = job.recordsWritten / exportSeconds;
    ctx.log(`export COMPLETED in ${exportSeconds.toFixed(2)} s: ${job.recordsWritten} records, ${(job.archiveBytes! / MiB).toFixed(1)} MiB`);

    // ---- the download through the gateway, streamed to a file (its own peaks) --------------------------------
    const link = new URL(job.downloadUrl!);
    const viaGateway = `${gateway.base}${link.pathname}${link.search}`;
    resetPeaks(processes);
    const got = await download(viaGateway, admin.token, archivePath);
    const downloadPeakMiB = peaksMiB(processes);
    const downloadMiBps = got.bytes / MiB / got.seconds;
    if (got.bytes !== job.archiveBytes) problems.push(`downloaded ${got.bytes} bytes, archiveBytes says ${job.archiveBytes}`);
    if (got.sha256 !== job.archiveSha256) problems.push(`the download's SHA-256 ${got.sha256} is not archiveSha256 ${job.archiveSha256}`);
    const manifest = await readManifest(archivePath);
    if (manifest.exportId !== exportId) problems.push(`the manifest is of export ${manifest.exportId}, not ${exportId}`);
    for (const [kind, n] of Object.entries(expected)) {
      if (manifest.counts[kind] !== n) problems.push(`the manifest counts ${manifest.counts[kind]} ${kind}, the service holds ${n}`);
    }
    const manifestTotal = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
    if (manifestTotal !== job.recordsWritten || job.recordsWritten !== job.recordsTotal) {
      problems.push(`records: manifest ${manifestTotal}, recordsWritten ${job.recordsWritten}, recordsTotal ${job.recordsTotal}`);
    }
    if (expected.people < 1 + sz.members) problems.push(`the directory holds ${expected.people} people, not ${1 + sz.members}`);
    if (expected.messages < sz.messages) problems.push(`the groups hold ${expected.messages} messages, fewer than the ${sz.messages} seeded`);

    // ---- figures -------------------------------------------------------------------------------------------
    const largest = Math.max(...Object.values(peakMiB));
    const targets: Target[] = [
      {
        what: `export of ${sz.members.toLocaleString('en')} members and ${sz.messages.toLocaleString('en')} messages: startExport → COMPLETED, s`,
        target: `≤ ${TARGET_SECONDS} s`,
        value: round(exportSeconds, 2),
        met: sz.judged ? exportSeconds <= TARGET_SECONDS : null,
        ...(!settings.smoke && !sz.judged ? { notJudged: 'not judged (BENCH_EXPORT_MEMBERS / BENCH_EXPORT_MESSAGES size)' } : {}),
      },
      {
        what: 'export: largest process peak, MiB',
        target: `< ${TARGET_PEAK_MB} MB (${TARGET_PEAK_MIB.toFixed(1)} MiB)`,
        value: largest,
        met: sz.judged ? largest < TARGET_PEAK_MIB : null,
        ...(!settings.smoke && !sz.judged ? { notJudged: 'not judged (BENCH_EXPORT_MEMBERS / BENCH_EXPORT_MESSAGES size)' } : {}),
      },
    ];
    const names = processes.map(([name]) => name);
    const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '—');
    const table = [
      ['phase', 'records', 's', 'records/s', 'MiB', 'MiB/s', ...names.map((n) => `${n} peak MiB`)],
      [
        'startExport → COMPLETED',
        job.recordsWritten.toLocaleString('en'),
        f(exportSeconds),
        Math.round(recordsPerSecond).toLocaleString('en'),
        f(job.archiveBytes! / MiB, 1),
        '',
        ...names.map((n) => String(peakMiB[n])),
      ],
      ['download via the gateway', '', f(got.seconds), '', f(got.bytes / MiB, 1), f(downloadMiBps, 1), ...names.map((n) => String(downloadPeakMiB[n]))],
    ];
    const notes = [
      `setup (not timed): ${expected.people.toLocaleString('en')} people in the directory by a member import of a ${sz.members.toLocaleString('en')}-row CSV ` +
        `into it and one group (${f(importSeconds, 1)} s, until messaging had them and the outboxes were drained); ` +
        `${MESSAGE_GROUPS} more groups with ${sz.messages.toLocaleString('en')} messages between them, seeded into messaging's table in ${f(seedSeconds, 1)} s ` +
        '(seed-messages.ts), then VACUUM ANALYZE messages and ANALYZE of the directory and memberships (autovacuum is off on the CI machines)',
      `timed: startExport through the gateway until exportJob (polled every ${POLL_MS} ms) answered COMPLETED; ` +
        `the worker's own startedAt → finishedAt ${f(workerSeconds)} s, queued ${f(queuedSeconds)} s before it`,
      `records: ${Object.entries(manifest.counts)
        .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
        .join(', ')} (the manifest's counts, each checked against the services' own)`,
      `peaks: VmHWM reset just before startExport (and again before the download), read after; the target is ${TARGET_PEAK_MB} MB = ${TARGET_PEAK_MIB.toFixed(1)} MiB`,
      `download: GET ${link.pathname} at the gateway's origin with the admin's token, streamed to a file; ${got.bytes.toLocaleString('en')} bytes, SHA-256 ${got.sha256 === job.archiveSha256 ? 'matches' : 'DOES NOT match'} archiveSha256`,
      'CPU by process over the export:',
      ...cpuLines(cpu, { n: job.recordsWritten / 1000, unit: '1,000 records' }),
    ];
    return {
      name: 'export',
      ok: problems.length === 0,
      problems,
      table,
      notes,
      targets,
      details: {
        sizes: { members: sz.members, messages: sz.messages, messageGroups: MESSAGE_GROUPS },
        setup: { importSeconds: round(importSeconds, 2), seedSeconds: round(seedSeconds, 2) },
        export: {
          seconds: round(exportSeconds, 2),
          workerSeconds: round(workerSeconds, 2),
          queuedSeconds: round(queuedSeconds, 2),
          records: job.recordsWritten,
          recordsPerSecond: Math.round(recordsPerSecond),
          counts: manifest.counts,
          archiveBytes: job.archiveBytes,
          peakMiB,
          cpuMs: cpuDetails(cpu),
        },
        download: {
          seconds: round(got.seconds, 3),
          bytes: got.bytes,
          mibPerSecond: round(downloadMiBps, 1),
          sha256Matches: got.sha256 === job.archiveSha256,
          peakMiB: downloadPeakMiB,
        },
      },
    };
  } finally {
    rmSync(archivePath, { force: true });
    await Promise.all(Object.values(dbs).map((c) => c.end().catch(() => undefined)));
  }
}

export const exportScenario: Scenario = {
  name: 'export',
  description: "an organisation's export of 100,000 members and 1,000,000 messages: seconds to COMPLETED, peak memory per process, the download",
  run,
};
