import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type GroupKind = 'PRIVATE' | 'ORGANIZATION' | 'BROADCAST';

@Entity('groups')
export class GroupEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'org_id', type: 'uuid', nullable: true }) orgId!: string | null;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId!: string | null;
  @Column('text') name!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column('text') kind!: GroupKind;
  /** Maintained in the same transaction as membership changes; never counted by scanning. */
  @Column({ name: 'member_count', type: 'int' }) memberCount!: number;
  @Column({ name: 'avatar_url', type: 'text', nullable: true }) avatarUrl!: string | null;
  /** Shown to each new member. */
  @Column({ name: 'welcome_message', type: 'text', nullable: true }) welcomeMessage!: string | null;
  /** Only admins post; in a broadcast group members' replies reach the admins only. */
  @Column({ name: 'announcement_only', type: 'boolean' }) announcementOnly!: boolean;
  /** Days its messages are kept; null: as its organisation keeps them. */
  @Column({ name: 'message_retention_days', type: 'int', nullable: true }) messageRetentionDays!: number | null;
  /** Deletion of its messages is suspended (a legal hold). */
  @Column({ name: 'legal_hold', type: 'boolean', default: false }) legalHold!: boolean;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
