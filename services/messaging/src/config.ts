import { authFields, loadConfig, serviceFields } from '@kz/config';

export type MessagingConfig = ReturnType<typeof loadMessagingConfig>;

export function loadMessagingConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig({ ...serviceFields('MESSAGING', 4003, 'kz_messaging'), ...authFields() }, env);
}
