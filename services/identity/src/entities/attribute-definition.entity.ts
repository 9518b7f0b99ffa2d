import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type AttributeType = 'STRING' | 'NUMBER' | 'BOOLEAN' | 'DATE';

/** A user attribute an organisation defines (employee ID, job title, ...). */
@Entity('attribute_definitions')
export class AttributeDefinitionEntity {
  @PrimaryColumn({ name: 'org_id', type: 'uuid' }) orgId!: string;
  /** Case-insensitive identity of the name: "Job title" and "job  title" are one attribute. */
  @PrimaryColumn('text') key!: string;
  @Column('text') name!: string;
  @Column('text') type!: AttributeType;
  @Column('boolean') mandatory!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
