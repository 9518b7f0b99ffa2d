import { bracketNesting, decodeUtf8 } from './document-limits';

describe('decodeUtf8', () => {
  it('decodes valid UTF-8, including characters beyond ASCII', () => {
    expect(decodeUtf8(Buffer.from('{"q":"café 👋"}'))).toBe('{"q":"café 👋"}');
  });

  it('refuses invalid sequences instead of replacing them', () => {
    expect(decodeUtf8(Buffer.from([0x7b, 0xc3, 0x28, 0x7d]))).toBeNull();
    expect(decodeUtf8(Buffer.from([0xff, 0xfe]))).toBeNull();
  });
});

describe('bracketNesting', () => {
  it('counts the deepest nesting of braces, parentheses and brackets', () => {
    expect(bracketNesting('{ me { id } }', 100)).toBe(2);
    expect(bracketNesting('query($ids: [ID!]!) { users(ids: $ids) { id } }', 100)).toBe(2);
    expect(bracketNesting('{ a(x: [[[1]]]) { b } }', 100)).toBe(5);
  });

  it('ignores brackets in strings, block strings and comments', () => {
    expect(bracketNesting('{ a(s: "{{{{ \\" {{{") }', 100)).toBe(2);
    expect(bracketNesting('{ a(s: """ {{{{ \\""" {{{ """) }', 100)).toBe(2);
    expect(bracketNesting('# {{{{{{\n{ a }', 100)).toBe(1);
  });

  it('stops at the first level past the limit, however deep the document goes', () => {
    const bomb = `{ me ${'{ a '.repeat(100_000)}${'}'.repeat(100_000)} }`;
    expect(bracketNesting(bomb, 100)).toBe(101);
  });
});
