import type { ImportStatus } from '@kz/events';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export { IMPORT_STATUSES, FINAL_IMPORT_STATUSES as FINAL_STATUSES, type ImportStatus } from '@kz/events';
export type ImportMode = 'DRY_RUN' | 'APPLY';
/** People into the directory and groups (a CSV file), or a chat's history into a group (a WhatsApp export). */
export type ImportKind = 'MEMBERS' | 'CHAT';
export type ExistingUsers = 'SKIP' | 'UPDATE';

const bigint = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** One bulk upload. Rows are read newest first per organisation: (org_id, created_at DESC, id DESC). */
@Entity('import_jobs')
export class ImportJobEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'org_id', type: 'uuid' }) orgId!: string;
  @Column({ name: 'started_by', type: 'uuid' }) startedBy!: string;
  @Column({ type: 'text', default: 'MEMBERS' }) kind!: ImportKind;
  @Column('text') status!: ImportStatus;
  @Column('text') mode!: ImportMode;
  @Column({ name: 'existing_users', type: 'text' }) existingUsers!: ExistingUsers;
  @Column({ name: 'default_country', type: 'text' }) defaultCountry!: string;
  /** Groups the people are added to; empty for the directory only. */
  @Column({ name: 'group_ids', type: 'uuid', array: true }) groupIds!: string[];
  /** Identity's grant to act for the uploader, sealed (ImportAuthority) while the import runs; cleared when it ends. */
  @Column({ name: 'acting_grant', type: 'text', nullable: true, select: false }) actingGrant!: string | null;
  @Column({ name: 'file_name', type: 'text', nullable: true }) fileName!: string | null;
  /** The file's header row as written, for the error report. */
  @Column({ name: 'file_header', type: 'text', array: true, nullable: true }) fileHeader!: string[] | null;
  @Column({ name: 'file_bytes', type: 'bigint', nullable: true, transformer: bigint }) fileBytes!: number | null;
  @Column({ name: 'chunk_count', type: 'int', default: 0 }) chunkCount!: number;
  @Column({ name: 'chunks_done', type: 'int', default: 0 }) chunksDone!: number;
  @Column({ name: 'rows_total', type: 'int', default: 0 }) rowsTotal!: number;
  @Column({ name: 'rows_processed', type: 'int', default: 0 }) rowsProcessed!: number;
  @Column({ name: 'rows_created', type: 'int', default: 0 }) rowsCreated!: number;
  @Column({ name: 'rows_updated', type: 'int', default: 0 }) rowsUpdated!: number;
  @Column({ name: 'rows_unchanged', type: 'int', default: 0 }) rowsUnchanged!: number;
  @Column({ name: 'rows_failed', type: 'int', default: 0 }) rowsFailed!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'processing_started_at', type: 'timestamptz', nullable: true }) processingStartedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ name: 'failure_reason', type: 'text', nullable: true }) failureReason!: string | null;
}
