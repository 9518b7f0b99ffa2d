import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { InvalidPhoneNumberError, normalisePhone } from '@kz/phone';

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An ISO 8601 date and time.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'string') return new Date(value).toISOString();
    throw new GraphQLError('DateTime cannot represent this value');
  },
  parseValue(value) {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw badInput('Expected an ISO 8601 date and time.');
    return new Date(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || Number.isNaN(Date.parse(ast.value))) throw badInput('Expected an ISO 8601 date and time.');
    return new Date(ast.value);
  },
});

/** An absolute http(s) URL. */
export const UrlScalar = new GraphQLScalarType<string, string>({
  name: 'URL',
  description: 'An absolute http(s) URL.',
  serialize: (value) => String(value),
  parseValue: (value) => parseUrl(value),
  parseLiteral: (ast) => parseUrl(ast.kind === Kind.STRING ? ast.value : null),
});

function parseUrl(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2_000) throw badInput('Expected an http(s) URL of at most 2,000 characters.');
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // fall through
  }
  throw badInput(`"${value.slice(0, 100)}" is not an absolute http(s) URL.`);
}

/** Accepts local numbers in `defaultRegion` or international ones; always yields E.164. */
export function phoneNumberScalar(defaultRegion: string): GraphQLScalarType<string, string> {
  const parse = (value: unknown) => {
    if (typeof value !== 'string') throw badInput('A phone number must be a string such as "+14155550123".');
    try {
      return normalisePhone(value, defaultRegion);
    } catch (err) {
      if (err instanceof InvalidPhoneNumberError) throw badInput(err.message);
      throw err;
    }
  };
  return new GraphQLScalarType<string, string>({
    name: 'PhoneNumber',
    description: 'A phone number, E.164 on output.',
    serialize: (value) => String(value),
    parseValue: parse,
    parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : null),
  });
}
