import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('invite_links')
export class InviteLinkEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  /** The unguessable part of the link. */
  @Column('text') token!: string;
  @Column('text') role!: 'ADMIN' | 'MEMBER';
  @Column({ name: 'requires_approval', type: 'boolean' }) requiresApproval!: boolean;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
  @Column({ name: 'max_uses', type: 'int', nullable: true }) maxUses!: number | null;
  @Column({ type: 'int' }) uses!: number;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}
