import { getIntrospectionQuery } from 'graphql';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkQueryLimits,
  costModelFromSupergraph,
  countTokens,
  DEFAULT_QUERY_LIMITS,
  QueryLimitError,
  type QueryLimitCode,
  type QueryLimits,
} from '../src/limits.js';

const supergraph = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../supergraph.graphql'), 'utf8');
const model = costModelFromSupergraph(supergraph);
const unlimited: QueryLimits = {
  maxTokens: 1e6,
  maxDepth: 1e3,
  maxAliases: 1e6,
  maxDirectives: 1e6,
  maxRepeatedFields: 1e6,
  maxFields: 1e6,
  maxCost: 1e12,
  defaultListSize: 10,
};

const measure = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  checkQueryLimits({ query, variables: variables ?? null, operationName: operationName ?? null }, model, unlimited, false);

/** The error a request gets under `limits` (production or not), or null when it passes. */
function refusal(query: string, limits: Partial<QueryLimits>, production = false): QueryLimitError | null {
  try {
    checkQueryLimits({ query }, model, { ...unlimited, ...limits }, production);
    return null;
  } catch (error) {
    if (error instanceof QueryLimitError) return error;
    throw error;
  }
}

/** `query` passes at `limit` and is refused with `code` one below it. */
function expectEdge(query: string, limit: keyof QueryLimits, at: number, code: QueryLimitCode) {
  expect(refusal(query, { [limit]: at })).toBeNull();
  const refused = refusal(query, { [limit]: at - 1 });
  expect(refused?.code).toBe(code);
  expect(refused?.extensions).toMatchObject({ code, limit: at - 1, http: { status: 400 } });
}

describe('the cost model read from the supergraph', () => {
  it('has the @listSize and @cost the subgraphs declare', () => {
    expect(model.listSizes.get('Query.quizzes')).toEqual({ assumedSize: null, slicingArguments: ['first'], sizedFields: ['edges'] });
    expect(model.listSizes.get('Quiz.leaderboard')?.slicingArguments).toEqual(['first']);
    expect(model.listSizes.get('User.attempts')?.sizedFields).toEqual(['edges']);
    expect(model.listSizes.get('Quiz.questions')?.assumedSize).toBe(100);
    expect(model.fieldWeights.get('Mutation.register')).toBe(100);
  });

  it('follows the names a schema gives the directives when it links the cost spec', () => {
    const renamed = costModelFromSupergraph(`
      schema @link(url: "https://specs.apollo.dev/cost/v0.1", as: "demand", import: [{ name: "@cost", as: "@weight" }]) { query: Query }
      directive @link(url: String, as: String, import: [link__Import]) repeatable on SCHEMA
      scalar link__Import
      directive @weight(weight: Int!) on FIELD_DEFINITION | OBJECT
      directive @demand__listSize(assumedSize: Int) on FIELD_DEFINITION
      directive @cost(weight: Int!) on FIELD_DEFINITION
      type Query { items: [Item] @demand__listSize(assumedSize: 3) other: Item @cost(weight: 50) }
      type Item @weight(weight: 4) { id: ID }
    `);
    expect(renamed.typeWeights.get('Item')).toBe(4);
    expect(renamed.listSizes.get('Query.items')?.assumedSize).toBe(3);
    // `@cost` is not the cost spec's name in this schema (`@weight` and `@demand` are): some other directive.
    expect(renamed.fieldWeights.has('Query.other')).toBe(false);
    // Not imported, the spec's own directive goes by the prefix alone.
    const prefixed = costModelFromSupergraph(`
      schema @link(url: "https://specs.apollo.dev/cost/v0.1", as: "demand") { query: Query }
      type Query { item: Item @demand(weight: 7) }
      type Item { id: ID }
    `);
    expect(prefixed.fieldWeights.get('Query.item')).toBe(7);
  });
});

describe('estimated cost (Apollo demand control: objects 1, leaves 0, lists × size, mutations +10)', () => {
  it('sizes a connection by its `first`: a literal, a variable, a variable default, or the argument default', () => {
    const page = '{ edges { node { id title } } }';
    // 1 for the connection + size × (1 edge + 1 node).
    expect(measure(`{ quizzes ${page} }`).cost).toBe(1 + 20 * 2);
    expect(measure(`{ quizzes(first: 5) ${page} }`).cost).toBe(1 + 5 * 2);
    expect(measure(`query ($n: Int) { quizzes(first: $n) ${page} }`, { n: 100 }).cost).toBe(1 + 100 * 2);
    expect(measure(`query ($n: Int = 3) { quizzes(first: $n) ${page} }`).cost).toBe(1 + 3 * 2);
    expect(measure(`query ($n: Int) { quizzes(first: $n) ${page} }`, { n: 'many' }).cost).toBe(1 + 10 * 2);
  });

  it('multiplies nested lists, through fragments as through fields', () => {
    const direct = measure('{ quiz(id: "q") { leaderboard(first: 2) { edges { node { user { id } } } } } }');
    expect(direct.cost).toBe(1 + (1 + 2 * (1 + 1 + 1)));
    const viaFragments = measure(`
      { quiz(id: "q") { ...Board } }
      fragment Board on Quiz { leaderboard(first: 2) { edges { ... on LeaderboardEdge { node { ...Entry } } } } }
      fragment Entry on LeaderboardEntry { user { id } }
    `);
    expect(viaFragments.cost).toBe(direct.cost);
    // 100 questions assumed, each with 10 options.
    expect(measure('{ quiz(id: "q") { questions { options { id } } } }').cost).toBe(1 + 100 * (1 + 10 * 1));
  });

  it('adds 10 for a mutation and the @cost weight of an expensive field', () => {
    expect(measure('mutation { register(email: "a", password: "b", displayName: "c") { accessToken } }').cost).toBe(10 + 100);
    expect(measure('mutation { logout(refreshToken: "t") }').cost).toBe(10);
  });

  it('uses the default list size for a list without @listSize, and counts only the operation that runs', () => {
    const plain = costModelFromSupergraph('type Query { items: [Item] } type Item { id: ID! }');
    const limits = { ...unlimited, defaultListSize: 7 };
    expect(checkQueryLimits({ query: '{ items { id } }' }, plain, limits, false).cost).toBe(7);
    const twoOperations = 'query A { quizzes(first: 1) { edges { node { id } } } } query B { quizzes(first: 50) { edges { node { id } } } }';
    expect(measure(twoOperations, undefined, 'A').cost).toBe(3);
    expect(measure(twoOperations, undefined, 'B').cost).toBe(101);
  });
});

describe('each limit at its edge', () => {
  it('tokens', () => {
    expect(countTokens('{ me { id } } # comments are free', 100)).toEqual({ tokens: 6, nesting: 2 });
    expectEdge('{ me { id } }', 'maxTokens', 6, 'TOO_MANY_TOKENS');
  });

  it('depth', () => {
    expectEdge('{ me { sessions { id } } }', 'maxDepth', 3, 'QUERY_TOO_DEEP');
    expectEdge('{ me { ...S } } fragment S on User { sessions { id } }', 'maxDepth', 3, 'QUERY_TOO_DEEP');
  });

  it('aliases (`__typename` is free)', () => {
    expectEdge('{ a: me { id } b: me { id } t: __typename }', 'maxAliases', 2, 'TOO_MANY_ALIASES');
  });

  it('directives', () => {
    expectEdge('query ($x: Boolean!) { me @include(if: $x) { id @skip(if: $x) } }', 'maxDirectives', 2, 'TOO_MANY_DIRECTIVES');
  });

  it('repeated fields: a field selected again at the same place, directly or through fragments', () => {
    expectEdge('{ me { id id } }', 'maxRepeatedFields', 1, 'TOO_MANY_REPEATED_FIELDS');
    // `me` twice, and so `me.id` twice.
    expectEdge('{ me { id } me { id } }', 'maxRepeatedFields', 2, 'TOO_MANY_REPEATED_FIELDS');
    expectEdge('{ me { id ...F } } fragment F on User { id }', 'maxRepeatedFields', 1, 'TOO_MANY_REPEATED_FIELDS');
    // The same name at different places is no repeat.
    expect(measure('{ me { id } user(id: "u") { id } }').repeatedFields).toBe(0);
  });

  it('fields, counting a fragment each time it is spread', () => {
    expectEdge('{ me { ...F } user(id: "u") { ...F } } fragment F on User { id displayName }', 'maxFields', 6, 'TOO_MANY_FIELDS');
  });

  it('cost', () => {
    expectEdge('{ quizzes(first: 5) { edges { node { id } } } }', 'maxCost', 11, 'QUERY_TOO_COMPLEX');
  });
});

describe('documents seen before (kept parsed, by their text)', () => {
  it("are measured again with each request's variables and limits", () => {
    const query = 'query Board($n: Int) { leaderboard(first: $n) { edges { rank } } }';
    const small = measure(query, { n: 2 });
    const large = measure(query, { n: 50 });
    expect(large.cost).toBeGreaterThan(small.cost);
    expect(large.tokens).toBe(small.tokens);
    // Kept under a generous limit, still refused under a tighter one.
    expect(refusal(query, { maxTokens: small.tokens - 1 })?.code).toBe('TOO_MANY_TOKENS');
    expect(refusal(query, { maxCost: small.cost })?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('refusals', () => {
  it('give the numbers in development and hide them in production', () => {
    const query = '{ me { sessions { id } } }';
    const development = refusal(query, { maxDepth: 2 })!;
    expect(development.message).toMatch(/3 deep; the limit is 2/);
    const production = refusal(query, { maxDepth: 2 }, true)!;
    expect(production.extensions).toEqual({ code: 'QUERY_TOO_DEEP', http: { status: 400 } });
    expect(production.message).not.toMatch(/\d/);
  });

  it('leave a document that does not parse to Apollo Server, which reports its syntax error', () => {
    expect(measure('{ me { id }').fields).toBe(0);
  });

  it('leave fragment cycles to validation without looping', () => {
    expect(measure('{ me { ...A } } fragment A on User { id ...B } fragment B on User { ...A }').fields).toBe(2);
  });
});

describe('the abusive shapes, refused in milliseconds by the default limits', () => {
  const limits = DEFAULT_QUERY_LIMITS;
  const refusedFast = (query: string, code: QueryLimitCode, under: QueryLimits = limits) => {
    const started = performance.now();
    let refused: unknown;
    try {
      checkQueryLimits({ query }, model, under, true);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(QueryLimitError);
    expect((refused as QueryLimitError).code).toBe(code);
    expect(performance.now() - started).toBeLessThan(100);
  };

  it('one field repeated 1,000 times (validation would compare every pair)', () => {
    const board = 'leaderboard { edges { rank node { score user { displayName } } } }';
    refusedFast(`{ ${Array.from({ length: 1_000 }, () => board).join(' ')} }`, 'TOO_MANY_TOKENS');
    refusedFast(`{ ${Array.from({ length: 400 }, () => 'leaderboard { totalCount }').join(' ')} }`, 'TOO_MANY_REPEATED_FIELDS');
    // In a fragment no operation spreads: validation looks at it all the same.
    refusedFast(`{ me { id } } fragment Unused on Query { ${'me { id } '.repeat(300)} }`, 'TOO_MANY_REPEATED_FIELDS');
  });

  it('author { authoredQuizzes { … author … } } 16 levels deep', () => {
    let nested = 'id';
    for (let i = 0; i < 4; i++) nested = `author { authoredQuizzes { edges { node { ${nested} } } } }`;
    refusedFast(`{ quiz(id: "q") { ${nested} } }`, 'QUERY_TOO_DEEP');
    // Within the depth limit, the lists multiply past the cost limit.
    const twoCycles =
      '{ quizzes(first: 100) { edges { node { author { authoredQuizzes(first: 100) { edges { node { title author { displayName } } } } } } } } }';
    expect(measure(twoCycles).depth).toBeLessThanOrEqual(limits.maxDepth);
    refusedFast(twoCycles, 'QUERY_TOO_COMPLEX');
  });

  it('1,000 aliases of a leaderboard', () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `b${i}: leaderboard { totalCount }`).join(' ')} }`;
    refusedFast(aliases(1_000), 'TOO_MANY_TOKENS');
    refusedFast(aliases(600), 'TOO_MANY_ALIASES');
  });

  it('2,400 nested selections, and a fragment that doubles at every level', () => {
    refusedFast(`{ ${'me { '.repeat(2_400)}id${' }'.repeat(2_400)} }`, 'TOO_MANY_TOKENS');
    // With a token limit that lets it through, the parser's recursion gives out: still a clear refusal.
    const deep = { ...limits, maxTokens: 100_000 };
    expect(() => checkQueryLimits({ query: `{ ${'me { '.repeat(2_400)}id${' }'.repeat(2_400)} }` }, model, deep, true)).toThrow(/too deeply/);
    const levels = Array.from({ length: 20 }, (_, i) => `fragment F${i} on User { a: sessions { id } b: me { ...F${i + 1} } c: me { ...F${i + 1} } }`);
    const bomb = `{ me { ...F0 } } ${levels.join(' ')} fragment F20 on User { id }`;
    refusedFast(bomb, 'QUERY_TOO_DEEP');
    // 2^20 fields once expanded: the walk stops at the field limit, whatever the other limits allow.
    refusedFast(bomb, 'TOO_MANY_FIELDS', { ...limits, maxAliases: 1e9, maxDepth: 100 });
    // Spreads only, no field, no alias, no depth: each link spreads the next twice (2^30 visits).
    const spreads = Array.from({ length: 30 }, (_, i) => `fragment S${i} on Query { ...S${i + 1} ...S${i + 1} }`);
    refusedFast(`query Q { ...S0 } ${spreads.join(' ')} fragment S30 on Query { ...Missing }`, 'TOO_MANY_FIELDS');
  });

  it('while an introspection query (GraphiQL, Sandbox, codegen) passes', () => {
    expect(() => checkQueryLimits({ query: getIntrospectionQuery() }, model, limits, false)).not.toThrow();
  });
});
