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
  /** Lower-cased display name and E.164 number, copied from identity's events for member search. */
  @Column({ name: 'name_key', type: 'text' }) nameKey!: string;
  @Column('text') phone!: string;
}
