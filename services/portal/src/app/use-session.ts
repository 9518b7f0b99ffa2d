import { useSyncExternalStore } from 'react';
import { session, type SessionTokens } from '../api/session';

/** The signed-in session, re-rendering when it starts, is renewed or ends (in any tab). */
export function useSession(): SessionTokens | null {
  return useSyncExternalStore(
    (onChange) => session.subscribe(onChange),
    () => session.current,
  );
}
