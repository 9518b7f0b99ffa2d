import { SUBGRAPH_SECRET_HEADER } from '@kz/server';
import { graphql } from '@kz/testing';
import { Stack } from './support/stack';

const stack = new Stack();
beforeAll(() => stack.start());
afterAll(() => stack.stop());

/**
 * Each subgraph listens on a port of its own; a stranger who reaches it there must get nothing the gateway would
 * not give them. With SUBGRAPH_SECRET set (every stack sets it), GraphQL without it is refused before any work.
 */
describe('subgraphs answer only the gateway and their peers', () => {
  it('refuses GraphQL sent straight to any subgraph, entity lookups and service-only mutations included, and answers through the gateway', async () => {
    const admin = await stack.signIn('+14155559101', 'Org Founder');
    const created = await graphql(
      stack.gatewayUrl,
      `
        mutation {
          createOrganization(input: { name: "Fortified" }) {
            organization {
              id
            }
          }
        }
      `,
      {},
      admin.token,
    );
    const orgId = created.data!.createOrganization.organization.id as string;
    const lookup = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { name } } }`;
    const reps = { r: [{ __typename: 'Organization', id: orgId }] };

    // A stranger, anonymous or signed in, at each subgraph's own port: refused, with nothing of the data.
    for (const base of [stack.identityUrl, stack.groupsUrl, stack.messagingUrl, stack.importUrl, stack.webhooksUrl]) {
      for (const token of [undefined, admin.token]) {
        const res = await graphql(`${base}/graphql`, lookup, reps, token);
        expect(res.status).toBe(403);
        expect(res.data ?? null).toBeNull();
        expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(res.errors?.[0]?.message).toMatch(/answers the gateway and its peer services only/);
      }
      // A wrong secret is no better than none.
      const wrong = await graphql(`${base}/graphql`, lookup, reps, admin.token, { [SUBGRAPH_SECRET_HEADER]: 'x'.repeat(64) });
      expect(wrong.status).toBe(403);
    }
    // An organisation admin cannot get an import's grant from identity outside the import service.
    const delegated = await graphql(
      `${stack.identityUrl}/graphql`,
      `
        mutation ($i: IssueImportGrantInput!) {
          issueImportGrant(input: $i) {
            grant
          }
        }
      `,
      { i: { organizationId: orgId, importId: '00000000-0000-7000-8000-000000000001' } },
      admin.token,
    );
    expect(delegated.status).toBe(403);
    expect(delegated.data ?? null).toBeNull();

    // The gateway passes the secret on: the same person gets what they may see through it.
    const through = await graphql(
      stack.gatewayUrl,
      `
        query ($id: ID!) {
          organization(id: $id) {
            name
          }
        }
      `,
      { id: orgId },
      admin.token,
    );
    expect(through.errors).toBeUndefined();
    expect(through.data!.organization.name).toBe('Fortified');
    // So does a peer: asked with the secret, identity answers the entity lookup as it answers the gateway.
    const peer = await graphql(`${stack.identityUrl}/graphql`, lookup, reps, admin.token, { [SUBGRAPH_SECRET_HEADER]: stack.subgraphSecret });
    expect(peer.errors).toBeUndefined();
    expect(peer.data!._entities).toEqual([{ name: 'Fortified' }]);
  });
});
