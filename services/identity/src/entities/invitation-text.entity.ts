import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type InvitationTextState = 'QUEUED' | 'SENT' | 'SKIPPED' | 'FAILED';

/** The text telling a number it was added to a group before it signed up: one per (group, number), sent in the background. */
@Entity('invitation_texts')
export class InvitationTextEntity {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @PrimaryColumn('text') phone!: string;
  @Column('text') body!: string;
  @Column('text') state!: InvitationTextState;
  /** Why it was skipped or failed. */
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column('int') attempts!: number;
  /** When it may be tried next; while an instance sends it, the end of that instance's claim. */
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
}
