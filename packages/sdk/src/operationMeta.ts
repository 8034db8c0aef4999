/** What every document of the SDK carries (as `__meta__`) besides its AST: see codegen.ts. */
export interface OperationMeta {
  operationName: string;
  operationType: 'query' | 'mutation' | 'subscription';
  /** The operation's text, as graphql-js prints it: what the client sends, and the manifest lists. */
  body: string;
  /** The SHA-256 of `body` in hex: the operation's persisted-query id. */
  hash: string;
}

/** The metadata codegen put on an SDK document, if this is one. */
export function operationMetaOf(document: object): OperationMeta | undefined {
  const meta = (document as { __meta__?: Partial<OperationMeta> }).__meta__;
  return meta && typeof meta.body === 'string' && typeof meta.hash === 'string' ? (meta as OperationMeta) : undefined;
}
