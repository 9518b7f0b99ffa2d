import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** What the server's error codes mean to a person, when its own message is not enough. */
export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'UNAVAILABLE' | 'PAYLOAD_TOO_LARGE' | 'NETWORK' | 'INTERNAL';

export interface UserError {
  code: ErrorCode;
  /** A sentence a person can act on: the server's own message where it gave one. */
  message: string;
  /** The input field the server named (extensions.field), to show the message beside it. */
  field?: string;
}

const FALLBACK: Record<ErrorCode, string> = {
  BAD_USER_INPUT: 'Some of what you entered cannot be used; check it and try again.',
  UNAUTHENTICATED: 'Your session has ended. Sign in again to continue.',
  FORBIDDEN: 'You do not have permission to do this.',
  NOT_FOUND: 'This no longer exists, or you cannot see it.',
  CONFLICT: 'This changed while you were working on it; reload and try again.',
  RATE_LIMITED: 'Too many attempts. Wait a moment, then try again.',
  UNAVAILABLE: 'The service is briefly unavailable. Try again in a moment.',
  PAYLOAD_TOO_LARGE: 'This is larger than the server accepts.',
  NETWORK: 'The server cannot be reached. Check your connection and try again.',
  INTERNAL: 'Something went wrong on our side. Try again; if it keeps happening, tell your administrator.',
};

const KNOWN = new Set<string>(Object.keys(FALLBACK));

/**
 * The one place that turns a failed operation into words: every screen shows errors through this, by code and
 * field, never by reading message strings.
 */
export function userErrors(error: unknown): UserError[] {
  if (!error) return [];
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => {
      const raw = String(e.extensions?.['code'] ?? 'INTERNAL');
      const code = (KNOWN.has(raw) ? raw : 'INTERNAL') as ErrorCode;
      const field = typeof e.extensions?.['field'] === 'string' ? (e.extensions['field'] as string) : undefined;
      const message = code === 'INTERNAL' || !e.message ? FALLBACK[code] : e.message;
      if (!field && code === 'BAD_USER_INPUT') {
        const refused = refusedVariable(e.message);
        if (refused) return { code, ...refused };
      }
      return field ? { code, message, field } : { code, message };
    });
  }
  if (ServerError.is(error)) {
    const status = error.statusCode;
    const parsed = parseErrorBody(error.bodyText);
    if (parsed.length > 0) return parsed;
    if (status === 401) return [{ code: 'UNAUTHENTICATED', message: FALLBACK.UNAUTHENTICATED }];
    if (status === 413) return [{ code: 'PAYLOAD_TOO_LARGE', message: FALLBACK.PAYLOAD_TOO_LARGE }];
    if (status === 429) return [{ code: 'RATE_LIMITED', message: FALLBACK.RATE_LIMITED }];
    if (status === 502 || status === 503 || status === 504) return [{ code: 'UNAVAILABLE', message: FALLBACK.UNAVAILABLE }];
    return [{ code: 'INTERNAL', message: FALLBACK.INTERNAL }];
  }
  if (error instanceof UploadError) return [error.detail];
  if (error instanceof TypeError || (error instanceof Error && /fetch|network/i.test(error.name))) {
    return [{ code: 'NETWORK', message: FALLBACK.NETWORK }];
  }
  if (error instanceof Error && error.name === 'SessionExpiredError') return [{ code: 'UNAUTHENTICATED', message: error.message }];
  return [{ code: 'INTERNAL', message: FALLBACK.INTERNAL }];
}

/**
 * A value a custom scalar refused (URL, PhoneNumber, DateTime) is refused while GraphQL reads the operation's
 * variables, before any resolver runs, so the answer names the input field only inside GraphQL's standard sentence:
 * `Variable "$input" got invalid value "x" at "input.avatarUrl"; <the scalar's reason>`. This is the one place that
 * reads it, giving the field and the scalar's own reason.
 */
function refusedVariable(message: string): { field: string; message: string } | null {
  const match = /^Variable "\$\w+" got invalid value [\s\S]*? at "([\w.[\]]+)"; ([\s\S]+)$/.exec(message);
  if (!match) return null;
  return { field: match[1]!, message: match[2]! };
}

/** The first error, for places that show one sentence. */
export function userError(error: unknown): UserError | null {
  return userErrors(error)[0] ?? null;
}

/** Errors keyed by the input field they are about; the rest under no key, to show beside the form's button. */
export function splitByField(errors: UserError[], fields: readonly string[]): { byField: Record<string, string>; general: UserError[] } {
  const byField: Record<string, string> = {};
  const general: UserError[] = [];
  for (const e of errors) {
    const key = e.field ? fields.find((f) => f === e.field || e.field!.endsWith(`.${f}`)) : undefined;
    if (key && !byField[key]) byField[key] = e.message;
    else general.push(e);
  }
  return { byField, general };
}

/** The error answer of a file upload or download (the services answer in the GraphQL error shape). */
export function parseErrorBody(text: string | undefined): UserError[] {
  if (!text) return [];
  try {
    const body = JSON.parse(text) as { errors?: { message?: string; extensions?: { code?: string; field?: string } }[] };
    return (body.errors ?? []).map((e) => {
      const raw = e.extensions?.code ?? 'INTERNAL';
      const code = (KNOWN.has(raw) ? raw : 'INTERNAL') as ErrorCode;
      const message = e.message && code !== 'INTERNAL' ? e.message : FALLBACK[code];
      return e.extensions?.field ? { code, message, field: e.extensions.field } : { code, message };
    });
  } catch {
    return [];
  }
}

export class UploadError extends Error {
  constructor(readonly detail: UserError) {
    super(detail.message);
    this.name = 'UploadError';
  }
}

export function fallbackMessage(code: ErrorCode): string {
  return FALLBACK[code];
}
