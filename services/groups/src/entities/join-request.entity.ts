import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type JoinRequestStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED';

/** Someone who followed a link that needs an admin's approval. */
@Entity('join_requests')
export class JoinRequestEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'invite_id', type: 'uuid' }) inviteId!: string;
  @Column('text') status!: JoinRequestStatus;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
}
