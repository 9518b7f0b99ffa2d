import { DateTimeScalar } from '@kz/server';
import type { Resolvers } from '../generated/resolvers-types';
import { conversationResolvers } from './conversation.resolvers';
import { groupResolvers } from './group.resolvers';
import { messageResolvers } from './message.resolvers';
import { mutationResolvers } from './mutation.resolvers';
import { notificationResolvers } from './notification.resolvers';

export const messagingResolvers: Resolvers = {
  DateTime: DateTimeScalar,
  ...mutationResolvers,
  ...messageResolvers,
  ...groupResolvers,
  Query: { ...messageResolvers.Query, ...conversationResolvers.Query, ...notificationResolvers.Query },
  Mutation: { ...mutationResolvers.Mutation, ...notificationResolvers.Mutation },
  Notification: notificationResolvers.Notification,
  Group: { ...groupResolvers.Group, ...conversationResolvers.Group },
};
