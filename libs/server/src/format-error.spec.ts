import { GraphQLError } from 'graphql';
import pino from 'pino';
import { databaseUnavailable, formatError } from './format-error';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('databaseUnavailable', () => {
  it('recognises a database that is shutting down, restarting or unreachable', () => {
    expect(databaseUnavailable(withCode('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(databaseUnavailable(withCode('the database system is starting up', '57P03'))).toBe(true);
    expect(databaseUnavailable(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(databaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    // TypeORM's QueryFailedError keeps the driver's error.
    expect(databaseUnavailable(Object.assign(new Error('Query failed'), { driverError: withCode('server closed the connection', '08006') }))).toBe(true);
    expect(databaseUnavailable(new Error('outer', { cause: withCode('refused', 'ECONNREFUSED') }))).toBe(true);
  });

  it('leaves other errors alone', () => {
    expect(databaseUnavailable(withCode('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(databaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(databaseUnavailable('not an error')).toBe(false);
  });
});

describe('formatError', () => {
  const format = formatError(pino({ level: 'silent' }));
  const resolverError = (original: Error) => new GraphQLError(original.message, { path: ['sendMessage'], originalError: original });

  it('tells the client to try again, with UNAVAILABLE, when the database is away', () => {
    const error = resolverError(withCode('terminating connection due to administrator command', '57P01'));
    const formatted = format({ message: error.message, path: ['sendMessage'] }, error);
    expect(formatted.extensions).toEqual({ code: 'UNAVAILABLE' });
    expect(formatted.message).toMatch(/Try again shortly/);
    expect(formatted.message).not.toMatch(/administrator/);
  });

  it('still hides unexpected errors behind INTERNAL_SERVER_ERROR', () => {
    const error = resolverError(new TypeError('x is undefined'));
    expect(format({ message: error.message }, error).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
