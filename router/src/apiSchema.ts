import { ApolloGateway } from '@apollo/gateway';
import { printSchema } from 'graphql';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The client-facing schema of a supergraph, printed as SDL: what the router's introspection returns
 * (federation's join__/link__ machinery and directives such as @cost gone; descriptions and
 * @deprecated kept). It comes from the gateway the router runs (`ApolloGateway`, whose `load()` derives
 * it with federation's own `Supergraph.apiSchema()`), so the file and the served schema cannot drift
 * apart. Printed by graphql-js `printSchema` in the supergraph's order (types by name, fields as the
 * subgraphs declare them), which is stable for the same supergraph.
 */
export async function printApiSchema(supergraphSdl: string): Promise<string> {
  // Static SDL: load() builds the schema and the subgraph data sources, and makes no request.
  const gateway = new ApolloGateway({ supergraphSdl, logger: silent });
  try {
    const { schema } = await gateway.load();
    return `${printSchema(schema)}\n`;
  } finally {
    await gateway.stop();
  }
}
