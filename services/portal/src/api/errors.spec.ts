import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { parseErrorBody, splitByField, userErrors } from './errors';

describe('userErrors', () => {
  it("keeps the server's words, code and field", () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        { message: 'The avatar URL must start with http:// or https://.', extensions: { code: 'BAD_USER_INPUT', field: 'avatarUrl' } },
        { message: 'You are not an admin of this group.', extensions: { code: 'FORBIDDEN' } },
      ],
    });
    expect(userErrors(error)).toEqual([
      { code: 'BAD_USER_INPUT', message: 'The avatar URL must start with http:// or https://.', field: 'avatarUrl' },
      { code: 'FORBIDDEN', message: 'You are not an admin of this group.' },
    ]);
  });

  it("puts a value a scalar refused in the operation's variables on its field, with the scalar's reason", () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'Variable "$input" got invalid value "not a web address" at "input.avatarUrl"; "not a web address" is not an absolute http(s) URL.',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    expect(userErrors(error)).toEqual([{ code: 'BAD_USER_INPUT', message: '"not a web address" is not an absolute http(s) URL.', field: 'input.avatarUrl' }]);
    expect(splitByField(userErrors(error), ['avatarUrl']).byField['avatarUrl']).toBe('"not a web address" is not an absolute http(s) URL.');
  });

  it("never shows an internal error's text, and reads unknown codes as internal", () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: 'TypeError: x is undefined', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    const [only] = userErrors(error);
    expect(only!.code).toBe('INTERNAL');
    expect(only!.message).not.toContain('TypeError');
  });

  it('reads HTTP failures by status when the body has no GraphQL errors', () => {
    const response = new Response('', { status: 503 });
    expect(userErrors(new ServerError('unavailable', { response, bodyText: 'Service Unavailable' }))[0]!.code).toBe('UNAVAILABLE');
    const limited = new Response('', { status: 429 });
    expect(userErrors(new ServerError('limited', { response: limited, bodyText: '' }))[0]!.code).toBe('RATE_LIMITED');
  });

  it('reads a failed fetch as the network being away', () => {
    expect(userErrors(new TypeError('Failed to fetch'))[0]!.code).toBe('NETWORK');
  });
});

describe('splitByField', () => {
  it('puts errors on the fields they name, nested paths included, and the rest aside', () => {
    const { byField, general } = splitByField(
      [
        { code: 'BAD_USER_INPUT', message: 'Name is required.', field: 'input.name' },
        { code: 'BAD_USER_INPUT', message: 'Unknown field.', field: 'colour' },
        { code: 'CONFLICT', message: 'Changed meanwhile.' },
      ],
      ['name'],
    );
    expect(byField).toEqual({ name: 'Name is required.' });
    expect(general.map((e) => e.message)).toEqual(['Unknown field.', 'Changed meanwhile.']);
  });
});

describe('parseErrorBody', () => {
  it("reads the services' error shape from an upload answer", () => {
    const body = JSON.stringify({ errors: [{ message: 'The file has no phone column.', extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(parseErrorBody(body)).toEqual([{ code: 'BAD_USER_INPUT', message: 'The file has no phone column.' }]);
    expect(parseErrorBody('<html>')).toEqual([]);
  });
});
