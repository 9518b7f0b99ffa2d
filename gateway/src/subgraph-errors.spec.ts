import { DomainError } from '@kz/errors';
import { GraphQLError } from 'graphql';
import { keepSubgraphErrorCodes } from './subgraph-errors';

function fromSubgraph(code: string, extra: Record<string, unknown> = {}, path: (string | number)[] | null = ['importJob']) {
  return new GraphQLError('Import job was not found.', { path: path ?? undefined, extensions: { code, serviceName: 'import', ...extra } });
}

describe('keepSubgraphErrorCodes', () => {
  it('turns subgraph errors with a domain code into DomainErrors at the same path', () => {
    const [error] = keepSubgraphErrorCodes([fromSubgraph('NOT_FOUND', { stacktrace: ['at x'] })]);
    expect(error?.path).toEqual(['importJob']);
    expect(error?.originalError).toBeInstanceOf(DomainError);
    expect((error?.originalError as DomainError).code).toBe('NOT_FOUND');
    expect(error?.message).toBe('Import job was not found.');
  });

  it('keeps the input field of BAD_USER_INPUT', () => {
    const [error] = keepSubgraphErrorCodes([fromSubgraph('BAD_USER_INPUT', { field: 'after' })]);
    expect((error?.originalError as DomainError).field).toBe('after');
  });

  it("leaves internal errors and the gateway's own errors alone", () => {
    const internal = fromSubgraph('INTERNAL_SERVER_ERROR');
    const own = new GraphQLError('limit', { path: ['x'], extensions: { code: 'NOT_FOUND' } });
    expect(keepSubgraphErrorCodes([internal, own])).toEqual([internal, own]);
  });

  it('keeps the code of a request-level subgraph error that has no path', () => {
    const [error] = keepSubgraphErrorCodes([fromSubgraph('BAD_USER_INPUT', { field: 'phone' }, null)]);
    expect(error?.path).toBeUndefined();
    expect(error?.originalError).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
  });
});
