import type { RunningSubgraph } from './subgraphServer.js';

/** A started subgraph, as the stack and the tests see it. */
export interface RunningService extends RunningSubgraph {
  name: string;
  /** SQL statements the service has sent to its database so far. */
  sqlStatements(): number;
}

/** Accepts a UUID, or answers with the message a client should see. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
