import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type GroupRole = 'OWNER' | 'ADMIN' | 'MEMBER';

@Entity('memberships')
export class MembershipEntity {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column('text') role!: GroupRole;
  /** Join order, the keyset for member pages. */
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' }) joinedAt!: Date;
}
