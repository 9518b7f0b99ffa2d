import type { SubgraphContext } from '@kz/server';
import type { GroupsService } from './domain/groups.service';

export interface GroupsServices {
  groups: GroupsService;
}

export type GroupsContext = SubgraphContext<GroupsServices>;
