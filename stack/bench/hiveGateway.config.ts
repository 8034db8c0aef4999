import { defineConfig, type GatewayPlugin } from '@graphql-hive/gateway';
import { devServiceCredentialSigner, SERVICE_CREDENTIAL_HEADER, type ServiceCredentialSigner } from '@quizgraph/service-kit';
import { readFileSync } from 'node:fs';

/**
 * The Hive Gateway of `pnpm bench:router` (router.bench.ts starts it with `hive-gateway supergraph
 * <file> -c <this file>`): The Guild's gateway with its defaults, in front of the same subgraph
 * processes as the project router. Bench only: it signs as the router, with the development keys.
 *
 *   BENCH_SUPERGRAPH_PATH   the supergraph it serves (its `@join__graph` URLs name each subgraph)
 *   BENCH_SUBGRAPH_URLS     JSON `{ "users": "http://127.0.0.1:…/graphql", … }`: where they really are
 *   QUIZGRAPH_KEYS_DIR      the development keys (the router's service-credential key signs)
 */

/**
 * Our subgraphs answer only a caller presenting a short-lived service credential addressed to them
 * (packages/service-kit/src/tokens.ts). Each subgraph request leaves with one, minted as the router
 * mints it (the signer reuses a credential until a third of its life is left), and with the
 * client's access token; and goes to where that subgraph runs rather than the supergraph's URL.
 */
export function useQuizgraphSubgraphs(options: { supergraphSdl: string; urls: Record<string, string>; signer: ServiceCredentialSigner }): GatewayPlugin {
  // The supergraph's URL of each subgraph → its name (the fetch hook sees URLs, not names).
  const nameByUrl = new Map<string, string>();
  for (const [, name, url] of options.supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) nameByUrl.set(url!, name!);
  return {
    onFetch({ url, setURL, options: init, setOptions, context }) {
      const name = nameByUrl.get(url);
      if (!name) return;
      const target = options.urls[name];
      if (!target) throw new Error(`bench: no URL for the ${name} subgraph in BENCH_SUBGRAPH_URLS`);
      setURL(target);
      const headers: Record<string, string> = {
        ...(init.headers as Record<string, string> | undefined),
        [SERVICE_CREDENTIAL_HEADER]: options.signer.credentialFor(name),
      };
      const authorization = 'request' in context ? context.request.headers.get('authorization') : null;
      if (authorization) headers.authorization = authorization;
      setOptions({ ...init, headers });
    },
  };
}

const supergraphPath = process.env.BENCH_SUPERGRAPH_PATH!;
const supergraphSdl = readFileSync(supergraphPath, 'utf8');
const urls = JSON.parse(process.env.BENCH_SUBGRAPH_URLS ?? '{}') as Record<string, string>;
const signer = await devServiceCredentialSigner(process.env.QUIZGRAPH_KEYS_DIR!, 'router');

export const gatewayConfig = defineConfig({
  supergraph: supergraphPath,
  // Errors only, as the project's processes log during the bench.
  logging: 'error',
  plugins: () => [useQuizgraphSubgraphs({ supergraphSdl, urls, signer })],
});
