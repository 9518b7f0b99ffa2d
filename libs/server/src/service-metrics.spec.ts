import { ServiceMetrics } from './service-metrics';

describe('ServiceMetrics', () => {
  it('counts operations by name, type and outcome, with their durations', async () => {
    const metrics = new ServiceMetrics();
    metrics.observeOperation('Conversation', 'query', 'ok', 0.004);
    metrics.observeOperation('Conversation', 'query', 'ok', 0.02);
    metrics.observeOperation(null, 'mutation', 'NOT_FOUND', 0.001);
    const text = await metrics.render();
    expect(text).toContain('kz_graphql_operations_total{operation="Conversation",type="query",outcome="ok"} 2');
    expect(text).toContain('kz_graphql_operations_total{operation="anonymous",type="mutation",outcome="NOT_FOUND"} 1');
    expect(text).toContain('kz_graphql_operation_duration_seconds_bucket{le="0.005",operation="Conversation",type="query"} 1');
    expect(text).toContain('kz_graphql_operation_duration_seconds_count{operation="Conversation",type="query"} 2');
  });

  it('counts operation names past the first 200 as "other", so clients cannot grow the series without end', async () => {
    const metrics = new ServiceMetrics();
    for (let i = 0; i < 250; i++) metrics.observeOperation(`Op${i}`, 'query', 'ok', 0.001);
    metrics.observeOperation('Op0', 'query', 'ok', 0.001);
    const text = await metrics.render();
    expect(text).toContain('kz_graphql_operations_total{operation="Op0",type="query",outcome="ok"} 2');
    expect(text).toContain('kz_graphql_operations_total{operation="Op199",type="query",outcome="ok"} 1');
    expect(text).not.toContain('operation="Op200"');
    expect(text).toContain('kz_graphql_operations_total{operation="other",type="query",outcome="ok"} 50');
  });
});
