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

/** Validates `first` alone (keyset pages have no offset). */
export function pageSize(first: number | null | undefined, defaultSize = 20): number {
  const limit = first ?? defaultSize;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`"first" must be between 0 and ${MAX_PAGE_SIZE}.`, { field: 'first' });
  }
  return limit;
}

export type KeysetValue = string | number;

/**
 * A keyset cursor: the sort values of the last row a page showed, tagged with the order they belong
 * to, so the next page starts right after it with an index seek, however deep it is.
 */
export function encodeKeysetCursor(order: string, values: readonly KeysetValue[]): string {
  return Buffer.from(JSON.stringify([order, ...values])).toString('base64url');
}

/** The sort values in `cursor`; BAD_USER_INPUT when it was made for another order or is not a cursor. */
export function decodeKeysetCursor(cursor: string, order: string, kinds: ReadonlyArray<'string' | 'number'>): KeysetValue[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    decoded = undefined;
  }
  if (!Array.isArray(decoded) || decoded[0] !== order || decoded.length !== kinds.length + 1) {
    throw new BadUserInputError(`"after" is not a cursor this list gave out for the ${order} order.`, { field: 'after' });
  }
  const values = decoded.slice(1) as unknown[];
  if (!values.every((v, i) => typeof v === kinds[i] && (typeof v !== 'number' || Number.isFinite(v)))) {
    throw new BadUserInputError('"after" is not a cursor this list gave out.', { field: 'after' });
  }
  return values as KeysetValue[];
}

/**
 * A Relay connection over rows fetched as `limit + 1` (the extra row only says that a next page
 * exists). `totalCount` is left to the caller, who may compute it only when asked.
 */
export function keysetConnection<T>(
  rows: readonly T[],
  limit: number,
  cursorOf: (row: T) => string,
  hasPreviousPage: boolean,
): Omit<Connection<T>, 'totalCount'> {
  const nodes = rows.slice(0, limit);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
