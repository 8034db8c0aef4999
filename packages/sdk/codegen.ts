import type { CodegenConfig } from '@graphql-codegen/cli';
import { Kind, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { createHash } from 'node:crypto';
import type { OperationMeta } from './src/operationMeta.ts';

/**
 * What each generated document carries besides its AST (as `__meta__`, the hook the client preset
 * uses for its persisted documents): its text as the client sends it, printed here once so that the
 * client needs no GraphQL library at run time, and the SHA-256 of that text, its persisted-query id.
 */
function operationMeta(document: DocumentNode): OperationMeta {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation?.name) throw new Error('Every SDK operation needs a name.');
  const body = print(document);
  return { operationName: operation.name.value, operationType: operation.operation, body, hash: createHash('sha256').update(body).digest('hex') };
}

/**
 * The SDK's types and documents, from the committed API schema (never a running router: production
 * turns introspection off) and the operations folder.
 */
const config: CodegenConfig = {
  schema: '../../api.graphql',
  documents: 'operations/*.graphql',
  generates: {
    'src/__generated__/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        useTypeImports: true,
        // Every scalar mapped, for a consumer that is strict: an unmapped one fails the generation
        // instead of coming out as `unknown`. DateTime travels as an ISO 8601 string.
        strictScalars: true,
        scalars: {
          ID: 'string',
          String: 'string',
          Boolean: 'boolean',
          Int: 'number',
          Float: 'number',
          DateTime: { input: 'string', output: 'string' },
        },
        // Enums as unions of string literals: nothing to import at run time, and JSON values type-check.
        enumType: 'string-literal',
        // Results already list every selected field. Variables and input fields that may be null stay
        // optional: leaving one out is not the same as sending null (`updateProfile` keeps an omitted
        // field and clears a null one), so a consumer must be able to say either.
        avoidOptionals: false,
        // Documents as ASTs (what Apollo Client and urql take), each with its printed text and hash.
        unstable_onExecutableDocumentNode: operationMeta,
      },
    },
  },
};

export default config;
