import { Column, Entity, PrimaryColumn } from 'typeorm';

export type NotificationKind = 'MENTION' | 'REPLY' | 'GROUP_ADDED' | 'JOIN_REQUEST' | 'IMPORT_FINISHED' | 'WEBHOOK_DISABLED' | 'EXPORT_FINISHED';

/** Something a person should hear of; read only by that person. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  /** UUID v7: newest first is id order. */
  @PrimaryColumn('uuid') id!: string;
  @Column('text') kind!: NotificationKind;
  @Column({ name: 'group_id', type: 'uuid', nullable: true }) groupId!: string | null;
  @Column({ name: 'message_id', type: 'uuid', nullable: true }) messageId!: string | null;
  /** Who caused it: the sender, the person who added or asked; null when no one in particular. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ name: 'import_id', type: 'uuid', nullable: true }) importId!: string | null;
  @Column({ name: 'export_id', type: 'uuid', nullable: true }) exportId!: string | null;
  @Column({ name: 'webhook_endpoint_id', type: 'uuid', nullable: true }) webhookEndpointId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt!: Date | null;
}
