import { authFields, int, list, loadConfig, oneOf, s3Fields, serviceFields, str, url } from '@kz/config';

export type MessagingConfig = ReturnType<typeof loadMessagingConfig>;

const DEFAULT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'audio/mpeg',
  'audio/mp4',
  'video/mp4',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

export function loadMessagingConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(
    {
      ...serviceFields('MESSAGING', 4003, 'kz_messaging'),
      ...authFields(),
      retentionIntervalMs: int('RETENTION_INTERVAL_MS', 'how often messages past their retention period are looked for and deleted', {
        fallback: 60_000,
        min: 100,
        max: 86_400_000,
      }),
      retentionBatchSize: int('RETENTION_BATCH_SIZE', 'expired messages deleted per transaction', { fallback: 1_000, min: 1, max: 1_000 }),
      retentionPauseMs: int('RETENTION_PAUSE_MS', 'pause between batches of a deletion, so that live traffic goes first', {
        fallback: 20,
        min: 0,
        max: 60_000,
      }),
      attachmentsStore: oneOf('ATTACHMENTS_STORE', 'where attachment bytes go: disk or s3', ['disk', 's3'] as const, { fallback: 'disk' }),
      attachmentsDir: str('ATTACHMENTS_DIR', 'directory of the disk store', { fallback: 'tmp/attachments' }),
      attachmentsMaxBytes: int('ATTACHMENTS_MAX_BYTES', 'largest attachment accepted, in bytes', {
        fallback: 25 * 1024 * 1024,
        min: 1_024,
        max: 2 * 1024 ** 3,
      }),
      attachmentTypes: list('ATTACHMENTS_TYPES', 'content types accepted, comma-separated', { fallback: DEFAULT_TYPES }),
      attachmentsPublicUrl: url('ATTACHMENTS_PUBLIC_URL', 'base URL where clients download attachments (this service, or a route to it)', {
        fallback: 'http://127.0.0.1:4003',
      }),
      ...s3Fields('attachments', 'ATTACHMENTS_STORE'),
    },
    env,
  );
}
