/**
 * The signed-in session: an access token kept fresh, and the refresh token that renews it. Both live in
 * localStorage so that a reload or a second tab stays signed in; every tab follows the others through the
 * storage event. The refresh is single-flight: a burst of 401s renews the token once.
 */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  userId: string;
}

const STORAGE_KEY = 'kz.session';
/** Renew this long before the access token expires, so no request leaves with a token about to lapse. */
const REFRESH_AHEAD_MS = 60_000;

const REFRESH_MUTATION = `mutation RefreshSession($input: RefreshSessionInput!) {
  refreshSession(input: $input) { accessToken refreshToken expiresInSeconds user { id } }
}`;

type Listener = (tokens: SessionTokens | null) => void;

export class SessionExpiredError extends Error {
  constructor() {
    super('Your session has ended. Sign in again to continue.');
    this.name = 'SessionExpiredError';
  }
}

export class Session {
  private tokens: SessionTokens | null = read();
  private refreshing: Promise<SessionTokens> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<Listener>();

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('storage', (event) => {
        if (event.key !== STORAGE_KEY) return;
        this.tokens = read();
        this.schedule();
        this.emit();
      });
    }
    this.schedule();
  }

  get current(): SessionTokens | null {
    return this.tokens;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  signedIn(payload: { accessToken: string; refreshToken: string; expiresInSeconds: number; userId: string }): void {
    this.store({
      accessToken: payload.accessToken,
      refreshToken: payload.refreshToken,
      expiresAt: Date.now() + payload.expiresInSeconds * 1000,
      userId: payload.userId,
    });
  }

  /** A token good for at least a minute more, renewed first when needed; null when nobody is signed in. */
  async accessToken(): Promise<string | null> {
    if (!this.tokens) return null;
    if (this.tokens.expiresAt - Date.now() > REFRESH_AHEAD_MS) return this.tokens.accessToken;
    return (await this.refresh()).accessToken;
  }

  /** Exchanges the refresh token for new tokens; throws SessionExpiredError (and signs out) when it is refused. */
  refresh(): Promise<SessionTokens> {
    this.refreshing ??= this.exchange().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Forgets the tokens here; the caller tells the server (signOut) first when it can. */
  clear(): void {
    this.store(null);
  }

  private async exchange(): Promise<SessionTokens> {
    const refreshToken = this.tokens?.refreshToken;
    if (!refreshToken) throw new SessionExpiredError();
    let response: Response;
    try {
      response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: REFRESH_MUTATION, variables: { input: { refreshToken } } }),
      });
    } catch {
      // Offline: keep the session, the next request tries again.
      throw new Error('The server cannot be reached. Check your connection; the page will try again.');
    }
    const body = (await response.json().catch(() => null)) as {
      data?: { refreshSession?: { accessToken: string; refreshToken: string; expiresInSeconds: number; user: { id: string } } };
      errors?: { extensions?: { code?: string } }[];
    } | null;
    const renewed = body?.data?.refreshSession;
    if (!renewed) {
      const code = body?.errors?.[0]?.extensions?.code;
      if (code === 'UNAVAILABLE' || code === 'RATE_LIMITED' || response.status >= 500) {
        throw new Error('The server is busy; the page will try again shortly.');
      }
      // Another tab may have renewed (and so spent) the same refresh token a moment ago.
      const stored = read();
      if (stored && stored.refreshToken !== refreshToken) {
        this.tokens = stored;
        return stored;
      }
      this.clear();
      throw new SessionExpiredError();
    }
    const tokens: SessionTokens = {
      accessToken: renewed.accessToken,
      refreshToken: renewed.refreshToken,
      expiresAt: Date.now() + renewed.expiresInSeconds * 1000,
      userId: renewed.user.id,
    };
    this.store(tokens);
    return tokens;
  }

  private store(tokens: SessionTokens | null): void {
    this.tokens = tokens;
    if (tokens) localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
    else localStorage.removeItem(STORAGE_KEY);
    this.schedule();
    this.emit();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.tokens || typeof window === 'undefined') return;
    const due = Math.max(this.tokens.expiresAt - Date.now() - REFRESH_AHEAD_MS, 5_000);
    this.timer = setTimeout(() => void this.refresh().catch(() => this.schedule()), Math.min(due, 2 ** 31 - 1));
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.tokens);
  }
}

function read(): SessionTokens | null {
  if (typeof localStorage === 'undefined') return null;
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<SessionTokens> | null;
    if (
      parsed &&
      typeof parsed.accessToken === 'string' &&
      typeof parsed.refreshToken === 'string' &&
      typeof parsed.expiresAt === 'number' &&
      typeof parsed.userId === 'string'
    ) {
      return parsed as SessionTokens;
    }
  } catch {
    // A corrupt entry is the same as none.
  }
  return null;
}

export const session = new Session();
