import type { AttributeDefinitionEntity } from '../entities/attribute-definition.entity';
import type { IdentityContext } from '../context';
import type { UserRecord } from '../domain/users.service';
import type { Resolvers } from '../generated/resolvers-types';
import { loadUser } from './user.resolvers';

/** A directory entry's user: the membership row's foreign key guarantees one. */
async function memberUser(ctx: IdentityContext, userId: string): Promise<UserRecord> {
  const user = await loadUser(ctx, userId);
  if (!user) throw new Error(`Directory entry for user ${userId}, who does not exist.`);
  return user;
}

export const directoryEntryResolvers: Pick<Resolvers, 'DirectoryImportOutcome' | 'DirectoryEntry'> = {
  DirectoryImportOutcome: {
    user: (outcome, _, ctx) => (outcome.userId ? loadUser(ctx, outcome.userId) : null),
  },
  DirectoryEntry: {
    // The whole user (one batched read, shared with displayName): this subgraph resolves User's own fields, and a bare reference has none of them.
    user: (entry, _, ctx) => memberUser(ctx, entry.userId),
    displayName: async (entry, _, ctx) => (await memberUser(ctx, entry.userId)).displayName,
    phone: (entry) => (entry.phoneVisible === false ? null : entry.phone),
    attributes: async (entry, _, ctx) => {
      const definitions = await ctx.loaders
        .get<string, AttributeDefinitionEntity[]>('attribute-definitions', (orgIds) => ctx.services.attributes.ofOrganizations(orgIds))
        .load(entry.orgId);
      return (definitions ?? []).filter((d) => entry.attributes[d.key] !== undefined).map((d) => ({ name: d.name, value: String(entry.attributes[d.key]) }));
    },
  },
};
