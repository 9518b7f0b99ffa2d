import { authFields, loadConfig, serviceFields, str, url } from '@kz/config';
import { isCountryCode } from '@kz/phone';

export type GroupsConfig = ReturnType<typeof loadGroupsConfig>;

export function loadGroupsConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(
    {
      ...serviceFields('GROUPS', 4002, 'kz_groups'),
      ...authFields(),
      inviteBaseUrl: url('INVITE_BASE_URL', 'where invite links point; the token is appended as the last path segment', {
        fallback: 'http://127.0.0.1:4000/join',
      }),
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
