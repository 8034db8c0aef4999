import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../src/errors.js';
import { encodeOffsetCursor, MAX_PAGE_SIZE, offsetConnection, offsetPage } from '../src/connections.js';

function badInput(fn: () => unknown): BadUserInputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    return error as BadUserInputError;
  }
  throw new Error('expected a BadUserInputError, but nothing was thrown');
}

const cursor = (text: string) => Buffer.from(text).toString('base64url');

describe('offsetPage', () => {
  it('defaults to the first 20, or the given default size', () => {
    expect(offsetPage({})).toEqual({ offset: 0, limit: 20 });
    expect(offsetPage({ first: null, after: null })).toEqual({ offset: 0, limit: 20 });
    expect(offsetPage({}, 10)).toEqual({ offset: 0, limit: 10 });
  });

  it('accepts sizes from 0 to 100', () => {
    expect(MAX_PAGE_SIZE).toBe(100);
    expect(offsetPage({ first: 0 })).toEqual({ offset: 0, limit: 0 });
    expect(offsetPage({ first: 100 })).toEqual({ offset: 0, limit: 100 });
  });

  it('rejects sizes outside 0..100 and fractions, naming `first`', () => {
    for (const first of [-1, 101, 1.5, Number.NaN]) {
      const error = badInput(() => offsetPage({ first }));
      expect(error.extensions.field).toBe('first');
    }
  });

  it('starts after the cursor it gave out', () => {
    expect(encodeOffsetCursor(0)).toBe(cursor('offset:0'));
    expect(offsetPage({ after: encodeOffsetCursor(0) })).toEqual({ offset: 1, limit: 20 });
    expect(offsetPage({ first: 5, after: encodeOffsetCursor(41) })).toEqual({ offset: 42, limit: 5 });
  });

  it('rejects cursors it did not give out, naming `after`', () => {
    for (const after of [cursor('42'), cursor('offset:-1'), cursor('offset:1.5'), cursor('offset:abc'), cursor('page:3'), 'not base64 !']) {
      const error = badInput(() => offsetPage({ after }));
      expect(error.extensions.field, after).toBe('after');
    }
  });

  it('checks the size before the cursor', () => {
    expect(badInput(() => offsetPage({ first: 500, after: cursor('junk') })).extensions.field).toBe('first');
  });
});

describe('offsetConnection', () => {
  it('builds the first page of a longer list', () => {
    const connection = offsetConnection(['a', 'b', 'c'], { offset: 0, limit: 3 }, 10);
    expect(connection).toEqual({
      edges: [
        { cursor: encodeOffsetCursor(0), node: 'a' },
        { cursor: encodeOffsetCursor(1), node: 'b' },
        { cursor: encodeOffsetCursor(2), node: 'c' },
      ],
      totalCount: 10,
      pageInfo: {
        hasNextPage: true,
        hasPreviousPage: false,
        startCursor: encodeOffsetCursor(0),
        endCursor: encodeOffsetCursor(2),
      },
    });
  });

  it('builds a middle page whose end cursor leads to the next one', () => {
    const page = offsetPage({ first: 2, after: encodeOffsetCursor(3) });
    const connection = offsetConnection(['e', 'f'], page, 10);
    expect(connection.edges.map((e) => e.node)).toEqual(['e', 'f']);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: encodeOffsetCursor(4),
      endCursor: encodeOffsetCursor(5),
    });
    expect(offsetPage({ first: 2, after: connection.pageInfo.endCursor })).toEqual({ offset: 6, limit: 2 });
  });

  it('knows the last page has no next page', () => {
    const connection = offsetConnection(['i', 'j'], { offset: 8, limit: 5 }, 10);
    expect(connection.pageInfo.hasNextPage).toBe(false);
    expect(connection.pageInfo.hasPreviousPage).toBe(true);
    expect(connection.pageInfo.endCursor).toBe(encodeOffsetCursor(9));
  });

  it('drops a look-ahead row beyond the limit', () => {
    const connection = offsetConnection(['a', 'b', 'c'], { offset: 0, limit: 2 }, 3);
    expect(connection.edges.map((e) => e.node)).toEqual(['a', 'b']);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(connection.pageInfo.endCursor).toBe(encodeOffsetCursor(1));
  });

  it('has null cursors when empty', () => {
    expect(offsetConnection([], { offset: 0, limit: 20 }, 0)).toEqual({
      edges: [],
      totalCount: 0,
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
    // `first: 0` on a non-empty list: nothing shown, but more to come.
    expect(offsetConnection(['a'], { offset: 0, limit: 0 }, 4).pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});
