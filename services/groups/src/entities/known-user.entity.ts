import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of identity's users, from its events: phone to user id. */
@Entity('known_users')
export class KnownUserEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) phone!: string;
  @Column({ name: 'name_key', type: 'text' }) nameKey!: string;
}
