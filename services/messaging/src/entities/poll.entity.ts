import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('polls')
export class PollEntity {
  @PrimaryColumn({ name: 'message_id', type: 'uuid' }) messageId!: string;
  @Column('text') question!: string;
  @Column({ type: 'text', array: true }) options!: string[];
  @Column({ name: 'multiple_choice', type: 'boolean' }) multipleChoice!: boolean;
  @Column({ type: 'timestamptz', nullable: true }) deadline!: Date | null;
  @Column({ name: 'results_visible_to', type: 'text' }) resultsVisibleTo!: 'EVERYONE' | 'ADMINS';
  @Column({ name: 'option_counts', type: 'int', array: true }) optionCounts!: number[];
  @Column('int') voters!: number;
}
