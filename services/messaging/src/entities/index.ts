import { AttachmentEntity } from './attachment.entity';
import { GroupMemberEntity } from './group-member.entity';
import { KnownGroupEntity } from './known-group.entity';
import { MessageEntity } from './message.entity';
import { NotificationEntity } from './notification.entity';
import { PollEntity } from './poll.entity';

export const messagingEntities = [MessageEntity, GroupMemberEntity, KnownGroupEntity, PollEntity, AttachmentEntity, NotificationEntity];
