import { DateTimeScalar, UrlScalar } from '@kz/server';
import type { Resolvers } from '../generated/resolvers-types';
import { mutationResolvers } from './mutation.resolvers';
import { organizationResolvers } from './organization.resolvers';
import { queryResolvers } from './query.resolvers';
import { webhookEndpointResolvers } from './webhook-endpoint.resolvers';

export const webhooksResolvers: Resolvers = {
  DateTime: DateTimeScalar,
  URL: UrlScalar,
  ...queryResolvers,
  ...mutationResolvers,
  ...organizationResolvers,
  ...webhookEndpointResolvers,
};
