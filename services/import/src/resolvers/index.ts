import { DateTimeScalar, UrlScalar } from '@kz/server';
import { importJobResolvers } from './import-job.resolvers';
import { mutationResolvers } from './mutation.resolvers';
import { organizationResolvers } from './organization.resolvers';
import { queryResolvers } from './query.resolvers';

export const importResolvers = {
  DateTime: DateTimeScalar,
  URL: UrlScalar,
  ...queryResolvers,
  ...mutationResolvers,
  ...importJobResolvers,
  ...organizationResolvers,
};
