import { DateTimeScalar } from '@kz/server';
import { importJobResolvers } from './import-job.resolvers';
import { organizationResolvers } from './organization.resolvers';
import { queryResolvers } from './query.resolvers';

export const importResolvers = {
  DateTime: DateTimeScalar,
  ...queryResolvers,
  ...importJobResolvers,
  ...organizationResolvers,
};
