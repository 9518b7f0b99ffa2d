import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SystemEventRecord } from '../domain/system-events';

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
  @Column('text') kind!: 'TEXT' | 'ANNOUNCEMENT' | 'POLL' | 'SYSTEM';
  /** What a SYSTEM entry records (people added, a rename...); null for people's messages. */
  @Column({ name: 'system_event', type: 'jsonb', nullable: true }) systemEvent!: SystemEventRecord | null;
  @Column({ name: 'reply_to_id', type: 'uuid', nullable: true }) replyToId!: string | null;
  @Column({ type: 'uuid', array: true }) mentions!: string[];
  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true }) editedAt!: Date | null;
  /** A deleted message stays as a tombstone: its place in history, not its text. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  @Column({ name: 'deleted_by', type: 'uuid', nullable: true }) deletedBy!: string | null;
  /** The chat import that brought the message over from another app's export; null for messages sent here. */
  @Column({ name: 'imported_from', type: 'uuid', nullable: true }) importedFrom!: string | null;
  /** An imported message's author as the export named them. */
  @Column({ name: 'original_author', type: 'text', nullable: true }) originalAuthor!: string | null;
  /** An imported message whose author is no one here: authorId is then the admin who imported it. */
  @Column({ name: 'placeholder_author', type: 'boolean', default: false }) placeholderAuthor!: boolean;
  /** The position of the message's latest change in the group's change log (message-changes.ts); a bigint as a string. */
  @Column({ name: 'change_seq', type: 'bigint', insert: false, update: false }) changeSeq!: string;
  @Column({ name: 'change_kind', type: 'text', insert: false, update: false }) changeKind!: MessageChangeKind;
}

export type MessageChangeKind = 'SENT' | 'EDITED' | 'DELETED' | 'POLL_UPDATED';
