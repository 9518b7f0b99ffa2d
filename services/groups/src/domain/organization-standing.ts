import type { Caller } from '@kz/auth';
import { isUuid } from '@kz/db';
import type { EntityManager } from 'typeorm';

export type OrgRole = 'ADMIN' | 'MEMBER';

/**
 * Why the standing is asked: to read (see an organisation's groups, list
 * them), or to change something that only standing in the organisation
 * allows (create or link a group in it, manage a group as an organisation
 * admin).
 */
export type StandingPurpose = 'read' | 'change';

/**
 * The source of truth about organisation roles (identity), asked with the
 * caller's own token: the caller's role in each organisation, null where they
 * are not in it or it does not exist. Throws a DomainError (UNAVAILABLE) when
 * it cannot answer in time.
 */
export interface OrgRoleSource {
  rolesOf(bearer: string, orgIds: readonly string[]): Promise<ReadonlyMap<string, OrgRole | null>>;
}

const satisfies = (role: OrgRole | null, need: OrgRole): boolean => role !== null && (need === 'MEMBER' || role === 'ADMIN');

/**
 * The one place where the groups service decides a caller's standing in an
 * organisation, for one request.
 *
 * org_members, filled from identity's events, is a cache of identity's truth
 * that can be behind: an organisation created or an admin appointed a moment
 * ago is not in it yet, and a person removed or demoted a moment ago still is.
 * So:
 * - to read, the read model's yes stands; where it falls short of what is
 *   needed (no row, or not admin when admin is needed) identity is asked;
 * - to change, identity decides whenever organisation standing is what allows
 *   the change, so a just-demoted admin changes nothing, whatever the read
 *   model still says.
 * Identity's answers serve this request only and are never written to the read
 * model, whose one writer stays identity's events, in order. Each organisation
 * is asked about at most once per request.
 */
export class OrganizationStanding {
  private readonly confirmed = new Map<string, Promise<OrgRole | null>>();
  private readonly userId: string | null;
  /** An import's token says identity found its uploader an admin of this organisation minutes ago; no other standing counts. */
  private readonly importOrgId: string | null;

  constructor(
    caller: Caller,
    private readonly bearer: string | null,
    private readonly source: OrgRoleSource,
  ) {
    this.userId = caller.kind === 'user' || caller.kind === 'import' ? caller.userId : null;
    this.importOrgId = caller.kind === 'import' ? caller.orgId : null;
  }

  /**
   * The caller's role in the organisation, once `need` is settled: a role
   * satisfying it, or identity's answer (null: not in the organisation, or no
   * such organisation).
   */
  async roleIn(m: EntityManager, orgId: string, need: OrgRole, purpose: StandingPurpose): Promise<OrgRole | null> {
    if (this.userId === null || !isUuid(orgId)) return null;
    if (this.importOrgId !== null) return orgId === this.importOrgId ? 'ADMIN' : null;
    if (purpose === 'read') {
      const known = (await this.readModel(m, [orgId])).get(orgId) ?? null;
      if (satisfies(known, need)) return known;
    }
    return (await this.confirm([orgId])).get(orgId) ?? null;
  }

  async isAdmin(m: EntityManager, orgId: string, purpose: StandingPurpose): Promise<boolean> {
    return (await this.roleIn(m, orgId, 'ADMIN', purpose)) === 'ADMIN';
  }

  /** The organisations among `orgIds` that the caller administers, to read their groups (one identity call for all the read model does not settle). */
  async administeredAmong(m: EntityManager, orgIds: readonly string[]): Promise<Set<string>> {
    const ids = [...new Set(orgIds.filter(isUuid))];
    if (this.userId === null || ids.length === 0) return new Set();
    if (this.importOrgId !== null) return new Set(ids.filter((id) => id === this.importOrgId));
    const known = await this.readModel(m, ids);
    const admin = new Set(ids.filter((id) => known.get(id) === 'ADMIN'));
    const unsettled = ids.filter((id) => !admin.has(id));
    if (unsettled.length > 0) {
      const confirmed = await this.confirm(unsettled);
      for (const id of unsettled) if (confirmed.get(id) === 'ADMIN') admin.add(id);
    }
    return admin;
  }

  private async readModel(m: EntityManager, orgIds: readonly string[]): Promise<Map<string, OrgRole>> {
    const rows = (await m.query(`SELECT org_id, role FROM org_members WHERE org_id = ANY($1::uuid[]) AND user_id = $2`, [orgIds, this.userId])) as {
      org_id: string;
      role: OrgRole;
    }[];
    return new Map(rows.map((r) => [r.org_id, r.role]));
  }

  /** identity's answer for each organisation, asked once per request for those not asked yet. */
  private async confirm(orgIds: readonly string[]): Promise<Map<string, OrgRole | null>> {
    const ask = orgIds.filter((id) => !this.confirmed.has(id));
    if (ask.length > 0) {
      // Without a token there is no one to ask for: a caller with none has no standing anywhere.
      const answers = this.bearer === null ? Promise.resolve(new Map<string, OrgRole | null>()) : this.source.rolesOf(this.bearer, ask);
      for (const id of ask)
        this.confirmed.set(
          id,
          answers.then((a) => a.get(id) ?? null),
        );
    }
    return new Map(await Promise.all(orgIds.map(async (id) => [id, await this.confirmed.get(id)!] as const)));
  }
}
