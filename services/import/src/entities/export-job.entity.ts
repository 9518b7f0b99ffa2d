import type { ExportStatus } from '@kz/events';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

const bigint = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** An export of an organisation's data to one archive. Ids are UUID v7: newest first is id descending. */
@Entity('export_jobs')
export class ExportJobEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'org_id', type: 'uuid' }) orgId!: string;
  @Column({ name: 'started_by', type: 'uuid' }) startedBy!: string;
  @Column('text') status!: ExportStatus;
  /** Messages sent from then on; null: from the first. */
  @Column({ name: 'range_from', type: 'timestamptz', nullable: true }) rangeFrom!: Date | null;
  /** Messages sent before then: the time asked for, or the export's start. */
  @Column({ name: 'range_to', type: 'timestamptz', nullable: true }) rangeTo!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  /** When the archive of a COMPLETED export is deleted. */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
  @Column({ name: 'records_total', type: 'bigint', transformer: bigint }) recordsTotal!: number;
  @Column({ name: 'records_written', type: 'bigint', transformer: bigint }) recordsWritten!: number;
  @Column({ name: 'archive_bytes', type: 'bigint', nullable: true, transformer: bigint }) archiveBytes!: number | null;
  @Column({ name: 'archive_sha256', type: 'text', nullable: true }) archiveSha256!: string | null;
  @Column({ name: 'failure_reason', type: 'text', nullable: true }) failureReason!: string | null;
}

/** How far one kind of record of an export is written. */
@Entity('export_parts')
export class ExportPartEntity {
  @PrimaryColumn({ name: 'export_id', type: 'uuid' }) exportId!: string;
  @PrimaryColumn('text') kind!: string;
  @Column({ name: 'records_total', type: 'bigint', transformer: bigint }) recordsTotal!: number;
  @Column({ name: 'records_written', type: 'bigint', transformer: bigint }) recordsWritten!: number;
  @Column({ name: 'bytes_written', type: 'bigint', transformer: bigint }) bytesWritten!: number;
  /** Where the next page of the owning service starts; null before the first page and after the last. */
  @Column({ name: 'next_cursor', type: 'text', nullable: true }) nextCursor!: string | null;
  @Column('boolean') done!: boolean;
}
