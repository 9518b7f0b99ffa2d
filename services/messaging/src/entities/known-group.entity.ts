import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of the groups service's groups: who owns each one. */
@Entity('known_groups')
export class KnownGroupEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'org_id', type: 'uuid', nullable: true }) orgId!: string | null;
}
