import { DateTimeScalar, UrlScalar } from '@kz/server';
import { groupResolvers } from './group.resolvers';
import { inviteLinkResolvers } from './invite-link.resolvers';
import { mutationResolvers } from './mutation.resolvers';
import { queryResolvers } from './query.resolvers';

export function groupsResolvers() {
  return {
    DateTime: DateTimeScalar,
    URL: UrlScalar,
    ...queryResolvers,
    ...mutationResolvers,
    ...groupResolvers,
    ...inviteLinkResolvers,
  };
}
