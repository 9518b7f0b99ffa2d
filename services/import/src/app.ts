import { join } from 'node:path';
import { createSubgraphApp, type Logger, type SubgraphApp } from '@kz/server';
import type { ImportConfig } from './config';
import type { ImportServices } from './context';
import { ImportJobsService } from './domain/import-jobs.service';
import { importEntities } from './entities';
import { importMigrations } from './migrations';
import { closeRedis, openRedis, redisReachable } from './redis';
import { importResolvers } from './resolvers';

export type ImportApp = SubgraphApp<ImportServices>;

export function createImportApp(config: ImportConfig, logger: Logger): Promise<ImportApp> {
  return createSubgraphApp<ImportServices>({
    name: 'import',
    config,
    logger,
    schemaFile: join(__dirname, '..', 'src', 'schema.graphql'),
    resolvers: importResolvers,
    entities: importEntities,
    migrations: importMigrations,
    services: (runtime) => ({
      importJobs: new ImportJobsService(runtime.dataSource),
      redis: openRedis(config.redisUrl, logger.child({ component: 'redis' })),
    }),
    extraReadiness: async ({ redis }) => ({ redis: await redisReachable(redis) }),
    onStop: ({ redis }) => closeRedis(redis),
  });
}
