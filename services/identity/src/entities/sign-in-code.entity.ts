import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('sign_in_codes')
export class SignInCodeEntity {
  @PrimaryColumn('text') phone!: string;
  @Column({ name: 'code_hash', type: 'text' }) codeHash!: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'sent_at', type: 'timestamptz' }) sentAt!: Date;
  @Column({ type: 'int' }) attempts!: number;
}
