import { join } from 'node:path';
import { TokenVerifier } from '@kz/auth';
import { createSubgraphApp, exportSourceRoutes, type Logger, type SubgraphApp } from '@kz/server';
import { IdentityOrgRoles } from './clients/identity-org-roles';
import type { GroupsConfig } from './config';
import type { GroupsServices } from './context';
import { groupsExportSources } from './domain/export/export-sources';
import { GroupsService } from './domain/groups.service';
import { HierarchyService } from './domain/hierarchy.service';
import { InvitesService } from './domain/invites.service';
import { MembershipsService } from './domain/memberships.service';
import { groupsEntities } from './entities';
import { identityEventHandlers } from './events/identity-events.handlers';
import { groupsMigrations } from './migrations';
import { groupsResolvers } from './resolvers';

export type GroupsApp = SubgraphApp<GroupsServices>;

export function createGroupsApp(config: GroupsConfig, logger: Logger): Promise<GroupsApp> {
  // One verifier (and key cache) for access tokens and identity's directory receipts.
  const verifier = new TokenVerifier({ ...config, acceptImportTokens: true });
  return createSubgraphApp<GroupsServices>({
    name: 'groups',
    config,
    logger,
    schemaFile: join(__dirname, '..', 'src', 'schema.graphql'),
    resolvers: groupsResolvers(),
    entities: groupsEntities,
    migrations: groupsMigrations,
    consumers: [{ groupId: 'groups.identity-events', topics: ['identityUsers', 'identityOrganizations'], handlers: identityEventHandlers }],
    services: ({ dataSource, outbox }) => {
      const groups = new GroupsService(dataSource, outbox);
      return {
        groups,
        memberships: new MembershipsService(dataSource, outbox, config.defaultRegion, (receipt) => verifier.directoryReceipt(receipt)),
        hierarchy: new HierarchyService(outbox),
        invites: new InvitesService(dataSource, outbox, config.inviteBaseUrl),
        orgRoles: new IdentityOrgRoles(config.identityUrl, config.identityTimeoutMs, config.subgraphSecret),
      };
    },
    verifier: () => verifier,
    importTokenFields: ['addGroupMembers'],
    routes: (_services, runtime) => exportSourceRoutes('groups', config.subgraphSecret, groupsExportSources(runtime.dataSource)),
  });
}
