import { Session, SessionExpiredError } from './session';

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

function refreshAnswer(accessToken: string, refreshToken: string) {
  return new Response(JSON.stringify({ data: { refreshSession: { accessToken, refreshToken, expiresInSeconds: 900, user: { id: 'u1' } } } }), {
    headers: { 'content-type': 'application/json' },
  });
}

describe('Session', () => {
  let storage: MemoryStorage;
  let fetchMock: jest.Mock;

  beforeEach(() => {
    storage = new MemoryStorage();
    fetchMock = jest.fn();
    Object.assign(globalThis, { localStorage: storage, fetch: fetchMock });
  });

  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('hands out a fresh token as it is, and renews one about to expire, once for many callers', async () => {
    const session = new Session();
    session.signedIn({ accessToken: 'a1', refreshToken: 'r1', expiresInSeconds: 900, userId: 'u1' });
    expect(await session.accessToken()).toBe('a1');
    expect(fetchMock).not.toHaveBeenCalled();

    session.signedIn({ accessToken: 'a1', refreshToken: 'r1', expiresInSeconds: 30, userId: 'u1' });
    fetchMock.mockResolvedValueOnce(refreshAnswer('a2', 'r2'));
    const tokens = await Promise.all([session.accessToken(), session.accessToken(), session.accessToken()]);
    expect(tokens).toEqual(['a2', 'a2', 'a2']);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(JSON.parse(fetchMock.mock.calls[0]![1].body as string).variables).toEqual({ input: { refreshToken: 'r1' } });
    expect(JSON.parse(storage.getItem('kz.session')!)).toMatchObject({ accessToken: 'a2', refreshToken: 'r2' });
  });

  it('ends the session when the refresh token is refused', async () => {
    const session = new Session();
    session.signedIn({ accessToken: 'a1', refreshToken: 'r1', expiresInSeconds: 10, userId: 'u1' });
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify({ errors: [{ message: 'refresh token reused', extensions: { code: 'UNAUTHENTICATED' } }] }), { status: 401 }),
    );
    const ended: unknown[] = [];
    session.subscribe((t) => ended.push(t));
    await expect(session.refresh()).rejects.toBeInstanceOf(SessionExpiredError);
    expect(session.current).toBeNull();
    expect(storage.getItem('kz.session')).toBeNull();
    expect(ended).toEqual([null]);
  });

  it('keeps the session when the server is away, so the next request tries again', async () => {
    const session = new Session();
    session.signedIn({ accessToken: 'a1', refreshToken: 'r1', expiresInSeconds: 10, userId: 'u1' });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(session.refresh()).rejects.toThrow('cannot be reached');
    expect(session.current?.refreshToken).toBe('r1');
  });

  it('adopts tokens another tab renewed with the same refresh token', async () => {
    const session = new Session();
    session.signedIn({ accessToken: 'a1', refreshToken: 'r1', expiresInSeconds: 10, userId: 'u1' });
    fetchMock.mockImplementationOnce(async () => {
      storage.setItem('kz.session', JSON.stringify({ accessToken: 'b2', refreshToken: 'other', expiresAt: Date.now() + 900_000, userId: 'u1' }));
      return new Response(JSON.stringify({ errors: [{ message: 'reused', extensions: { code: 'UNAUTHENTICATED' } }] }), { status: 401 });
    });
    expect((await session.refresh()).accessToken).toBe('b2');
    expect(session.current?.accessToken).toBe('b2');
  });
});
