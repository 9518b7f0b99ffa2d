import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseMetrics, ProcessMetrics } from './process-metrics';

/** A full collection on demand, without starting Node with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

describe('ProcessMetrics', () => {
  const metrics = new ProcessMetrics();
  afterAll(() => metrics.stop());

  it('reports resident and heap memory in the Prometheus text format', () => {
    const text = metrics.render();
    expect(text).toContain('# TYPE process_resident_memory_bytes gauge\n');
    const values = parseMetrics(text);
    expect(values['process_resident_memory_bytes']).toBeGreaterThan(values['nodejs_heap_used_bytes']!);
    expect(values['nodejs_heap_total_bytes']).toBeGreaterThanOrEqual(values['nodejs_heap_used_bytes']!);
  });

  it('records the live heap after each major collection', async () => {
    const before = parseMetrics(metrics.render())['nodejs_major_gc_total']!;
    collectGarbage();
    // GC entries reach observers asynchronously.
    for (let i = 0; i < 50 && parseMetrics(metrics.render())['nodejs_major_gc_total'] === before; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    const values = parseMetrics(metrics.render());
    expect(values['nodejs_major_gc_total']).toBeGreaterThan(before);
    expect(values['nodejs_heap_used_after_major_gc_bytes']).toBeGreaterThan(0);
    expect(values['nodejs_heap_used_after_major_gc_bytes']).toBeLessThanOrEqual(values['process_resident_memory_bytes']!);
    expect(values['nodejs_external_memory_after_major_gc_bytes']).toBeGreaterThan(0);
  });
});
