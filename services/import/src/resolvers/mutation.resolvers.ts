import type { Resolvers } from '../generated/resolvers-types';

export const mutationResolvers: Pick<Resolvers, 'Mutation'> = {
  Mutation: {
    startImport: async (_, { input }, ctx) => {
      const job = await ctx.services.memberImports.start(ctx.caller, ctx.bearer, { ...input, orgId: input.organizationId });
      return { import: job, uploadUrl: ctx.services.links.upload(job.id), maxUploadBytes: ctx.services.maxUploadBytes };
    },
    startChatImport: async (_, { input }, ctx) => {
      const job = await ctx.services.chatImports.start(ctx.caller, ctx.bearer, {
        orgId: input.organizationId,
        groupId: input.groupId ?? null,
        newGroupName: input.newGroupName ?? null,
        dateOrder: input.dateOrder ?? null,
        timeZone: input.timeZone,
        defaultCountry: input.defaultCountry,
      });
      return { import: job, uploadUrl: ctx.services.links.upload(job.id), maxUploadBytes: ctx.services.chatMaxUploadBytes };
    },
    applyChatImport: async (_, { input }, ctx) => ({
      import: await ctx.services.chatImports.apply(ctx.caller, ctx.bearer, {
        previewId: input.importId,
        authors: input.authors.map((a) => ({ name: a.name, phone: a.phone ?? null })),
        addAuthorsAsMembers: input.addAuthorsAsMembers,
      }),
    }),
    cancelImport: async (_, { input }, ctx) => ({
      import: await ctx.services.memberImports.cancel(ctx.caller, input.importId),
    }),
    startExport: async (_, { input }, ctx) => ({
      export: await ctx.services.exports.start(ctx.caller, ctx.bearer, {
        orgId: input.organizationId,
        from: input.from ?? null,
        to: input.to ?? null,
      }),
    }),
    cancelExport: async (_, { input }, ctx) => ({ export: await ctx.services.exports.cancel(ctx.caller, ctx.bearer, input.exportId) }),
  },
};
