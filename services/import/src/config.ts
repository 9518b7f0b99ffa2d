import { authFields, loadConfig, serviceFields, url } from '@kz/config';

export type ImportConfig = ReturnType<typeof loadImportConfig>;

export function loadImportConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(
    {
      ...serviceFields('IMPORT', 4004, 'kz_import'),
      ...authFields(),
      redisUrl: url('REDIS_URL', 'Redis URL for the import job queues, e.g. redis://127.0.0.1:6379', { fallback: 'redis://127.0.0.1:6379' }),
    },
    env,
  );
}
