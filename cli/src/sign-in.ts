import { createInterface } from 'node:readline/promises';
import type { ApiClient } from './api-client';
import { CliError } from './api-client';

/**
 * A token for the CLI: KZ_TOKEN when set (scripts, CI), otherwise a sign-in
 * with the phone number, asking for the code sent to it.
 */
export async function signIn(api: ApiClient, phone: string | undefined, code: string | undefined, env: NodeJS.ProcessEnv): Promise<void> {
  if (env.KZ_TOKEN) {
    api.token = env.KZ_TOKEN;
    return;
  }
  if (!phone) throw new CliError('Sign in with --phone +<number> (you will be asked for the code sent to it), or set KZ_TOKEN to an access token.');
  await api.request(`mutation($p: PhoneNumber!) { requestSignInCode(input: { phone: $p }) { expiresInSeconds } }`, { p: phone });
  let answer = code;
  if (!answer) {
    if (!process.stdin.isTTY) throw new CliError('A sign-in code was sent; pass it with --code (stdin is not a terminal).');
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    answer = (await rl.question(`Code sent to ${phone}: `)).trim();
    rl.close();
  }
  const data = await api.request<{ signIn: { accessToken: string } }>(
    `mutation($p: PhoneNumber!, $c: String!) { signIn(input: { phone: $p, code: $c }) { accessToken } }`,
    { p: phone, c: answer },
  );
  api.token = data.signIn.accessToken;
}
