import { once } from 'node:events';
import { createWriteStream, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ZipFile } from 'yazl';
import { mustQuery } from '@kz/stack';
import { connectServiceDbs, uploadMemberCsv } from '../member-imports';
import { peakProcesses, peaksMiB, resetPeaks, TARGET_PEAK_MB, TARGET_PEAK_MIB } from '../peak-memory';
import { round, type Scenario, type ScenarioContext, type ScenarioResult, type Target } from '../scenario';

/**
 * WhatsApp chat imports end to end (issue #20): a generated Android export of 100,000 messages in a .zip with 2,000
 * photos, and a generated iPhone export of 1,000,000 lines as a .txt, each imported into a new organisation group:
 * startChatImport, the upload (read whole into the preview), applyChatImport, and the import's workers writing the
 * history through messaging, until the import is COMPLETED. Every process's peak memory over each.
 */

const TARGET_SECONDS = 20;
const ADMIN_PHONE = '+14155559500';
const AUTHORS = ['Asha Rao', 'Ben Okafor', 'Chen Wei', 'Dana Levi', '+91 98765 43210'];
const POLL_MS = 200;
const MiB = 1024 * 1024;

interface ChatSize {
  label: string;
  platform: 'ANDROID' | 'IOS';
  messages: number;
  media: number;
  judgedSeconds: boolean;
}

function sizesFor(ctx: ScenarioContext): ChatSize[] {
  return ctx.settings.smoke
    ? [
        { label: 'Android .zip', platform: 'ANDROID', messages: 2_000, media: 50, judgedSeconds: false },
        { label: 'iPhone .txt', platform: 'IOS', messages: 20_000, media: 0, judgedSeconds: false },
      ]
    : [
        { label: 'Android .zip', platform: 'ANDROID', messages: 100_000, media: 2_000, judgedSeconds: true },
        { label: 'iPhone .txt', platform: 'IOS', messages: 1_000_000, media: 0, judgedSeconds: false },
      ];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The export's text, written as WhatsApp writes it: a message a minute from 1 January 2024, every 50th over three
 * lines, every 1,000th a notice (someone added), every (messages / media)th naming a photo the .zip holds.
 */
async function writeChat(path: string, size: ChatSize): Promise<{ lines: number; photos: string[] }> {
  const out = createWriteStream(path);
  const photos: string[] = [];
  const photoEvery = size.media > 0 ? Math.floor(size.messages / size.media) : 0;
  let buffer = '';
  let lines = 0;
  for (let i = 0; i < size.messages; i++) {
    const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000);
    const [d, mo, y, h, mi] = [pad(at.getUTCDate()), pad(at.getUTCMonth() + 1), at.getUTCFullYear(), pad(at.getUTCHours()), pad(at.getUTCMinutes())];
    const author = AUTHORS[i % AUTHORS.length]!;
    const head = size.platform === 'ANDROID' ? `${d}/${mo}/${y}, ${h}:${mi} - ` : `[${d}/${mo}/${y}, ${h}:${mi}:00] `;
    let text = `message ${i} about the plan for the week`;
    if (photoEvery > 0 && i % photoEvery === 0 && photos.length < size.media) {
      const name = `IMG-2024${mo}${d}-WA${pad(photos.length + 1, 4)}.jpg`;
      photos.push(name);
      text = size.platform === 'ANDROID' ? `${name} (file attached)` : `\u200E<attached: ${name}>`;
    } else if (i % 50 === 49) {
      text += '\nsecond line of it\nand a third';
      lines += 2;
    }
    buffer += i % 1_000 === 999 ? `${head}${size.platform === 'ANDROID' ? '' : 'Team: \u200E'}${author} added Someone ${i}\n` : `${head}${author}: ${text}\n`;
    lines++;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return { lines, photos };
}

/** A .zip as WhatsApp makes it with media: the chat text and small photos, written to disk. */
async function zipChat(path: string, textPath: string, textName: string, photos: readonly string[]): Promise<void> {
  const zip = new ZipFile();
  zip.addFile(textPath, textName);
  // A few KB each, different per photo: stored as a phone's JPEGs are (they compress no further).
  for (const [i, name] of photos.entries()) zip.addBuffer(Buffer.alloc(4_096 + (i % 512), i % 251), name, { compress: false });
  zip.end();
  const written = once(zip.outputStream.pipe(createWriteStream(path)), 'finish');
  await written;
}

interface Outcome {
  size: ChatSize;
  bytes: number;
  lines: number;
  readSeconds: number;
  applySeconds: number;
  totalSeconds: number;
  entries: number;
  written: number;
  attachments: number;
  peakMiB: Record<string, number>;
}

async function importOne(ctx: ScenarioContext, token: string, orgId: string, size: ChatSize, problems: string[]): Promise<Outcome> {
  const { stack } = ctx;
  const gateway = stack.gateway('ours').url;
  const textPath = join(stack.workDir, `chat-${size.platform}.txt`);
  const zipPath = join(stack.workDir, 'chat.zip');
  const dbs = await connectServiceDbs(stack);
  try {
    const { lines, photos } = await writeChat(textPath, size);
    const textName = size.platform === 'ANDROID' ? 'WhatsApp Chat with Bench.txt' : '_chat.txt';
    if (size.media > 0) await zipChat(zipPath, textPath, textName, photos);
    const upload = size.media > 0 ? zipPath : textPath;
    const bytes = statSync(upload).size;
    ctx.log(
      `${size.label}: ${size.messages.toLocaleString('en')} messages, ${lines.toLocaleString('en')} lines, ${photos.length} photos, ${(bytes / MiB).toFixed(1)} MiB`,
    );
    const processes = peakProcesses(stack);
    resetPeaks(processes);
    const t0 = performance.now();
    const started = await mustQuery(
      gateway,
      `mutation($i: StartChatImportInput!) { startChatImport(input: $i) { uploadUrl import { id } } }`,
      { i: { organizationId: orgId, newGroupName: `Bench – ${size.label}`, timeZone: 'UTC', defaultCountry: 'IN' } },
      token,
    );
    const previewId = started.startChatImport.import.id as string;
    await uploadMemberCsv(
      `${started.startChatImport.uploadUrl}?filename=${encodeURIComponent(size.media > 0 ? 'WhatsApp Chat with Bench.zip' : textName)}`,
      token,
      upload,
    );
    const readSeconds = (performance.now() - t0) / 1000;
    const applied = await mustQuery(
      gateway,
      `mutation($i: ApplyChatImportInput!) { applyChatImport(input: $i) { import { id } } }`,
      { i: { importId: previewId, addAuthorsAsMembers: false } },
      token,
    );
    const importId = applied.applyChatImport.import.id as string;
    const deadline = performance.now() + (ctx.settings.smoke ? 120_000 : 15 * 60_000);
    let job: { status: string; failureReason: string | null; counts: { total: number; processed: number; created: number }; chat: { group: { id: string } } };
    for (;;) {
      job = (
        await mustQuery(
          gateway,
          `query($id: ID!) { importJob(id: $id) { status failureReason counts { total processed created } chat { group { id } } } }`,
          { id: importId },
          token,
        )
      ).importJob;
      if (['COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED'].includes(job.status) || performance.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const totalSeconds = (performance.now() - t0) / 1000;
    const peakMiB = peaksMiB(processes);
    if (job.status !== 'COMPLETED')
      throw new Error(`the ${size.label} import ended ${job.status}${job.failureReason ? `: ${job.failureReason}` : ''} after ${totalSeconds.toFixed(0)} s`);
    const groupId = job.chat.group.id;
    const count = async (sql: string) => Number((await dbs.messaging.query(sql, [groupId])).rows[0].n);
    const written = await count(`SELECT count(*) AS n FROM messages WHERE group_id = $1 AND imported_from IS NOT NULL`);
    const attachments = await count(`SELECT count(*) AS n FROM attachments WHERE group_id = $1 AND message_id IS NOT NULL`);
    if (written !== job.counts.total) problems.push(`${size.label}: messaging holds ${written} imported entries of ${job.counts.total}`);
    if (attachments !== photos.length) problems.push(`${size.label}: ${attachments} attachments, not the ${photos.length} photos of the .zip`);
    if (job.counts.total < size.messages) problems.push(`${size.label}: ${job.counts.total} entries read, fewer than the ${size.messages} written`);
    return {
      size,
      bytes,
      lines,
      readSeconds,
      applySeconds: totalSeconds - readSeconds,
      totalSeconds,
      entries: job.counts.total,
      written,
      attachments,
      peakMiB,
    };
  } finally {
    rmSync(textPath, { force: true });
    rmSync(zipPath, { force: true });
    await Promise.all(Object.values(dbs).map((c) => c.end().catch(() => undefined)));
  }
}

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { stack, settings } = ctx;
  await stack.ensureGateways(['ours']);
  const gateway = stack.gateway('ours').url;
  const admin = await stack.signIn(ADMIN_PHONE, 'Chat Import Bench Admin');
  const orgId = (await mustQuery(gateway, `mutation { createOrganization(input: { name: "Chat import bench" }) { organization { id } } }`, {}, admin.token))
    .createOrganization.organization.id as string;
  const problems: string[] = [];
  const outcomes: Outcome[] = [];
  for (const size of sizesFor(ctx)) outcomes.push(await importOne(ctx, admin.token, orgId, size, problems));

  const names = Object.keys(outcomes[0]!.peakMiB);
  const f = (n: number, d = 2) => n.toFixed(d);
  const table = [
    ['export', 'messages', 'lines', 'MiB', 'upload + preview s', 'apply s', 'end to end s', 'messages/s', ...names.map((n) => `${n} peak MiB`)],
    ...outcomes.map((o) => [
      o.size.label,
      o.size.messages.toLocaleString('en'),
      o.lines.toLocaleString('en'),
      f(o.bytes / MiB, 1),
      f(o.readSeconds),
      f(o.applySeconds),
      f(o.totalSeconds),
      Math.round(o.size.messages / o.totalSeconds).toLocaleString('en'),
      ...names.map((n) => String(o.peakMiB[n])),
    ]),
  ];
  const targets: Target[] = [];
  for (const o of outcomes) {
    if (o.size.judgedSeconds || settings.smoke) {
      targets.push({
        what: `chat import: ${o.size.label} of ${o.size.messages.toLocaleString('en')} messages with ${o.size.media.toLocaleString('en')} photos, end to end, s`,
        target: `≤ ${TARGET_SECONDS} s`,
        value: round(o.totalSeconds, 2),
        met: settings.smoke ? null : o.totalSeconds <= TARGET_SECONDS,
      });
    }
    const largest = Math.max(...Object.values(o.peakMiB));
    targets.push({
      what: `chat import: ${o.size.label} of ${o.lines.toLocaleString('en')} lines, largest process peak, MiB`,
      target: `< ${TARGET_PEAK_MB} MB (${TARGET_PEAK_MIB.toFixed(1)} MiB)`,
      value: largest,
      met: settings.smoke ? null : largest < TARGET_PEAK_MIB,
    });
  }
  return {
    name: 'chat-import',
    ok: problems.length === 0,
    problems,
    table,
    notes: [
      'end to end: from startChatImport, through the upload (read whole into the preview as it arrives) and applyChatImport, until importJob answers COMPLETED (polled every 200 ms); the history written through messaging in chunks of 1,000',
      `checked: messaging holds every entry (imported_from set) and every photo as an attachment of its message; peaks: VmHWM reset before startChatImport; the target is ${TARGET_PEAK_MB} MB = ${TARGET_PEAK_MIB.toFixed(1)} MiB`,
    ],
    targets,
    details: {
      outcomes: outcomes.map((o) => ({
        export: o.size.label,
        messages: o.size.messages,
        lines: o.lines,
        photos: o.size.media,
        bytes: o.bytes,
        readSeconds: round(o.readSeconds, 2),
        applySeconds: round(o.applySeconds, 2),
        totalSeconds: round(o.totalSeconds, 2),
        entries: o.entries,
        written: o.written,
        attachments: o.attachments,
        peakMiB: o.peakMiB,
      })),
    },
  };
}

export const chatImport: Scenario = {
  name: 'chat-import',
  description: 'WhatsApp chat imports: 100,000 messages in a .zip with 2,000 photos, and 1,000,000 lines; seconds end to end and peak memory per process',
  run,
};
