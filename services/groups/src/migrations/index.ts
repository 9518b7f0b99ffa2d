import { InboxEventAttempts1765008000000, OutboxTraceParent1766390400000 } from '@kz/events';
import { IdempotentRequests1764748800000, IdempotentResponsesAsJson1764921600000 } from '@kz/db';
import { InitialGroups1764144000000 } from './1764144000000-initial-groups';
import { HierarchyInvitesLargeGroups1764230400000 } from './1764230400000-hierarchy-invites-large-groups';
import { ByteOrderSearchKeys1764489600000 } from './1764489600000-byte-order-search-keys';
import { UnnamedMembersIndex1764835200000 } from './1764835200000-unnamed-members-index';
import { OrgRemovals1765526400000 } from './1765526400000-org-removals';
import { GroupRetention1765785600000 } from './1765785600000-group-retention';

export const groupsMigrations = [
  InitialGroups1764144000000,
  HierarchyInvitesLargeGroups1764230400000,
  ByteOrderSearchKeys1764489600000,
  IdempotentRequests1764748800000,
  UnnamedMembersIndex1764835200000,
  IdempotentResponsesAsJson1764921600000,
  InboxEventAttempts1765008000000,
  OrgRemovals1765526400000,
  GroupRetention1765785600000,
  OutboxTraceParent1766390400000,
];
