/** GraphQL over HTTP to the gateway, with the signed-in token; errors become one readable message. */
export class ApiClient {
  constructor(
    readonly gatewayUrl: string,
    public token: string | null = null,
  ) {}

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
    } catch (err) {
      throw new CliError(`Cannot reach the gateway at ${this.gatewayUrl} (${(err as Error).message}); is the stack running (npm start)?`);
    }
    const body = (await res.json().catch(() => ({}))) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length) {
      const e = body.errors[0]!;
      throw new CliError(`${e.message}${e.extensions?.code ? ` (${e.extensions.code})` : ''}`);
    }
    if (!body.data) throw new CliError(`The gateway answered HTTP ${res.status} without data.`);
    return body.data;
  }
}

/** A failure to report in one line, without a stack trace. */
export class CliError extends Error {}
