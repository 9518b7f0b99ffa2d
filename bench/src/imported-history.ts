import { createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { isFinalImportStatus, mustQuery } from '@kz/stack';
import type { BenchStack } from './stack';
import { uploadMemberCsv } from './member-imports';

/**
 * A group whose history came in by a chat import, the real way: an iPhone export of `count` messages written to a
 * file, uploaded, previewed and applied through the gateway, and written by the import's workers into messaging.
 * Message i is "<textPrefix>i", one second after message i − 1, by the owner (named in the export by their number,
 * so the preview matches them by phone).
 */
export interface ImportedHistory {
  groupId: string;
  /** The import from upload to COMPLETED, seconds. */
  seconds: number;
}

export interface ImportHistoryOptions {
  stack: BenchStack;
  gatewayUrl: string;
  ownerToken: string;
  ownerPhone: string;
  orgId: string;
  groupName: string;
  count: number;
  textPrefix: string;
  timeoutMs: number;
  log: (line: string) => void;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Times are written as read on a phone in UTC, from 1 March 2024 (days above 12 settle the order). */
const FIRST_MESSAGE = Date.UTC(2024, 2, 1);

async function writeExport(path: string, opts: ImportHistoryOptions): Promise<void> {
  const out = createWriteStream(path);
  const author = `\u202A${opts.ownerPhone}\u202C`;
  let buffered: string[] = [];
  for (let i = 0; i < opts.count; i++) {
    const d = new Date(FIRST_MESSAGE + i * 1000);
    buffered.push(
      `[${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}] ${author}: ${opts.textPrefix}${i}\r\n`,
    );
    if (buffered.length === 10_000) {
      if (!out.write(buffered.join(''))) await once(out, 'drain');
      buffered = [];
    }
  }
  out.end(buffered.join(''));
  await once(out, 'finish');
}

const JOB = `query($id: ID!) { importJob(id: $id) { status failureReason counts { total processed } chat { group { id } } } }`;

export async function importHistory(opts: ImportHistoryOptions): Promise<ImportedHistory> {
  const { gatewayUrl, ownerToken: token } = opts;
  const path = join(opts.stack.workDir, 'history-import.txt');
  try {
    await writeExport(path, opts);
    const started = await mustQuery(
      gatewayUrl,
      `mutation($i: StartChatImportInput!) { startChatImport(input: $i) { uploadUrl import { id } } }`,
      { i: { organizationId: opts.orgId, newGroupName: opts.groupName, timeZone: 'UTC', defaultCountry: 'US', dateOrder: 'DAY_FIRST' } },
      token,
    );
    const t0 = performance.now();
    await uploadMemberCsv(`${started.startChatImport.uploadUrl}?filename=${encodeURIComponent(`WhatsApp Chat - ${opts.groupName}.txt`)}`, token, path);
    const applied = await mustQuery(
      gatewayUrl,
      `mutation($i: ApplyChatImportInput!) { applyChatImport(input: $i) { import { id } } }`,
      { i: { importId: started.startChatImport.import.id, addAuthorsAsMembers: false } },
      token,
    );
    const importId = applied.applyChatImport.import.id as string;
    const deadline = performance.now() + opts.timeoutMs;
    let lastLogged = 0;
    for (;;) {
      const job = (await mustQuery(gatewayUrl, JOB, { id: importId }, token)).importJob;
      if (isFinalImportStatus(job.status)) {
        if (job.status !== 'COMPLETED') throw new Error(`the history import ended ${job.status}${job.failureReason ? `: ${job.failureReason}` : ''}`);
        return { groupId: job.chat.group.id as string, seconds: (performance.now() - t0) / 1000 };
      }
      if (performance.now() > deadline) {
        await mustQuery(gatewayUrl, `mutation($i: CancelImportInput!) { cancelImport(input: $i) { import { status } } }`, { i: { importId } }, token);
        throw new Error(
          `the history import was still ${job.status} (${job.counts.processed} of ${job.counts.total}) after ${opts.timeoutMs / 1000} s; cancelled`,
        );
      }
      if (performance.now() - lastLogged > 15_000) {
        lastLogged = performance.now();
        opts.log(
          `setup: history import ${job.status}, ${Number(job.counts.processed).toLocaleString('en')} of ${Number(job.counts.total).toLocaleString('en')}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    rmSync(path, { force: true });
  }
}
