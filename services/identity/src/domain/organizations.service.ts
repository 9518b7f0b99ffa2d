import { badInput, notFound } from '@kz/errors';
import { createEvent, type Outbox } from '@kz/events';
import { isUuid, uuidv7 } from '@kz/db';
import { In, type DataSource } from 'typeorm';
import { OrganizationMemberEntity } from '../entities/organization-member.entity';
import { OrganizationEntity } from '../entities/organization.entity';

export class OrganizationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async create(creatorId: string, rawName: string): Promise<OrganizationEntity> {
    const name = rawName.trim();
    if (name.length === 0 || name.length > 120) throw badInput('name', 'An organisation name needs 1 to 120 characters.');
    return this.outbox.transaction(async (m, emit) => {
      const org = m.getRepository(OrganizationEntity).create({ id: uuidv7(), name, createdBy: creatorId });
      await m.getRepository(OrganizationEntity).insert(org);
      await m.getRepository(OrganizationMemberEntity).insert({ orgId: org.id, userId: creatorId, role: 'ADMIN', network: 'EMPLOYEE' });
      emit([
        createEvent('identity.organization.created', { key: org.id, orgId: org.id, payload: { orgId: org.id, name, createdBy: creatorId } }),
        createEvent('identity.organization.member-added', {
          key: org.id,
          orgId: org.id,
          payload: { orgId: org.id, userId: creatorId, role: 'ADMIN', network: 'EMPLOYEE' },
        }),
      ]);
      return m.getRepository(OrganizationEntity).findOneByOrFail({ id: org.id });
    });
  }

  /** An organisation as seen by a member; anyone else is told it does not exist. */
  async getForMember(userId: string, orgId: string): Promise<OrganizationEntity> {
    if (!isUuid(orgId)) throw notFound('Organisation');
    const membership = await this.dataSource.getRepository(OrganizationMemberEntity).findOneBy({ orgId, userId });
    if (!membership) throw notFound('Organisation');
    return this.dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id: orgId });
  }

  async membershipsOf(userId: string): Promise<OrganizationMemberEntity[]> {
    return this.dataSource.getRepository(OrganizationMemberEntity).find({ where: { userId }, order: { joinedAt: 'ASC' } });
  }

  async byIds(ids: readonly string[]): Promise<OrganizationEntity[]> {
    return this.dataSource.getRepository(OrganizationEntity).findBy({ id: In(ids.filter(isUuid)) });
  }

  async rolesOf(userId: string, orgIds: readonly string[]): Promise<OrganizationMemberEntity[]> {
    return this.dataSource.getRepository(OrganizationMemberEntity).findBy({ userId, orgId: In([...orgIds]) });
  }
}
