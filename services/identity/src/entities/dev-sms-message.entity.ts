import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Texts the development SMS sink "sent"; never written with a real provider. */
@Entity('dev_sms_messages')
export class DevSmsMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('text') phone!: string;
  @Column('text') body!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
