import { viewerOf } from '../domain/import-jobs.service';
import type { Resolvers } from '../generated/resolvers-types';

export const organizationResolvers: Pick<Resolvers, 'Organization'> = {
  Organization: {
    imports: (org, args, ctx) => ctx.services.importJobs.pageForOrganization(viewerOf(ctx.caller, ctx.bearer), org.id, args.first, args.after),
    exports: (org, args, ctx) => ctx.services.exports.pageForOrganization(viewerOf(ctx.caller, ctx.bearer), org.id, args.first, args.after),
  },
};
