import { randomUUID } from 'node:crypto';
import type { Caller } from '@kz/auth';
import { DomainError } from '@kz/errors';
import type { EntityManager } from 'typeorm';
import { OrganizationStanding, type OrgRole, type OrgRoleSource } from './organization-standing';

const user: Caller = { kind: 'user', userId: randomUUID(), phone: '+14155550100' };
const [orgA, orgB, orgC] = [randomUUID(), randomUUID(), randomUUID()];

/** The read model as rows of org_members for the caller, and the statements run against it. */
function readModel(rows: Record<string, OrgRole>) {
  const statements: unknown[][] = [];
  const m = {
    query: async (_sql: string, [orgIds]: [string[], string]) => {
      statements.push(orgIds);
      return orgIds.filter((id) => rows[id]).map((id) => ({ org_id: id, role: rows[id] }));
    },
  } as unknown as EntityManager;
  return { m, statements };
}

/** identity, with the calls it receives. */
function identity(roles: Record<string, OrgRole>) {
  const calls: string[][] = [];
  const source: OrgRoleSource = {
    rolesOf: async (_bearer, orgIds) => {
      calls.push([...orgIds]);
      return new Map(orgIds.map((id) => [id, roles[id] ?? null]));
    },
  };
  return { source, calls };
}

describe('organisation standing', () => {
  it("takes the read model's yes for reading without asking identity", async () => {
    const { m } = readModel({ [orgA]: 'ADMIN', [orgB]: 'MEMBER' });
    const { source, calls } = identity({});
    const standing = new OrganizationStanding(user, 'token', source);
    expect(await standing.roleIn(m, orgA, 'ADMIN', 'read')).toBe('ADMIN');
    expect(await standing.roleIn(m, orgB, 'MEMBER', 'read')).toBe('MEMBER');
    expect(await standing.isAdmin(m, orgA, 'read')).toBe(true);
    expect(calls).toEqual([]);
  });

  it('asks identity when the read model falls short: no row yet, or not admin where admin is needed', async () => {
    const { m } = readModel({ [orgB]: 'MEMBER' });
    const { source, calls } = identity({ [orgA]: 'ADMIN', [orgB]: 'ADMIN' });
    const standing = new OrganizationStanding(user, 'token', source);
    expect(await standing.roleIn(m, orgA, 'MEMBER', 'read')).toBe('ADMIN');
    expect(await standing.isAdmin(m, orgB, 'read')).toBe(true);
    expect(calls).toEqual([[orgA], [orgB]]);
  });

  it("takes identity's no over the read model's row when the row does not grant what is needed", async () => {
    const { m } = readModel({ [orgA]: 'MEMBER' });
    const standing = new OrganizationStanding(user, 'token', identity({}).source);
    expect(await standing.roleIn(m, orgA, 'ADMIN', 'read')).toBeNull();
  });

  it('lets identity decide a change, whatever the read model says, without reading it', async () => {
    const { m, statements } = readModel({ [orgA]: 'ADMIN' });
    const { source, calls } = identity({ [orgA]: 'MEMBER' });
    const standing = new OrganizationStanding(user, 'token', source);
    expect(await standing.isAdmin(m, orgA, 'change')).toBe(false);
    expect(await standing.roleIn(m, orgA, 'MEMBER', 'change')).toBe('MEMBER');
    expect(calls).toEqual([[orgA]]);
    expect(statements).toEqual([]);
  });

  it('asks identity about each organisation once per request, and about all the read model leaves open in one call', async () => {
    const { m } = readModel({ [orgA]: 'ADMIN', [orgB]: 'MEMBER' });
    const { source, calls } = identity({ [orgB]: 'ADMIN' });
    const standing = new OrganizationStanding(user, 'token', source);
    expect([...(await standing.administeredAmong(m, [orgA, orgB, orgC, orgB, 'not-an-id']))].sort()).toEqual([orgA, orgB].sort());
    expect(calls).toEqual([[orgB, orgC]]);
    expect(await standing.isAdmin(m, orgB, 'change')).toBe(true);
    expect(await standing.roleIn(m, orgC, 'MEMBER', 'read')).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('gives connectors, anonymous callers and ids that are not ids no standing, asking no one', async () => {
    const { m, statements } = readModel({ [orgA]: 'ADMIN' });
    const { source, calls } = identity({ [orgA]: 'ADMIN' });
    const connector: Caller = { kind: 'connector', connectorId: randomUUID(), orgId: orgA, permissions: ['GROUP_INFO'] };
    expect(await new OrganizationStanding(connector, 'token', source).isAdmin(m, orgA, 'read')).toBe(false);
    expect(await new OrganizationStanding({ kind: 'anonymous' }, null, source).roleIn(m, orgA, 'MEMBER', 'change')).toBeNull();
    expect(await new OrganizationStanding(user, 'token', source).roleIn(m, 'not-an-id', 'MEMBER', 'read')).toBeNull();
    expect(await new OrganizationStanding(user, 'token', source).administeredAmong(m, [])).toEqual(new Set());
    expect(calls).toEqual([]);
    expect(statements).toEqual([]);
  });

  it("passes identity's failure on, for the request that needed its answer", async () => {
    const { m } = readModel({});
    const failing: OrgRoleSource = { rolesOf: async () => Promise.reject(new DomainError('UNAVAILABLE', 'identity is down')) };
    const standing = new OrganizationStanding(user, 'token', failing);
    await expect(standing.roleIn(m, orgA, 'MEMBER', 'change')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(standing.administeredAmong(m, [orgA, orgB])).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
