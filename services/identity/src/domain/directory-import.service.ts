import { actingUploader, type Caller } from '@kz/auth';
import { badInput, DomainError } from '@kz/errors';
import { auditActor, auditEvent, createEvent, type AuditActor, type EventEnvelope, type Outbox } from '@kz/events';
import { rememberedResponse, uuidv7 } from '@kz/db';
import { InvalidPhoneNumberError, isCountryCode, normalisePhone } from '@kz/phone';
import type { DataSource, EntityManager } from 'typeorm';
import { AttributeDefinitionEntity } from '../entities/attribute-definition.entity';
import type { Network } from '../entities/organization-member.entity';
import { applyAttributeValues, type AttributeDefinition, type AttributeValue } from './attribute-values';
import { requireOrgAdmin } from './org-access';
import type { SigningKeys } from './signing-keys';

export const MAX_DIRECTORY_IMPORT = 5_000;
/** People per batched event: keeps each Kafka message far below its 1 MB limit. */
const EVENT_BATCH = 1_000;

export type DirectoryImportStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'INVALID';

export interface DirectoryImportRow {
  phone: string;
  displayName: string;
  network: Network;
  attributes: { name: string; value: string | null }[];
}

export interface DirectoryImportRequest {
  orgId: string;
  members: readonly DirectoryImportRow[];
  /** Existing directory members get the row's network, attributes and (if they never signed in) name; otherwise they are left as they are. */
  updateExisting: boolean;
  /** Validate and report what would happen; change nothing. */
  dryRun: boolean;
  /** Country of numbers written without a prefix; the service's default when absent. */
  defaultCountry: string | null;
  /** A retry with the same key returns the first answer instead of applying the rows again. */
  requestKey: string | null;
}

export interface DirectoryImportResult {
  outcomes: DirectoryImportOutcome[];
  /** Signed (id, number, name) of every person the call left in the directory; null for a dry run. */
  receipt: string | null;
}

/** A day: long enough for any retry of an import chunk; an expired receipt only makes group adds slower. */
const RECEIPT_TTL_SECONDS = 24 * 3600;

export interface DirectoryImportOutcome {
  phone: string;
  status: DirectoryImportStatus;
  message: string | null;
  userId: string | null;
}

interface ExistingUser {
  id: string;
  phone: string;
  display_name: string;
  signed_up: boolean;
}

interface ExistingMember {
  user_id: string;
  network: Network;
  attributes: Record<string, AttributeValue>;
}

interface ValidRow {
  index: number;
  phone: string;
  name: string;
  row: DirectoryImportRow;
}

/**
 * Bulk upserts into an organisation's directory, for CSV imports and partner
 * syncs: up to 5,000 people per call, an outcome per person, set-based SQL and
 * one event per thousand new people rather than one per person.
 */
export class DirectoryImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly keys: SigningKeys,
    private readonly defaultRegion: string,
  ) {}

  async importMembers(caller: Caller, request: DirectoryImportRequest): Promise<DirectoryImportResult> {
    if (request.members.length === 0) throw badInput('members', 'Name at least one person.');
    if (request.members.length > MAX_DIRECTORY_IMPORT) {
      throw badInput('members', `At most ${MAX_DIRECTORY_IMPORT.toLocaleString('en')} people can be imported in one call; split the list.`);
    }
    const region = request.defaultCountry ?? this.defaultRegion;
    if (!isCountryCode(region)) throw badInput('defaultCountry', `"${region}" is not a two-letter ISO country code such as US or IN.`);
    if (request.requestKey !== null && (request.requestKey.length === 0 || request.requestKey.length > 200)) {
      throw badInput('requestKey', 'A request key needs 1 to 200 characters.');
    }
    return this.outbox.transaction(async (m, emit) => {
      const adminId = await requireOrgAdmin(m, actingUploader(caller, request.orgId), request.orgId);
      const apply = () => this.apply(m, emit, request, region, auditActor(caller));
      if (request.requestKey === null || request.dryRun) return apply();
      return rememberedResponse(m, `directory-import:${adminId}:${request.orgId}:${request.requestKey}`, apply);
    });
  }

  private async apply(
    m: EntityManager,
    emit: (event: EventEnvelope) => void,
    request: DirectoryImportRequest,
    region: string,
    actor: AuditActor,
  ): Promise<DirectoryImportResult> {
    const { orgId } = request;
    const outcomes: DirectoryImportOutcome[] = request.members.map((row) => ({ phone: row.phone, status: 'INVALID', message: null, userId: null }));
    const valid = validRows(request.members, region, outcomes);
    const definitions = await this.definitions(m, orgId);
    const phones = valid.map((v) => v.phone);
    const users = new Map(
      (
        (await m.query(`SELECT id, phone, display_name, signed_up_at IS NOT NULL AS signed_up FROM users WHERE phone = ANY($1::text[])`, [
          phones,
        ])) as ExistingUser[]
      ).map((u) => [u.phone, u]),
    );
    const members = new Map(
      (
        (await m.query(`SELECT user_id, network, attributes FROM organization_members WHERE org_id = $1 AND user_id = ANY($2::uuid[])`, [
          orgId,
          [...users.values()].map((u) => u.id),
        ])) as ExistingMember[]
      ).map((row) => [row.user_id, row]),
    );

    const newUsers: { id: string; phone: string; name: string }[] = [];
    const vouched: [string, string, string][] = [];
    const newMembers: { userId: string; phone: string; nameKey: string; network: Network; attributes: Record<string, AttributeValue> }[] = [];
    const changedMembers: { userId: string; network: Network; attributes: Record<string, AttributeValue>; networkChanged: boolean }[] = [];
    const renamed: { userId: string; name: string }[] = [];

    for (const { index, phone, name, row } of valid) {
      const outcome = outcomes[index]!;
      const user = users.get(phone);
      const member = user ? members.get(user.id) : undefined;
      let attributes: Record<string, AttributeValue>;
      try {
        attributes = applyAttributeValues(definitions, member?.attributes ?? {}, row.attributes);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        outcome.message = err.message;
        continue;
      }
      if (!user) {
        const id = uuidv7();
        newUsers.push({ id, phone, name });
        newMembers.push({ userId: id, phone, nameKey: name.toLowerCase(), network: row.network, attributes });
        Object.assign(outcome, { status: 'CREATED', userId: id });
        vouched.push([id, phone, name]);
      } else if (!member) {
        newMembers.push({ userId: user.id, phone, nameKey: user.display_name.toLowerCase(), network: row.network, attributes });
        Object.assign(outcome, { status: 'CREATED', userId: user.id });
        vouched.push([user.id, phone, user.display_name]);
      } else {
        outcome.userId = user.id;
        const networkChanged = member.network !== row.network;
        const attributesChanged = JSON.stringify(sortedKeys(attributes)) !== JSON.stringify(sortedKeys(member.attributes));
        // A person who signed in chose their own name; the organisation's file does not override it.
        const nameChanged = !user.signed_up && user.display_name !== name;
        const renamedTo = request.updateExisting && nameChanged ? name : user.display_name;
        vouched.push([user.id, phone, renamedTo]);
        if (!request.updateExisting || (!networkChanged && !attributesChanged && !nameChanged)) {
          outcome.status = 'UNCHANGED';
          continue;
        }
        outcome.status = 'UPDATED';
        if (networkChanged || attributesChanged) changedMembers.push({ userId: user.id, network: row.network, attributes, networkChanged });
        if (nameChanged) renamed.push({ userId: user.id, name });
      }
    }
    if (request.dryRun) return { outcomes, receipt: null };
    await this.write(m, emit, orgId, { newUsers, newMembers, changedMembers, renamed });
    const tally = (status: DirectoryImportStatus) => outcomes.filter((o) => o.status === status).length;
    const [created, updated] = [tally('CREATED'), tally('UPDATED')];
    if (created + updated > 0) {
      // One entry per call, however many people it brought.
      emit(
        auditEvent({
          orgId,
          action: 'directory.imported',
          actor,
          target: { type: 'organization', id: orgId },
          after: { created, updated, unchanged: tally('UNCHANGED'), invalid: tally('INVALID') },
          count: created + updated,
        }),
      );
    }
    return { outcomes, receipt: vouched.length > 0 ? await this.keys.signDirectoryReceipt(vouched, RECEIPT_TTL_SECONDS) : null };
  }

  private async write(
    m: EntityManager,
    emit: (event: EventEnvelope) => void,
    orgId: string,
    changes: {
      newUsers: { id: string; phone: string; name: string }[];
      newMembers: { userId: string; phone: string; nameKey: string; network: Network; attributes: Record<string, AttributeValue> }[];
      changedMembers: { userId: string; network: Network; attributes: Record<string, AttributeValue>; networkChanged: boolean }[];
      renamed: { userId: string; name: string }[];
    },
  ): Promise<void> {
    const { newUsers, newMembers, changedMembers, renamed } = changes;
    if (newUsers.length > 0) {
      await m.query(`INSERT INTO users (id, phone, display_name) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])`, [
        newUsers.map((u) => u.id),
        newUsers.map((u) => u.phone),
        newUsers.map((u) => u.name),
      ]);
      for (const batch of batches(newUsers)) {
        emit(
          createEvent('identity.users.registered', {
            key: orgId,
            orgId,
            payload: { users: batch.map((u) => ({ userId: u.id, phone: u.phone, displayName: u.name })) },
          }),
        );
      }
    }
    if (newMembers.length > 0) {
      await m.query(
        `INSERT INTO organization_members (org_id, user_id, role, network, name_key, phone, attributes)
         SELECT $1, u, 'MEMBER', n, k, p, a FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::jsonb[]) AS t(u, n, k, p, a)`,
        [
          orgId,
          newMembers.map((r) => r.userId),
          newMembers.map((r) => r.network),
          newMembers.map((r) => r.nameKey),
          newMembers.map((r) => r.phone),
          newMembers.map((r) => JSON.stringify(r.attributes)),
        ],
      );
      for (const batch of batches(newMembers)) {
        emit(
          createEvent('identity.organization.members-added', {
            key: orgId,
            orgId,
            payload: { orgId, members: batch.map((r) => ({ userId: r.userId, role: 'MEMBER' as const, network: r.network })) },
          }),
        );
      }
    }
    if (changedMembers.length > 0) {
      await m.query(
        `UPDATE organization_members o SET network = t.n, attributes = t.a
         FROM unnest($2::uuid[], $3::text[], $4::jsonb[]) AS t(u, n, a) WHERE o.org_id = $1 AND o.user_id = t.u`,
        [orgId, changedMembers.map((r) => r.userId), changedMembers.map((r) => r.network), changedMembers.map((r) => JSON.stringify(r.attributes))],
      );
      for (const r of changedMembers.filter((c) => c.networkChanged)) {
        emit(createEvent('identity.organization.network-changed', { key: orgId, orgId, payload: { orgId, userId: r.userId, network: r.network } }));
      }
    }
    if (renamed.length > 0) {
      await m.query(`UPDATE users SET display_name = t.n FROM unnest($1::uuid[], $2::text[]) AS t(u, n) WHERE users.id = t.u`, [
        renamed.map((r) => r.userId),
        renamed.map((r) => r.name),
      ]);
      await m.query(`UPDATE organization_members SET name_key = lower(t.n) FROM unnest($1::uuid[], $2::text[]) AS t(u, n) WHERE user_id = t.u`, [
        renamed.map((r) => r.userId),
        renamed.map((r) => r.name),
      ]);
      for (const r of renamed) {
        emit(createEvent('identity.user.profile-changed', { key: r.userId, orgId: null, payload: { userId: r.userId, displayName: r.name } }));
      }
    }
  }

  private async definitions(m: EntityManager, orgId: string): Promise<AttributeDefinition[]> {
    return m.getRepository(AttributeDefinitionEntity).findBy({ orgId });
  }
}

/** Phone and name checks per row, and repeats inside the request; outcomes of bad rows are filled in. */
function validRows(rows: readonly DirectoryImportRow[], region: string, outcomes: DirectoryImportOutcome[]): ValidRow[] {
  const seen = new Set<string>();
  const valid: ValidRow[] = [];
  rows.forEach((row, index) => {
    const outcome = outcomes[index]!;
    let phone: string;
    try {
      phone = normalisePhone(row.phone, region);
    } catch (err) {
      if (!(err instanceof InvalidPhoneNumberError)) throw err;
      outcome.message = err.message;
      return;
    }
    const name = row.displayName.trim();
    if (name.length === 0 || name.length > 100) {
      outcome.message = 'A name needs 1 to 100 characters.';
      return;
    }
    if (seen.has(phone)) {
      outcome.message = `${phone} appears earlier in the same request.`;
      return;
    }
    seen.add(phone);
    valid.push({ index, phone, name, row });
  });
  return valid;
}

function sortedKeys(values: Record<string, AttributeValue>): [string, AttributeValue][] {
  return Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += EVENT_BATCH) yield items.slice(i, i + EVENT_BATCH);
}
