import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type Role = 'ADMIN' | 'MEMBER';

/**
 * Stands in for identity's subgraph where the groups service asks it for a
 * caller's organisation role: `oN: organization(id: $oN) { myRole }`, the
 * caller being the token's subject, NOT_FOUND for a stranger. Its roles are
 * set by the test, independently of the events the test publishes, so a test
 * can make identity and the read model disagree. It can also be down or slow.
 */
export class FakeIdentity {
  /** Requests received, each with the organisations it asked about. */
  readonly asked: string[][] = [];
  mode: 'up' | 'down' | 'slow' = 'up';
  private readonly roles = new Map<string, Role>();
  private server: Server | undefined;

  set(orgId: string, userId: string, role: Role | null): void {
    if (role) this.roles.set(`${orgId}:${userId}`, role);
    else this.roles.delete(`${orgId}:${userId}`);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (raw += chunk));
      req.on('end', () => {
        if (this.mode === 'down') return req.socket.destroy();
        const answer = () => this.answer(req.headers.authorization ?? '', JSON.parse(raw) as { variables: Record<string, string> });
        const reply = () => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer()));
        };
        if (this.mode === 'slow') setTimeout(reply, 2_000).unref();
        else reply();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/graphql`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(authorization: string, body: { variables: Record<string, string> }) {
    const token = authorization.replace(/^Bearer /, '');
    const userId = (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub: string }).sub;
    const aliases = Object.entries(body.variables);
    this.asked.push(aliases.map(([, orgId]) => orgId));
    const data: Record<string, { myRole: Role } | null> = {};
    const errors: { message: string; path: string[]; extensions: { code: string } }[] = [];
    for (const [alias, orgId] of aliases) {
      const role = this.roles.get(`${orgId}:${userId}`);
      data[alias] = role ? { myRole: role } : null;
      if (!role) errors.push({ message: 'Organisation was not found.', path: [alias], extensions: { code: 'NOT_FOUND' } });
    }
    return errors.length > 0 ? { data, errors } : { data };
  }
}
