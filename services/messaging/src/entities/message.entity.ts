import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('messages')
export class MessageEntity {
  /** UUID v7: ordering by id is ordering by time. */
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId!: string;
  @Column('text') text!: string;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey!: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz' }) sentAt!: Date;
  /** ADMINS for a broadcast subscriber's reply, which only the group's admins (and its author) see. */
  @Column('text') audience!: 'ALL' | 'ADMINS';
}
