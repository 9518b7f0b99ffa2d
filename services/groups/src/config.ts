import { authFields, loadConfig, serviceFields, url } from '@kz/config';
import { defaultRegionField } from '@kz/phone';

export type GroupsConfig = ReturnType<typeof loadGroupsConfig>;

export function loadGroupsConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(
    {
      ...serviceFields('GROUPS', 4002, 'kz_groups'),
      ...authFields(),
      inviteBaseUrl: url('INVITE_BASE_URL', 'where invite links point; the token is appended as the last path segment', {
        fallback: 'http://127.0.0.1:4000/join',
      }),
      defaultRegion: defaultRegionField(),
    },
    env,
  );
}
