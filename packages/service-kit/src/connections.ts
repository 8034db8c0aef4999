import { BadUserInputError } from './errors.js';

/** Relay connection arguments, validated once for every list the API serves. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface OffsetPage {
  offset: number;
  limit: number;
}

export const MAX_PAGE_SIZE = 100;

const CURSOR_PREFIX = 'offset:';

export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

/** Turns `first`/`after` into an offset page, rejecting sizes outside 0..100 and foreign cursors. */
export function offsetPage(args: PageArgs, defaultSize = 20): OffsetPage {
  const limit = args.first ?? defaultSize;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`"first" must be between 0 and ${MAX_PAGE_SIZE}.`, { field: 'first' });
  }
  if (args.after == null) return { offset: 0, limit };
  const decoded = Buffer.from(args.after, 'base64url').toString();
  const digits = decoded.startsWith(CURSOR_PREFIX) ? decoded.slice(CURSOR_PREFIX.length) : '';
  const offset = /^\d{1,9}$/.test(digits) ? Number(digits) : NaN;
  if (Number.isNaN(offset)) {
    throw new BadUserInputError('"after" is not a cursor this list gave out.', { field: 'after' });
  }
  return { offset: offset + 1, limit };
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** A Relay connection over one offset page of `rows` (in order) out of `totalCount`. */
export function offsetConnection<T>(rows: readonly T[], page: OffsetPage, totalCount: number): Connection<T> {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node, i) => ({ cursor: encodeOffsetCursor(page.offset + i), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: page.offset + nodes.length < totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
