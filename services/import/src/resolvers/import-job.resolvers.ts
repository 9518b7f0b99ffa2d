import type { ImportContext } from '../context';
import { viewerOf } from '../domain/import-jobs.service';
import { jobProgress } from '../domain/members/job-progress';
import type { ImportJobEntity } from '../entities/import-job.entity';
import type { Resolvers } from '../generated/resolvers-types';
import { loadChatImport } from './chat-import.resolvers';

/** An import job the caller may see, or null; batched across a request. */
export function loadVisibleImportJob(ctx: ImportContext, id: string): Promise<ImportJobEntity | null> {
  const viewer = viewerOf(ctx.caller, ctx.bearer);
  return ctx.loaders
    .get<string, ImportJobEntity>('visible-import-job', async (ids) => {
      const rows = await ctx.services.importJobs.visibleByIds(viewer, ids);
      const byId = new Map(rows.map((j) => [j.id, j]));
      return ids.map((jid) => byId.get(jid) ?? null);
    })
    .load(id);
}

export const importJobResolvers: Pick<Resolvers, 'ImportJob'> = {
  ImportJob: {
    __resolveReference: (ref, ctx) => loadVisibleImportJob(ctx, ref.id),
    organization: (job) => ({ id: job.orgId }),
    chat: (job, _, ctx) => (job.kind === 'CHAT' ? loadChatImport(ctx, job.id) : null),
    startedBy: (job) => ({ id: job.startedBy }),
    counts: (job) => ({
      total: job.rowsTotal,
      processed: job.rowsProcessed,
      created: job.rowsCreated,
      updated: job.rowsUpdated,
      unchanged: job.rowsUnchanged,
      failed: job.rowsFailed,
    }),
    groups: (job) => job.groupIds.map((id) => ({ id })),
    percent: (job) => jobProgress(job, new Date()).percent,
    rowsPerSecond: (job) => jobProgress(job, new Date()).rowsPerSecond,
    estimatedSecondsLeft: (job) => jobProgress(job, new Date()).estimatedSecondsLeft,
    errorReportUrl: (job, _, ctx) => (job.kind === 'MEMBERS' && job.rowsFailed > 0 ? ctx.services.links.errorReport(job.id) : null),
  },
};
