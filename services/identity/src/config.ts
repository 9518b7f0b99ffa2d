import { authFields, int, loadConfig, oneOf, serviceFields, str, url } from '@kz/config';
import { defaultRegionField } from '@kz/phone';

export type IdentityConfig = ReturnType<typeof loadIdentityConfig>;

export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(
    {
      ...serviceFields('IDENTITY', 4001, 'kz_identity'),
      ...authFields(),
      accessTokenTtlSeconds: int('ACCESS_TOKEN_TTL_SECONDS', 'lifetime of access tokens', { fallback: 900, min: 60, max: 86_400 }),
      importGrantMaxSeconds: int(
        'IMPORT_GRANT_MAX_SECONDS',
        'longest a member import may act for the admin who started it (it stops sooner when the import ends)',
        {
          fallback: 6 * 3600,
          min: 300,
          max: 86_400,
        },
      ),
      keyActivationDelaySeconds: int('SIGNING_KEY_ACTIVATION_DELAY_SECONDS', 'how long a rotated-in key is published before it signs', {
        fallback: 30,
        min: 0,
        max: 3600,
      }),
      codePepper: str('SIGN_IN_CODE_PEPPER', 'secret mixed into one-time code hashes', { devFallback: 'development-only-pepper' }),
      defaultRegion: defaultRegionField(),
      codeRequestsPerAddress: int('SIGN_IN_CODES_PER_ADDRESS', 'code requests one client address may make per 10 minutes', {
        fallback: 100,
        min: 1,
      }),
      signInAttemptsPerAddress: int('SIGN_IN_ATTEMPTS_PER_ADDRESS', 'sign-in attempts one client address may make per 10 minutes', {
        fallback: 200,
        min: 1,
      }),
      smsSender: oneOf('SMS_SENDER', 'where one-time codes go: dev (a sink tests read) or http (a provider)', ['dev', 'http'] as const, {
        devFallback: 'dev',
      }),
      smsHttpUrl: url('SMS_HTTP_URL', 'SMS provider endpoint, for SMS_SENDER=http', { fallback: 'http://127.0.0.1:1/unset' }),
      smsHttpToken: str('SMS_HTTP_TOKEN', 'SMS provider bearer token, for SMS_SENDER=http', { fallback: '' }),
      appPublicUrl: url('APP_PUBLIC_URL', "the web app's public address (the gateway's origin), where texted invitations send people", {
        devFallback: 'http://127.0.0.1:4000',
      }),
    },
    env,
  );
}
