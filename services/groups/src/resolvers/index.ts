import { DateTimeScalar, UrlScalar } from '@kz/server';
import type { Resolvers } from '../generated/resolvers-types';
import { groupResolvers } from './group.resolvers';
import { inviteLinkResolvers } from './invite-link.resolvers';
import { mutationResolvers } from './mutation.resolvers';
import { queryResolvers } from './query.resolvers';

export function groupsResolvers(): Resolvers {
  return {
    DateTime: DateTimeScalar,
    URL: UrlScalar,
    ...queryResolvers,
    ...mutationResolvers,
    ...groupResolvers,
    ...inviteLinkResolvers,
  };
}
