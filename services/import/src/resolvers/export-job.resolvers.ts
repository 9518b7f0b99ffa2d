import { viewerOf } from '../domain/import-jobs.service';
import type { ImportContext } from '../context';
import type { ExportJobEntity } from '../entities/export-job.entity';
import type { Resolvers } from '../generated/resolvers-types';

/** An export the caller may see (as an admin of its organisation), or null; batched across a request. */
export function loadVisibleExportJob(ctx: ImportContext, id: string): Promise<ExportJobEntity | null> {
  const viewer = viewerOf(ctx.caller, ctx.bearer);
  return ctx.loaders
    .get<string, ExportJobEntity>('visible-export-job', async (ids) => {
      const rows = await ctx.services.exports.visibleByIds(viewer, ids);
      const byId = new Map(rows.map((j) => [j.id, j]));
      return ids.map((jid) => byId.get(jid) ?? null);
    })
    .load(id);
}

export const exportJobResolvers: Pick<Resolvers, 'ExportJob'> = {
  ExportJob: {
    __resolveReference: (ref, ctx) => loadVisibleExportJob(ctx, ref.id),
    organization: (job) => ({ id: job.orgId }),
    startedBy: (job) => ({ id: job.startedBy }),
    from: (job) => job.rangeFrom,
    to: (job) => job.rangeTo ?? job.createdAt,
    percent: (job) =>
      job.status === 'COMPLETED' ? 100 : job.recordsTotal > 0 ? Math.min(100, Math.round((job.recordsWritten / job.recordsTotal) * 1000) / 10) : 0,
    downloadUrl: (job, _, ctx) => (job.status === 'COMPLETED' ? ctx.services.links.exportArchive(job.id) : null),
  },
};
