import type { DirectoryImportOutcome } from '../domain/directory-import.service';
import type { IdentityContext } from '../context';
import type { DirectoryEntry } from '../domain/directory.service';
import type { AttributeDefinitionEntity } from '../entities/attribute-definition.entity';
import type { UserEntity } from '../entities/user.entity';
import { loadUser } from './user.resolvers';

export const directoryEntryResolvers = {
  DirectoryImportOutcome: {
    user: (outcome: DirectoryImportOutcome, _: unknown, ctx: IdentityContext) => (outcome.userId ? loadUser(ctx, outcome.userId) : null),
  },
  DirectoryEntry: {
    // The whole user (one batched read, shared with displayName): this subgraph resolves User's own fields, and a bare reference has none of them.
    user: (entry: DirectoryEntry, _: unknown, ctx: IdentityContext) => loadUser(ctx, entry.userId),
    displayName: async (entry: DirectoryEntry, _: unknown, ctx: IdentityContext) => ((await loadUser(ctx, entry.userId)) as UserEntity).displayName,
    phone: (entry: DirectoryEntry) => (entry.phoneVisible === false ? null : entry.phone),
    attributes: async (entry: DirectoryEntry, _: unknown, ctx: IdentityContext) => {
      const definitions = await ctx.loaders
        .get<string, AttributeDefinitionEntity[]>('attribute-definitions', (orgIds) => ctx.services.attributes.ofOrganizations(orgIds))
        .load(entry.orgId);
      return (definitions ?? [])
        .filter((d) => entry.attributes[d.key] !== undefined)
        .map((d) => ({ name: d.name, value: String(entry.attributes[d.key]) }));
    },
  },
};
