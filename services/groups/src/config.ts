import { authFields, int, loadConfig, serviceFields, url } from '@kz/config';
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
      identityUrl: url(
        'IDENTITY_URL',
        "GraphQL endpoint of the identity subgraph, asked for a caller's organisation role when this service's copy of it does not settle a check",
        {
          fallback: 'http://127.0.0.1:4001/graphql',
        },
      ),
      identityTimeoutMs: int(
        'IDENTITY_TIMEOUT_MS',
        "how long to wait for identity's answer about an organisation role before answering UNAVAILABLE, in milliseconds",
        {
          fallback: 2_000,
          min: 50,
          max: 30_000,
        },
      ),
    },
    env,
  );
}
