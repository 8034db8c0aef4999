import { REPO_ROOT } from '@quizgraph/prisma';
import { graphqlRequest } from '@quizgraph/service-kit';
import { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from 'graphql';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type RunningStack } from '../src/stack.js';

/** The committed api.graphql is what clients get by introspecting the real router. */
let stack: RunningStack;

beforeAll(async () => {
  stack = await startStack({
    databases: inject('databaseUrls'),
    keysDir: await mkdtemp(join(tmpdir(), 'quizgraph-api-schema-')),
    ports: { router: 0, users: 0, quizzes: 0, results: 0 },
    logLevel: 'silent',
  });
});

afterAll(async () => {
  await stack?.stop();
});

describe('api.graphql', () => {
  it('equals the schema the router serves, descriptions and deprecations included', async () => {
    // Everything introspection can say, so that a difference in any of it shows.
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const { data, errors } = await graphqlRequest<IntrospectionQuery>(stack.router.url, query);
    expect(errors).toBeUndefined();
    const served = printSchema(buildClientSchema(data!));
    const file = await readFile(join(REPO_ROOT, 'api.graphql'), 'utf8');
    const committed = printSchema(buildSchema(file));
    expect(served).toBe(committed);
    // And the file is already in that form (printSchema, in the served order), byte for byte.
    expect(file).toBe(`${served}\n`);
    // The federation machinery stays inside the router.
    expect(committed).not.toMatch(/join__|link__|_entities|_service|@cost|@listSize/);
    expect(committed).toContain('"""'); // descriptions kept
  });
});
