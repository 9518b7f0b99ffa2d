import { basename } from 'node:path';
import { CliError, type ApiClient } from './api-client';
import { fileSize, followImport, uploadToImport } from './import-job';

export interface ImportOptions {
  file: string;
  orgId: string;
  groupIds: string[];
  dryRun: boolean;
  country: string;
  updateExisting: boolean;
}

/** Starts an import, streams the file up, follows it to the end and prints the summary. Exit status 0 only when it completed. */
export async function importCommand(api: ApiClient, opts: ImportOptions, out: NodeJS.WriteStream, err: NodeJS.WriteStream): Promise<number> {
  const size = fileSize(opts.file);
  const started = await api.request<{ startImport: { uploadUrl: string; maxUploadBytes: number; import: { id: string } } }>(
    `mutation($i: StartImportInput!) { startImport(input: $i) { uploadUrl maxUploadBytes import { id } } }`,
    {
      i: {
        organizationId: opts.orgId,
        groupIds: opts.groupIds,
        mode: opts.dryRun ? 'DRY_RUN' : 'APPLY',
        defaultCountry: opts.country,
        existingUsers: opts.updateExisting ? 'UPDATE' : 'SKIP',
      },
    },
  );
  const { uploadUrl, maxUploadBytes } = started.startImport;
  const importId = started.startImport.import.id;
  if (size > maxUploadBytes) throw new CliError(`${opts.file} is ${size} bytes; the largest upload allowed is ${maxUploadBytes}. Split the file.`);
  err.write(`import ${importId}: uploading ${basename(opts.file)} (${(size / 1024 / 1024).toFixed(1)} MB)${opts.dryRun ? ', dry run' : ''}\n`);
  await uploadToImport(api, uploadUrl, opts.file, 'text/csv', err);
  const job = await followImport(api, importId, err, 'rows');
  const c = job.counts;
  out.write(
    `${job.status}: ${c.total} rows, ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.failed} failed` +
      `${job.rowsPerSecond ? ` (${Math.round(job.rowsPerSecond)} rows/s)` : ''}\n`,
  );
  if (job.failureReason) out.write(`reason: ${job.failureReason}\n`);
  if (job.errorReportUrl) out.write(`error report: ${job.errorReportUrl} (download with your access token)\n`);
  return job.status === 'COMPLETED' ? 0 : 1;
}
