import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The import domain states what it needs as ports; clients and jobs implement them, never the other way round. */
const FORBIDDEN = [/\/clients\//, /\/jobs\//, /^bullmq$/, /^ioredis$/, /^kafkajs$/, /^graphql(\/|$)/, /^@apollo\//];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the import domain', () => {
  it('imports no client, queue, Kafka or GraphQL module', () => {
    const offending = sourceFiles(__dirname).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^import[^;]*?from '([^']+)'/gms)]
        .map((m) => m[1]!)
        .filter((source) => FORBIDDEN.some((rule) => rule.test(source)))
        .map((source) => `${relative(__dirname, file)} imports ${source}`),
    );
    expect(offending).toEqual([]);
  });
});
