import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { readResponseExcerpt, type CheckedDestination, type ResolvedAddress } from '@kz/webhooks';
import type { PostJson, PostOptions, PostOutcome } from '../domain/webhook-transport';

/** Connects only to the addresses the guard checked, so DNS answering differently a moment later cannot redirect us. */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all === true;
    if (all) (callback as unknown as (err: null, addresses: { address: string; family: number }[]) => void)(null, [...addresses]);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
}

/**
 * POSTs a JSON body to a checked destination. Redirects are answers, not followed; the body read back is capped; the
 * whole exchange (connect, send, answer, excerpt) is bounded by the timeout.
 */
export const postJson: PostJson = (
  destination: CheckedDestination,
  body: string,
  headers: Record<string, string>,
  options: PostOptions,
): Promise<PostOutcome> => {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  const request = destination.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<PostOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const abort = new AbortController();
    let answered = false;
    const timer = setTimeout(() => {
      // An answer that came in time counts, whatever its body does: stop reading it, and keep what arrived.
      abort.abort();
      if (answered) return;
      req.destroy();
      finish({
        status: null,
        retryAfter: null,
        latencyMs: latency(),
        excerpt: '',
        failure: { kind: 'timeout' },
        error: `No answer within ${options.timeoutMs} ms.`,
      });
    }, options.timeoutMs);
    const req = request(
      destination.url,
      {
        method: 'POST',
        lookup: pinnedLookup(destination.addresses),
        servername: destination.literalAddress ? undefined : destination.hostname,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'kaizala-work-chat-webhooks/1',
          ...headers,
        },
      },
      (res: IncomingMessage) => {
        answered = true;
        const latencyMs = latency();
        const status = res.statusCode ?? 0;
        const retryAfter = typeof res.headers['retry-after'] === 'string' ? res.headers['retry-after'] : null;
        readResponseExcerpt(Readable.toWeb(res) as ReadableStream<Uint8Array>, options.excerptBytes, { signal: abort.signal })
          .catch(() => ({ text: '', truncated: true }))
          .then(({ text: excerpt, truncated }) => {
            // A body read to its end leaves the connection to the agent for the next delivery (no new TLS handshake);
            // one cut short closes it, so that the rest is not read.
            if (truncated) res.destroy();
            const ok = status >= 200 && status < 300;
            finish({ status, retryAfter, latencyMs, excerpt, failure: ok ? null : { kind: 'response', status, retryAfter }, error: null });
          });
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      finish({
        status: null,
        retryAfter: null,
        latencyMs: latency(),
        excerpt: '',
        failure: { kind: 'network', code: err.code },
        error: `The endpoint could not be reached: ${err.code ?? err.message}.`,
      });
    });
    req.end(body);
  });
};
