import type { SubgraphContext } from '@kz/server';
import type { GroupsService } from './domain/groups.service';
import type { HierarchyService } from './domain/hierarchy.service';
import type { InvitesService } from './domain/invites.service';
import type { MembershipsService } from './domain/memberships.service';

export interface GroupsServices {
  groups: GroupsService;
  memberships: MembershipsService;
  hierarchy: HierarchyService;
  invites: InvitesService;
}

export type GroupsContext = SubgraphContext<GroupsServices>;
