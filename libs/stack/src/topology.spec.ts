import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './repo';
import { SUBGRAPHS, TOPOLOGY, wiringEnv, type Wiring } from './topology';

/**
 * docker-compose.yml states the topology for containers; it must say what the topology says: each service reached
 * at its name and port, its own database, Kafka, and what it is told about the others.
 */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, { environment?: Record<string, string | number> }>;
  };
  const containers: Wiring = {
    base: (service) => `http://${service}:${TOPOLOGY.find((s) => s.name === service)!.port}`,
    databaseUrl: (service) => `postgres://postgres:kz-dev-only-password@postgres:5432/kz_${service}`,
    kafkaNamespace: 'kz',
    kafkaBrokers: ['kafka:9092'],
    subgraphSecret: 'kz-dev-only-subgraph-secret-not-for-production',
  };

  it.each(TOPOLOGY.map((spec) => [spec.name, spec] as const))('wires %s as the topology does', (name, spec) => {
    const environment = compose.services[name]?.environment;
    expect(environment).toBeDefined();
    const stated = Object.fromEntries(Object.entries(environment!).map(([k, v]) => [k, String(v)]));
    // Containers listen on every interface; the topology's harnesses on loopback.
    const expected = { ...wiringEnv(spec, spec.port, containers), [`${spec.envPrefix}_HOST`]: '0.0.0.0' };
    expect(stated).toMatchObject(expected);
  });

  it('has a service for every subgraph and the gateway, and no other app service', () => {
    const infrastructure = ['postgres', 'redis', 'kafka', 'zipkin'];
    expect(
      Object.keys(compose.services)
        .filter((s) => !infrastructure.includes(s))
        .sort(),
    ).toEqual([...SUBGRAPHS, 'gateway'].sort());
  });
});
