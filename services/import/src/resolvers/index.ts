import { DateTimeScalar, UrlScalar } from '@kz/server';
import type { Resolvers } from '../generated/resolvers-types';
import { chatImportResolvers } from './chat-import.resolvers';
import { exportJobResolvers } from './export-job.resolvers';
import { importJobResolvers } from './import-job.resolvers';
import { mutationResolvers } from './mutation.resolvers';
import { organizationResolvers } from './organization.resolvers';
import { queryResolvers } from './query.resolvers';

export const importResolvers: Resolvers = {
  DateTime: DateTimeScalar,
  URL: UrlScalar,
  ...queryResolvers,
  ...mutationResolvers,
  ...importJobResolvers,
  ...exportJobResolvers,
  ...chatImportResolvers,
  ...organizationResolvers,
};
