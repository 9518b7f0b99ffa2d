import type { GroupsContext } from '../context';
import { inviteQrCodes } from '../domain/invite-qr';
import type { InviteLinkEntity } from '../entities/invite-link.entity';

export const inviteLinkResolvers = {
  InviteLink: {
    url: (link: InviteLinkEntity, _: unknown, ctx: GroupsContext) => ctx.services.invites.urlOf(link),
    qrCodeSvg: async (link: InviteLinkEntity, _: unknown, ctx: GroupsContext) => (await inviteQrCodes(ctx.services.invites.urlOf(link))).svg,
    qrCodePng: async (link: InviteLinkEntity, _: unknown, ctx: GroupsContext) => (await inviteQrCodes(ctx.services.invites.urlOf(link))).png,
  },
};
