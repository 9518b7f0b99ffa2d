import { SUBGRAPHS, type Subgraph } from './topology';

/** The committed supergraph with each subgraph's URL replaced by this stack's; every subgraph must be named in it. */
export function supergraphWithUrls(committed: string, urlOf: (name: Subgraph) => string): string {
  const seen = new Set<string>();
  const sdl = committed.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) => {
    if (!(SUBGRAPHS as readonly string[]).includes(name)) return whole;
    seen.add(name);
    return `@join__graph(name: "${name}", url: "${urlOf(name as Subgraph)}")`;
  });
  const missing = SUBGRAPHS.filter((s) => !seen.has(s));
  if (missing.length > 0) throw new Error(`gateway/supergraph.graphql has no @join__graph for ${missing.join(', ')}`);
  return sdl;
}
