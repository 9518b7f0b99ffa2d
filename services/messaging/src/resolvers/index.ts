import { DateTimeScalar } from '@kz/server';
import { groupResolvers } from './group.resolvers';
import { messageResolvers } from './message.resolvers';
import { mutationResolvers } from './mutation.resolvers';

export const messagingResolvers = {
  DateTime: DateTimeScalar,
  ...mutationResolvers,
  ...messageResolvers,
  ...groupResolvers,
};
