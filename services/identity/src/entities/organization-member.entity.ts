import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type OrganizationRole = 'ADMIN' | 'MEMBER';
export type Network = 'EMPLOYEE' | 'OTHER';

@Entity('organization_members')
export class OrganizationMemberEntity {
  @PrimaryColumn({ name: 'org_id', type: 'uuid' }) orgId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column('text') role!: OrganizationRole;
  @Column('text') network!: Network;
  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' }) joinedAt!: Date;
  /** Lower-cased display name, the directory's sort and search key. */
  @Column({ name: 'name_key', type: 'text' }) nameKey!: string;
  @Column('text') phone!: string;
  /** Values of the organisation's attribute definitions, keyed by definition key. */
  @Column({ type: 'jsonb' }) attributes!: Record<string, string | number | boolean>;
}
