import { DateTimeScalar, phoneNumberScalar } from '@kz/server';
import type { Resolvers } from '../generated/resolvers-types';
import { directoryEntryResolvers } from './directory-entry.resolvers';
import { mutationResolvers } from './mutation.resolvers';
import { organizationResolvers } from './organization.resolvers';
import { queryResolvers } from './query.resolvers';
import { userResolvers } from './user.resolvers';

export function identityResolvers(defaultRegion: string): Resolvers {
  return {
    DateTime: DateTimeScalar,
    PhoneNumber: phoneNumberScalar(defaultRegion),
    ...queryResolvers,
    ...mutationResolvers,
    ...userResolvers,
    ...organizationResolvers,
    ...directoryEntryResolvers,
  };
}
