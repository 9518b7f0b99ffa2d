/**
 * Configuration is read once at boot from environment variables. Every field has
 * a working local default unless it is a secret; a missing or malformed value
 * stops the process with a message that names the variable.
 */
export interface FieldSpec<T> {
  readonly env: string;
  readonly parse: (raw: string) => T;
  /** Used when the variable is unset. `undefined` means the variable is required. */
  readonly fallback?: T;
  /** Fallback allowed only outside production (dev-only secrets and URLs). */
  readonly devFallback?: T;
  readonly describe: string;
}

export type ConfigSpec<C> = { readonly [K in keyof C]: FieldSpec<C[K]> };

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig<C>(spec: ConfigSpec<C>, env: NodeJS.ProcessEnv = process.env): C {
  const production = env.NODE_ENV === 'production';
  const problems: string[] = [];
  const out: Partial<C> = {};
  for (const key of Object.keys(spec) as (keyof C)[]) {
    const field = spec[key];
    const raw = env[field.env];
    if (raw === undefined || raw === '') {
      if (field.fallback !== undefined) {
        out[key] = field.fallback;
      } else if (field.devFallback !== undefined && !production) {
        out[key] = field.devFallback;
      } else {
        problems.push(`${field.env} is required (${field.describe})`);
      }
      continue;
    }
    try {
      out[key] = field.parse(raw);
    } catch (err) {
      problems.push(`${field.env}=${JSON.stringify(raw)} is invalid: ${(err as Error).message} (${field.describe})`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as C;
}
