import { DateTimeScalar, phoneNumberScalar } from '@kz/server';
import { groupResolvers } from './group.resolvers';
import { mutationResolvers } from './mutation.resolvers';
import { queryResolvers } from './query.resolvers';

export function groupsResolvers(defaultRegion: string) {
  return {
    DateTime: DateTimeScalar,
    PhoneNumber: phoneNumberScalar(defaultRegion),
    ...queryResolvers,
    ...mutationResolvers,
    ...groupResolvers,
  };
}
