import { typeDefs as quizzesTypeDefs } from '@quizgraph/quizzes';
import { devServiceCredentialSigner, graphqlRequest, SERVICE_CREDENTIAL_HEADER } from '@quizgraph/service-kit';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  Kind,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type RunningStack } from '../src/stack.js';
import { routerClient, type Account } from './e2eClient.js';

/**
 * Quizzes as a new user meets them, through the real router: an author writes a quiz with every
 * question type, publishes, edits it into version 2, exports and imports it; players find it, take
 * both versions and are scored with partial credit; nobody but the author ever sees the key.
 */
let stack: RunningStack;
const { api, ok, account } = routerClient(() => stack.router.url);

/** Polls until `check` holds (events travel through outboxes), for at most 15 s. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

// Secret values chosen so that none of them can turn up in a response by coincidence.
const SECRET = {
  explanation: (n: number) => `Secret explanation ${n} ${randomUUID()}`,
  accepted: `Secretanswer${randomUUID().slice(0, 8)}`,
  numeric: 7373.1919,
  tolerance: 0.0137,
  weights: [0.61, 0.39, -0.27],
};

function everyTypeQuiz(searchWord: string) {
  return {
    title: `Planets and ${searchWord}`,
    description: 'One question of every type.',
    category: 'Science',
    tags: ['space', searchWord.toLowerCase()],
    difficulty: 'EASY',
    settings: { reviewPolicy: 'EXPLANATIONS', maxAttempts: 5 },
    questions: [
      {
        type: 'SINGLE_CHOICE',
        prompt: 'Which planet is red?',
        points: 2,
        explanation: SECRET.explanation(1),
        options: [{ label: 'Venus' }, { label: 'Mars', correct: true }],
      },
      { type: 'TRUE_FALSE', prompt: 'The Sun is a star.', correctAnswer: true, explanation: SECRET.explanation(2) },
      {
        type: 'MULTIPLE_CHOICE',
        prompt: 'Which are gas giants?',
        points: 2,
        scoring: 'PARTIAL',
        explanation: SECRET.explanation(3),
        options: [
          { label: 'Jupiter', correct: true, weight: SECRET.weights[0] },
          { label: 'Saturn', correct: true, weight: SECRET.weights[1] },
          { label: 'Mercury', correct: false, weight: SECRET.weights[2] },
        ],
      },
      { type: 'NUMERIC', prompt: 'A number only the key knows?', numericAnswer: SECRET.numeric, tolerance: SECRET.tolerance },
      { type: 'SHORT_TEXT', prompt: 'The secret word?', acceptedAnswers: [SECRET.accepted, 'Second secret'], caseSensitive: false },
      {
        type: 'ORDERING',
        prompt: 'Order by distance from the Sun',
        points: 3,
        scoring: 'PARTIAL',
        items: ['Mercury', 'Venus', 'Earth'],
        explanation: SECRET.explanation(6),
      },
    ],
  };
}

interface PlayerQuestion {
  id: string;
  type: string;
  options: Array<{ id: string; label: string }>;
  items: Array<{ id: string; label: string }>;
}

const PLAYER_VIEW = `query ($id: ID!) { quiz(id: $id) { id version questions { id type options { id label } items { id label } partialCredit } } }`;

const SUBMIT = `mutation ($q: ID!, $a: [AnswerInput!]!) {
  submitQuiz(quizId: $q, answers: $a) { id score maxScore percentage correctCount quizVersion }
}`;

const label = (q: PlayerQuestion, text: string) => [...q.options, ...q.items].find((o) => o.label === text)!.id;

/**
 * Answers with some partial credit: single choice right (2), true/false right (1), Jupiter only
 * (0.61 of 2 = 1.22), the numeric answer at the edge of its tolerance (1), the text in another case
 * and spacing (1), and the ordering with only Mercury in place (1/3 of 3 = 1).
 */
function partlyRightAnswers(questions: PlayerQuestion[], numeric = SECRET.numeric + SECRET.tolerance) {
  const [single, trueFalse, multiple, numericQ, text, ordering] = questions as [PlayerQuestion, ...PlayerQuestion[]];
  return [
    { questionId: single.id, optionIds: [label(single, 'Mars')] },
    { questionId: trueFalse!.id, boolean: true },
    { questionId: multiple!.id, optionIds: [label(multiple!, 'Jupiter')] },
    { questionId: numericQ!.id, number: numeric },
    { questionId: text!.id, text: `  ${SECRET.accepted.toUpperCase()}  ` },
    { questionId: ordering!.id, order: [label(ordering!, 'Mercury'), label(ordering!, 'Earth'), label(ordering!, 'Venus')] },
  ];
}

/**
 * Every field a player can reach from `root`, as a selection set: leaves, and objects down to
 * `depth`. Author-only `versions` and fields with required arguments are left out (the first is
 * checked on its own, and none of the second lead to keys).
 */
function everything(type: GraphQLObjectType, depth: number, only?: ReadonlySet<string>): string {
  const fields = Object.values(type.getFields()).filter(
    (f) => f.name !== 'versions' && !f.args.some((a) => isNonNullType(a.type)) && (!only || only.has(f.name)),
  );
  return fields
    .map((field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return field.name;
      if (!isObjectType(named) || depth === 0) return '';
      return `${field.name} { __typename ${everything(named, depth - 1)} }`;
    })
    .filter(Boolean)
    .join(' ');
}

let author: Account;
let schema: GraphQLSchema;
let quizId: string;
let searchWord: string;
let keysDir: string;

beforeAll(async () => {
  keysDir = await mkdtemp(join(tmpdir(), 'quizgraph-e2e-keys-'));
  stack = await startStack({
    databases: inject('databaseUrls'),
    keysDir,
    ports: { router: 0, users: 0, quizzes: 0, results: 0 },
    logLevel: 'silent',
  });
  schema = buildClientSchema((await ok<IntrospectionQuery>(getIntrospectionQuery())) as IntrospectionQuery);
  author = await account('Ada Author', 'AUTHOR');
  searchWord = `Zyx${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const { createQuiz } = await ok(`mutation ($input: CreateQuizInput!) { createQuiz(input: $input) { id status version } }`, {
    accessToken: author.token,
    variables: { input: everyTypeQuiz(searchWord) },
  });
  quizId = createQuiz.id;
  const { publishQuiz } = await ok(`mutation ($id: ID!) { publishQuiz(id: $id) { status } }`, { accessToken: author.token, variables: { id: quizId } });
  expect(publishQuiz.status).toBe('PUBLISHED');
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('an author and players through the router', () => {
  it('finds the quiz by search, scores partial credit, and keeps version 1 attempts as they were after an edit', async () => {
    const player = await account('Pat Player');
    const later = await account('Lee Later');

    const { quizzes } = await ok(`query ($s: String!) { quizzes(filter: { search: $s }) { totalCount edges { node { id title } } } }`, {
      accessToken: player.token,
      variables: { s: searchWord.slice(0, 6).toLowerCase() + searchWord.slice(6) },
    });
    expect(quizzes.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([quizId]);

    const v1 = (await ok(PLAYER_VIEW, { accessToken: player.token, variables: { id: quizId } })).quiz;
    expect(v1.version).toBe(1);
    const first = (await ok(SUBMIT, { accessToken: player.token, variables: { q: quizId, a: partlyRightAnswers(v1.questions) } })).submitQuiz;
    // 2 + 1 + 1.22 + 1 + 1 + 1 of 10.
    expect(first).toMatchObject({ score: 7.22, maxScore: 10, percentage: 72.2, correctCount: 4, quizVersion: 1 });

    // The author moves the numeric answer: version 2, with new question ids.
    const numericId = v1.questions[3].id;
    const { updateQuestion } = await ok(
      `mutation ($id: ID!, $q: QuestionInput!) { updateQuestion(questionId: $id, question: $q) { version questions { id } } }`,
      {
        accessToken: author.token,
        variables: { id: numericId, q: { type: 'NUMERIC', prompt: 'A number only the key knows?', numericAnswer: 42, tolerance: 0.5 } },
      },
    );
    expect(updateQuestion.version).toBe(2);
    expect(updateQuestion.questions.map((q: { id: string }) => q.id)).not.toContain(numericId);

    const v2 = (await ok(PLAYER_VIEW, { accessToken: later.token, variables: { id: quizId } })).quiz;
    const second = (await ok(SUBMIT, { accessToken: later.token, variables: { q: quizId, a: partlyRightAnswers(v2.questions, 42.5) } })).submitQuiz;
    expect(second).toMatchObject({ score: 7.22, quizVersion: 2 });
    // The old answer is wrong on version 2.
    const wrongNow = (await ok(SUBMIT, { accessToken: later.token, variables: { q: quizId, a: partlyRightAnswers(v2.questions) } })).submitQuiz;
    expect(wrongNow).toMatchObject({ score: 6.22, quizVersion: 2 });
    // Answers to version 1's questions do not fit version 2.
    const stale = await api(SUBMIT, { accessToken: player.token, variables: { q: quizId, a: partlyRightAnswers(v1.questions) } });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers.0.questionId' });

    // The version 1 attempt keeps its version and its score.
    const { attempt } = await ok(`query ($id: ID!) { attempt(id: $id) { score quizVersion } }`, { accessToken: player.token, variables: { id: first.id } });
    expect(attempt).toEqual({ score: 7.22, quizVersion: 1 });

    const { quiz } = await ok(`query ($id: ID!) { quiz(id: $id) { leaderboard { edges { rank node { score user { displayName } } } } } }`, {
      variables: { id: quizId },
    });
    expect(quiz.leaderboard.edges.map((e: { node: { score: number; user: { displayName: string } } }) => [e.node.user.displayName, e.node.score])).toEqual([
      ['Pat Player', 7.22],
      ['Lee Later', 7.22],
    ]);
    // Popularity travels to quizzes by event.
    const counted = await eventually(
      async () => (await ok(`query ($id: ID!) { quiz(id: $id) { attemptCount } }`, { variables: { id: quizId } })).quiz.attemptCount,
      (count) => count === 3,
    );
    expect(counted).toBe(3);
  });

  it('shows the whole key to the author of every version, and to nobody else', async () => {
    const VERSIONS = `query ($id: ID!) { quiz(id: $id) { id versions { version questions { type explanation acceptedAnswers numericAnswer tolerance
      options { label correct weight } items { label } } } } }`;
    const own = await ok(VERSIONS, { accessToken: author.token, variables: { id: quizId } });
    const latest = own.quiz.versions[0];
    expect(own.quiz.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(latest.questions[2].options).toEqual([
      { label: 'Jupiter', correct: true, weight: 0.61 },
      { label: 'Saturn', correct: true, weight: 0.39 },
      { label: 'Mercury', correct: false, weight: -0.27 },
    ]);
    expect(latest.questions[4].acceptedAnswers).toEqual([SECRET.accepted, 'Second secret']);
    expect(latest.questions[5].items.map((i: { label: string }) => i.label)).toEqual(['Mercury', 'Venus', 'Earth']);
    expect(own.quiz.versions[1].questions[3]).toMatchObject({ numericAnswer: SECRET.numeric, tolerance: SECRET.tolerance });

    const player = await account('Curious Player');
    const other = await account('Other Author', 'AUTHOR');
    for (const [who, code] of [
      [player.token, 'FORBIDDEN'],
      [other.token, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const response = await api(VERSIONS, { accessToken: who, variables: { id: quizId } });
      expect(response.data!.quiz).toEqual({ id: quizId, versions: null });
      expect(response.errors?.[0]).toMatchObject({ path: ['quiz', 'versions'], extensions: { code } });
      expect(JSON.stringify(response)).not.toContain(SECRET.accepted);
    }
  });

  it('walks every type a player can reach, for every question type, through the router and _entities, and finds no trace of the key', async () => {
    const player = await account('Snooping Player');
    const quizType = schema.getType('Quiz') as GraphQLObjectType;
    const selection = everything(quizType, 4);
    expect(selection).toContain('questions');
    expect(selection).toContain('leaderboard');
    const secrets = [
      SECRET.accepted,
      'Second secret',
      'Secret explanation',
      String(SECRET.numeric),
      String(SECRET.tolerance),
      '0.61',
      '0.39',
      '-0.27',
      '"correct"',
    ];

    const responses = [
      await api(`query ($id: ID!) { quiz(id: $id) { ${selection} } }`, { accessToken: player.token, variables: { id: quizId } }),
      await api(`query ($id: ID!) { quiz(id: $id) { ${selection} } }`, { variables: { id: quizId } }),
      // Five at most: a hundred quizzes with every field four levels deep is past the cost limit.
      await api(`{ quizzes(first: 5, filter: { search: "${searchWord}" }) { edges { node { ${selection} } } } }`, { accessToken: player.token }),
    ];
    // Straight to the subgraph, as the router would call it, with the player's token: every field
    // the quizzes subgraph itself serves on Quiz.
    const { quizzes } = stack.services;
    const ownFields = new Set(
      quizzesTypeDefs.definitions.flatMap((d) =>
        d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Quiz' ? (d.fields ?? []).map((f) => f.name.value) : [],
      ),
    );
    ownFields.delete('author'); // a reference: the users subgraph serves its fields
    const router = await devServiceCredentialSigner(keysDir, 'router');
    responses.push(
      await graphqlRequest(quizzes.url, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Quiz { ${everything(quizType, 4, ownFields)} } } }`, {
        accessToken: player.token,
        headers: { [SERVICE_CREDENTIAL_HEADER]: router.credentialFor('quizzes') },
        variables: { r: [{ __typename: 'Quiz', id: quizId }] },
      }),
    );
    expect(JSON.stringify(responses.at(-1)!.data)).toContain('"items"');
    for (const response of responses) {
      expect(response.data).toBeTruthy();
      const text = JSON.stringify(response.data);
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
    // Everything a player needs is there: every type, options, and the ordering items scrambled.
    const seen = responses[0]!.data!.quiz.questions as PlayerQuestion[];
    expect(seen.map((q) => q.type)).toEqual(['SINGLE_CHOICE', 'TRUE_FALSE', 'MULTIPLE_CHOICE', 'NUMERIC', 'SHORT_TEXT', 'ORDERING']);
    expect(seen[5]!.items.map((i) => i.label)).not.toEqual(['Mercury', 'Venus', 'Earth']);
    expect(seen[5]!.items.map((i) => i.label).sort()).toEqual(['Earth', 'Mercury', 'Venus']);
  });

  it('exports the quiz and imports it back as the same quiz', async () => {
    const { exportQuiz } = await ok(`query ($id: ID!) { exportQuiz(id: $id) }`, { accessToken: author.token, variables: { id: quizId } });
    expect(JSON.parse(exportQuiz)).toMatchObject({ format: 'quizgraph.quiz', formatVersion: 1 });
    const { importQuiz } = await ok(`mutation ($c: String!) { importQuiz(input: { format: JSON, content: $c }) { id status } }`, {
      accessToken: author.token,
      variables: { c: exportQuiz },
    });
    expect(importQuiz.status).toBe('DRAFT');
    const CONTENT = `query ($id: ID!) { quiz(id: $id) { title description category tags difficulty settings { timeLimitSeconds maxAttempts scoringPolicy
      shuffleQuestions shuffleOptions reviewPolicy leaderboardAttempt }
      versions { questions { position type prompt points explanation scoring options { label correct weight } items { label }
      correctAnswer numericAnswer tolerance acceptedAnswers caseSensitive } } } }`;
    const original = (await ok(CONTENT, { accessToken: author.token, variables: { id: quizId } })).quiz;
    const copy = (await ok(CONTENT, { accessToken: author.token, variables: { id: importQuiz.id } })).quiz;
    expect(copy).toEqual({ ...original, versions: [original.versions[0]] });
    // The exported document is the author's: players may not read it.
    const player = await account('Exporting Player');
    const refused = await api(`query ($id: ID!) { exportQuiz(id: $id) }`, { accessToken: player.token, variables: { id: quizId } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('archives the quiz: no new attempts, the archive reaches results, and the scores stay', async () => {
    const player = await account('Late Player');
    const view = (await ok(PLAYER_VIEW, { accessToken: player.token, variables: { id: quizId } })).quiz;
    const { archiveQuiz } = await ok(`mutation ($id: ID!) { archiveQuiz(id: $id) { status archivedAt } }`, {
      accessToken: author.token,
      variables: { id: quizId },
    });
    expect(archiveQuiz.status).toBe('ARCHIVED');
    const refused = await api(SUBMIT, { accessToken: player.token, variables: { q: quizId, a: partlyRightAnswers(view.questions) } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const results = new pg.Client({ connectionString: inject('databaseUrls').results });
    await results.connect();
    try {
      const archived = await eventually(
        async () => (await results.query(`SELECT "archivedAt" FROM "ArchivedQuiz" WHERE "quizId" = $1`, [quizId])).rows,
        (rows) => rows.length === 1,
      );
      expect(new Date(archived[0].archivedAt).toISOString()).toBe(archiveQuiz.archivedAt);
    } finally {
      await results.end();
    }
    const { quiz } = await ok(`query ($id: ID!) { quiz(id: $id) { title status leaderboard { totalCount } } }`, { variables: { id: quizId } });
    expect(quiz).toMatchObject({ status: 'ARCHIVED', leaderboard: { totalCount: 2 } });
  });
});
