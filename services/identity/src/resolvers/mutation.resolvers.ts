import { requireUser } from '@kz/auth';
import type { IdentityContext } from '../context';

export const mutationResolvers = {
  Mutation: {
    requestSignInCode: async (_: unknown, { input }: { input: { phone: string } }, ctx: IdentityContext) =>
      ctx.services.signIn.requestCode(input.phone),
    signIn: async (_: unknown, { input }: { input: { phone: string; code: string; displayName?: string | null } }, ctx: IdentityContext) => {
      const result = await ctx.services.signIn.signIn(input.phone, input.code, input.displayName ?? null);
      // The rest of this response is read by the person who just signed in.
      ctx.caller = { kind: 'user', userId: result.user.id, phone: result.user.phone };
      return result;
    },
    createOrganization: async (_: unknown, { input }: { input: { name: string } }, ctx: IdentityContext) => ({
      organization: await ctx.services.organizations.create(requireUser(ctx.caller).userId, input.name),
    }),
  },
};
