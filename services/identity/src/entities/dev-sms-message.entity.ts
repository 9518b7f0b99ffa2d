import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Why a text was sent: a one-time code, or an invitation to a group made before the number signed up. */
export type SmsPurpose = 'sign-in-code' | 'invitation';

/** Texts the development SMS sink "sent"; never written with a real provider. */
@Entity('dev_sms_messages')
export class DevSmsMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('text') phone!: string;
  @Column('text') body!: string;
  @Column('text') purpose!: SmsPurpose;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
