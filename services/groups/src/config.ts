import { authFields, loadConfig, serviceFields, str } from '@kz/config';
import { isCountryCode } from '@kz/phone';

export type GroupsConfig = ReturnType<typeof loadGroupsConfig>;

export function loadGroupsConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(
    {
      ...serviceFields('GROUPS', 4002, 'kz_groups'),
      ...authFields(),
      defaultRegion: {
        ...str('DEFAULT_PHONE_REGION', 'ISO country for phone numbers written without a prefix', { fallback: 'US' }),
        parse: (raw: string) => {
          if (!isCountryCode(raw)) throw new Error('expected a two-letter ISO country code such as US or IN');
          return raw;
        },
      },
    },
    env,
  );
}
