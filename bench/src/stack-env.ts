/** What the benchmark and the drill stacks both need to run the built services as separate processes. */

export const SUBGRAPH_NAMES = ['identity', 'groups', 'messaging', 'import'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** The committed supergraph with each subgraph's URL replaced by this run's; every subgraph must be named in it. */
export function supergraphWithUrls(committed: string, urlOf: (name: SubgraphName) => string): string {
  const seen = new Set<string>();
  const sdl = committed.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) => {
    if (!(SUBGRAPH_NAMES as readonly string[]).includes(name)) return whole;
    seen.add(name);
    return `@join__graph(name: "${name}", url: "${urlOf(name as SubgraphName)}")`;
  });
  const missing = SUBGRAPH_NAMES.filter((s) => !seen.has(s));
  if (missing.length > 0) throw new Error(`gateway/supergraph.graphql has no @join__graph for ${missing.join(', ')}`);
  return sdl;
}

/** A gateway process's environment over this run's subgraphs and supergraph file. */
export function gatewayEnv(port: number, supergraphPath: string, urlOf: (name: SubgraphName) => string, jwksUrl: string): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'production',
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: String(port),
    GATEWAY_SUPERGRAPH_PATH: supergraphPath,
    IDENTITY_URL: urlOf('identity'),
    GROUPS_URL: urlOf('groups'),
    MESSAGING_URL: urlOf('messaging'),
    IMPORT_URL: urlOf('import'),
    // Uploads and downloads reach their services through the gateway's origin, as the web app uses them.
    IMPORT_FILES_URL: new URL(urlOf('import')).origin,
    ATTACHMENT_FILES_URL: new URL(urlOf('messaging')).origin,
    AUTH_JWKS_URL: jwksUrl,
  };
}
