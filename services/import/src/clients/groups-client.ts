import type { GroupDirectory, GroupForImport, GroupOutcomeStatus } from '../domain/peers/group-directory';
import { SubgraphClient } from './subgraph-client';

/** Groups as the groups subgraph serves them over GraphQL. */
export class GroupsClient implements GroupDirectory {
  private readonly groups: SubgraphClient;

  constructor(groupsUrl: string, subgraphSecret: string) {
    this.groups = new SubgraphClient('groups', groupsUrl, subgraphSecret);
  }

  async group(token: string, groupId: string): Promise<GroupForImport | null> {
    const data = await this.groups.request<{ group: { id: string; myRole: string | null; organization: { id: string } | null } | null }>(
      `query ($id: ID!) { group(id: $id) { id myRole organization { id } } }`,
      { id: groupId },
      token,
    );
    return data.group ? { id: data.group.id, myRole: data.group.myRole, orgId: data.group.organization?.id ?? null } : null;
  }

  async createGroup(token: string, orgId: string, name: string): Promise<{ id: string }> {
    const data = await this.groups.request<{ createGroup: { group: { id: string } } }>(
      `mutation ($input: CreateGroupInput!) { createGroup(input: $input) { group { id } } }`,
      { input: { name, organizationId: orgId } },
      token,
    );
    return data.createGroup.group;
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
