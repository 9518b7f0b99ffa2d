import type { ConnectorPermission } from '@kz/auth';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A partner system's registration with an organisation. */
@Entity('connectors')
export class ConnectorEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'org_id', type: 'uuid' }) orgId!: string;
  @Column('text') name!: string;
  @Column({ name: 'client_id', type: 'text' }) clientId!: string;
  /** SHA-256 of the secret; the secret itself is shown once and never stored. */
  @Column({ name: 'secret_hash', type: 'text' }) secretHash!: string;
  @Column({ type: 'text', array: true }) permissions!: ConnectorPermission[];
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'secret_rotated_at', type: 'timestamptz' }) secretRotatedAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}
