import { unauthenticated } from '@kz/errors';

/** Who is making a request, as established from a verified access token. */
export type Caller = { kind: 'user'; userId: string; phone: string } | { kind: 'anonymous' };

export const anonymous: Caller = { kind: 'anonymous' };

export function requireUser(caller: Caller): { userId: string; phone: string } {
  if (caller.kind !== 'user') throw unauthenticated();
  return caller;
}
