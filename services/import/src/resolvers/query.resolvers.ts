import { notFound } from '@kz/errors';
import type { ImportContext } from '../context';
import { loadVisibleImportJob } from './import-job.resolvers';

export const queryResolvers = {
  Query: {
    importJob: async (_: unknown, args: { id: string }, ctx: ImportContext) => {
      const job = await loadVisibleImportJob(ctx, args.id);
      if (!job) throw notFound('Import job');
      return job;
    },
    importTemplate: async (_: unknown, args: { organizationId: string }, ctx: ImportContext) => ({
      columns: (await ctx.services.memberImports.template(ctx.caller, ctx.bearer, args.organizationId)).columns,
      downloadUrl: ctx.services.links.template(args.organizationId),
    }),
  },
};
