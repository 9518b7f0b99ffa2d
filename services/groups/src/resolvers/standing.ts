import { OrganizationStanding } from '../domain/organization-standing';
import type { GroupsContext } from '../context';

const perRequest = new WeakMap<GroupsContext, OrganizationStanding>();

/** The caller's organisation standing for this request: one per request, so identity is asked at most once per organisation. */
export function standingOf(ctx: GroupsContext): OrganizationStanding {
  let standing = perRequest.get(ctx);
  if (!standing) {
    standing = new OrganizationStanding(ctx.caller, ctx.bearer, ctx.services.orgRoles);
    perRequest.set(ctx, standing);
  }
  return standing;
}
