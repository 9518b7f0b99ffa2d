import { GroupEntity } from './group.entity';
import { InviteLinkEntity } from './invite-link.entity';
import { JoinRequestEntity } from './join-request.entity';
import { KnownUserEntity } from './known-user.entity';
import { MembershipEntity } from './membership.entity';
import { OrgMemberEntity } from './org-member.entity';
import { PendingMembershipEntity } from './pending-membership.entity';

export const groupsEntities = [GroupEntity, MembershipEntity, PendingMembershipEntity, KnownUserEntity, OrgMemberEntity, InviteLinkEntity, JoinRequestEntity];
