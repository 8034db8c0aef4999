export {
  createQuizgraphClient,
  type FetchLike,
  type FetchResponseLike,
  type QuizgraphClient,
  type QuizgraphClientOptions,
  type VariablesArgument,
} from './client.js';
export { QuizgraphError, type QuizgraphErrorCode, type QuizgraphErrorExtensions, type QuizgraphGraphQLError, type QuizgraphProblem } from './errors.js';
export { operationMetaOf, type OperationMeta } from './operationMeta.js';
export type { TypedDocumentNode } from '@graphql-typed-document-node/core';
// Every operation's document (`LoginDocument`, …), its result and variables types, and the schema's
// enums and input types.
export * from './__generated__/graphql.js';
