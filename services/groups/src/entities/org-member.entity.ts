import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of identity's organisation memberships, from its events. */
@Entity('org_members')
export class OrgMemberEntity {
  @PrimaryColumn({ name: 'org_id', type: 'uuid' }) orgId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column('text') role!: 'ADMIN' | 'MEMBER';
}
