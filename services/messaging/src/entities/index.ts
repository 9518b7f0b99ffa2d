import { GroupMemberEntity } from './group-member.entity';
import { MessageEntity } from './message.entity';

export const messagingEntities = [MessageEntity, GroupMemberEntity];
