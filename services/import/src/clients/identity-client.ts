import type {
  AttributeColumn,
  DirectoryImportCall,
  DirectoryImportResult,
  DirectoryMatch,
  OrganizationForImport,
  PeopleDirectory,
} from '../domain/peers/people-directory';
import { SubgraphClient } from './subgraph-client';

/** The people directory as the identity subgraph serves it over GraphQL. */
export class IdentityClient implements PeopleDirectory {
  private readonly identity: SubgraphClient;

  constructor(identityUrl: string, subgraphSecret: string) {
    this.identity = new SubgraphClient('identity', identityUrl, subgraphSecret);
  }

  async organization(token: string, orgId: string): Promise<OrganizationForImport | null> {
    const data = await this.identity.request<{
      organization: { name: string; myRole: string | null; attributeDefinitions: AttributeColumn[] } | null;
    }>(`query ($id: ID!) { organization(id: $id) { name myRole attributeDefinitions { name type mandatory } } }`, { id: orgId }, token);
    if (!data.organization) return null;
    return { name: data.organization.name, isAdmin: data.organization.myRole === 'ADMIN', attributes: data.organization.attributeDefinitions };
  }

  async issueImportGrant(token: string, orgId: string, importId: string): Promise<string> {
    const data = await this.identity.request<{ issueImportGrant: { grant: string } }>(
      `mutation ($input: IssueImportGrantInput!) { issueImportGrant(input: $input) { grant } }`,
      { input: { organizationId: orgId, importId } },
      token,
    );
    return data.issueImportGrant.grant;
  }

  async exchangeImportGrant(grant: string): Promise<{ accessToken: string; expiresInSeconds: number }> {
    const data = await this.identity.request<{ exchangeImportGrant: { accessToken: string; expiresInSeconds: number } }>(
      `mutation ($input: ExchangeImportGrantInput!) { exchangeImportGrant(input: $input) { accessToken expiresInSeconds } }`,
      { input: { grant } },
      null,
    );
    return data.exchangeImportGrant;
  }

  async importDirectoryMembers(token: string, call: DirectoryImportCall): Promise<DirectoryImportResult> {
    const data = await this.identity.request<{ importDirectoryMembers: DirectoryImportResult }>(
      `mutation ($input: ImportDirectoryMembersInput!) { importDirectoryMembers(input: $input) { outcomes { status message } receipt } }`,
      {
        input: {
          organizationId: call.orgId,
          members: call.members,
          updateExisting: call.updateExisting,
          dryRun: call.dryRun,
          requestKey: call.requestKey,
        },
      },
      token,
    );
    return data.importDirectoryMembers;
  }

  async directoryMatches(token: string, orgId: string, phones: readonly string[], names: readonly string[]): Promise<DirectoryMatch[]> {
    if (phones.length + names.length === 0) return [];
    const data = await this.identity.request<{
      organization: {
        directoryMatches: { query: string; by: 'PHONE' | 'NAME'; member: { user: { id: string }; displayName: string; phone: string } | null }[];
      } | null;
    }>(
      `query ($id: ID!, $phones: [String!]!, $names: [String!]!) {
        organization(id: $id) { directoryMatches(phones: $phones, names: $names) { query by member { user { id } displayName phone } } }
      }`,
      { id: orgId, phones, names },
      token,
    );
    return (data.organization?.directoryMatches ?? []).map((m) => ({
      query: m.query,
      by: m.by,
      member: m.member ? { userId: m.member.user.id, displayName: m.member.displayName, phone: m.member.phone } : null,
    }));
  }
}
