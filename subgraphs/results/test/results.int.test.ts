import { DEFAULT_SETTINGS, type KeyedQuestion } from '@quizgraph/assessment';
import { issueAccessToken, type RunningService } from '@quizgraph/service-kit';
import { createTestKeys, silentLogger, subgraphClient, type TestKeys } from '@quizgraph/service-kit/testing';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AnswerKey, AnswerKeySource } from '../src/quizKeys.js';
import { startResultsService } from '../src/server.js';

/**
 * The quizzes service's side of the internal channel, in memory: these tests are about scoring and
 * aggregates in the results database. The real channel is exercised end to end in stack/test.
 */
const answerKeys = new Map<string, AnswerKey>();
const keySource: AnswerKeySource = { answerKey: async (quizId) => answerKeys.get(quizId) ?? null };

let keys: TestKeys;
let results: RunningService;
let asRouter: ReturnType<typeof subgraphClient>;

function player(role: 'PLAYER' | 'ADMIN' = 'PLAYER') {
  const userId = randomUUID();
  return { userId, token: issueAccessToken(keys.accessTokenKeys.signing, { userId, role }, 600).token };
}

/** A published quiz of `points.length` single-choice questions with two options each; option 0 is right. */
function quiz(points: number[], status: AnswerKey['status'] = 'PUBLISHED') {
  return register(
    points.map((p, i): KeyedQuestion => {
      const options = [
        { id: randomUUID(), label: 'right' },
        { id: randomUUID(), label: 'wrong' },
      ];
      return {
        id: randomUUID(),
        position: i + 1,
        prompt: `Question ${i + 1}`,
        explanation: null,
        type: 'SINGLE_CHOICE',
        points: p,
        content: { options },
        key: { correctOptionIds: [options[0]!.id] },
      };
    }),
    status,
  );
}

function register(questions: KeyedQuestion[], status: AnswerKey['status'] = 'PUBLISHED', settings = DEFAULT_SETTINGS): AnswerKey {
  const key: AnswerKey = { quizId: randomUUID(), authorId: randomUUID(), version: 1, currentVersion: 1, status, settings, questions };
  answerKeys.set(key.quizId, key);
  return key;
}

/** The option ids of a choice question. */
function optionIds(question: KeyedQuestion | undefined): string[] {
  return question && 'options' in question.content ? question.content.options.map((o) => o.id) : [];
}

/** Answers right the questions whose index is in `right`, wrong the others. */
function answers(key: AnswerKey, right: number[]) {
  return key.questions.map((q, i) => ({ questionId: q.id, optionIds: [optionIds(q)[right.includes(i) ? 0 : 1]!] }));
}

const SUBMIT = `mutation ($quizId: ID!, $answers: [AnswerInput!]!, $key: String) {
  submitQuiz(quizId: $quizId, answers: $answers, idempotencyKey: $key) { id score maxScore percentage correctCount questionCount quizVersion player { id } quiz { id } }
}`;

async function submit(token: string, key: AnswerKey, right: number[], idempotencyKey?: string) {
  return asRouter(SUBMIT, { accessToken: token, variables: { quizId: key.quizId, answers: answers(key, right), key: idempotencyKey } });
}

const QUIZ_BOARD = `query ($r: [_Any!]!, $first: Int) { _entities(representations: $r) { ... on Quiz {
  leaderboard(first: $first) { totalCount edges { rank node { score user { id } } } viewerEntry { rank score } }
  stats { attempts players averagePercentage scoreDistribution { fromPercentage count } } } } }`;

beforeAll(async () => {
  keys = await createTestKeys();
  results = await startResultsService({
    databaseUrl: inject('databaseUrls').results,
    port: 0,
    host: '127.0.0.1',
    logger: silentLogger,
    accessKeys: keys.accessKeys,
    serviceKeys: keys.serviceKeys,
    answerKeys: keySource,
    serviceSigner: keys.signer('results'),
    // No subscriber: QuizPlayed events stay in the outbox, where the tests read them.
    eventSubscribers: () => [],
  });
  asRouter = subgraphClient(results.url, 'results', keys.signer('router'));
});

afterAll(async () => {
  await results?.close();
});

describe('submitQuiz', () => {
  it('keeps partial credit as a fraction: in the attempt, on the leaderboard and in the total', async () => {
    const items = [1, 2, 3].map((n) => ({ id: randomUUID(), label: `item ${n}` }));
    const key = register([
      {
        id: randomUUID(),
        position: 1,
        prompt: 'Put them in order',
        explanation: null,
        type: 'ORDERING',
        points: 1,
        content: { items: [items[2]!, items[0]!, items[1]!], scoring: 'PARTIAL' },
        key: { order: items.map((i) => i.id) },
      },
    ]);
    const { token, userId } = player();
    // The first item in place, the other two swapped: one of three in place.
    const order = [items[0]!.id, items[2]!.id, items[1]!.id];
    const { data, errors } = await asRouter(SUBMIT, {
      accessToken: token,
      variables: { quizId: key.quizId, answers: [{ questionId: key.questions[0]!.id, order }] },
    });
    expect(errors).toBeUndefined();
    expect(data!.submitQuiz).toMatchObject({ score: 0.3333, maxScore: 1, percentage: 33.33, correctCount: 0 });
    const board = await asRouter(QUIZ_BOARD, { accessToken: token, variables: { r: [{ __typename: 'Quiz', id: key.quizId }], first: 5 } });
    expect(board.data!._entities[0].leaderboard.edges[0].node).toEqual({ score: 0.3333, user: { id: userId } });
    const stats = await asRouter(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { stats { totalScore } } } }`, {
      variables: { r: [{ __typename: 'User', id: userId }] },
    });
    expect(stats.data!._entities[0].stats.totalScore).toBe(0.3333);
  });

  it('tallies attempts and players per quiz and tells quizzes the newest counts through the outbox, in the submitting transaction', async () => {
    const key = quiz([1]);
    const first = player();
    const second = player();
    for (const who of [first, first, second]) expect((await submit(who.token, key, [0])).errors).toBeUndefined();
    const db = new pg.Client({ connectionString: inject('databaseUrls').results });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT payload FROM "OutboxEvent" WHERE type = 'QuizPlayed' AND payload->>'quizId' = $1 ORDER BY "createdAt", attempts`,
        [key.quizId],
      );
      // Undelivered, the three states coalesce into one event carrying the newest counts.
      expect(rows.map((r) => r.payload)).toEqual([{ quizId: key.quizId, attempts: 3, players: 2 }]);
    } finally {
      await db.end();
    }
  });

  it('adds a new QuizPlayed event when the pending one is locked (being delivered), leaving that one as it was', async () => {
    const key = quiz([1]);
    const who = player();
    expect((await submit(who.token, key, [0])).errors).toBeUndefined();
    const relay = new pg.Client({ connectionString: inject('databaseUrls').results });
    await relay.connect();
    try {
      await relay.query('BEGIN');
      await relay.query(`SELECT id FROM "OutboxEvent" WHERE type = 'QuizPlayed' AND payload->>'quizId' = $1 FOR UPDATE`, [key.quizId]);
      expect((await submit(who.token, key, [0])).errors).toBeUndefined();
      await relay.query('ROLLBACK');
      const { rows } = await relay.query(`SELECT payload FROM "OutboxEvent" WHERE type = 'QuizPlayed' AND payload->>'quizId' = $1 ORDER BY "createdAt"`, [
        key.quizId,
      ]);
      expect(rows.map((r) => r.payload.attempts)).toEqual([1, 2]);
    } finally {
      await relay.end();
    }
  });

  it('adds a new QuizPlayed event rather than rewrite one a relay leased or tried (a consumer may have applied it)', async () => {
    const key = quiz([1]);
    const who = player();
    expect((await submit(who.token, key, [0])).errors).toBeUndefined();
    const db = new pg.Client({ connectionString: inject('databaseUrls').results });
    await db.connect();
    try {
      await db.query(`UPDATE "OutboxEvent" SET attempts = 1 WHERE type = 'QuizPlayed' AND payload->>'quizId' = $1`, [key.quizId]);
      expect((await submit(who.token, key, [0])).errors).toBeUndefined();
      // Nor one a relay leased, even once its lease ran out (it may be mid-delivery, or have crashed there).
      await db.query(
        `UPDATE "OutboxEvent" SET "lockedUntil" = now() - interval '1 minute' WHERE type = 'QuizPlayed' AND payload->>'quizId' = $1 AND attempts = 0`,
        [key.quizId],
      );
      expect((await submit(who.token, key, [0])).errors).toBeUndefined();
      const { rows } = await db.query(`SELECT payload FROM "OutboxEvent" WHERE type = 'QuizPlayed' AND payload->>'quizId' = $1 ORDER BY "createdAt"`, [
        key.quizId,
      ]);
      expect(rows.map((r) => r.payload.attempts)).toEqual([1, 2, 3]);
    } finally {
      await db.end();
    }
  });

  it('scores on the server against the key and records the attempt', async () => {
    const key = quiz([1, 2, 3]);
    const { token, userId } = player();
    const { data, errors } = await submit(token, key, [0, 2]);
    expect(errors).toBeUndefined();
    expect(data!.submitQuiz).toMatchObject({
      score: 4,
      maxScore: 6,
      percentage: 66.67,
      correctCount: 2,
      questionCount: 3,
      quizVersion: 1,
      player: { id: userId },
      quiz: { id: key.quizId },
    });
    const read = await asRouter(`query ($id: ID!) { attempt(id: $id) { score } }`, { accessToken: token, variables: { id: data!.submitQuiz.id } });
    expect(read.data!.attempt).toEqual({ score: 4 });
    const stranger = await asRouter(`query ($id: ID!) { attempt(id: $id) { score } }`, { accessToken: player().token, variables: { id: data!.submitQuiz.id } });
    expect(stranger.data!.attempt).toBeNull();
  });

  it('scores unanswered questions 0', async () => {
    const key = quiz([5, 5]);
    const { data } = await asRouter(SUBMIT, { accessToken: player().token, variables: { quizId: key.quizId, answers: [] } });
    expect(data!.submitQuiz).toMatchObject({ score: 0, maxScore: 10, correctCount: 0 });
  });

  it('records a retried submission once, and refuses its key on another quiz', async () => {
    const key = quiz([1, 1]);
    const { token } = player();
    const idempotencyKey = randomUUID();
    const [first, second] = await Promise.all([submit(token, key, [0], idempotencyKey), submit(token, key, [0], idempotencyKey)]);
    expect(first.data!.submitQuiz.id).toBe(second.data!.submitQuiz.id);
    const third = await submit(token, key, [0, 1], idempotencyKey);
    expect(third.data!.submitQuiz).toMatchObject({ id: first.data!.submitQuiz.id, score: 1 });
    const board = await asRouter(QUIZ_BOARD, { variables: { r: [{ __typename: 'Quiz', id: key.quizId }] } });
    expect(board.data!._entities[0].stats.attempts).toBe(1);

    const elsewhere = await submit(token, quiz([1]), [0], idempotencyKey);
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
  });

  it.each([
    ['an unknown question', (_key: AnswerKey) => [{ questionId: randomUUID(), optionIds: [] as string[] }], 'answers.0.questionId'],
    ['an option of another question', (k: AnswerKey) => [{ questionId: k.questions[0]!.id, optionIds: [optionIds(k.questions[1])[0]] }], 'answers.0.optionIds'],
    [
      'two options on a single-choice question',
      (k: AnswerKey) => [{ questionId: k.questions[0]!.id, optionIds: optionIds(k.questions[0]) }],
      'answers.0.optionIds',
    ],
    ['a text answer to a choice question', (k: AnswerKey) => [{ questionId: k.questions[0]!.id, text: 'right' }], 'answers.0.text'],
    ['a malformed id', () => [{ questionId: 'nope', optionIds: [] }], 'answers.0.questionId'],
  ])('rejects %s with BAD_USER_INPUT naming the answer', async (_case, build, field) => {
    const key = quiz([1, 1]);
    const { errors } = await asRouter(SUBMIT, { accessToken: player().token, variables: { quizId: key.quizId, answers: build(key) } });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('treats a draft as missing and refuses an archived quiz', async () => {
    const { token } = player();
    expect((await submit(token, quiz([1], 'DRAFT'), [0])).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await submit(token, quiz([1], 'ARCHIVED'), [0])).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const missing = await asRouter(SUBMIT, { accessToken: token, variables: { quizId: randomUUID(), answers: [] } });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('needs a signed-in player', async () => {
    const key = quiz([1]);
    const { errors } = await asRouter(SUBMIT, { variables: { quizId: key.quizId, answers: answers(key, [0]) } });
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('leaderboards and stats', () => {
  it('ranks a quiz by each player’s best attempt, ties sharing a rank (1, 2, 2, 4)', async () => {
    const key = quiz([1, 1, 1]);
    const [a, b, c, d] = [player(), player(), player(), player()];
    await submit(a.token, key, [0, 1, 2]);
    await submit(b.token, key, [0]);
    await submit(b.token, key, [0, 1]); // b's best is 2, not the sum
    await submit(c.token, key, [1, 2]);
    await submit(d.token, key, []);
    const { data } = await asRouter(QUIZ_BOARD, { accessToken: c.token, variables: { r: [{ __typename: 'Quiz', id: key.quizId }] } });
    const board = data!._entities[0].leaderboard;
    expect(board.totalCount).toBe(4);
    expect(board.edges.map((e: { rank: number; node: { score: number } }) => [e.rank, e.node.score])).toEqual([
      [1, 3],
      [2, 2],
      [2, 2],
      [4, 0],
    ]);
    expect(board.edges[0].node.user.id).toBe(a.userId);
    expect(board.edges[3].node.user.id).toBe(d.userId);
    expect(board.viewerEntry).toEqual({ rank: 2, score: 2 });
    expect(data!._entities[0].stats).toMatchObject({ attempts: 5, players: 4, averagePercentage: 53.33 }); // (100 + 33.33 + 66.67 × 2 + 0) / 5
    const buckets = Object.fromEntries(
      data!._entities[0].stats.scoreDistribution.map((b: { fromPercentage: number; count: number }) => [b.fromPercentage, b.count]),
    );
    expect(buckets).toMatchObject({ 0: 1, 30: 1, 60: 2, 90: 1 });
  });

  it('sums best scores per quiz for the global board, so replaying never inflates it', async () => {
    const first = quiz([10, 10]);
    const second = quiz([5]);
    const { token, userId } = player();
    await submit(token, first, [0]);
    await submit(token, first, [0]);
    await submit(token, first, [0, 1]);
    await submit(token, first, [1]);
    await submit(token, second, [0]);
    const { data, errors } = await asRouter(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { stats { attempts quizzesCompleted totalScore bestPercentage averagePercentage currentStreakDays longestStreakDays rank } } }
       leaderboard(first: 100) { viewerEntry { score rank } } }`,
      { accessToken: token, variables: { r: [{ __typename: 'User', id: userId }] } },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities[0].stats).toMatchObject({
      attempts: 5,
      quizzesCompleted: 2,
      totalScore: 25,
      bestPercentage: 100,
      averagePercentage: 70,
      currentStreakDays: 1,
      longestStreakDays: 1,
    });
    expect(data!.leaderboard.viewerEntry).toEqual({ score: 25, rank: data!._entities[0].stats.rank });
  });

  it('answers many quizzes’ leaderboards and many users’ stats with a constant number of statements', async () => {
    const keysList = [quiz([1]), quiz([1]), quiz([1]), quiz([1]), quiz([1])];
    const players = [player(), player(), player()];
    for (const k of keysList) for (const p of players) await submit(p.token, k, [0]);
    const cost = async (n: number) => {
      const before = results.sqlStatements();
      const { errors } = await asRouter(
        `query ($q: [_Any!]!, $u: [_Any!]!) {
          quizzes: _entities(representations: $q) { ... on Quiz { leaderboard(first: 3) { edges { rank } viewerEntry { rank } } stats { attempts } } }
          users: _entities(representations: $u) { ... on User { stats { rank totalScore attempts } } } }`,
        {
          accessToken: players[0]!.token,
          variables: {
            q: keysList.slice(0, n).map((k) => ({ __typename: 'Quiz', id: k.quizId })),
            u: players.slice(0, Math.min(n, 3)).map((p) => ({ __typename: 'User', id: p.userId })),
          },
        },
      );
      expect(errors).toBeUndefined();
      return results.sqlStatements() - before;
    };
    expect(await cost(5)).toBe(await cost(1));
  });

  it('knows a quiz leaderboard total on a page past its end', async () => {
    const key = quiz([1]);
    for (const p of [player(), player(), player()]) await submit(p.token, key, [0]);
    const { data } = await asRouter(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Quiz { leaderboard(first: 0) { totalCount edges { rank } pageInfo { hasNextPage } } } } }`,
      { variables: { r: [{ __typename: 'Quiz', id: key.quizId }] } },
    );
    expect(data!._entities[0].leaderboard).toEqual({ totalCount: 3, edges: [], pageInfo: { hasNextPage: true } });
  });

  it('rejects a leaderboard page over 100', async () => {
    const { errors } = await asRouter('{ leaderboard(first: 1000) { totalCount } }');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
