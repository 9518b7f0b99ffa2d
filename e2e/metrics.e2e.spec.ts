import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Subscriber } from '@kz/stack';
import { eventually, graphql } from '@kz/testing';
import { Stack } from './support/stack';

const stack = new Stack();
beforeAll(async () => {
  await stack.start();
  await stack.gateway.subscriptionsReady();
});
afterAll(() => stack.stop());

const PROMTOOL = '/usr/bin/promtool';

/** promtool's verdict on an exposition: empty when it finds nothing wrong. */
function promtoolProblems(text: string): string {
  try {
    execFileSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    return '';
  } catch (err) {
    const e = err as { code?: string; stdout?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT') throw new Error(`${PROMTOOL} is missing: run \`bash scripts/ensure-debian-tool.sh ${PROMTOOL} prometheus\` as root`);
    return `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message;
  }
}

async function metricsOf(base: string): Promise<string> {
  const res = await fetch(`${base}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
}

describe('/metrics of every process', () => {
  it('counts operations, subgraph calls and subscriptions in names and shapes promtool accepts', async () => {
    const person = await stack.signIn('+14155559001', 'Metric Reader');
    const me = await graphql(
      stack.gatewayUrl,
      `
        query WhoAmI {
          me {
            id
            displayName
          }
        }
      `,
      {},
      person.token,
    );
    expect(me.errors).toBeUndefined();
    const refused = await graphql(
      stack.gatewayUrl,
      `
        query GroupNobodyHas($id: ID!) {
          group(id: $id) {
            name
          }
        }
      `,
      { id: '00000000-0000-7000-8000-000000000000' },
      person.token,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const sub = new Subscriber(stack.gatewayUrl, person.token).subscribe(`subscription { messageEvents { kind } }`);
    await sub.ready();

    const gateway = new URL(stack.gatewayUrl).origin;
    await eventually(async () => {
      const text = await metricsOf(gateway);
      expect(text).toMatch(/^kz_graphql_operations_total\{operation="WhoAmI",type="query",outcome="ok"\} 1$/m);
      expect(text).toMatch(/^kz_graphql_operations_total\{operation="GroupNobodyHas",type="query",outcome="NOT_FOUND"\} 1$/m);
      expect(text).toMatch(/^kz_graphql_operation_duration_seconds_bucket\{le="\+Inf",operation="WhoAmI",type="query"\} 1$/m);
      expect(text).toMatch(/^kz_subgraph_request_duration_seconds_count\{subgraph="identity",outcome="ok"\} \d+$/m);
      expect(text).toMatch(/^kz_subscriptions_started_total\{field="messageEvents"\} 1$/m);
      expect(text).toMatch(/^kz_websocket_connections 1$/m);
    });
    await sub.close();

    for (const base of [gateway, stack.identityUrl, stack.groupsUrl, stack.messagingUrl, stack.importUrl, stack.webhooksUrl]) {
      const text = await metricsOf(base);
      expect(text).toContain('# TYPE kz_graphql_operations_total counter');
      expect(promtoolProblems(text)).toBe('');
    }
    // A subgraph counts the operations the gateway sent it, and tells of its outbox, database pool and consumers.
    expect(await metricsOf(stack.identityUrl)).toMatch(/^kz_graphql_operations_total\{operation="[^"]+",type="query",outcome="ok"\} \d+$/m);
    for (const base of [stack.identityUrl, stack.groupsUrl, stack.messagingUrl, stack.importUrl, stack.webhooksUrl]) {
      const text = await metricsOf(base);
      expect(text).toMatch(/^kz_outbox_backlog_events \d+$/m);
      expect(text).toMatch(/^kz_outbox_oldest_unpublished_age_seconds [\d.e+-]+$/m);
      expect(text).toMatch(/^kz_db_pool_connections\{state="open"\} [1-9]\d*$/m);
    }
    // Messaging follows the groups service's events: its lag is there once a batch was handled.
    const group = await graphql(
      stack.gatewayUrl,
      `
        mutation CreateMetricGroup($i: CreateGroupInput!) {
          createGroup(input: $i) {
            group {
              id
            }
          }
        }
      `,
      { i: { name: 'Counted' } },
      person.token,
    );
    expect(group.errors).toBeUndefined();
    await eventually(async () =>
      expect(await metricsOf(stack.messagingUrl)).toMatch(/^kz_kafka_consumer_lag_messages\{group="[^"]+",topic="groups\.[a-z-]+"\} \d+$/m),
    );
    expect(await metricsOf(stack.importUrl)).toMatch(/^kz_queue_jobs\{queue="member-csv-import",state="waiting"\} \d+$/m);
    expect(await metricsOf(stack.webhooksUrl)).toMatch(/^kz_queue_jobs\{queue="webhook-deliveries",state="waiting"\} \d+$/m);
  });

  it('serves every metric the Grafana dashboard in deploy/kubernetes/components/grafana-dashboard plots', async () => {
    const served = new Set<string>();
    for (const base of [new URL(stack.gatewayUrl).origin, stack.identityUrl, stack.groupsUrl, stack.messagingUrl, stack.importUrl, stack.webhooksUrl]) {
      for (const [, name] of (await metricsOf(base)).matchAll(/^# TYPE (\S+) /gm)) served.add(name!);
    }
    const dashboard = JSON.parse(
      readFileSync(join(__dirname, '..', 'deploy', 'kubernetes', 'components', 'grafana-dashboard', 'kz-dashboard.json'), 'utf8'),
    ) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    expect(dashboard.panels.length).toBeGreaterThan(0);
    const plotted = dashboard.panels.flatMap((panel) =>
      panel.targets.flatMap((t) => [...t.expr.matchAll(/\b((?:kz|process|nodejs)_[a-z_]+)/g)].map((m) => ({ panel: panel.title, metric: m[1]! }))),
    );
    const missing = plotted.filter(({ metric }) => !served.has(metric.replace(/_(bucket|count|sum)$/, '')));
    expect(missing).toEqual([]);
  });
});
