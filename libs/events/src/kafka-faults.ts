/**
 * Produce errors after which an idempotent producer cannot go on: the broker
 * and the producer disagree about its sequence numbers or epoch (seen after a
 * broker restart cut a batch in two). Every later send fails the same way, so
 * the producer must be replaced; consumers drop the resent duplicates by id.
 */
const PRODUCER_STATE_ERRORS = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_EPOCH',
  'INVALID_PRODUCER_ID_MAPPING',
  'DUPLICATE_SEQUENCE_NUMBER',
]);
const PRODUCER_STATE_MESSAGE = /out of order sequence number|producer id|producer epoch/i;

export function producerNeedsReplacing(err: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [err];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!(current instanceof Error) || seen.has(current)) continue;
    seen.add(current);
    const { type, errors, cause, originalError } = current as Error & { type?: string; errors?: unknown[]; originalError?: unknown };
    if ((type && PRODUCER_STATE_ERRORS.has(type)) || PRODUCER_STATE_MESSAGE.test(current.message)) return true;
    pending.push(cause, originalError, ...(Array.isArray(errors) ? errors : []));
  }
  return false;
}
