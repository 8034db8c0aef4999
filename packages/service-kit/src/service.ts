import type { RunningSubgraph } from './subgraphServer.js';

/** A started subgraph, as the stack and the tests see it. */
export interface RunningService extends RunningSubgraph {
  name: string;
  /** SQL statements the service has sent to its database so far. */
  sqlStatements(): number;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id is a UUID: checked before it reaches a `uuid` column, which would reject it with a database error. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
