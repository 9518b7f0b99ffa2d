import type { Caller } from '@kz/auth';
import { DomainError, notFound } from '@kz/errors';
import { auditActor, auditEvent, changedFields, createEvent, type EmitEvents, type Outbox } from '@kz/events';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AttributeDefinitionEntity, type AttributeType } from '../entities/attribute-definition.entity';
import { attributeKey, validateAttributeName } from './attribute-values';
import { requireDirectoryReader, requireOrgAdmin } from './org-access';

export class AttributeDefinitionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async list(caller: Caller, orgId: string): Promise<AttributeDefinitionEntity[]> {
    await requireDirectoryReader(this.dataSource.manager, caller, orgId);
    return this.dataSource.getRepository(AttributeDefinitionEntity).find({ where: { orgId }, order: { createdAt: 'ASC' } });
  }

  /** Definitions of organisations whose data the caller was already allowed to read, in one query. */
  async ofOrganizations(orgIds: readonly string[]): Promise<AttributeDefinitionEntity[][]> {
    const rows = await this.dataSource.getRepository(AttributeDefinitionEntity).find({ where: { orgId: In([...orgIds]) }, order: { createdAt: 'ASC' } });
    return orgIds.map((orgId) => rows.filter((r) => r.orgId === orgId));
  }

  /** Defines an attribute, or changes whether it is mandatory; its type cannot change once values may exist. */
  async define(caller: Caller, orgId: string, input: { name: string; type: AttributeType; mandatory: boolean }): Promise<AttributeDefinitionEntity> {
    const name = validateAttributeName(input.name);
    const key = attributeKey(name);
    return this.outbox.transaction(async (m, emit) => {
      await requireOrgAdmin(m, caller, orgId, true);
      const repo = m.getRepository(AttributeDefinitionEntity);
      const existing = await repo.findOneBy({ orgId, key });
      if (existing && existing.type !== input.type) {
        throw new DomainError('CONFLICT', `${existing.name} is already a ${existing.type} attribute; remove it first to change its type.`);
      }
      if (existing) await repo.update({ orgId, key }, { name, mandatory: input.mandatory });
      else await repo.insert({ orgId, key, name, type: input.type, mandatory: input.mandatory });
      await this.announce(m, orgId, emit);
      const definition = { name, type: input.type, mandatory: input.mandatory };
      const change = existing
        ? changedFields({ name: existing.name, type: existing.type, mandatory: existing.mandatory }, definition)
        : { before: null, after: definition };
      if (change.after && Object.keys(change.after).length > 0) {
        emit(
          auditEvent({
            orgId,
            action: existing ? 'attribute.changed' : 'attribute.defined',
            actor: auditActor(caller),
            target: { type: 'attribute', id: key, name },
            ...change,
          }),
        );
      }
      return repo.findOneByOrFail({ orgId, key });
    });
  }

  async remove(caller: Caller, orgId: string, name: string): Promise<void> {
    const key = attributeKey(name);
    await this.outbox.transaction(async (m, emit) => {
      await requireOrgAdmin(m, caller, orgId, true);
      const existing = await m.getRepository(AttributeDefinitionEntity).findOneBy({ orgId, key });
      const removed = await m.getRepository(AttributeDefinitionEntity).delete({ orgId, key });
      if (!removed.affected || !existing) throw notFound(`Attribute "${name}"`);
      const [{ cleared }] = (await m.query(
        `WITH cleared AS (UPDATE organization_members SET attributes = attributes - $2 WHERE org_id = $1 AND attributes ? $2 RETURNING 1)
         SELECT count(*)::int AS cleared FROM cleared`,
        [orgId, key],
      )) as [{ cleared: number }];
      await this.announce(m, orgId, emit);
      emit(
        auditEvent({
          orgId,
          action: 'attribute.removed',
          actor: auditActor(caller),
          target: { type: 'attribute', id: key, name: existing.name },
          before: { name: existing.name, type: existing.type, mandatory: existing.mandatory },
          // The people whose value of it went with it.
          count: cleared,
        }),
      );
    });
  }

  private async announce(m: EntityManager, orgId: string, emit: EmitEvents): Promise<void> {
    const definitions = await m.getRepository(AttributeDefinitionEntity).find({ where: { orgId }, order: { createdAt: 'ASC' } });
    emit(
      createEvent('identity.organization.attributes-changed', {
        key: orgId,
        orgId,
        payload: { orgId, definitions: definitions.map(({ key, name, type, mandatory }) => ({ key, name, type, mandatory })) },
      }),
    );
  }
}
