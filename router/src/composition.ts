import { composeServices } from '@apollo/composition';
import { readFile } from 'node:fs/promises';
import { parse } from 'graphql';
import { readSupergraphConfig } from './supergraphConfig.js';

/** Composes the subgraphs listed in a rover supergraph.yaml into a supergraph SDL, or throws every composition error. */
export async function composeSupergraph(configFile: string): Promise<string> {
  const sources = await readSupergraphConfig(configFile);
  const services = await Promise.all(sources.map(async ({ name, url, schemaFile }) => ({ name, url, typeDefs: parse(await readFile(schemaFile, 'utf8')) })));
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}
