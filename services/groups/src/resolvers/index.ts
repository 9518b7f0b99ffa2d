import { DateTimeScalar } from '@kz/server';
import { groupResolvers } from './group.resolvers';
import { mutationResolvers } from './mutation.resolvers';
import { queryResolvers } from './query.resolvers';

export function groupsResolvers() {
  return {
    DateTime: DateTimeScalar,
    ...queryResolvers,
    ...mutationResolvers,
    ...groupResolvers,
  };
}
