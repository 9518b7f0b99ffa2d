import type { JWK } from 'jose';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('signing_keys')
export class SigningKeyEntity {
  @PrimaryColumn('text') kid!: string;
  @Column({ name: 'private_jwk', type: 'jsonb' }) privateJwk!: JWK;
  @Column({ name: 'public_jwk', type: 'jsonb' }) publicJwk!: JWK;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** Published from creation, used for signing from this moment. */
  @Column({ name: 'activates_at', type: 'timestamptz' }) activatesAt!: Date;
  /** Retired keys still verify until tokens signed with them have expired. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true }) retiredAt!: Date | null;
}
