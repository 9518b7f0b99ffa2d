import { requireUser, type ConnectorPermission } from '@kz/auth';
import type { IdentityContext } from '../context';
import type { NewDirectoryMember } from '../domain/directory.service';
import type { AttributeType } from '../entities/attribute-definition.entity';
import type { Network, OrganizationRole } from '../entities/organization-member.entity';

type Input<T> = { input: T };
type AttributeChanges = { name: string; value?: string | null }[];
type ImportDirectoryMembersInput = {
  organizationId: string;
  members: { phone: string; displayName: string; network: Network; attributes?: AttributeChanges | null }[];
  updateExisting: boolean;
  dryRun: boolean;
  defaultCountry?: string | null;
  requestKey?: string | null;
};

const changes = (attributes: AttributeChanges | null | undefined) => (attributes ?? []).map((a) => ({ name: a.name, value: a.value ?? null }));
/** Members returned by admin-only mutations show their phone numbers. */
const withPhone = <T extends object>(member: T) => Object.assign(member, { phoneVisible: true });
const entry = <T extends object>(member: T) => ({ member: withPhone(member) });

export const mutationResolvers = {
  Mutation: {
    requestSignInCode: (_: unknown, { input }: Input<{ phone: string }>, ctx: IdentityContext) =>
      ctx.services.signIn.requestCode(input.phone, ctx.clientAddress),
    signIn: async (_: unknown, { input }: Input<{ phone: string; code: string; displayName?: string | null }>, ctx: IdentityContext) => {
      const result = await ctx.services.signIn.signIn(input.phone, input.code, input.displayName ?? null, ctx.clientAddress);
      // The rest of this response is read by the person who just signed in.
      ctx.caller = { kind: 'user', userId: result.user.id, phone: result.user.phone };
      return result;
    },
    refreshSession: async (_: unknown, { input }: Input<{ refreshToken: string }>, ctx: IdentityContext) => {
      const result = await ctx.services.signIn.refresh(input.refreshToken);
      ctx.caller = { kind: 'user', userId: result.user.id, phone: result.user.phone };
      return result;
    },
    signOut: async (_: unknown, { input }: Input<{ refreshToken?: string | null; everywhere?: boolean | null }>, ctx: IdentityContext) => {
      await ctx.services.sessions.signOut(requireUser(ctx.caller).userId, input.refreshToken ?? null, input.everywhere ?? false);
      return { signedOut: true };
    },
    updateProfile: async (_: unknown, { input }: Input<{ displayName: string }>, ctx: IdentityContext) => ({
      user: await ctx.services.users.updateProfile(requireUser(ctx.caller).userId, input.displayName),
    }),
    createOrganization: async (_: unknown, { input }: Input<{ name: string }>, ctx: IdentityContext) => ({
      organization: await ctx.services.organizations.create(requireUser(ctx.caller).userId, input.name),
    }),
    renameOrganization: async (_: unknown, { input }: Input<{ organizationId: string; name: string }>, ctx: IdentityContext) => ({
      organization: await ctx.services.organizations.rename(ctx.caller, input.organizationId, input.name),
    }),
    setOrganizationRole: async (_: unknown, { input }: Input<{ organizationId: string; userId: string; role: OrganizationRole }>, ctx: IdentityContext) =>
      entry(await ctx.services.organizations.setRole(ctx.caller, input.organizationId, input.userId, input.role)),
    setMemberNetwork: async (_: unknown, { input }: Input<{ organizationId: string; userId: string; network: Network }>, ctx: IdentityContext) =>
      entry(await ctx.services.organizations.setNetwork(ctx.caller, input.organizationId, input.userId, input.network)),
    setMembersNetwork: async (_: unknown, { input }: Input<{ organizationId: string; userIds: string[]; network: Network }>, ctx: IdentityContext) => ({
      outcomes: (await ctx.services.organizations.setNetworks(ctx.caller, input.organizationId, input.userIds, input.network)).map((o) => ({
        ...o,
        member: o.member && withPhone(o.member),
      })),
    }),
    removeOrganizationMember: async (_: unknown, { input }: Input<{ organizationId: string; userId: string }>, ctx: IdentityContext) => {
      await ctx.services.organizations.removeMember(ctx.caller, input.organizationId, input.userId);
      return { removed: true };
    },
    removeOrganizationMembers: async (_: unknown, { input }: Input<{ organizationId: string; userIds: string[] }>, ctx: IdentityContext) => ({
      outcomes: await ctx.services.organizations.removeMembers(ctx.caller, input.organizationId, input.userIds),
    }),
    addDirectoryMember: async (
      _: unknown,
      { input }: Input<Omit<NewDirectoryMember, 'attributes'> & { organizationId: string; attributes?: AttributeChanges | null }>,
      ctx: IdentityContext,
    ) => entry(await ctx.services.directory.add(ctx.caller, input.organizationId, { ...input, attributes: changes(input.attributes) })),
    setMemberAttributes: async (
      _: unknown,
      { input }: Input<{ organizationId: string; userId: string; attributes: AttributeChanges }>,
      ctx: IdentityContext,
    ) => entry(await ctx.services.directory.setAttributes(ctx.caller, input.organizationId, input.userId, changes(input.attributes))),
    defineUserAttribute: async (
      _: unknown,
      { input }: Input<{ organizationId: string; name: string; type: AttributeType; mandatory: boolean }>,
      ctx: IdentityContext,
    ) => ({ definition: await ctx.services.attributes.define(ctx.caller, input.organizationId, input) }),
    removeUserAttribute: async (_: unknown, { input }: Input<{ organizationId: string; name: string }>, ctx: IdentityContext) => {
      await ctx.services.attributes.remove(ctx.caller, input.organizationId, input.name);
      return { removed: true };
    },
    registerConnector: (
      _: unknown,
      { input }: Input<{ organizationId: string; name: string; permissions: ConnectorPermission[] }>,
      ctx: IdentityContext,
    ) => ctx.services.connectors.register(ctx.caller, input.organizationId, input.name, input.permissions),
    rotateConnectorSecret: (_: unknown, { input }: Input<{ connectorId: string }>, ctx: IdentityContext) =>
      ctx.services.connectors.rotateSecret(ctx.caller, input.connectorId),
    revokeConnector: async (_: unknown, { input }: Input<{ connectorId: string }>, ctx: IdentityContext) => ({
      connector: await ctx.services.connectors.revoke(ctx.caller, input.connectorId),
    }),
    issueConnectorToken: (_: unknown, { input }: Input<{ clientId: string; clientSecret: string }>, ctx: IdentityContext) =>
      ctx.services.connectors.issueToken(input.clientId, input.clientSecret),
    importDirectoryMembers: (_: unknown, { input }: Input<ImportDirectoryMembersInput>, ctx: IdentityContext) =>
      ctx.services.directoryImport.importMembers(ctx.caller, {
        orgId: input.organizationId,
        members: input.members.map((m) => ({ phone: m.phone, displayName: m.displayName, network: m.network, attributes: changes(m.attributes) })),
        updateExisting: input.updateExisting,
        dryRun: input.dryRun,
        defaultCountry: input.defaultCountry ?? null,
        requestKey: input.requestKey ?? null,
      }),
    issueImportToken: (_: unknown, { input }: Input<{ organizationId: string; importId: string }>, ctx: IdentityContext) =>
      ctx.services.directoryImport.issueImportToken(ctx.caller, input.organizationId, input.importId),
  },
};
