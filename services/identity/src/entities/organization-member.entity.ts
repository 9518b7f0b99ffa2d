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
}
