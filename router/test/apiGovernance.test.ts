import { describe, expect, it } from 'vitest';
import { checkApiSchema, formatApiCheck, parseAnnouncements, type Announcement } from '../src/apiGovernance.js';

const base = /* GraphQL */ `
  type Query {
    quiz(id: ID!): Quiz
    quizzes(first: Int, category: String): [Quiz!]!
    oldField: String @deprecated(reason: "Use quiz.")
  }
  type Quiz {
    id: ID!
    title: String!
    status: Status!
  }
  enum Status {
    DRAFT
    PUBLISHED
    ARCHIVED
  }
  input QuizFilter {
    category: String
  }
  type Mutation {
    search(filter: QuizFilter): [Quiz!]!
  }
`;

const published = (sdl = base) => [{ name: 'api/published.graphql', sdl }];
const check = (current: string, announcements: Announcement[] = [], baselines = published()) =>
  checkApiSchema({ current: { name: 'api.graphql', sdl: current }, baselines, announcements });
const announce = (path: string): Announcement => ({ path, reason: 'Replaced by something better for clients.', date: '2025-03-01' });

describe('breaking changes fail unless announced', () => {
  it('fails on a removed field, naming it and what to do', async () => {
    const result = await check(base.replace('oldField: String @deprecated(reason: "Use quiz.")', ''));
    expect(result.unannounced.map((c) => c.path)).toEqual(['Query.oldField']);
    const { errors } = formatApiCheck(result, 'api/breaking-changes.yaml');
    const text = errors.join('\n');
    expect(text).toContain('Query.oldField');
    expect(text).toContain('(against api/published.graphql)');
    expect(text).toContain('@deprecated(reason:');
    expect(text).toContain('api/breaking-changes.yaml');
    expect(text).toMatch(/- path: Query\.oldField\n {4}reason: .+\n {4}date: \d{4}-\d{2}-\d{2}/);
  });

  it('passes the same removal once it is announced, and says so', async () => {
    const result = await check(base.replace('oldField: String @deprecated(reason: "Use quiz.")', ''), [announce('Query.oldField')]);
    expect(result.unannounced).toEqual([]);
    expect(result.announced.map((c) => c.path)).toEqual(['Query.oldField']);
    const { errors, notes } = formatApiCheck(result, 'api/breaking-changes.yaml');
    expect(errors).toEqual([]);
    expect(notes).toEqual([expect.stringContaining('Query.oldField')]);
  });

  it('does not let an announcement of one path cover another', async () => {
    const result = await check(base.replace('title: String!', ''), [announce('Query.oldField'), announce('Quiz')]);
    expect(result.unannounced.map((c) => c.path)).toEqual(['Quiz.title']);
  });

  // The list; Inspector's classification is pinned here so an upgrade cannot relax it.
  it.each([
    ['an output field made nullable', base.replace('title: String!', 'title: String'), 'Quiz.title'],
    ['a list item made nullable', base.replace('[Quiz!]!\n    oldField', '[Quiz]!\n    oldField'), 'Query.quizzes'],
    ['a retyped field', base.replace('title: String!', 'title: Int!'), 'Quiz.title'],
    ['an argument made required', base.replace('quizzes(first: Int,', 'quizzes(first: Int!,'), 'Query.quizzes.first'],
    ['a required argument added', base.replace('quiz(id: ID!)', 'quiz(id: ID!, version: Int!)'), 'Query.quiz.version'],
    ['an input field made non-null', base.replace('category: String\n  }', 'category: String!\n  }'), 'QuizFilter.category'],
    ['a required input field added', base.replace('category: String\n  }', 'category: String\n    tag: String!\n  }'), 'QuizFilter.tag'],
    ['an enum value removed', base.replace('    ARCHIVED\n', ''), 'Status.ARCHIVED'],
    ['a field removed after its deprecation', base.replace('oldField: String @deprecated(reason: "Use quiz.")', ''), 'Query.oldField'],
  ])('fails on %s', async (_, current, path) => {
    const result = await check(current);
    expect(result.unannounced.map((c) => c.path)).toEqual([path]);
  });
});

describe('safe and dangerous changes', () => {
  it('passes an added optional field or input field, a deprecation and a description', async () => {
    const current = base
      .replace('id: ID!\n    title', 'id: ID! @deprecated(reason: "Use key.")\n    key: ID!\n    title')
      .replace('title: String!', '"What players see." title: String!\n    summary: String')
      .replace('category: String\n  }', 'category: String\n    tag: String\n  }');
    const result = await check(current);
    expect(result).toMatchObject({ unannounced: [], dangerous: [], announced: [] });
    expect(result.safeCount).toBeGreaterThanOrEqual(5);
    expect(formatApiCheck(result, 'x')).toEqual({ errors: [], warnings: [], notes: [] });
  });

  it('warns on a change a client may not be ready for, such as a new enum value', async () => {
    const result = await check(base.replace('ARCHIVED', 'ARCHIVED\n    HIDDEN'));
    expect(result.unannounced).toEqual([]);
    expect(formatApiCheck(result, 'x').warnings).toEqual([expect.stringMatching(/^Status\.HIDDEN: .*HIDDEN.* was added/)]);
  });
});

describe('baselines', () => {
  const withDraftField = base.replace('oldField', 'draftField: Int\n    oldField');

  it('catches breaking a field added since the release, against the previous commit', async () => {
    const result = await check(base, [], [...published(), { name: 'api.graphql at HEAD~1', sdl: withDraftField }]);
    expect(result.unannounced).toEqual([expect.objectContaining({ path: 'Query.draftField', baseline: 'api.graphql at HEAD~1' })]);
  });

  it('reports a change that several baselines show once, against the first', async () => {
    const current = base.replace('title: String!', '');
    const result = await check(current, [], [...published(), { name: 'HEAD~1', sdl: base }, { name: 'HEAD', sdl: base }]);
    expect(result.unannounced).toEqual([expect.objectContaining({ path: 'Quiz.title', baseline: 'api/published.graphql' })]);
  });
});

describe('invalid schemas', () => {
  it('names the schema that does not parse', async () => {
    await expect(check('type Query {')).rejects.toThrow(/^api\.graphql is not a valid GraphQL schema: Syntax Error/);
    await expect(check(base, [], published('type Query { x: Nope }'))).rejects.toThrow(
      /^api\/published\.graphql is not a valid GraphQL schema: Unknown type "Nope"/,
    );
  });
});

describe('the announcements file', () => {
  it('reads a YAML list, and a file of comments only as no announcement', () => {
    expect(parseAnnouncements('# none yet\n', 'a.yaml')).toEqual([]);
    expect(parseAnnouncements('[]', 'a.yaml')).toEqual([]);
    expect(parseAnnouncements(`- path: Query.oldField\n  reason: Use Query.quiz instead.\n  date: 2025-03-01\n`, 'a.yaml')).toEqual([
      { path: 'Query.oldField', reason: 'Use Query.quiz instead.', date: '2025-03-01' },
    ]);
  });

  it('refuses an entry without a reason or with a bad date or path, naming the file and the entry', () => {
    expect(() => parseAnnouncements(`- path: Query.oldField\n  date: 2025-03-01\n`, 'api/breaking-changes.yaml')).toThrow(
      /api\/breaking-changes\.yaml[\s\S]*entry 0\.reason/,
    );
    expect(() => parseAnnouncements(`- path: Query.x\n  reason: Use Query.quiz instead.\n  date: 1 March\n`, 'a.yaml')).toThrow(/entry 0\.date/);
    expect(() => parseAnnouncements(`- path: "Query x"\n  reason: Use Query.quiz instead.\n  date: 2025-03-01\n`, 'a.yaml')).toThrow(/entry 0\.path/);
    expect(() => parseAnnouncements(`path: Query.x`, 'a.yaml')).toThrow(/a\.yaml must be a YAML list/);
    expect(() => parseAnnouncements(`- [`, 'a.yaml')).toThrow(/a\.yaml is not valid YAML/);
  });
});
