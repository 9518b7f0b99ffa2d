import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of group membership, built only from the groups service's events. */
@Entity('group_members')
export class GroupMemberEntity {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column('text') role!: 'OWNER' | 'ADMIN' | 'MEMBER';
}
