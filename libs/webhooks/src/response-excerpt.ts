/**
 * The first bytes of a receiver's response, for the delivery log. A receiver's body can be anything (an HTML error
 * page, a stream that never ends), so we read no more than we keep and then drop the connection's remaining body.
 */

export const DEFAULT_EXCERPT_BYTES = 4096;

export interface ResponseExcerpt {
  /** The bytes read, decoded as UTF-8; invalid sequences become U+FFFD, and a character cut by the limit is left out. */
  readonly text: string;
  /** How many bytes of the body `text` was decoded from (at most the limit). */
  readonly bytesRead: number;
  /**
   * Whether the body may go on past what was read: it had more bytes, or its end had not been seen when the limit was
   * reached (a body of exactly the limit's length may therefore be reported as truncated), or reading was aborted.
   */
  readonly truncated: boolean;
}

export interface ExcerptOptions {
  /** Stops reading (e.g. when the delivery's time is up) and returns what arrived so far, marked truncated. */
  readonly signal?: AbortSignal;
}

/** A fetch Response (the global one or undici's own), its body stream, or no body at all. */
type BodySource = Pick<Response, 'body'> | ReadableStream<Uint8Array> | null | undefined;

/** Reads at most `maxBytes` of a response's body and cancels the rest. */
export async function readResponseExcerpt(source: BodySource, maxBytes = DEFAULT_EXCERPT_BYTES, options: ExcerptOptions = {}): Promise<ResponseExcerpt> {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new RangeError(`An excerpt's length is a whole number of bytes; got ${maxBytes}.`);
  }
  // Told apart by shape, not class: undici's Response and the global one are different classes of the same thing.
  const stream = source && 'getReader' in source ? source : source?.body;
  if (!stream) return { text: '', bytesRead: 0, truncated: false };

  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let bytesRead = 0;
  let endSeen = false;
  let aborted = false;
  const { signal } = options;
  // Cancelling the reader settles a pending read as "done", so a slow body cannot hold us past the signal.
  const onAbort = () => {
    aborted = true;
    reader.cancel().catch(() => undefined);
  };
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });

  try {
    while (bytesRead < maxBytes && !aborted) {
      const { done, value } = await reader.read();
      if (done) {
        endSeen = !aborted;
        break;
      }
      const kept = value.subarray(0, maxBytes - bytesRead);
      chunks.push(kept);
      bytesRead += kept.length;
      if (kept.length < value.length) break;
    }
  } catch {
    // The body broke off (connection reset, abort): what arrived before is still worth logging.
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  const truncated = !endSeen;
  if (truncated) await reader.cancel().catch(() => undefined);
  reader.releaseLock();

  const bytes = Buffer.concat(chunks, bytesRead);
  // Streaming mode holds back an incomplete character at the end instead of turning it into U+FFFD; when the body
  // really ended there, flushing shows it was broken.
  const decoder = new TextDecoder('utf-8');
  const text = truncated ? decoder.decode(bytes, { stream: true }) : decoder.decode(bytes);
  return { text, bytesRead, truncated };
}
