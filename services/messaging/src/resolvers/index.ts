import { DateTimeScalar } from '@kz/server';
import type { Resolvers } from '../generated/resolvers-types';
import { conversationResolvers } from './conversation.resolvers';
import { groupResolvers } from './group.resolvers';
import { messageResolvers } from './message.resolvers';
import { mutationResolvers } from './mutation.resolvers';

export const messagingResolvers: Resolvers = {
  DateTime: DateTimeScalar,
  ...mutationResolvers,
  ...messageResolvers,
  ...groupResolvers,
  Query: { ...messageResolvers.Query, ...conversationResolvers.Query },
  Group: { ...groupResolvers.Group, ...conversationResolvers.Group },
};
