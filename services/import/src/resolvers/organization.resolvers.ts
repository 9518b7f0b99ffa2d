import type { ImportContext } from '../context';
import { viewerOf } from '../domain/import-jobs.service';

export const organizationResolvers = {
  Organization: {
    imports: (org: { id: string }, args: { first?: number | null; after?: string | null }, ctx: ImportContext) =>
      ctx.services.importJobs.pageForOrganization(viewerOf(ctx.caller, ctx.bearer), org.id, args.first, args.after),
  },
};
