import type { ImportContext } from '../context';
import type { StartImportInput } from '../domain/members/member-imports.service';

type Input<T> = { input: T };

export const mutationResolvers = {
  Mutation: {
    startImport: async (_: unknown, { input }: Input<Omit<StartImportInput, 'orgId'> & { organizationId: string }>, ctx: ImportContext) => {
      const job = await ctx.services.memberImports.start(ctx.caller, ctx.bearer, { ...input, orgId: input.organizationId });
      return { import: job, uploadUrl: ctx.services.links.upload(job.id), maxUploadBytes: ctx.services.maxUploadBytes };
    },
    cancelImport: async (_: unknown, { input }: Input<{ importId: string }>, ctx: ImportContext) => ({
      import: await ctx.services.memberImports.cancel(ctx.caller, input.importId),
    }),
  },
};
