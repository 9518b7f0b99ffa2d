import type { Caller } from '@kz/auth';
import { badInput, DomainError, notFound } from '@kz/errors';
import { auditActor, auditEvent, changedFields, createEvent, type Outbox } from '@kz/events';
import { decodeNameCursor, isUuid, pageFrom, pageSize, uuidv7, type Page } from '@kz/db';
import { InvalidPhoneNumberError, normalisePhone } from '@kz/phone';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AttributeDefinitionEntity } from '../entities/attribute-definition.entity';
import { OrganizationMemberEntity, type Network } from '../entities/organization-member.entity';
import { UserEntity } from '../entities/user.entity';
import { applyAttributeValues } from './attribute-values';
import { personTarget } from './audit/audit-targets';
import { requireDirectoryReader, requireOrgAdmin } from './org-access';

export interface NewDirectoryMember {
  phone: string;
  displayName: string;
  network: Network;
  attributes?: { name: string; value: string | null }[] | null;
}

const MAX_MATCHES = 10_000;

/** A phone number or name asked about, and the one directory member it matches (null for none, or a name several have). */
export interface DirectoryMatch {
  query: string;
  by: 'PHONE' | 'NAME';
  member: DirectoryEntry | null;
  candidates: number;
}

export interface DirectoryQuery {
  first?: number | null;
  after?: string | null;
  /** Prefix of a name, or of a phone number when it starts with + or a digit. */
  search?: string | null;
  network?: Network | null;
}

export interface DirectoryEntry extends OrganizationMemberEntity {
  /** False when the reader may not see phone numbers. */
  phoneVisible: boolean;
}

export class DirectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly defaultRegion: string,
  ) {}

  /** An admin adds one person; someone who never signed in gets a user record that their first sign-in takes over. */
  async add(caller: Caller, orgId: string, input: NewDirectoryMember): Promise<OrganizationMemberEntity> {
    const phone = this.phone(input.phone);
    const name = input.displayName.trim();
    if (name.length === 0 || name.length > 100) throw badInput('displayName', 'A name needs 1 to 100 characters.');
    return this.outbox.transaction(async (m, emit) => {
      await requireOrgAdmin(m, caller, orgId);
      const attributes = applyAttributeValues(await this.definitions(m, orgId), {}, input.attributes ?? []);
      const users = m.getRepository(UserEntity);
      let user = await users.findOneBy({ phone });
      if (!user) {
        user = users.create({ id: uuidv7(), phone, displayName: name, signedUpAt: null });
        await users.insert(user);
        emit(createEvent('identity.user.registered', { key: user.id, orgId: null, payload: { userId: user.id, phone, displayName: name } }));
      }
      const inserted = (await m.query(
        `INSERT INTO organization_members (org_id, user_id, role, network, name_key, phone, attributes)
         VALUES ($1, $2, 'MEMBER', $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING user_id`,
        [orgId, user.id, input.network, user.displayName.toLowerCase(), phone, JSON.stringify(attributes)],
      )) as unknown[];
      if (inserted.length === 0) throw new DomainError('CONFLICT', "This number is already in the organisation's directory.");
      emit([
        createEvent('identity.organization.member-added', {
          key: orgId,
          orgId,
          payload: { orgId, userId: user.id, role: 'MEMBER', network: input.network },
        }),
        auditEvent({
          orgId,
          action: 'directory.member-added',
          actor: auditActor(caller),
          target: { type: 'person', id: user.id, name: user.displayName },
          after: { network: input.network, ...attributes },
        }),
      ]);
      return m.getRepository(OrganizationMemberEntity).findOneByOrFail({ orgId, userId: user.id });
    });
  }

  async setAttributes(caller: Caller, orgId: string, userId: string, changes: { name: string; value: string | null }[]): Promise<OrganizationMemberEntity> {
    return this.outbox.transaction(async (m, emit) => {
      await requireOrgAdmin(m, caller, orgId);
      const repo = m.getRepository(OrganizationMemberEntity);
      const member = isUuid(userId) ? await repo.findOneBy({ orgId, userId }) : null;
      if (!member) throw notFound('Member of this organisation');
      const attributes = applyAttributeValues(await this.definitions(m, orgId), member.attributes, changes);
      await repo.update({ orgId, userId }, { attributes });
      const changed = changedFields(member.attributes, attributes);
      if (Object.keys(changed.after).length > 0) {
        emit(
          auditEvent({
            orgId,
            action: 'directory.attributes-changed',
            actor: auditActor(caller),
            target: await personTarget(m, userId),
            ...changed,
          }),
        );
      }
      return repo.findOneByOrFail({ orgId, userId });
    });
  }

  /** The directory in name order, keyset-paged; prefix search on name or phone; filter by network. */
  async list(caller: Caller, orgId: string, query: DirectoryQuery): Promise<Page<DirectoryEntry>> {
    const { seesPhones } = await requireDirectoryReader(this.dataSource.manager, caller, orgId);
    const limit = pageSize(query.first, 50, 200);
    if (limit === null) throw badInput('first', 'first must be between 1 and 200.');
    const qb = this.dataSource
      .getRepository(OrganizationMemberEntity)
      .createQueryBuilder('m')
      .where('m.org_id = :orgId', { orgId })
      .orderBy('m.name_key', 'ASC')
      .addOrderBy('m.user_id', 'ASC')
      .limit(limit + 1);
    if (query.network) qb.andWhere('m.network = :network', { network: query.network });
    const search = query.search?.trim();
    if (search) {
      if (/^[+\d]/.test(search)) {
        if (!seesPhones) throw new DomainError('FORBIDDEN', 'Only admins can search the directory by phone number.');
        qb.andWhere(`m.phone >= :phone AND m.phone < :phone || chr(1114111)`, { phone: search.replace(/[^\d+]/g, '') });
      } else {
        qb.andWhere(`m.name_key >= :name AND m.name_key < :name || chr(1114111)`, { name: search.toLowerCase() });
      }
    }
    if (query.after) {
      const { nameKey, userId } = decodeNameCursor(query.after);
      qb.andWhere('(m.name_key, m.user_id) > (:nameKey, :userId)', { nameKey, userId });
    }
    const rows = (await qb.getMany()).map((row) => Object.assign(row, { phoneVisible: seesPhones }));
    return pageFrom(rows, limit, (r) => [r.nameKey, r.userId], Boolean(query.after));
  }

  /**
   * Directory members by phone numbers (E.164, exactly) and by names (whole, in any case), for matching the authors
   * of an imported chat to people: a name matches only when exactly one member has it. Admins only.
   */
  async matches(caller: Caller, orgId: string, phones: readonly string[], names: readonly string[]): Promise<DirectoryMatch[]> {
    if (phones.length + names.length > MAX_MATCHES) throw badInput('phones', `Ask for at most ${MAX_MATCHES} numbers and names at once.`);
    await requireOrgAdmin(this.dataSource.manager, caller, orgId);
    const repo = this.dataSource.getRepository(OrganizationMemberEntity);
    const byPhone = new Map((phones.length > 0 ? await repo.findBy({ orgId, phone: In([...new Set(phones)]) }) : []).map((m) => [m.phone, m]));
    const keys = [...new Set(names.map((n) => n.trim().toLowerCase()))];
    const named = keys.length > 0 ? await repo.findBy({ orgId, nameKey: In(keys) }) : [];
    const byName = new Map<string, OrganizationMemberEntity[]>();
    for (const member of named) byName.set(member.nameKey, [...(byName.get(member.nameKey) ?? []), member]);
    const entry = (member: OrganizationMemberEntity | undefined): DirectoryEntry | null => (member ? Object.assign(member, { phoneVisible: true }) : null);
    return [
      ...phones.map((phone) => ({ query: phone, by: 'PHONE' as const, member: entry(byPhone.get(phone)), candidates: byPhone.has(phone) ? 1 : 0 })),
      ...names.map((name) => {
        const found = byName.get(name.trim().toLowerCase()) ?? [];
        return { query: name, by: 'NAME' as const, member: found.length === 1 ? entry(found[0]) : null, candidates: found.length };
      }),
    ];
  }

  private phone(raw: string): string {
    try {
      return normalisePhone(raw, this.defaultRegion);
    } catch (err) {
      if (err instanceof InvalidPhoneNumberError) throw badInput('phone', err.message);
      throw err;
    }
  }

  private definitions(m: EntityManager, orgId: string): Promise<AttributeDefinitionEntity[]> {
    return m.getRepository(AttributeDefinitionEntity).findBy({ orgId });
  }
}
