import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { GroupRole } from './membership.entity';

/** A phone number added before it signed up; becomes a membership at sign-up. */
@Entity('pending_memberships')
export class PendingMembershipEntity {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @PrimaryColumn('text') phone!: string;
  @Column('text') role!: GroupRole;
  @Column({ name: 'invited_by', type: 'uuid' }) invitedBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
