/**
 * What the outbox and the processed-event log need from a database: raw SQL in tagged templates and
 * interactive transactions. Written as shapes rather than imports, so every service's own generated
 * PrismaClient (and its transaction client) fits as it is, whatever its models.
 */
export interface SqlClient {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<T>;
}

export interface TransactionalSqlClient extends SqlClient {
  $transaction<R>(fn: (tx: SqlClient) => Promise<R>, options?: { timeout?: number; maxWait?: number }): PromiseLike<R>;
}
