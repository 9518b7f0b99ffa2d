import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A file uploaded to a group; it belongs to a message once sent with one. */
@Entity('attachments')
export class AttachmentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'uploader_id', type: 'uuid' }) uploaderId!: string;
  @Column({ name: 'message_id', type: 'uuid', nullable: true }) messageId!: string | null;
  @Column('text') filename!: string;
  @Column({ name: 'content_type', type: 'text' }) contentType!: string;
  @Column({ name: 'size_bytes', type: 'bigint' }) sizeBytes!: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
