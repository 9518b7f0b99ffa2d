import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

/**
 * The process's memory in the Prometheus text format, for /metrics.
 *
 * RSS alone cannot tell a leak from V8 keeping freed pages committed: a
 * process whose live heap stays at 35 MiB can hold 200 MiB of heap it may
 * reuse. What a leak grows is the memory still in use right after a full
 * (major) garbage collection, so that is measured too, at every major GC.
 */
export class ProcessMetrics {
  private afterMajorGc: { heapUsed: number; external: number } | null = null;
  private majorGcs = 0;
  private readonly observer = new PerformanceObserver((list) => {
    // Entries arrive in batches: every major GC counts, and the memory read now is what the last one left.
    const majors = list.getEntries().filter(isMajorGc).length;
    if (majors > 0) this.recordAfterMajorGcs(majors);
  });

  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Prometheus text exposition (version 0.0.4). */
  render(): string {
    const memory = process.memoryUsage();
    const gauges: [string, string, number | null][] = [
      ['process_resident_memory_bytes', 'Resident set size.', memory.rss],
      ['nodejs_heap_total_bytes', 'V8 heap committed.', memory.heapTotal],
      ['nodejs_heap_used_bytes', 'V8 heap in use now, garbage included.', memory.heapUsed],
      ['nodejs_external_memory_bytes', 'Memory of C++ objects bound to JavaScript ones (Buffers included).', memory.external],
      ['nodejs_heap_used_after_major_gc_bytes', 'V8 heap in use right after the last major GC: the live heap.', this.afterMajorGc?.heapUsed ?? null],
      ['nodejs_external_memory_after_major_gc_bytes', 'External memory right after the last major GC.', this.afterMajorGc?.external ?? null],
      ['nodejs_major_gc_total', 'Major (mark-compact) collections seen since start.', this.majorGcs],
    ];
    return gauges
      .filter((g): g is [string, string, number] => g[2] !== null)
      .map(([name, help, value]) => `# HELP ${name} ${help}\n# TYPE ${name} ${name.endsWith('_total') ? 'counter' : 'gauge'}\n${name} ${value}\n`)
      .join('');
  }

  stop(): void {
    this.observer.disconnect();
  }

  private recordAfterMajorGcs(count: number): void {
    this.majorGcs += count;
    const { heapUsed, external } = process.memoryUsage();
    this.afterMajorGc = { heapUsed, external };
  }
}

function isMajorGc(entry: PerformanceEntry): boolean {
  return (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
}

/** Parses the gauges of a Prometheus text exposition into name → value (labels are not used here). */
export function parseMetrics(text: string): Record<string, number> {
  const values: Record<string, number> = {};
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [name, value] = line.split(' ');
    if (name && value !== undefined) values[name] = Number(value);
  }
  return values;
}
