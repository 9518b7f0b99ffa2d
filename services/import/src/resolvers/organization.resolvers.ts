import { requireUser } from '@kz/auth';
import type { ImportContext } from '../context';

export const organizationResolvers = {
  Organization: {
    imports: (org: { id: string }, args: { first?: number | null; after?: string | null }, ctx: ImportContext) =>
      ctx.services.importJobs.pageForOrganization(requireUser(ctx.caller).userId, org.id, args.first, args.after),
  },
};
