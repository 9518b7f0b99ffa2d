import { join } from 'node:path';
import { s3Settings } from '@kz/config';
import { closeRedis, createSubgraphApp, openRedis, redisReachable, type Logger, type SubgraphApp } from '@kz/server';
import { ExportSourceClient } from './clients/export-source-client';
import { MessagingClient } from './clients/messaging-client';
import { ChatFileStore } from './domain/chat-export/chat-file';
import { ChatHistoryImportJob } from './domain/chat-export/chat-history-import.job';
import { ChatImportsService } from './domain/chat-export/chat-imports.service';
import { GroupsClient } from './clients/groups-client';
import { IdentityClient } from './clients/identity-client';
import type { ImportConfig } from './config';
import type { ImportServices } from './context';
import { ExportStore } from './domain/exports/export-store';
import { ExportsService } from './domain/exports/exports.service';
import { OrganizationExportJob } from './domain/exports/organization-export.job';
import { ImportJobsService } from './domain/import-jobs.service';
import { DiskChunkStore, type ChunkStore } from './domain/members/chunk-store';
import { S3ChunkStore } from './domain/members/s3-chunk-store';
import { ImportAuthority } from './domain/members/import-authority';
import { jobProgress } from './domain/members/job-progress';
import { ImportStoppedError, MemberCsvImportJob } from './domain/members/member-csv-import.job';
import { MemberImportsService } from './domain/members/member-imports.service';
import { PeerCallError } from './domain/peers/peer-call-error';
import { importEntities } from './entities';
import type { ImportJobEntity } from './entities/import-job.entity';
import { ImportLinks } from './http/import-links';
import { exportRoutes } from './http/export.routes';
import { importRoutes } from './http/import.routes';
import { OrganizationExportQueue } from './jobs/export-queue';
import { StorageSweep } from './jobs/storage-sweep';
import { importWork } from './jobs/import-work';
import { LostChunkSweep } from './jobs/lost-chunk-sweep';
import { MemberImportQueue } from './jobs/member-import-queue';
import { importMigrations } from './migrations';
import { importResolvers } from './resolvers';

export type ImportApp = SubgraphApp<ImportServices>;

function chunkStore(config: ImportConfig): ChunkStore {
  if (config.chunkStore === 'disk') return new DiskChunkStore(config.storageDir);
  return new S3ChunkStore(s3Settings(config, 'IMPORT_CHUNK_STORE'));
}

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
      const chunks = chunkStore(config);
      const chatFiles = new ChatFileStore(join(config.storageDir, 'chats'));
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
      const isOrgAdmin = async (bearer: string, orgId: string) => (await people.organization(bearer, orgId).catch(() => null))?.isAdmin === true;
      const exportStore = new ExportStore(join(config.storageDir, 'exports'));
      const exportQueue = new OrganizationExportQueue(
        redis,
        { prefix: `kz:${config.kafkaNamespace}`, attempts: config.jobAttempts, lockMs: config.jobLockMs },
        logger.child({ component: 'export-queue' }),
      );
      const exports = new ExportsService(dataSource, outbox, exportStore, exportQueue, isOrgAdmin);
      return {
        redis,
        queue,
        lostChunkSweep,
        exports,
        exportQueue,
        exportJob: new OrganizationExportJob(
          dataSource,
          outbox,
          new ExportSourceClient({ identity: config.identityUrl, groups: config.groupsUrl, messaging: config.messagingUrl }, config.subgraphSecret),
          exportStore,
          { pageRecords: config.exportPageRecords, attachmentPageRecords: 100, keepSeconds: config.exportKeepHours * 3600 },
        ),
        storageSweep: new StorageSweep(
          dataSource,
          exports,
          exportQueue,
          chatFiles,
          config.chatKeepHours * 3600 * 1000,
          config.storageSweepIntervalMs,
          logger.child({ component: 'storage-sweep' }),
        ),
        links: new ImportLinks(config.publicUrl),
        maxUploadBytes: config.maxUploadBytes,
        chatMaxUploadBytes: config.chatMaxUploadBytes,
        chatImports: new ChatImportsService(dataSource, outbox, people, groups, chatFiles, authority, queue, config.chatMaxUploadBytes),
        importWork: importWork(
          dataSource,
          new MemberCsvImportJob(dataSource, outbox, chunks, people, groups, authority),
          new ChatHistoryImportJob(dataSource, outbox, chatFiles, new MessagingClient(config.messagingUrl, config.subgraphSecret), authority),
        ),
        importJobs: new ImportJobsService(dataSource, isOrgAdmin),
        memberImports: new MemberImportsService(dataSource, outbox, people, groups, authority, chunks, queue, {
          maxUploadBytes: config.maxUploadBytes,
          chunkRows: config.chunkRows,
        }),
      };
    },
    routes: ({ memberImports, chatImports, importJobs, exports }, _runtime, authenticate) => ({
      ...importRoutes(memberImports, chatImports, importJobs, authenticate, uploadSummary),
      ...exportRoutes(exports, authenticate),
    }),
    extraReadiness: async ({ redis }) => ({ redis: await redisReachable(redis) }),
    metrics: ({ queue, exportQueue }, metrics) => {
      metrics.gauge('kz_queue_jobs', 'Jobs in a BullMQ queue, by queue and state.', ['queue', 'state'], async (gauge) => {
        for (const [state, n] of Object.entries(await queue.jobCounts())) gauge.set({ queue: 'member-csv-import', state }, n);
        for (const [state, n] of Object.entries(await exportQueue.jobCounts())) gauge.set({ queue: 'organization-export', state }, n);
      });
      const durations = metrics.histogram('kz_queue_job_duration_seconds', 'Time a job of a BullMQ queue took, by queue and outcome.', ['queue', 'outcome']);
      queue.onJobDone = (seconds, outcome) => durations.observe({ queue: 'member-csv-import', outcome }, seconds);
      exportQueue.onJobDone = (seconds, outcome) => durations.observe({ queue: 'organization-export', outcome }, seconds);
    },
    onStart: async ({ queue, importWork, memberImports, lostChunkSweep, exportQueue, exportJob, storageSweep }) => {
      if (!config.workers) return;
      queue.startWorker(importWork, (data, reason) => memberImports.fail(data.importId, reason), isPermanent);
      exportQueue.startWorker(
        (data) => exportJob.run(data),
        (data, reason) => exportJob.fail(data.exportId, reason),
        isPermanent,
      );
      lostChunkSweep.start();
      storageSweep.start();
    },
    beforeStop: async ({ queue, lostChunkSweep, exportQueue, storageSweep }) => {
      await lostChunkSweep.stop();
      await storageSweep.stop();
      await queue.close();
      await exportQueue.close();
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
