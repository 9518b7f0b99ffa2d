import { TextDecoder } from 'node:util';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The request body as text, or null when it is not valid UTF-8 (decoding leniently would silently change the client's data). */
export function decodeUtf8(raw: Buffer): string | null {
  try {
    return utf8.decode(raw);
  } catch {
    return null;
  }
}

/**
 * How deeply a GraphQL document nests brackets ({ ( [), ignoring strings,
 * block strings and comments; stops counting once `limit` is passed.
 *
 * graphql-js parses, validates and executes recursively: a document nested a
 * few thousand levels deep overflows the stack with a message nobody can act
 * on. This scan is a loop over the characters, so it is safe on any input, and
 * cheap enough to run on every request.
 */
export function bracketNesting(query: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  const n = query.length;
  for (let i = 0; i < n; i++) {
    const c = query.charCodeAt(i);
    if (c === 0x7b || c === 0x28 || c === 0x5b) {
      // { ( [
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x7d || c === 0x29 || c === 0x5d) {
      // } ) ]
      if (depth > 0) depth--;
    } else if (c === 0x23) {
      // # comment to the end of the line
      while (i < n && query.charCodeAt(i) !== 0x0a && query.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x22) {
      if (query.startsWith('"""', i)) {
        // Block string: ends at the next """ not escaped as \"""
        i += 3;
        while (i < n && !(query.startsWith('"""', i) && query.charCodeAt(i - 1) !== 0x5c)) i++;
        i += 2;
      } else {
        i++;
        while (i < n && query.charCodeAt(i) !== 0x22 && query.charCodeAt(i) !== 0x0a) {
          if (query.charCodeAt(i) === 0x5c) i++;
          i++;
        }
      }
    }
  }
  return deepest;
}
