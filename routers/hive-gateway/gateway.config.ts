import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Hive Gateway in front of the Quizgraph subgraphs, configured by this file alone (README, "Standard
 * routers"): `hive-gateway supergraph -c routers/hive-gateway/gateway.config.ts`, or the
 * ghcr.io/graphql-hive/gateway image with this file mounted. It has no import but Node's own, so that
 * it loads wherever the gateway runs, and no plugin: everything below is Hive Gateway's configuration.
 *
 *   SUPERGRAPH_PATH        the supergraph served (default: the committed supergraph.graphql)
 *   <NAME>_SUBGRAPH_URL    where subgraph <name> really is, e.g. USERS_SUBGRAPH_URL=http://users:4001/graphql
 *                          (default: the URL the supergraph names)
 *   ROUTER_TOKEN(_FILE)    the router token the subgraphs accept (their ROUTER_TOKEN_SHA256 holds its digest); required
 *   CLIENT_ADDRESS_HEADER  behind a proxy that OVERWRITES it (x-real-ip, x-forwarded-for): the header the
 *                          client's address is read from (the last entry of a list); default: the address
 *                          the connection comes from. The users service limits sign-ins and sign-ups per
 *                          address and the audit log records it.
 *   CORS_ORIGINS           browser origins allowed, comma-separated, or * (required when NODE_ENV=production)
 *   NODE_ENV=production    no GraphiQL, no landing page, no introspection, no field suggestions
 *   LOG_LEVEL              debug, info (default), warn or error
 */

const env = process.env;
const production = env.NODE_ENV === 'production';

/** The header the subgraphs read the router token from (packages/service-kit/src/routerToken.ts, ROUTER_TOKEN_HEADER). */
const ROUTER_TOKEN_HEADER = 'x-quizgraph-router-token';

/** X inline, or the content of the file X_FILE names without its trailing newline (Compose and Kubernetes secrets). */
function variableOrFile(name: string): string | undefined {
  const inline = env[name] || undefined;
  const path = env[`${name}_FILE`] || undefined;
  if (inline && path) throw new Error(`Hive Gateway: ${name} and ${name}_FILE are both set: set one of them.`);
  if (!path) return inline;
  try {
    return readFileSync(path, 'utf8').trimEnd() || undefined;
  } catch (error) {
    throw new Error(`Hive Gateway: ${name}_FILE names ${path}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? error}).`);
  }
}

const routerToken = variableOrFile('ROUTER_TOKEN');
if (!routerToken || routerToken.length < 32) {
  throw new Error(
    'Hive Gateway: ROUTER_TOKEN or ROUTER_TOKEN_FILE must give the router token (at least 32 characters) whose SHA-256 digest the subgraphs have in ROUTER_TOKEN_SHA256: without it they answer 401.',
  );
}

// Each <NAME>_SUBGRAPH_URL moves subgraph <name> (the supergraph's own URLs are those of `pnpm dev`);
// as in packages/topology's `envPrefix`, a dash in a name is an underscore in its variables.
const transportEntries: Record<string, { location: string }> = {};
for (const [variable, value] of Object.entries(env)) {
  const match = /^([A-Z][A-Z0-9_]*)_SUBGRAPH_URL$/.exec(variable);
  if (match && value) transportEntries[match[1]!.toLowerCase().replaceAll('_', '-')] = { location: value };
}

/** The header the subgraphs read the client's address from (packages/service-kit/src/requestContext.ts, CLIENT_ADDRESS_HEADER). */
const CLIENT_ADDRESS_HEADER = 'x-quizgraph-client-address';

/**
 * The client's address: from the header the proxy in front sets, when CLIENT_ADDRESS_HEADER names one
 * (its last entry, the one that proxy added), else the address of the connection (Node's socket, which
 * Hive Gateway's Node server hands over as `req`).
 */
export function clientAddressOf(request: Request, context: object | undefined): string | undefined {
  const clientAddressFrom = env.CLIENT_ADDRESS_HEADER?.trim().toLowerCase() || undefined;
  if (clientAddressFrom) return request.headers.get(clientAddressFrom)?.split(',').at(-1)?.trim() || undefined;
  return (context as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket?.remoteAddress || undefined;
}

function corsOrigins(): string[] | '*' {
  const value = env.CORS_ORIGINS?.trim();
  if (!value) {
    if (production) throw new Error('Hive Gateway: CORS_ORIGINS is required in production (comma-separated origins, or * for any).');
    return '*';
  }
  return value === '*'
    ? '*'
    : value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean);
}
const origins = corsOrigins();

export const gatewayConfig = {
  supergraph: env.SUPERGRAPH_PATH ?? fileURLToPath(new URL('../../supergraph.graphql', import.meta.url)),
  transportEntries,
  propagateHeaders: {
    // The client's access token and request id go on to every subgraph, with the proof that the
    // request comes from the router and the client's address; nothing else the client sent does.
    fromClientToSubgraphs({ request, context }: { request: Request; context?: object }): Record<string, string> {
      const headers: Record<string, string> = { [ROUTER_TOKEN_HEADER]: routerToken };
      const address = clientAddressOf(request, context);
      if (address) headers[CLIENT_ADDRESS_HEADER] = address;
      for (const name of ['authorization', 'x-request-id']) {
        const value = request.headers.get(name);
        if (value !== null) headers[name] = value;
      }
      return headers;
    },
  },
  cors: origins === '*' ? { origin: '*' } : { origin: origins, credentials: false },
  graphiql: !production,
  landingPage: !production,
  disableIntrospection: production ? {} : undefined,
  blockFieldSuggestions: production,
  // Close to the project router's limits (router/src/limits.ts): Hive Gateway counts tokens and depth
  // as graphql-armor does, which the router's own limits are modelled on.
  maxTokens: 5_000,
  maxDepth: 10,
  logging: (env.LOG_LEVEL as 'debug' | 'info' | 'warn' | 'error' | undefined) ?? 'info',
};
