/**
 * Retries an assertion until it passes: for effects that travel through Kafka.
 * The timeout is a ceiling for a stuck system, not a performance check.
 */
export async function eventually<T>(check: () => Promise<T> | T, { timeoutMs = 20_000, intervalMs = 50 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) throw lastError;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
