import { notFound } from '@kz/errors';
import type { Resolvers } from '../generated/resolvers-types';
import { loadVisibleExportJob } from './export-job.resolvers';
import { loadVisibleImportJob } from './import-job.resolvers';

export const queryResolvers: Pick<Resolvers, 'Query'> = {
  Query: {
    importJob: async (_, args, ctx) => {
      const job = await loadVisibleImportJob(ctx, args.id);
      if (!job) throw notFound('Import job');
      return job;
    },
    importTemplate: async (_, args, ctx) => ({
      columns: (await ctx.services.memberImports.template(ctx.caller, ctx.bearer, args.organizationId)).columns,
      downloadUrl: ctx.services.links.template(args.organizationId),
    }),
    exportJob: async (_, args, ctx) => {
      const job = await loadVisibleExportJob(ctx, args.id);
      if (!job) throw notFound('Export');
      return job;
    },
  },
};
