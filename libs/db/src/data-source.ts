import { Client } from 'pg';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { PreparingClient } from './prepared-statements';

export interface DataSourceOptions {
  url: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName: string;
}

/** PostgreSQL's planner cost of a page read out of order, relative to one read in sequence (1.0). */
export const RANDOM_PAGE_COST = 1.1;

export function createDataSource(opts: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: opts.url,
    entities: opts.entities,
    migrations: opts.migrations,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    // Services log failures themselves, with context; TypeORM's console output would duplicate them.
    logging: false,
    applicationName: opts.applicationName,
    extra: {
      max: opts.poolSize ?? 10,
      // A dead database must surface as a failed request, not a hung one.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      Client: PreparingClient,
      // Our tables and indexes are read from memory or SSD, not spinning disks. With the default of 4 the
      // planner answered a lookup of 10,000 numbers among a million known people with a parallel sequential
      // scan (150 ms of three processes' CPU) instead of 10,000 index probes (13 ms).
      options: `-c random_page_cost=${RANDOM_PAGE_COST}`,
    },
  });
}

/** Replaces the database name in a connection URL (tests use one database per run). */
export function databaseUrlFor(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Each service owns its database and creates it on first start, so a fresh
 * PostgreSQL needs nothing prepared by hand.
 */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`Database name "${name}" must be letters, digits and underscores`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } catch (err) {
        // Replicas starting together race to create it: the losers see it exist (42P04), or, when their CREATE ran
        // alongside the winner's, a duplicate key in the catalogue (23505).
        const { code, constraint } = err as { code?: string; constraint?: string };
        if (code !== '42P04' && !(code === '23505' && constraint === 'pg_database_datname_index')) throw err;
      }
    }
  } finally {
    await client.end();
  }
}
