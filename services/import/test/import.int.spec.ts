import { randomUUID } from 'node:crypto';
import { createImportApp, loadImportConfig, type ImportApp } from '@kz/import-service';
import { deleteTestTopics, dropTestDatabases, graphql, silentLogger, testDatabaseUrl, testNamespace, TestTokenIssuer } from '@kz/testing';

const ns = testNamespace();
const issuer = new TestTokenIssuer();
let app: ImportApp;
let base: string;

const uploader = { id: randomUUID(), phone: '+14155550701' };
const colleague = { id: randomUUID(), phone: '+14155550702' };
const orgId = randomUUID();

const HISTORY = `query($reps: [_Any!]!, $after: String) { _entities(representations: $reps) { ... on Organization {
  imports(first: 2, after: $after) { edges { node { id status counts { total failed } startedBy { id } } } pageInfo { hasNextPage endCursor } } } } }`;

beforeAll(async () => {
  await issuer.start();
  app = await createImportApp(
    loadImportConfig({ NODE_ENV: 'test', IMPORT_PORT: '0', IMPORT_DATABASE_URL: testDatabaseUrl(ns, 'import'), KAFKA_NAMESPACE: ns, ...issuer.env() }),
    silentLogger(),
  );
  base = await app.start();
  await app.runtime.kafkaConnected();
});

/** An import as startImport records it, without the calls to identity and groups that start one. */
async function recordedImport(startedBy: string): Promise<{ id: string }> {
  const id = randomUUID();
  await app.runtime.dataSource.query(`INSERT INTO import_jobs (id, org_id, started_by, status) VALUES ($1, $2, $3, 'QUEUED')`, [id, orgId, startedBy]);
  return { id };
}

afterAll(async () => {
  await app.stop();
  await issuer.stop();
  await dropTestDatabases(ns);
  await deleteTestTopics(ns);
});

describe('import subgraph against PostgreSQL, Kafka and Redis', () => {
  it('reports ready only with its database, Kafka and Redis', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(await res.json()).toEqual({ status: 'ready', checks: { database: true, kafka: true, redis: true } });
  });

  it("shows an organisation's upload history newest first to the uploader, in keyset pages", async () => {
    const jobs = [];
    for (let i = 0; i < 3; i++) jobs.push(await recordedImport(uploader.id));
    const token = await issuer.token(uploader.id, uploader.phone);
    const reps = [{ __typename: 'Organization', id: orgId }];
    const first = await graphql(`${base}/graphql`, HISTORY, { reps }, token);
    expect(first.errors).toBeUndefined();
    const page1 = first.data!._entities[0].imports;
    expect(page1.edges.map((e: any) => e.node.id)).toEqual([jobs[2]!.id, jobs[1]!.id]);
    expect(page1.edges[0].node).toMatchObject({ status: 'QUEUED', counts: { total: 0, failed: 0 }, startedBy: { id: uploader.id } });
    const second = await graphql(`${base}/graphql`, HISTORY, { reps, after: page1.pageInfo.endCursor }, token);
    expect(second.data!._entities[0].imports.edges.map((e: any) => e.node.id)).toEqual([jobs[0]!.id]);
    expect(second.data!._entities[0].imports.pageInfo.hasNextPage).toBe(false);
  });

  it("hides other people's jobs with NOT_FOUND", async () => {
    const job = await recordedImport(uploader.id);
    const res = await graphql(
      `${base}/graphql`,
      `
        query ($id: ID!) {
          importJob(id: $id) {
            id
          }
        }
      `,
      { id: job.id },
      await issuer.token(colleague.id, colleague.phone),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const own = await graphql(
      `${base}/graphql`,
      `
        query ($id: ID!) {
          importJob(id: $id) {
            id
          }
        }
      `,
      { id: job.id },
      await issuer.token(uploader.id, uploader.phone),
    );
    expect(own.data!.importJob.id).toBe(job.id);
  });
});
