import { once } from 'node:events';
import { createWriteStream, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ZipFile } from 'yazl';
import { isFinalImportStatus, mustQuery } from '@kz/stack';
import { connectServiceDbs, uploadMemberCsv, type ServiceDbs } from '../member-imports';
import { peakProcesses, peaksMiB, resetPeaks, TARGET_PEAK_MB, TARGET_PEAK_MIB } from '../peak-memory';
import { cpuDetails, cpuLines, stackClassifier } from '../process-cpu';
import { round, type Scenario, type ScenarioContext, type ScenarioResult, type Target } from '../scenario';
import { cpuDelta, cpuSnapshot, type Classifier, type CpuDelta } from '../system-cpu';

/**
 * WhatsApp chat imports end to end (issue #20): a generated Android export of 100,000 messages in the .zip WhatsApp
 * makes with media, holding 2,000 photos the messages name, and a generated iPhone export of 1,000,000 lines as a
 * .txt, each into a new organisation group. Timed from the upload's first byte (the file is read whole into the
 * preview during the upload) through applyChatImport until the import's workers have written the history through
 * messaging and the import is COMPLETED, with every process's peak memory and CPU over it. Checked: the preview counts
 * what was generated, and messaging holds every entry and every photo.
 */

const TARGET_SECONDS = 20;
const ADMIN_PHONE = '+14155559500';
const GROUP_NAME = 'Bench';
/** The admin's own number as an export shows a contact the phone has no name for: the preview must match it by PHONE. */
const ADMIN_AS_AUTHOR = '+1 415-555-9500';
/** Dana is not in the exporting phone's contacts, which newer exports mark with "~ ". */
const AUTHORS = ['Asha Rao', 'Ben Okafor', 'Chen Wei', '~ Dana Levi', '+91 98765 43210', ADMIN_AS_AUTHOR];
const NOTICE_ACTORS = ['Asha Rao', 'Ben Okafor', 'Chen Wei'];
const TIME_ZONE = 'Asia/Kolkata';
const POLL_MS = 200;
const MiB = 1024 * 1024;

const LRM = '\u200E';
/** How exports wrap a phone number shown as a name (left-to-right embedding … pop). */
const asEmbedded = (name: string) => (name.startsWith('+') ? `\u202A${name}\u202C` : name);

type Platform = 'ANDROID' | 'IOS';

interface ChatSize {
  label: string;
  platform: Platform;
  /** What `count` counts: person messages (notices come on top), or physical lines of the text. */
  unit: 'messages' | 'lines';
  count: number;
  /** Photos in the .zip, each named by one message; 0: a .txt export without media. */
  media: number;
  judgedSeconds: boolean;
}

function sizesFor(ctx: ScenarioContext): ChatSize[] {
  const [messages, media, lines] = ctx.settings.smoke ? [2_000, 50, 20_000] : [100_000, 2_000, 1_000_000];
  return [
    { label: 'Android .zip', platform: 'ANDROID', unit: 'messages', count: messages, media, judgedSeconds: true },
    { label: 'iPhone .txt', platform: 'IOS', unit: 'lines', count: lines, media: 0, judgedSeconds: false },
  ];
}

/** What the generator wrote, as the import's preview should count it. */
interface GeneratedChat {
  textPath: string;
  textName: string;
  lines: number;
  messages: number;
  systemEvents: number;
  photos: string[];
  mediaOmitted: number;
  deleted: number;
  edited: number;
  multiLine: number;
  authors: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * An export as WhatsApp writes one (a single platform's line shape per file, as the parser requires): the encryption
 * notice and "created group" first, then a message a minute from 1 January 2024 by six authors in turn (one shown
 * with "~ ", two as numbers), and among them multi-line messages (with a blank line), mentions, edited and deleted
 * messages, media left out of the export, photos with a caption (the .zip's), and every 1,000th message a notice
 * (added, left, removed, subject or icon changed). iPhone lines end in CRLF with LF inside a message, and the lines
 * of media and deletions carry the marks iPhone exports put there.
 */
async function writeChat(path: string, size: ChatSize): Promise<GeneratedChat> {
  const out = createWriteStream(path);
  const ios = size.platform === 'IOS';
  const eol = ios ? '\r\n' : '\n';
  const photoEvery = size.media > 0 ? Math.floor(size.count / size.media) : 0;
  const chat: GeneratedChat = {
    textPath: path,
    textName: ios ? '_chat.txt' : `WhatsApp Chat with ${GROUP_NAME}.txt`,
    lines: 0,
    messages: 0,
    systemEvents: 0,
    photos: [],
    mediaOmitted: 0,
    deleted: 0,
    edited: 0,
    multiLine: 0,
    authors: 0,
  };
  const authorsSeen = new Set<string>();
  let buffer = '';
  let minute = 0;
  const stamp = () => {
    const at = new Date(Date.UTC(2024, 0, 1) + minute++ * 60_000);
    const [d, mo, y, h, mi] = [pad(at.getUTCDate()), pad(at.getUTCMonth() + 1), at.getUTCFullYear(), pad(at.getUTCHours()), pad(at.getUTCMinutes())];
    return { head: ios ? `[${d}/${mo}/${y}, ${h}:${mi}:00] ` : `${d}/${mo}/${y}, ${h}:${mi} - `, ymd: `${y}${mo}${d}`, iso: `${y}-${mo}-${d}-${h}-${mi}-00` };
  };
  const write = async (entry: string, lines: number) => {
    buffer += entry + eol;
    chat.lines += lines;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  };
  // iPhone exports put a notice under the group's name, its text behind a left-to-right mark.
  const notice = (head: string, text: string) => {
    chat.systemEvents++;
    return ios ? `${head}${GROUP_NAME}: ${LRM}${text}` : `${head}${text}`;
  };
  const room = (lines: number) => size.unit === 'messages' || chat.lines + lines <= size.count;

  await write(
    notice(stamp().head, 'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.'),
    1,
  );
  await write(notice(stamp().head, `${NOTICE_ACTORS[0]} created group "${GROUP_NAME}"`), 1);
  for (let i = 0; size.unit === 'messages' ? chat.messages < size.count : chat.lines < size.count; i++) {
    const { head, ymd, iso } = stamp();
    if (i % 1_000 === 999) {
      const nth = Math.floor(i / 1_000);
      const actor = NOTICE_ACTORS[nth % NOTICE_ACTORS.length]!;
      const text = [
        `${actor} added Guest ${i}`,
        `${actor} removed Guest ${i - 1_000}`,
        `${actor} changed the subject from "${GROUP_NAME}" to "${GROUP_NAME} ${i}"`,
        `${actor} changed this group's icon`,
        'Guest 1 left',
      ][nth % 5]!;
      await write(notice(head, text), 1);
      continue;
    }
    const author = AUTHORS[i % AUTHORS.length]!;
    authorsSeen.add(author);
    const from = `${asEmbedded(ios ? author.replace('~ ', '~\u202F') : author)}: `;
    let entry: string;
    let lines = 1;
    if (photoEvery > 0 && i % photoEvery === Math.floor(photoEvery / 2) && chat.photos.length < size.media && room(2)) {
      const n = chat.photos.length + 1;
      const name = ios ? `${pad(n, 8)}-PHOTO-${iso}.jpg` : `IMG-${ymd}-WA${pad(n, 4)}.jpg`;
      chat.photos.push(name);
      entry = ios
        ? `${LRM}${head}${from}${LRM}<attached: ${name}>${eol}photo ${n} of the trip`
        : `${head}${from}${name} (file attached)\nphoto ${n} of the trip`;
      lines = 2;
    } else if (i % 97 === 13) {
      chat.mediaOmitted++;
      entry = ios ? `${LRM}${head}${from}${LRM}image omitted` : `${head}${from}<Media omitted>`;
    } else if (i % 101 === 7) {
      chat.deleted++;
      entry = ios ? `${head}${from}${LRM}This message was deleted.` : `${head}${from}This message was deleted`;
    } else if (i % 89 === 5) {
      chat.edited++;
      entry = `${head}${from}message ${i}, corrected ${ios ? LRM : ''}<This message was edited>`;
    } else if (i % 50 === 49 && room(4)) {
      chat.multiLine++;
      entry = `${head}${from}message ${i} over four lines\nsecond line of it\n\nafter a blank line`;
      lines = 4;
    } else if (i % 43 === 3) {
      entry = `${head}${from}@\u2068${AUTHORS[(i + 1) % AUTHORS.length]!.replace('~ ', '')}\u2069 can you bring the maps for day ${i}?`;
    } else {
      entry = `${head}${from}message ${i} about the plan for the week`;
    }
    chat.messages++;
    await write(entry, lines);
  }
  out.end(buffer);
  await once(out, 'finish');
  chat.authors = authorsSeen.size;
  return chat;
}

/** A few KB per photo, each different, shaped as a JPEG (start and end markers). */
function photoBytes(n: number): Buffer {
  const bytes = Buffer.alloc(4_096 + ((n * 37) % 2_048), n % 251);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(bytes, 0);
  bytes.writeUInt32BE(n, 4);
  Buffer.from([0xff, 0xd9]).copy(bytes, bytes.length - 2);
  return bytes;
}

/** The .zip WhatsApp makes with media: the chat text and the photos, stored as phones store JPEGs (they compress no further). */
async function zipChat(path: string, chat: GeneratedChat): Promise<void> {
  const zip = new ZipFile();
  zip.addFile(chat.textPath, chat.textName);
  for (const [i, name] of chat.photos.entries()) zip.addBuffer(photoBytes(i + 1), name, { compress: false });
  zip.end();
  await once(zip.outputStream.pipe(createWriteStream(path)), 'finish');
}

interface ImportJob {
  status: string;
  failureReason: string | null;
  counts: { total: number; processed: number; created: number; unchanged: number; failed: number };
  chat: {
    group: { id: string } | null;
    preview: {
      fileKind: string;
      format: { platform: string };
      messages: number;
      systemEvents: number;
      skippedLines: number;
      media: { referenced: number; inArchive: number; missing: number };
      authors: { name: string; messages: number; match: { by: string } | null }[];
    } | null;
  };
}

const JOB = `query($id: ID!) { importJob(id: $id) { status failureReason counts { total processed created unchanged failed } chat { group { id } } } }`;
const JOB_WITH_PREVIEW = `query($id: ID!) { importJob(id: $id) { status failureReason counts { total processed created unchanged failed }
  chat { group { id } preview { fileKind format { platform } messages systemEvents skippedLines media { referenced inArchive missing }
    authors { name messages match { by } } } } } }`;

interface Outcome {
  size: ChatSize;
  chat: GeneratedChat;
  bytes: number;
  uploadSeconds: number;
  applySeconds: number;
  totalSeconds: number;
  counts: ImportJob['counts'];
  written: number;
  attachments: number;
  peakMiB: Record<string, number>;
  cpu: CpuDelta;
}

/** What the preview and the finished import should say of the generated chat; each difference is a problem. */
function checkImport(size: ChatSize, chat: GeneratedChat, job: ImportJob, written: number, attachments: number): string[] {
  const preview = job.chat.preview;
  if (!preview) return [`${size.label}: the applied import has no preview`];
  const entries = chat.messages + chat.systemEvents;
  const expected: [string, unknown, unknown][] = [
    ['photos generated', chat.photos.length, size.media],
    ['preview fileKind', preview.fileKind, size.media > 0 ? 'ZIP' : 'TEXT'],
    ['preview platform', preview.format.platform, size.platform],
    ['preview messages', preview.messages, chat.messages],
    ['preview systemEvents', preview.systemEvents, chat.systemEvents],
    ['preview skippedLines', preview.skippedLines, 0],
    ['preview media referenced', preview.media.referenced, chat.photos.length + chat.mediaOmitted],
    ['preview media inArchive', preview.media.inArchive, chat.photos.length],
    ['preview media missing', preview.media.missing, chat.mediaOmitted],
    ['preview authors', preview.authors.length, chat.authors],
    [
      'authors matched',
      preview.authors
        .filter((a) => a.match)
        .map((a) => `${a.name} by ${a.match!.by}`)
        .join(', '),
      `${ADMIN_AS_AUTHOR} by PHONE`,
    ],
    ['counts total', job.counts.total, entries],
    ['counts processed', job.counts.processed, entries],
    ['counts created', job.counts.created, entries],
    ['counts unchanged', job.counts.unchanged, 0],
    ['counts failed', job.counts.failed, 0],
    ['imported entries in messaging', written, entries],
    ['attachments in messaging', attachments, chat.photos.length],
  ];
  return expected.filter(([, got, want]) => got !== want).map(([what, got, want]) => `${size.label}: ${what} ${String(got)}, expected ${String(want)}`);
}

async function importOne(
  ctx: ScenarioContext,
  dbs: ServiceDbs,
  classify: Classifier,
  token: string,
  orgId: string,
  size: ChatSize,
  problems: string[],
): Promise<Outcome> {
  const { stack } = ctx;
  const gateway = stack.gateway('ours').url;
  const textPath = join(stack.workDir, `chat-${size.platform}.txt`);
  const zipPath = join(stack.workDir, `chat-${size.platform}.zip`);
  try {
    const chat = await writeChat(textPath, size);
    if (size.media > 0) await zipChat(zipPath, chat);
    const upload = size.media > 0 ? zipPath : textPath;
    const uploadName =
      size.media > 0 ? (size.platform === 'IOS' ? `WhatsApp Chat - ${GROUP_NAME}.zip` : `WhatsApp Chat with ${GROUP_NAME}.zip`) : chat.textName;
    const bytes = statSync(upload).size;
    ctx.log(
      `${size.label}: ${chat.messages.toLocaleString('en')} messages, ${chat.systemEvents} notices, ${chat.lines.toLocaleString('en')} lines, ` +
        `${chat.photos.length} photos, ${(bytes / MiB).toFixed(1)} MiB`,
    );
    const started = await mustQuery(
      gateway,
      `mutation($i: StartChatImportInput!) { startChatImport(input: $i) { uploadUrl import { id } } }`,
      { i: { organizationId: orgId, newGroupName: `${GROUP_NAME} – ${size.label}`, timeZone: TIME_ZONE, defaultCountry: 'IN' } },
      token,
    );
    const previewId = started.startChatImport.import.id as string;
    const uploadUrl = `${started.startChatImport.uploadUrl}?filename=${encodeURIComponent(uploadName)}`;

    const processes = peakProcesses(stack);
    resetPeaks(processes);
    const cpu0 = cpuSnapshot(classify);
    const t0 = performance.now();
    // The member files' upload (a streamed PUT with the token) is every import's; the service tells the kinds apart.
    await uploadMemberCsv(uploadUrl, token, upload);
    const uploadSeconds = (performance.now() - t0) / 1000;
    const applied = await mustQuery(
      gateway,
      `mutation($i: ApplyChatImportInput!) { applyChatImport(input: $i) { import { id } } }`,
      { i: { importId: previewId, addAuthorsAsMembers: false } },
      token,
    );
    const importId = applied.applyChatImport.import.id as string;
    const deadline = performance.now() + (ctx.settings.smoke ? 120_000 : 15 * 60_000);
    let job: ImportJob;
    for (;;) {
      job = (await mustQuery(gateway, JOB, { id: importId }, token)).importJob as ImportJob;
      if (isFinalImportStatus(job.status) || performance.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const totalSeconds = (performance.now() - t0) / 1000;
    const cpu = cpuDelta(cpu0, cpuSnapshot(classify));
    const peakMiB = peaksMiB(processes);
    if (job.status !== 'COMPLETED') {
      if (!isFinalImportStatus(job.status)) {
        // Nothing of it should go on loading the imports and scenarios after this one.
        await mustQuery(gateway, `mutation($i: CancelImportInput!) { cancelImport(input: $i) { import { status } } }`, { i: { importId } }, token);
        throw new Error(
          `the ${size.label} import was still ${job.status} after ${totalSeconds.toFixed(0)} s (${job.counts.processed} of ${job.counts.total}); cancelled`,
        );
      }
      throw new Error(`the ${size.label} import ended ${job.status}${job.failureReason ? `: ${job.failureReason}` : ''} after ${totalSeconds.toFixed(0)} s`);
    }

    // The applied import carries the preview it applies: read once, after the clock stopped.
    job = (await mustQuery(gateway, JOB_WITH_PREVIEW, { id: importId }, token)).importJob as ImportJob;
    const groupId = job.chat.group!.id;
    const count = async (sql: string) => Number((await dbs.messaging.query(sql, [groupId])).rows[0].n);
    const written = await count(`SELECT count(*) AS n FROM messages WHERE group_id = $1 AND imported_from IS NOT NULL`);
    const attachments = await count(`SELECT count(*) AS n FROM attachments WHERE group_id = $1 AND message_id IS NOT NULL`);
    problems.push(...checkImport(size, chat, job, written, attachments));
    ctx.log(`${size.label}: COMPLETED in ${totalSeconds.toFixed(2)} s (upload + preview ${uploadSeconds.toFixed(2)} s)`);
    return {
      size,
      chat,
      bytes,
      uploadSeconds,
      applySeconds: totalSeconds - uploadSeconds,
      totalSeconds,
      counts: job.counts,
      written,
      attachments,
      peakMiB,
      cpu,
    };
  } finally {
    rmSync(textPath, { force: true });
    rmSync(zipPath, { force: true });
  }
}

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { stack, settings } = ctx;
  await stack.ensureGateways(['ours']);
  const gateway = stack.gateway('ours').url;
  const admin = await stack.signIn(ADMIN_PHONE, 'Chat Import Bench Admin');
  const orgId = (await mustQuery(gateway, `mutation { createOrganization(input: { name: "Chat import bench" }) { organization { id } } }`, {}, admin.token))
    .createOrganization.organization.id as string;
  const dbs = await connectServiceDbs(stack);
  const problems: string[] = [];
  const outcomes: Outcome[] = [];
  try {
    const benchBackends = new Set<number>();
    for (const client of Object.values(dbs)) benchBackends.add(((await client.query('SELECT pg_backend_pid() AS pid')).rows[0] as { pid: number }).pid);
    const classify = stackClassifier(stack, benchBackends);
    for (const size of sizesFor(ctx)) outcomes.push(await importOne(ctx, dbs, classify, admin.token, orgId, size, problems));
  } finally {
    await Promise.all(Object.values(dbs).map((c) => c.end().catch(() => undefined)));
  }

  const names = Object.keys(outcomes[0]!.peakMiB);
  const f = (n: number, d = 2) => n.toFixed(d);
  const perSecond = (o: Outcome) => o.chat.messages / o.totalSeconds;
  const table = [
    [
      'export',
      'messages',
      'notices',
      'lines',
      'photos',
      'MiB',
      'upload + preview s',
      'apply s',
      'end to end s',
      'messages/s',
      ...names.map((n) => `${n} peak MiB`),
    ],
    ...outcomes.map((o) => [
      o.size.label,
      o.chat.messages.toLocaleString('en'),
      o.chat.systemEvents.toLocaleString('en'),
      o.chat.lines.toLocaleString('en'),
      o.chat.photos.length.toLocaleString('en'),
      f(o.bytes / MiB, 1),
      f(o.uploadSeconds),
      f(o.applySeconds),
      f(o.totalSeconds),
      Math.round(perSecond(o)).toLocaleString('en'),
      ...names.map((n) => String(o.peakMiB[n])),
    ]),
  ];
  const targets: Target[] = [];
  for (const o of outcomes) {
    const what = `chat import, ${o.size.label} of ${o.chat.messages.toLocaleString('en')} messages (${o.chat.lines.toLocaleString('en')} lines${o.size.media > 0 ? `, ${o.chat.photos.length.toLocaleString('en')} photos` : ''})`;
    if (o.size.judgedSeconds) {
      targets.push({
        what: `${what}: upload → COMPLETED, s`,
        target: `≤ ${TARGET_SECONDS} s`,
        value: round(o.totalSeconds, 2),
        met: settings.smoke ? null : o.totalSeconds <= TARGET_SECONDS,
      });
    }
    const largest = Math.max(...Object.values(o.peakMiB));
    targets.push({
      what: `${what}: largest process peak, MiB`,
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
      "end to end: from the upload's first byte (the export read whole into the preview while it arrives; the answer comes once the preview is stored) " +
        `through applyChatImport until importJob, polled every ${POLL_MS} ms through the gateway, answered COMPLETED: a new group made, the history ` +
        "written through messaging in chunks of 1,000 entries, each photo uploaded as its message's attachment first",
      `generated (time zone ${TIME_ZONE}, default country IN): ${outcomes
        .map(
          (o) =>
            `${o.size.label}: ${o.chat.multiLine} multi-line, ${o.chat.edited} edited, ${o.chat.deleted} deleted, ${o.chat.mediaOmitted} with media left out, ` +
            `${o.chat.authors} authors`,
        )
        .join('; ')}`,
      "checked: the preview counts the generated messages, notices, media and authors (the admin's number matched by PHONE), the import's counts, " +
        'messaging holds every entry (imported_from set) and every photo as an attachment of its message',
      `peaks: VmHWM reset just before the upload, read at COMPLETED; the target is ${TARGET_PEAK_MB} MB = ${TARGET_PEAK_MIB.toFixed(1)} MiB`,
      ...outcomes.flatMap((o) => [
        `CPU by process, ${o.size.label}:`,
        ...cpuLines(o.cpu, { n: (o.chat.messages + o.chat.systemEvents) / 1000, unit: '1,000 entries' }),
      ]),
    ],
    targets,
    details: {
      outcomes: outcomes.map((o) => ({
        export: o.size.label,
        platform: o.size.platform,
        bytes: o.bytes,
        lines: o.chat.lines,
        messages: o.chat.messages,
        systemEvents: o.chat.systemEvents,
        photos: o.chat.photos.length,
        mediaOmitted: o.chat.mediaOmitted,
        deleted: o.chat.deleted,
        edited: o.chat.edited,
        multiLine: o.chat.multiLine,
        uploadSeconds: round(o.uploadSeconds, 2),
        applySeconds: round(o.applySeconds, 2),
        totalSeconds: round(o.totalSeconds, 2),
        messagesPerSecond: Math.round(perSecond(o)),
        counts: o.counts,
        written: o.written,
        attachments: o.attachments,
        peakMiB: o.peakMiB,
        cpu: cpuDetails(o.cpu),
      })),
    },
  };
}

export const chatImport: Scenario = {
  name: 'chat-import',
  description: 'WhatsApp chat imports: 100,000 messages in a .zip with 2,000 photos, and 1,000,000 lines; seconds end to end and peak memory per process',
  run,
};
