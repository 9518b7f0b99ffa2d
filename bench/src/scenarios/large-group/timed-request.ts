import { performance } from 'node:perf_hooks';
import { postJson } from '@kz/stack';

export interface TimedAnswer {
  ms: number;
  data: any;
  errors?: unknown[];
  status: number;
  text: string;
}

/** One POST, timed from sending to the last byte of the body; the body parsed afterwards. */
export async function timedGraphQL(url: string, body: string, token: string, headers: Record<string, string> = {}): Promise<TimedAnswer> {
  const started = performance.now();
  const { status, text } = await postJson(url, body, token, headers);
  const ms = performance.now() - started;
  let parsed: { data?: any; errors?: unknown[] };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new Error(`${url} answered HTTP ${status} with a body that is not JSON: ${text.slice(0, 300)}`);
  }
  return { ms, data: parsed.data, errors: parsed.errors, status, text };
}

export function mustOk(what: string, res: TimedAnswer): any {
  if (res.status !== 200 || (res.errors && res.errors.length > 0) || !res.data) {
    throw new Error(`${what}: HTTP ${res.status}: ${res.text.slice(0, 500)}`);
  }
  return res.data;
}
