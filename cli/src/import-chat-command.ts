import { basename } from 'node:path';
import { CliError, type ApiClient } from './api-client';
import { fileSize, followImport, uploadToImport } from './import-job';

export interface ImportChatOptions {
  file: string;
  orgId: string | null;
  groupId: string | null;
  newGroup: string | null;
  timeZone: string;
  country: string;
  dateOrder: 'DAY_FIRST' | 'MONTH_FIRST' | null;
  dryRun: boolean;
  /** Authors mapped to a directory member's number, or (null) kept as placeholders. */
  authors: { name: string; phone: string | null }[];
  addMembers: boolean;
}

export interface ChatPreview {
  fileKind: string;
  format: { platform: string; dateOrder: string; clock: string; dateOrderFrom: string };
  messages: number;
  systemEvents: number;
  skippedLines: number;
  media: { referenced: number; inArchive: number; missing: number };
  firstAt: string | null;
  lastAt: string | null;
  authors: { name: string; phone: string | null; messages: number; match: { displayName: string; by: string } | null }[];
  samples: { line: number; sentAt: string; author: string; text: string }[];
}

const PREVIEW = `query($id: ID!) { importJob(id: $id) { status failureReason chat { newGroupName reportUrl group { id } preview {
  fileKind format { platform dateOrder clock dateOrderFrom } messages systemEvents skippedLines media { referenced inArchive missing }
  firstAt lastAt authors { name phone messages match { displayName by } } samples { line sentAt author text } } } } }`;

/** "Name=+number" → a mapping to that member; anything else is a usage error (null). */
export function parseAuthorMapping(value: string): { name: string; phone: string } | null {
  const at = value.lastIndexOf('=');
  const name = value.slice(0, at).trim();
  const phone = value.slice(at + 1).trim();
  return at > 0 && name && phone ? { name, phone } : null;
}

/** The preview as a person reads it in a terminal, with times as the exporting phone showed them (in `timeZone`). */
export function previewText(p: ChatPreview, target: string, timeZone: string): string {
  const lines = [
    `${p.fileKind === 'ZIP' ? '.zip' : '.txt'} export from ${p.format.platform === 'IOS' ? 'an iPhone' : 'Android'}, dates ${p.format.dateOrder.toLowerCase().replace('_', '-')} (${p.format.dateOrderFrom.toLowerCase()}), ${p.format.clock === 'H12' ? '12' : '24'}-hour clock`,
    `${p.messages.toLocaleString('en')} messages and ${p.systemEvents.toLocaleString('en')} WhatsApp notices${p.firstAt && p.lastAt ? `, ${localTime(p.firstAt, timeZone).slice(0, 10)} to ${localTime(p.lastAt, timeZone).slice(0, 10)}` : ''}; ${p.skippedLines} lines skipped`,
    `files: ${p.media.inArchive} of ${p.media.referenced} in the export`,
    `into: ${target}`,
    'authors:',
    ...p.authors.map(
      (a) =>
        `  ${a.name} (${a.messages.toLocaleString('en')}): ${a.match ? `${a.match.displayName}, by ${a.match.by === 'PHONE' ? 'phone' : 'name'}` : 'unmatched, kept as a placeholder'}`,
    ),
    `first messages (times in ${timeZone}):`,
    ...p.samples.map((s) => `  [${localTime(s.sentAt, timeZone)}] ${s.author}: ${s.text.split('\n')[0]}`),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Starts a chat import, streams the export up, prints its preview and, unless a dry run, applies it with the
 * author mapping given and follows the writing to the end. Exit status 0 only when it completed.
 */
export async function importChatCommand(api: ApiClient, opts: ImportChatOptions, out: NodeJS.WriteStream, err: NodeJS.WriteStream): Promise<number> {
  const size = fileSize(opts.file);
  const orgId = opts.orgId ?? (await groupOrganization(api, opts.groupId!));
  const started = await api.request<{ startChatImport: { uploadUrl: string; maxUploadBytes: number; import: { id: string } } }>(
    `mutation($i: StartChatImportInput!) { startChatImport(input: $i) { uploadUrl maxUploadBytes import { id } } }`,
    {
      i: {
        organizationId: orgId,
        ...(opts.groupId ? { groupId: opts.groupId } : { newGroupName: opts.newGroup }),
        timeZone: opts.timeZone,
        defaultCountry: opts.country,
        ...(opts.dateOrder ? { dateOrder: opts.dateOrder } : {}),
      },
    },
  );
  const { uploadUrl, maxUploadBytes } = started.startChatImport;
  const previewId = started.startChatImport.import.id;
  if (size > maxUploadBytes) throw new CliError(`${opts.file} is ${size} bytes; the largest chat export accepted is ${maxUploadBytes}.`);
  err.write(`chat import ${previewId}: uploading ${basename(opts.file)} (${(size / 1024 / 1024).toFixed(1)} MB) and reading it\n`);
  await uploadToImport(api, uploadUrl, opts.file, opts.file.toLowerCase().endsWith('.zip') ? 'application/zip' : 'text/plain', err);
  const read = (
    await api.request<{
      importJob: { status: string; failureReason: string | null; chat: { newGroupName: string | null; reportUrl: string | null; preview: ChatPreview | null } };
    }>(PREVIEW, { id: previewId })
  ).importJob;
  if (!read.chat.preview) throw new CliError(read.failureReason ?? 'The export could not be read.');
  out.write(
    previewText(read.chat.preview, opts.groupId ? `group ${opts.groupId}` : `a new group, ${read.chat.newGroupName ?? 'Imported chat'}`, opts.timeZone),
  );
  if (read.chat.reportUrl) out.write(`line-by-line report: ${read.chat.reportUrl} (download with your access token)\n`);
  if (opts.dryRun) return 0;
  const applied = await api.request<{ applyChatImport: { import: { id: string } } }>(
    `mutation($i: ApplyChatImportInput!) { applyChatImport(input: $i) { import { id } } }`,
    { i: { importId: previewId, authors: opts.authors, addAuthorsAsMembers: opts.addMembers } },
  );
  const importId = applied.applyChatImport.import.id;
  err.write(`chat import ${importId}: writing the history\n`);
  const job = await followImport(api, importId, err, 'entries');
  const group = (
    await api.request<{ importJob: { chat: { group: { id: string } | null } } }>(`query($id: ID!) { importJob(id: $id) { chat { group { id } } } }`, {
      id: importId,
    })
  ).importJob.chat.group;
  const c = job.counts;
  out.write(`${job.status}: ${c.total} entries, ${c.created} written, ${c.unchanged} already there${group ? `, group ${group.id}` : ''}\n`);
  if (job.failureReason) out.write(`reason: ${job.failureReason}\n`);
  return job.status === 'COMPLETED' ? 0 : 1;
}

/** `2024-01-05 09:01`: an instant as a clock in `timeZone` shows it, which is how the export wrote it. */
export function localTime(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

async function groupOrganization(api: ApiClient, groupId: string): Promise<string> {
  const { group } = await api.request<{ group: { organization: { id: string } | null } | null }>(`query($id: ID!) { group(id: $id) { organization { id } } }`, {
    id: groupId,
  });
  if (!group) throw new CliError(`Group ${groupId} was not found.`);
  if (!group.organization) throw new CliError(`Group ${groupId} is not an organisation group; chats are imported into organisation groups.`);
  return group.organization.id;
}
