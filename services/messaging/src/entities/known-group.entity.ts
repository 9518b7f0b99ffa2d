import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of the groups service's groups: name, owner, place in the hierarchy, posting rules. */
@Entity('known_groups')
export class KnownGroupEntity {
  @PrimaryColumn('uuid') id!: string;
  /** Null until the group's created or updated event has arrived. */
  @Column({ type: 'text', nullable: true }) name!: string | null;
  @Column({ name: 'org_id', type: 'uuid', nullable: true }) orgId!: string | null;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId!: string | null;
  @Column('text') kind!: 'PRIVATE' | 'ORGANIZATION' | 'BROADCAST';
  @Column({ name: 'announcement_only', type: 'boolean' }) announcementOnly!: boolean;
  /** Members of the group, kept with the membership events ("read by N of M"). */
  @Column({ name: 'member_count', type: 'int' }) memberCount!: number;
}
