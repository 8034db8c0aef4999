import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** The subset of rover's supergraph.yaml that Quizgraph uses: subgraphs with a routing URL and an SDL file. */
const roverConfig = z.object({
  federation_version: z.string().optional(),
  subgraphs: z.record(
    z.string(),
    z.object({
      routing_url: z.string().url(),
      schema: z.object({ file: z.string() }),
    }),
  ),
});

export interface SubgraphSource {
  name: string;
  url: string;
  /** Absolute path of the SDL file. */
  schemaFile: string;
}

export async function readSupergraphConfig(configFile: string): Promise<SubgraphSource[]> {
  const parsed = roverConfig.safeParse(parseYaml(await readFile(configFile, 'utf8')));
  if (!parsed.success) throw new Error(`${configFile} is not a valid rover supergraph config: ${parsed.error.message}`);
  return Object.entries(parsed.data.subgraphs).map(([name, subgraph]) => ({
    name,
    url: subgraph.routing_url,
    schemaFile: resolve(dirname(configFile), subgraph.schema.file),
  }));
}
