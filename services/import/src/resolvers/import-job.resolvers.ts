import type { ImportContext } from '../context';
import { viewerOf } from '../domain/import-jobs.service';
import { jobProgress } from '../domain/members/job-progress';
import type { ImportJobEntity } from '../entities/import-job.entity';

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

export const importJobResolvers = {
  ImportJob: {
    __resolveReference: (ref: { id: string }, ctx: ImportContext) => loadVisibleImportJob(ctx, ref.id),
    organization: (job: ImportJobEntity) => ({ id: job.orgId }),
    startedBy: (job: ImportJobEntity) => ({ id: job.startedBy }),
    counts: (job: ImportJobEntity) => ({
      total: job.rowsTotal,
      processed: job.rowsProcessed,
      created: job.rowsCreated,
      updated: job.rowsUpdated,
      unchanged: job.rowsUnchanged,
      failed: job.rowsFailed,
    }),
    groups: (job: ImportJobEntity) => job.groupIds.map((id) => ({ id })),
    percent: (job: ImportJobEntity) => jobProgress(job, new Date()).percent,
    rowsPerSecond: (job: ImportJobEntity) => jobProgress(job, new Date()).rowsPerSecond,
    estimatedSecondsLeft: (job: ImportJobEntity) => jobProgress(job, new Date()).estimatedSecondsLeft,
    errorReportUrl: (job: ImportJobEntity, _: unknown, ctx: ImportContext) => (job.rowsFailed > 0 ? ctx.services.links.errorReport(job.id) : null),
  },
};
