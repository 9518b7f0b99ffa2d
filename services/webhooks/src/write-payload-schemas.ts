import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAYLOAD_SCHEMA_DIR, payloadSchemaFiles } from './domain/payload-schema-files';

/** Writes the webhook payloads' JSON Schema files anew (compiled to dist/, so the service's folder is one up). */
const dir = join(__dirname, '..', PAYLOAD_SCHEMA_DIR);
mkdirSync(dir, { recursive: true });
for (const stale of readdirSync(dir).filter((f) => f.endsWith('.json'))) rmSync(join(dir, stale));
const files = payloadSchemaFiles();
for (const [name, text] of files) writeFileSync(join(dir, name), text);
process.stdout.write(`wrote ${files.size} schemas to services/webhooks/${PAYLOAD_SCHEMA_DIR}\n`);
