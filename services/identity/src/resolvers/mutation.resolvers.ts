import { requireUser } from '@kz/auth';
import type { AttributeValueInput, Resolvers } from '../generated/resolvers-types';

const changes = (attributes: readonly AttributeValueInput[] | null | undefined) => (attributes ?? []).map((a) => ({ name: a.name, value: a.value ?? null }));
/** Members returned by admin-only mutations show their phone numbers. */
const withPhone = <T extends object>(member: T) => Object.assign(member, { phoneVisible: true });
const entry = <T extends object>(member: T) => ({ member: withPhone(member) });

export const mutationResolvers: Pick<Resolvers, 'Mutation'> = {
  Mutation: {
    requestSignInCode: (_, { input }, ctx) => ctx.services.signIn.requestCode(input.phone, ctx.clientAddress),
    signIn: async (_, { input }, ctx) => {
      const result = await ctx.services.signIn.signIn(input.phone, input.code, input.displayName ?? null, ctx.clientAddress);
      // The rest of this response is read by the person who just signed in.
      ctx.caller = { kind: 'user', userId: result.user.id, phone: result.user.phone };
      return result;
    },
    refreshSession: async (_, { input }, ctx) => {
      const result = await ctx.services.signIn.refresh(input.refreshToken);
      ctx.caller = { kind: 'user', userId: result.user.id, phone: result.user.phone };
      return result;
    },
    signOut: async (_, { input }, ctx) => {
      await ctx.services.sessions.signOut(requireUser(ctx.caller).userId, input.refreshToken ?? null, input.everywhere ?? false);
      return { signedOut: true };
    },
    updateProfile: async (_, { input }, ctx) => ({
      user: await ctx.services.users.updateProfile(requireUser(ctx.caller).userId, input.displayName),
    }),
    createOrganization: async (_, { input }, ctx) => ({
      organization: await ctx.services.organizations.create(requireUser(ctx.caller).userId, input.name),
    }),
    renameOrganization: async (_, { input }, ctx) => ({
      organization: await ctx.services.organizations.rename(ctx.caller, input.organizationId, input.name),
    }),
    setMessageRetention: async (_, { input }, ctx) => ({
      organization: await ctx.services.organizations.setMessageRetention(ctx.caller, input.organizationId, input.keepDays ?? null),
    }),
    setOrganizationRole: async (_, { input }, ctx) =>
      entry(await ctx.services.organizations.setRole(ctx.caller, input.organizationId, input.userId, input.role)),
    setMemberNetwork: async (_, { input }, ctx) =>
      entry(await ctx.services.organizations.setNetwork(ctx.caller, input.organizationId, input.userId, input.network)),
    setMembersNetwork: async (_, { input }, ctx) => ({
      outcomes: (await ctx.services.organizations.setNetworks(ctx.caller, input.organizationId, input.userIds, input.network)).map((o) => ({
        ...o,
        member: o.member && withPhone(o.member),
      })),
    }),
    leaveOrganization: async (_, { input }, ctx) => {
      await ctx.services.organizations.leave(ctx.caller, input.organizationId);
      return { left: true };
    },
    removeOrganizationMember: async (_, { input }, ctx) => {
      await ctx.services.organizations.removeMember(ctx.caller, input.organizationId, input.userId);
      return { removed: true };
    },
    removeOrganizationMembers: async (_, { input }, ctx) => ({
      outcomes: await ctx.services.organizations.removeMembers(ctx.caller, input.organizationId, input.userIds),
    }),
    addDirectoryMember: async (_, { input }, ctx) =>
      entry(await ctx.services.directory.add(ctx.caller, input.organizationId, { ...input, attributes: changes(input.attributes) })),
    setMemberAttributes: async (_, { input }, ctx) =>
      entry(await ctx.services.directory.setAttributes(ctx.caller, input.organizationId, input.userId, changes(input.attributes))),
    defineUserAttribute: async (_, { input }, ctx) => ({ definition: await ctx.services.attributes.define(ctx.caller, input.organizationId, input) }),
    removeUserAttribute: async (_, { input }, ctx) => {
      await ctx.services.attributes.remove(ctx.caller, input.organizationId, input.name);
      return { removed: true };
    },
    registerConnector: (_, { input }, ctx) => ctx.services.connectors.register(ctx.caller, input.organizationId, input.name, input.permissions),
    rotateConnectorSecret: (_, { input }, ctx) => ctx.services.connectors.rotateSecret(ctx.caller, input.connectorId),
    revokeConnector: async (_, { input }, ctx) => ({
      connector: await ctx.services.connectors.revoke(ctx.caller, input.connectorId),
    }),
    issueConnectorToken: (_, { input }, ctx) => ctx.services.connectors.issueToken(input.clientId, input.clientSecret),
    importDirectoryMembers: (_, { input }, ctx) =>
      ctx.services.directoryImport.importMembers(ctx.caller, {
        orgId: input.organizationId,
        members: input.members.map((m) => ({ phone: m.phone, displayName: m.displayName, network: m.network, attributes: changes(m.attributes) })),
        updateExisting: input.updateExisting,
        dryRun: input.dryRun,
        defaultCountry: input.defaultCountry ?? null,
        requestKey: input.requestKey ?? null,
      }),
    issueImportGrant: (_, { input }, ctx) => ctx.services.importGrants.issue(ctx.caller, input.organizationId, input.importId),
    exchangeImportGrant: (_, { input }, ctx) => ctx.services.importGrants.exchange(input.grant),
  },
};
