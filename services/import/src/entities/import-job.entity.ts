import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const IMPORT_STATUSES = ['QUEUED', 'VALIDATING', 'RUNNING', 'COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One bulk upload. Rows are read newest first per organisation: (org_id, created_at DESC, id DESC). */
@Entity('import_jobs')
export class ImportJobEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'org_id', type: 'uuid' }) orgId!: string;
  @Column({ name: 'started_by', type: 'uuid' }) startedBy!: string;
  @Column('text') status!: ImportStatus;
  @Column({ name: 'rows_total', type: 'int', default: 0 }) rowsTotal!: number;
  @Column({ name: 'rows_processed', type: 'int', default: 0 }) rowsProcessed!: number;
  @Column({ name: 'rows_created', type: 'int', default: 0 }) rowsCreated!: number;
  @Column({ name: 'rows_updated', type: 'int', default: 0 }) rowsUpdated!: number;
  @Column({ name: 'rows_unchanged', type: 'int', default: 0 }) rowsUnchanged!: number;
  @Column({ name: 'rows_failed', type: 'int', default: 0 }) rowsFailed!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
