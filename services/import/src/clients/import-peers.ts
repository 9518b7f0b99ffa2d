import { SubgraphClient } from './subgraph-client';

export interface AttributeColumn {
  name: string;
  type: 'STRING' | 'NUMBER' | 'BOOLEAN' | 'DATE';
  mandatory: boolean;
}

export type DirectoryOutcomeStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'INVALID';
export type GroupOutcomeStatus = 'ADDED' | 'PENDING' | 'ALREADY_MEMBER' | 'INVALID' | 'NOT_ALLOWED';

export interface DirectoryImportCall {
  orgId: string;
  members: { phone: string; displayName: string; network: 'EMPLOYEE' | 'OTHER'; attributes: { name: string; value: string }[] }[];
  updateExisting: boolean;
  dryRun: boolean;
  requestKey: string;
}

/**
 * What the import service asks of identity and groups, each over its
 * subgraph's GraphQL: rights and attributes when an import starts (with the
 * uploader's own token), bulk writes while it runs (with the delegated token).
 */
export class ImportPeers {
  private readonly identity: SubgraphClient;
  private readonly groups: SubgraphClient;

  constructor(identityUrl: string, groupsUrl: string) {
    this.identity = new SubgraphClient('identity', identityUrl);
    this.groups = new SubgraphClient('groups', groupsUrl);
  }

  /** Null when the organisation is unknown to the caller; `isAdmin` false for a plain member. */
  async organization(token: string, orgId: string): Promise<{ name: string; isAdmin: boolean; attributes: AttributeColumn[] } | null> {
    const data = await this.identity.request<{
      organization: { name: string; myRole: string | null; attributeDefinitions: AttributeColumn[] } | null;
    }>(`query ($id: ID!) { organization(id: $id) { name myRole attributeDefinitions { name type mandatory } } }`, { id: orgId }, token);
    if (!data.organization) return null;
    return { name: data.organization.name, isAdmin: data.organization.myRole === 'ADMIN', attributes: data.organization.attributeDefinitions };
  }

  /** Each group the caller can see, with their role in it and the organisation it belongs to. */
  async group(token: string, groupId: string): Promise<{ id: string; myRole: string | null; orgId: string | null } | null> {
    const data = await this.groups.request<{ group: { id: string; myRole: string | null; organization: { id: string } | null } | null }>(
      `query ($id: ID!) { group(id: $id) { id myRole organization { id } } }`,
      { id: groupId },
      token,
    );
    return data.group ? { id: data.group.id, myRole: data.group.myRole, orgId: data.group.organization?.id ?? null } : null;
  }

  async issueImportToken(token: string, orgId: string, importId: string): Promise<string> {
    const data = await this.identity.request<{ issueImportToken: { accessToken: string } }>(
      `mutation ($input: IssueImportTokenInput!) { issueImportToken(input: $input) { accessToken } }`,
      { input: { organizationId: orgId, importId } },
      token,
    );
    return data.issueImportToken.accessToken;
  }

  /** One outcome per person, and identity's receipt for the people now in the directory (null for a dry run). */
  async importDirectoryMembers(
    token: string,
    call: DirectoryImportCall,
  ): Promise<{ outcomes: { status: DirectoryOutcomeStatus; message: string | null }[]; receipt: string | null }> {
    const data = await this.identity.request<{
      importDirectoryMembers: { outcomes: { status: DirectoryOutcomeStatus; message: string | null }[]; receipt: string | null };
    }>(
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

  async addGroupMembers(
    token: string,
    groupId: string,
    members: { phone: string; role: 'MEMBER' | 'ADMIN' }[],
    requestKey: string,
    directoryReceipt: string | null,
  ): Promise<{ status: GroupOutcomeStatus; message: string | null }[]> {
    const data = await this.groups.request<{ addGroupMembers: { outcomes: { status: GroupOutcomeStatus; message: string | null }[] } }>(
      `mutation ($input: AddGroupMembersInput!) { addGroupMembers(input: $input) { outcomes { status message } } }`,
      { input: { groupId, members, requestKey, directoryReceipt } },
      token,
    );
    return data.addGroupMembers.outcomes;
  }
}
