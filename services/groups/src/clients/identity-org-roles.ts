import { peerHeaders } from '@kz/server';
import { DomainError } from '@kz/errors';
import type { OrgRole, OrgRoleSource } from '../domain/organization-standing';

/** Organisations asked about in one call at most; a request rarely touches more than one. */
const MAX_PER_CALL = 50;

interface IdentityAnswer {
  data?: Record<string, { myRole: OrgRole | null } | null> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

const unavailable = (why: string) =>
  new DomainError('UNAVAILABLE', `Your role in the organisation could not be confirmed with the identity service (${why}); try again shortly.`);

/**
 * Asks identity's subgraph for the caller's role in organisations, with the
 * caller's own token (`organization(id) { myRole }`, NOT_FOUND for a stranger),
 * all of them in one request, within a short timeout.
 */
export class IdentityOrgRoles implements OrgRoleSource {
  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
    /** SUBGRAPH_SECRET: identity answers peers that send it. */
    private readonly subgraphSecret: string,
  ) {}

  async rolesOf(bearer: string, orgIds: readonly string[]): Promise<ReadonlyMap<string, OrgRole | null>> {
    const ids = [...new Set(orgIds)];
    const roles = new Map<string, OrgRole | null>();
    for (let i = 0; i < ids.length; i += MAX_PER_CALL) {
      for (const [id, role] of await this.ask(bearer, ids.slice(i, i + MAX_PER_CALL))) roles.set(id, role);
    }
    return roles;
  }

  private async ask(bearer: string, ids: readonly string[]): Promise<Map<string, OrgRole | null>> {
    const query = `query OrganizationStanding(${ids.map((_, i) => `$o${i}: ID!`).join(', ')}) { ${ids
      .map((_, i) => `o${i}: organization(id: $o${i}) { myRole }`)
      .join(' ')} }`;
    const variables = Object.fromEntries(ids.map((id, i) => [`o${i}`, id]));
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}`, ...peerHeaders(this.subgraphSecret) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const reason = (err as Error).name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : 'it could not be reached';
      throw unavailable(reason);
    }
    let body: IdentityAnswer;
    try {
      body = (await response.json()) as IdentityAnswer;
    } catch {
      throw unavailable(`HTTP ${response.status} without a GraphQL answer`);
    }
    for (const error of body.errors ?? []) {
      const code = error.extensions?.code;
      // A stranger to an organisation, or an organisation that does not exist: no standing, which is an answer.
      if (code === 'NOT_FOUND' && typeof error.path?.[0] === 'string') continue;
      if (code === 'UNAUTHENTICATED') throw new DomainError('UNAUTHENTICATED', 'Your sign-in is no longer valid; sign in again.');
      throw unavailable(error.message);
    }
    if (!body.data) throw unavailable(`HTTP ${response.status} with no data`);
    return new Map(ids.map((id, i) => [id, body.data![`o${i}`]?.myRole ?? null]));
  }
}
