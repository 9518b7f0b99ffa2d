import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) phone!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** Null for someone an admin added who has not signed in yet. */
  @Column({ name: 'signed_up_at', type: 'timestamptz', nullable: true }) signedUpAt!: Date | null;
}
