import { DomainError } from '@kz/errors';
import { GraphQLError } from 'graphql';
import { keepSubgraphErrorCodes } from './subgraph-errors';

function fromSubgraph(code: string, extra: Record<string, unknown> = {}, path: (string | number)[] | undefined = ['importJob']) {
  return new GraphQLError('Import job was not found.', { path, extensions: { code, serviceName: 'import', ...extra } });
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

  it('leaves internal errors, gateway errors and path-less errors alone', () => {
    const internal = fromSubgraph('INTERNAL_SERVER_ERROR');
    const own = new GraphQLError('limit', { path: ['x'], extensions: { code: 'NOT_FOUND' } });
    const pathless = fromSubgraph('NOT_FOUND', {}, undefined);
    expect(keepSubgraphErrorCodes([internal, own, pathless])).toEqual([internal, own, pathless]);
  });
});
