import { inviteQrPng, inviteQrSvg } from '../domain/invite-qr';
import type { Resolvers } from '../generated/resolvers-types';

export const inviteLinkResolvers: Pick<Resolvers, 'InviteLink'> = {
  InviteLink: {
    url: (link, _, ctx) => ctx.services.invites.urlOf(link),
    qrCodeSvg: (link, _, ctx) => inviteQrSvg(ctx.services.invites.urlOf(link)),
    qrCodePng: (link, _, ctx) => inviteQrPng(ctx.services.invites.urlOf(link)),
  },
};
