import type { SubgraphContext } from '@kz/server';
import type { GroupsService } from './domain/groups.service';
import type { HierarchyService } from './domain/hierarchy.service';
import type { InvitesService } from './domain/invites.service';
import type { MembershipsService } from './domain/memberships.service';
import type { OrgRoleSource } from './domain/organization-standing';

export interface GroupsServices {
  groups: GroupsService;
  memberships: MembershipsService;
  hierarchy: HierarchyService;
  invites: InvitesService;
  /** identity, asked about organisation roles the read model does not settle (see OrganizationStanding). */
  orgRoles: OrgRoleSource;
}

export type GroupsContext = SubgraphContext<GroupsServices>;
