import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  /** Days its messages are kept; null: for ever. */
  @Column({ name: 'message_retention_days', type: 'int', nullable: true }) messageRetentionDays!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
