/** Clean-ups of what the running drill started, run on Ctrl-C or SIGTERM before exiting with 130. */
const cleanups = new Set<() => Promise<void>>();
let interrupted = false;

export function onCleanup(cleanup: () => Promise<void>): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export function onInterrupt(signal: NodeJS.Signals): void {
  if (interrupted) {
    process.stderr.write(`drill: ${signal} again: still cleaning up\n`);
    return;
  }
  interrupted = true;
  process.stderr.write(`drill: ${signal}: stopping what the drill started\n`);
  void Promise.allSettled([...cleanups].map((c) => c())).finally(() => process.exit(130));
}
