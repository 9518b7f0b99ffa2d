import { dropTestDatabases, testDatabaseUrl, testNamespace } from '@kz/testing';
import type { DataSource } from 'typeorm';
import { createDataSource, ensureDatabase } from '../src';

/**
 * A data source on a database of its own for one test file, with no entities
 * or migrations: created before the file's tests, dropped after them. The
 * returned function gives the data source once it is initialised.
 */
export function useScratchDataSource(database: string, poolSize: number): () => DataSource {
  const ns = testNamespace();
  let dataSource: DataSource | undefined;
  beforeAll(async () => {
    const url = testDatabaseUrl(ns, database);
    await ensureDatabase(url);
    dataSource = createDataSource({ url, entities: [], migrations: [], applicationName: 'kz-db-test', poolSize });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await dropTestDatabases(ns);
  });
  return () => {
    if (!dataSource) throw new Error('the scratch data source is used before its beforeAll ran');
    return dataSource;
  };
}
