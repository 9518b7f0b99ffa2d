import type { GroupsContext } from '../context';
import { inviteQrPng, inviteQrSvg } from '../domain/invite-qr';
import type { InviteLinkEntity } from '../entities/invite-link.entity';

export const inviteLinkResolvers = {
  InviteLink: {
    url: (link: InviteLinkEntity, _: unknown, ctx: GroupsContext) => ctx.services.invites.urlOf(link),
    qrCodeSvg: (link: InviteLinkEntity, _: unknown, ctx: GroupsContext) => inviteQrSvg(ctx.services.invites.urlOf(link)),
    qrCodePng: (link: InviteLinkEntity, _: unknown, ctx: GroupsContext) => inviteQrPng(ctx.services.invites.urlOf(link)),
  },
};
