import { authFields, bool, int, loadConfig, oneOf, s3Fields, serviceFields, str, url } from '@kz/config';

export type ImportConfig = ReturnType<typeof loadImportConfig>;

export function loadImportConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(
    {
      ...serviceFields('IMPORT', 4004, 'kz_import'),
      ...authFields(),
      redisUrl: url('REDIS_URL', 'Redis URL for the import job queues, e.g. redis://127.0.0.1:6379', { fallback: 'redis://127.0.0.1:6379' }),
      identityUrl: url('IDENTITY_URL', 'GraphQL endpoint of the identity subgraph (bulk directory writes)', { fallback: 'http://127.0.0.1:4001/graphql' }),
      groupsUrl: url('GROUPS_URL', 'GraphQL endpoint of the groups subgraph (bulk member adds)', { fallback: 'http://127.0.0.1:4002/graphql' }),
      messagingUrl: url('MESSAGING_URL', 'GraphQL endpoint of the messaging subgraph (its export pages are read at the same origin)', {
        fallback: 'http://127.0.0.1:4003/graphql',
      }),
      publicUrl: str(
        'IMPORT_PUBLIC_URL',
        "base URL where clients upload files and download reports (a route to this service); this service's own address when empty",
        {
          fallback: '',
        },
      ),
      storageDir: str('IMPORT_STORAGE_DIR', "directory of uploaded files cut into chunks, shared by this service's processes", {
        fallback: 'tmp/imports',
      }),
      chunkStore: oneOf(
        'IMPORT_CHUNK_STORE',
        "where a member file's chunks go between the upload and the workers: disk (IMPORT_STORAGE_DIR) or s3",
        ['disk', 's3'] as const,
        {
          fallback: 'disk',
        },
      ),
      ...s3Fields('chunk files', 'IMPORT_CHUNK_STORE'),
      maxUploadBytes: int('IMPORT_MAX_UPLOAD_BYTES', 'largest member file accepted, in bytes', { fallback: 200 * 1024 * 1024, min: 1_024, max: 4 * 1024 ** 3 }),
      chatMaxUploadBytes: int('IMPORT_CHAT_MAX_UPLOAD_BYTES', 'largest chat export (.txt or .zip with media) accepted, in bytes', {
        fallback: 2 * 1024 ** 3,
        min: 1_024,
        max: 16 * 1024 ** 3,
      }),
      chatKeepHours: int('IMPORT_CHAT_KEEP_HOURS', 'how long an uploaded chat export is kept to be applied and reported on before it is deleted', {
        fallback: 7 * 24,
        min: 1,
        max: 365 * 24,
      }),
      chunkRows: int('IMPORT_CHUNK_ROWS', 'rows per chunk job', { fallback: 5_000, min: 1, max: 5_000 }),
      workers: bool('IMPORT_WORKERS', 'run chunk workers in this process', { fallback: true }),
      workerConcurrency: int('IMPORT_WORKER_CONCURRENCY', 'chunks one process works on at once', { fallback: 3, min: 1, max: 64 }),
      jobAttempts: int('IMPORT_JOB_ATTEMPTS', 'tries per chunk before the import fails', { fallback: 8, min: 1, max: 100 }),
      requeueIntervalMs: int(
        'IMPORT_REQUEUE_INTERVAL_MS',
        'how often worker processes queue again the unfinished chunks of running imports that the job queue lost (Redis restarted without persistence, failed over, flushed)',
        { fallback: 30_000, min: 1_000, max: 3_600_000 },
      ),
      exportKeepHours: int('EXPORT_KEEP_HOURS', "how long an export's archive is kept for download before it is deleted", {
        fallback: 7 * 24,
        min: 1,
        max: 365 * 24,
      }),
      exportPageRecords: int('EXPORT_PAGE_RECORDS', 'records an export reads from a service per request (and per checkpoint)', {
        fallback: 10_000,
        min: 100,
        max: 20_000,
      }),
      storageSweepIntervalMs: int(
        'IMPORT_STORAGE_SWEEP_INTERVAL_MS',
        'how often worker processes delete expired export archives and chat exports, and queue again exports the job queue lost',
        {
          fallback: 60_000,
          min: 1_000,
          max: 3_600_000,
        },
      ),
      jobLockMs: int('IMPORT_JOB_LOCK_MS', 'how long a chunk stays with a worker that stopped answering before another takes it', {
        fallback: 30_000,
        min: 1_000,
        max: 600_000,
      }),
    },
    env,
  );
}
