/** GraphQL over HTTP to the gateway, with the signed-in token; errors become one readable message. */
export class ApiClient {
  constructor(
    readonly gatewayUrl: string,
    public token: string | null = null,
  ) {}

  /** Where the gateway passes files on (`/exports/…`, `/imports/…`): its origin and path, without `/graphql`. */
  get filesBaseUrl(): string {
    return this.gatewayUrl.replace(/\/graphql\/?$/, '');
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
        body: JSON.stringify({ query, variables }),
        signal,
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new CliError(`Cannot reach the gateway at ${this.gatewayUrl} (${(err as Error).message}); is the stack running (npm start)?`, { transient: true });
    }
    const body = (await res.json().catch(() => ({}))) as { data?: T } & ServerErrors;
    if (body.errors?.length) throw serverError(body);
    if (!body.data) throw new CliError(`The gateway answered HTTP ${res.status} without data.`, { transient: res.status >= 500 });
    return body.data;
  }
}

/** The errors of an answer in the GraphQL shape, which the gateway's file routes answer with too. */
export interface ServerErrors {
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** The server's own sentence for its first error, with its code. */
export function serverError(body: ServerErrors | null, fallback = 'The server refused without saying why.'): CliError {
  const e = body?.errors?.[0];
  const code = e?.extensions?.code;
  return new CliError(`${e?.message ?? fallback}${code ? ` (${code})` : ''}`, { code });
}

/** A failure to report in one line, without a stack trace. */
export class CliError extends Error {
  /** The server's error code (extensions.code), when it gave one. */
  readonly code: string | undefined;
  /** Worth trying again shortly: the gateway could not be reached or failed on its side. */
  readonly transient: boolean;

  constructor(message: string, details: { code?: string; transient?: boolean } = {}) {
    super(message);
    this.code = details.code;
    this.transient = details.transient ?? false;
  }
}
