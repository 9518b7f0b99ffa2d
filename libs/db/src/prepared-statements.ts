import { Client } from 'pg';

const statementNames = new Map<string, string>();

/**
 * Marks a fixed SQL text as a statement each connection prepares once: later
 * executions skip parsing and planning, which cost PostgreSQL more than
 * running the small statements of a hot path. Only for constant texts (the
 * names live as long as the process), and only for statements whose plan
 * suits every parameter value.
 */
export function prepared(text: string): string {
  if (!statementNames.has(text)) statementNames.set(text, `kz_prepared_${statementNames.size + 1}`);
  return text;
}

/** The pg client of every pool (DataSource `extra.Client`): a query with a prepared() text runs as a named statement. */
export class PreparingClient extends Client {
  override query(...args: unknown[]): never {
    const [text, values] = args;
    const name = typeof text === 'string' && Array.isArray(values) ? statementNames.get(text) : undefined;
    if (name) args = [{ name, text, values }, ...args.slice(2)];
    return (Client.prototype.query as (...a: unknown[]) => never).apply(this, args);
  }
}
