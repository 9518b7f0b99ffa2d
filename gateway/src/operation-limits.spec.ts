import { getIntrospectionQuery, parse } from 'graphql';
import { measureOperation, OperationLimiter, operationLimitErrors, selectOperation } from './operation-limits';

function shapeOf(source: string, operationName?: string) {
  const document = parse(source);
  const operation = selectOperation(document, operationName);
  if (!operation) throw new Error('no operation');
  return measureOperation(document, operation);
}

/** `{ a { a { ... { id } } } }` with `levels` fields in a row. */
function nested(levels: number): string {
  let body = 'id';
  for (let i = 1; i < levels; i++) body = `a { ${body} }`;
  return `{ ${body} }`;
}

function aliased(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
}

const limits = { maxDepth: 12, maxAliases: 30 };

describe('measureOperation', () => {
  it('counts a top-level leaf as depth 1 and each nested field as one more', () => {
    expect(shapeOf('{ me }').depth).toBe(1);
    expect(shapeOf('{ me { id } }').depth).toBe(2);
    expect(shapeOf('{ group(id: "1") { members { edges { node { user { displayName } } } } } }').depth).toBe(6);
    expect(shapeOf(nested(12)).depth).toBe(12);
  });

  it('takes the deepest branch, through inline fragments and fragment spreads', () => {
    const source = `
      query Q { me { ...Deep ... on User { shallow } } }
      fragment Deep on User { a { b { c { d } } } }`;
    expect(shapeOf(source).depth).toBe(5);
  });

  it('counts aliases, a fragment once per spread', () => {
    expect(shapeOf('{ me { id } }').aliases).toBe(0);
    expect(shapeOf(aliased(3)).aliases).toBe(3);
    const source = `
      { x: me { ...Two } y: me { ...Two } }
      fragment Two on User { p: id q: id }`;
    expect(shapeOf(source).aliases).toBe(6);
  });

  it('measures the named operation only', () => {
    const source = `query Shallow { me { id } } query Deep { a { b { c { d } } } }`;
    expect(shapeOf(source, 'Shallow').depth).toBe(2);
    expect(shapeOf(source, 'Deep').depth).toBe(4);
  });

  it('survives a fragment cycle (validation refuses it; measuring must not loop)', () => {
    const source = `{ me { ...A } } fragment A on User { friends { ...B } } fragment B on User { friends { ...A } }`;
    expect(shapeOf(source).depth).toBeGreaterThan(0);
  });

  it('lets the standard introspection query through the default limits', () => {
    const shape = shapeOf(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, oneOf: true }));
    expect(shape.depth).toBeLessThanOrEqual(limits.maxDepth);
    expect(operationLimitErrors(shape, limits)).toEqual([]);
  });
});

describe('operation limit errors', () => {
  it('accepts operations at the limits', () => {
    expect(operationLimitErrors(shapeOf(nested(12)), limits)).toEqual([]);
    expect(operationLimitErrors(shapeOf(aliased(30)), limits)).toEqual([]);
  });

  it('refuses a depth over the limit with BAD_USER_INPUT and a message naming both numbers', () => {
    const [error, ...rest] = operationLimitErrors(shapeOf(nested(13)), limits);
    expect(rest).toEqual([]);
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'MAX_DEPTH', maximum: 12, actual: 13 });
    expect(error?.message).toMatch(/13 levels deep; the limit is 12/);
  });

  it('refuses too many aliases with BAD_USER_INPUT and a message naming both numbers', () => {
    const [error, ...rest] = operationLimitErrors(shapeOf(aliased(31)), limits);
    expect(rest).toEqual([]);
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'MAX_ALIASES', maximum: 30, actual: 31 });
    expect(error?.message).toMatch(/31 aliases; the limit is 30/);
  });

  it('reports every limit exceeded', () => {
    const errors = operationLimitErrors({ depth: 20, aliases: 40 }, limits);
    expect(errors.map((e) => e.extensions.limit)).toEqual(['MAX_DEPTH', 'MAX_ALIASES']);
  });
});

describe('OperationLimiter', () => {
  it('checks an operation the same way each time it is seen', () => {
    const limiter = new OperationLimiter({ maxDepth: 3, maxAliases: 1 });
    const document = parse('{ a: me { b: friends { id } } }');
    const operation = selectOperation(document)!;
    const first = limiter.check(document, operation);
    const second = limiter.check(document, operation);
    expect(first.map((e) => e.extensions.limit)).toEqual(['MAX_ALIASES']);
    expect(second.map((e) => e.message)).toEqual(first.map((e) => e.message));
  });
});
