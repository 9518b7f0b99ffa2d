import { freePort, startJarServer } from './jar-server';

/** A span as Zipkin's v2 API returns it. */
export interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name?: string;
  kind?: 'CLIENT' | 'SERVER' | 'PRODUCER' | 'CONSUMER';
  localEndpoint?: { serviceName?: string };
  tags?: Record<string, string>;
  timestamp?: number;
  duration?: number;
}

/** A Zipkin server for one test file (in-memory storage), from its jar (deploy/local/server-jar.sh), on a free port. */
export interface Zipkin {
  /** Where processes send spans (TRACING_ENDPOINT). */
  readonly spansUrl: string;
  /** The spans of a trace stored so far; none while Zipkin knows nothing of it. */
  trace(traceId: string): Promise<ZipkinSpan[]>;
  stop(): Promise<void>;
}

/**
 * Starts Zipkin; `maxSpans` bounds what its in-memory storage keeps (oldest traces go first): under a benchmark's
 * load the default 500,000 spans fill its heap and its collection pauses, not the traced processes, become what is
 * measured.
 */
export async function startZipkin(opts: { maxSpans?: number; heapMiB?: number; optimised?: boolean } = {}): Promise<Zipkin> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { stop } = await startJarServer({
    jar: 'zipkin',
    describe: `Zipkin on ${base}`,
    heapMiB: opts.heapMiB,
    optimised: opts.optimised,
    args: [`--server.port=${port}`, '--server.address=127.0.0.1', '--logging.level.root=WARN', `--zipkin.storage.mem.max-spans=${opts.maxSpans ?? 500_000}`],
    ready: async () => (await fetch(`${base}/health`)).ok,
  });
  return {
    spansUrl: `${base}/api/v2/spans`,
    trace: async (traceId) => {
      const answer = await fetch(`${base}/api/v2/trace/${traceId}`);
      if (answer.status === 404) return [];
      if (!answer.ok) throw new Error(`Zipkin answered ${answer.status} for trace ${traceId}`);
      return (await answer.json()) as ZipkinSpan[];
    },
    stop,
  };
}
