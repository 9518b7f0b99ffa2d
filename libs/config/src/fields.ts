import type { FieldSpec } from './config';

interface Options<T> {
  fallback?: T;
  devFallback?: T;
}

export function str(env: string, describe: string, opts: Options<string> = {}): FieldSpec<string> {
  return { env, describe, parse: (raw) => raw, ...opts };
}

export function int(env: string, describe: string, opts: Options<number> & { min?: number; max?: number } = {}): FieldSpec<number> {
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER, ...rest } = opts;
  return {
    env,
    describe,
    parse: (raw) => {
      if (!/^-?\d+$/.test(raw.trim())) throw new Error('expected a whole number');
      const n = Number(raw);
      if (n < min || n > max) throw new Error(`expected a number from ${min} to ${max}`);
      return n;
    },
    ...rest,
  };
}

export function bool(env: string, describe: string, opts: Options<boolean> = {}): FieldSpec<boolean> {
  return {
    env,
    describe,
    parse: (raw) => {
      const v = raw.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(v)) return true;
      if (['0', 'false', 'no', 'off'].includes(v)) return false;
      throw new Error('expected true or false');
    },
    ...opts,
  };
}

export function url(env: string, describe: string, opts: Options<string> = {}): FieldSpec<string> {
  return {
    env,
    describe,
    parse: (raw) => {
      try {
        return new URL(raw).toString().replace(/\/$/, '');
      } catch {
        throw new Error('expected an absolute URL');
      }
    },
    ...opts,
  };
}

export function oneOf<T extends string>(env: string, describe: string, values: readonly T[], opts: Options<T> = {}): FieldSpec<T> {
  return {
    env,
    describe,
    parse: (raw) => {
      if (!(values as readonly string[]).includes(raw)) throw new Error(`expected one of ${values.join(', ')}`);
      return raw as T;
    },
    ...opts,
  };
}

export function list(env: string, describe: string, opts: Options<string[]> = {}): FieldSpec<string[]> {
  return {
    env,
    describe,
    parse: (raw) => {
      const items = raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (items.length === 0) throw new Error('expected a comma-separated list');
      return items;
    },
    ...opts,
  };
}
