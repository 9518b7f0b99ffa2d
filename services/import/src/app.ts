import { join } from 'node:path';
import { closeRedis, createSubgraphApp, openRedis, redisReachable, type Logger, type SubgraphApp } from '@kz/server';
import { GroupsClient } from './clients/groups-client';
import { IdentityClient } from './clients/identity-client';
import type { ImportConfig } from './config';
import type { ImportServices } from './context';
import { ImportJobsService } from './domain/import-jobs.service';
import { ChunkStore } from './domain/members/chunk-store';
import { ImportAuthority } from './domain/members/import-authority';
import { jobProgress } from './domain/members/job-progress';
import { ImportStoppedError, MemberCsvImportJob } from './domain/members/member-csv-import.job';
import { MemberImportsService } from './domain/members/member-imports.service';
import { PeerCallError } from './domain/peers/peer-call-error';
import { importEntities } from './entities';
import type { ImportJobEntity } from './entities/import-job.entity';
import { ImportLinks } from './http/import-links';
import { importRoutes } from './http/import.routes';
import { LostChunkSweep } from './jobs/lost-chunk-sweep';
import { MemberImportQueue } from './jobs/member-import-queue';
import { importMigrations } from './migrations';
import { importResolvers } from './resolvers';

export type ImportApp = SubgraphApp<ImportServices>;

/** What the upload answers: the import's state as the GraphQL type tells it. */
function uploadSummary(job: ImportJobEntity) {
  return {
    id: job.id,
    status: job.status,
    failureReason: job.failureReason,
    counts: { total: job.rowsTotal, processed: job.rowsProcessed, failed: job.rowsFailed },
    ...jobProgress(job, new Date()),
  };
}

/** A refusal no retry changes (rights lost, bad request) stops the import; anything else is retried with backoff. */
const isPermanent = (err: Error) => err instanceof ImportStoppedError || (err instanceof PeerCallError && !err.retryable);

export async function createImportApp(config: ImportConfig, logger: Logger): Promise<ImportApp> {
  const app = await createSubgraphApp<ImportServices>({
    name: 'import',
    config,
    logger,
    schemaFile: join(__dirname, '..', 'src', 'schema.graphql'),
    resolvers: importResolvers,
    entities: importEntities,
    migrations: importMigrations,
    services: ({ dataSource, outbox }) => {
      const redis = openRedis(config.redisUrl, logger.child({ component: 'redis' }));
      const people = new IdentityClient(config.identityUrl, config.subgraphSecret);
      const groups = new GroupsClient(config.groupsUrl, config.subgraphSecret);
      const chunks = new ChunkStore(config.storageDir);
      const authority = new ImportAuthority(people, config.subgraphSecret);
      const queue = new MemberImportQueue(
        redis,
        { prefix: `kz:${config.kafkaNamespace}`, concurrency: config.workerConcurrency, attempts: config.jobAttempts, lockMs: config.jobLockMs },
        logger.child({ component: 'import-queue' }),
      );
      const lostChunkSweep = new LostChunkSweep(
        dataSource,
        queue,
        redis,
        { intervalMs: config.requeueIntervalMs, graceMs: 5_000 },
        logger.child({ component: 'lost-chunk-sweep' }),
      );
      return {
        redis,
        queue,
        lostChunkSweep,
        links: new ImportLinks(config.publicUrl),
        maxUploadBytes: config.maxUploadBytes,
        importJobs: new ImportJobsService(dataSource, async (bearer, orgId) => (await people.organization(bearer, orgId).catch(() => null))?.isAdmin === true),
        memberImports: new MemberImportsService(dataSource, outbox, people, groups, authority, chunks, queue, {
          maxUploadBytes: config.maxUploadBytes,
          chunkRows: config.chunkRows,
        }),
        memberImportJob: new MemberCsvImportJob(dataSource, outbox, chunks, people, groups, authority),
      };
    },
    routes: ({ memberImports, importJobs }, _runtime, authenticate) => importRoutes(memberImports, importJobs, authenticate, uploadSummary),
    extraReadiness: async ({ redis }) => ({ redis: await redisReachable(redis) }),
    metrics: ({ queue }, metrics) => {
      metrics.gauge('kz_queue_jobs', 'Jobs in a BullMQ queue, by queue and state.', ['queue', 'state'], async (gauge) => {
        for (const [state, n] of Object.entries(await queue.jobCounts())) gauge.set({ queue: 'member-csv-import', state }, n);
      });
      const durations = metrics.histogram('kz_queue_job_duration_seconds', 'Time a job of a BullMQ queue took, by queue and outcome.', ['queue', 'outcome']);
      queue.onJobDone = (seconds, outcome) => durations.observe({ queue: 'member-csv-import', outcome }, seconds);
    },
    onStart: async ({ queue, memberImportJob, memberImports, lostChunkSweep }) => {
      if (!config.workers) return;
      queue.startWorker(
        (data) => memberImportJob.run(data),
        (data, reason) => memberImports.fail(data.importId, reason),
        isPermanent,
      );
      lostChunkSweep.start();
    },
    beforeStop: async ({ queue, lostChunkSweep }) => {
      await lostChunkSweep.stop();
      await queue.close();
    },
    onStop: ({ redis }) => closeRedis(redis),
  });
  return {
    ...app,
    async start() {
      const url = await app.start();
      app.services.links.listeningAt(url);
      return url;
    },
  };
}
