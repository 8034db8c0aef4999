import type { AnyJson } from '@quizgraph/service-kit';
import { graphqlRequest, SERVICE_CREDENTIAL_HEADER, type GraphQLResponse, type RequestOptions } from '@quizgraph/service-kit';
import { createTestKeys } from '@quizgraph/service-kit/testing';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isInputObjectType,
  isObjectType,
  type GraphQLObjectType,
  type IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { setRoleByEmail } from '@quizgraph/users/admin';
import { startStack, type RunningStack } from '../src/stack.js';

/** Everything real: three subgraphs on their own databases and the router, all over HTTP. */
let stack: RunningStack;
const api = <T = AnyJson>(query: string, options?: RequestOptions): Promise<GraphQLResponse<T>> => graphqlRequest<T>(stack.router.url, query, options);

async function ok<T = AnyJson>(query: string, options?: RequestOptions): Promise<T> {
  const response = await api<T>(query, options);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

interface Player {
  id: string;
  token: string;
  displayName: string;
}

async function registerPlayer(displayName: string, role?: 'AUTHOR' | 'ADMIN'): Promise<Player> {
  const email = `e2e-${randomUUID()}@test.quizgraph.dev`;
  const password = 'a long enough passphrase';
  await ok(`mutation ($e: String!, $p: String!, $n: String!) { register(email: $e, password: $p, displayName: $n) { user { id } } }`, {
    variables: { e: email, p: password, n: displayName },
  });
  if (role) await setRoleByEmail(inject('databaseUrls').users, email, role);
  const { login } = await ok(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id displayName } } }`, {
    variables: { e: email, p: password },
  });
  return { id: login.user.id, token: login.accessToken, displayName: login.user.displayName };
}

interface PublishedQuiz {
  id: string;
  title: string;
  /** Per question: its id, the id of the option labelled "right" and of one labelled "wrong". */
  questions: Array<{ id: string; right: string; wrong: string }>;
}

async function publishQuiz(author: Player, questionCount: number): Promise<PublishedQuiz> {
  const title = `E2E quiz ${randomUUID().slice(0, 8)}`;
  const { createQuiz } = await ok(`mutation ($input: CreateQuizInput!) { createQuiz(input: $input) { id } }`, {
    accessToken: author.token,
    variables: {
      input: {
        title,
        questions: Array.from({ length: questionCount }, (_, i) => ({
          prompt: `Question ${i + 1}`,
          points: 10,
          options: [
            { label: 'wrong', correct: false },
            { label: 'right', correct: true },
            { label: 'also wrong', correct: false },
          ],
        })),
      },
    },
  });
  await ok(`mutation ($id: ID!) { publishQuiz(id: $id) { id } }`, { accessToken: author.token, variables: { id: createQuiz.id } });
  // As a player sees it: labels only.
  const { quiz } = await ok(`query ($id: ID!) { quiz(id: $id) { questions { id options { id label } } } }`, { variables: { id: createQuiz.id } });
  return {
    id: createQuiz.id,
    title,
    questions: quiz.questions.map((q: { id: string; options: Array<{ id: string; label: string }> }) => ({
      id: q.id,
      right: q.options.find((o) => o.label === 'right')!.id,
      wrong: q.options.find((o) => o.label === 'wrong')!.id,
    })),
  };
}

async function submit(player: Player, quiz: PublishedQuiz, rightCount: number) {
  const answers = quiz.questions.map((q, i) => ({ questionId: q.id, optionIds: [i < rightCount ? q.right : q.wrong] }));
  const { submitQuiz } = await ok(
    `mutation ($quizId: ID!, $answers: [AnswerInput!]!) { submitQuiz(quizId: $quizId, answers: $answers) { score maxScore correctCount } }`,
    { accessToken: player.token, variables: { quizId: quiz.id, answers } },
  );
  return submitQuiz;
}

beforeAll(async () => {
  stack = await startStack({
    databases: inject('databaseUrls'),
    keysDir: await mkdtemp(join(tmpdir(), 'quizgraph-e2e-keys-')),
    ports: { router: 0, users: 0, quizzes: 0, results: 0 },
    logLevel: 'silent',
  });
});

afterAll(async () => {
  await stack?.stop();
});

describe('a quiz from authoring to the leaderboard, through the router', () => {
  it('shows player names from users, quiz titles from quizzes and scores from results, in order', async () => {
    const author = await registerPlayer('E2E Author', 'AUTHOR');
    const quiz = await publishQuiz(author, 4);
    const [ana, ben, cleo, dev] = await Promise.all(['Ana', 'Ben', 'Cleo', 'Dev'].map((n) => registerPlayer(`${n} ${randomUUID().slice(0, 4)}`)));
    expect(await submit(ben!, quiz, 2)).toEqual({ score: 20, maxScore: 40, correctCount: 2 });
    await submit(ana!, quiz, 4);
    await submit(cleo!, quiz, 2);
    await submit(dev!, quiz, 1);
    await submit(dev!, quiz, 3); // a better retry replaces Dev's best

    const { quiz: board } = await ok(
      `query ($id: ID!) { quiz(id: $id) { title author { displayName } stats { attempts players }
         leaderboard(first: 10) { totalCount edges { rank node { score user { displayName } } } viewerEntry { rank } } } }`,
      { accessToken: cleo!.token, variables: { id: quiz.id } },
    );
    expect(board.title).toBe(quiz.title);
    expect(board.author.displayName).toBe('E2E Author');
    expect(board.stats).toEqual({ attempts: 5, players: 4 });
    expect(board.leaderboard.totalCount).toBe(4);
    const rows = board.leaderboard.edges.map((e: { rank: number; node: { score: number; user: { displayName: string } } }) => [
      e.rank,
      e.node.user.displayName,
      e.node.score,
    ]);
    expect(rows.slice(0, 2)).toEqual([
      [1, ana!.displayName, 40],
      [2, dev!.displayName, 30],
    ]);
    // Ben and Cleo tie on score and time: they share rank 3, and the earlier achievement comes first.
    expect(rows.slice(2)).toEqual([
      [3, ben!.displayName, 20],
      [3, cleo!.displayName, 20],
    ]);
    expect(board.leaderboard.viewerEntry).toEqual({ rank: 3 });

    const { leaderboard } = await ok(`{ leaderboard(first: 100) { edges { rank node { score user { id displayName stats { totalScore } } } } } }`);
    const mine = leaderboard.edges.filter((e: { node: { user: { id: string } } }) => [ana, ben, cleo, dev].some((p) => p!.id === e.node.user.id));
    expect(mine.map((e: { node: { user: { displayName: string } } }) => e.node.user.displayName)).toEqual([ana, dev, ben, cleo].map((p) => p!.displayName));
    expect(mine[0].node.user.stats.totalScore).toBe(40);
  });

  it('reads authored quizzes and stats across subgraphs in one query', async () => {
    const author = await registerPlayer('Prolific Author', 'AUTHOR');
    await publishQuiz(author, 1);
    await publishQuiz(author, 2);
    const { me } = await ok(
      `{ me { displayName email authoredQuizzes { totalCount edges { node { title questionCount author { id } } } } stats { attempts rank } } }`,
      {
        accessToken: author.token,
      },
    );
    expect(me.authoredQuizzes.totalCount).toBe(2);
    expect(me.authoredQuizzes.edges.map((e: { node: { questionCount: number } }) => e.node.questionCount)).toEqual([2, 1]);
    expect(me.stats).toEqual({ attempts: 0, rank: null });
  });
});

describe('the answer key stays secret', () => {
  it('has no field in the served API schema that reveals a correct answer', async () => {
    const { data } = await api<IntrospectionQuery>(getIntrospectionQuery());
    const schema = buildClientSchema(data!);
    const outputFields = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
      .flatMap((type) => Object.keys((type as { getFields(): object }).getFields()).map((field) => `${type.name}.${field}`));
    expect(outputFields).toContain('Option.label');
    // `Attempt.correctCount` counts the player's own right answers. Keys live only on the author-only
    // types, which nothing but `Quiz.versions` (checked per caller) leads to.
    const AUTHOR_ONLY = ['QuizVersion', 'KeyedQuestion', 'KeyedOption'];
    // A submitted attempt's review shows right answers and explanations, each only as far as the pinned
    // version's review policy allows (results' review.ts), and only to the attempt's player and admins.
    const REVIEW = ['QuestionReview', 'GivenAnswer'];
    expect(
      outputFields.filter(
        (f) =>
          /correct|answerKey|explanation|weight|accepted|tolerance/i.test(f) &&
          f !== 'Attempt.correctCount' &&
          ![...AUTHOR_ONLY, ...REVIEW].includes(f.split('.')[0]!),
      ),
    ).toEqual([]);
    const leadingToReview = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !REVIEW.includes(type.name))
      .flatMap((type) =>
        Object.values((type as GraphQLObjectType).getFields())
          .filter((field) => REVIEW.includes(getNamedType(field.type).name))
          .map((field) => `${type.name}.${field.name}`),
      );
    expect(leadingToReview).toEqual(['AttemptQuestion.review']);
    const leadingIn = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !AUTHOR_ONLY.includes(type.name))
      .flatMap((type) =>
        Object.values((type as GraphQLObjectType).getFields())
          .filter((field) => AUTHOR_ONLY.includes(getNamedType(field.type).name))
          .map((field) => `${type.name}.${field.name}`),
      );
    expect(leadingIn).toEqual(['Quiz.versions']);
    expect(Object.keys((schema.getType('Option') as { getFields(): object }).getFields()).sort()).toEqual(['id', 'label']);
    // The federation plumbing is not part of the public API.
    expect(schema.getQueryType()!.getFields()).not.toHaveProperty('_entities');
    expect(schema.getQueryType()!.getFields()).not.toHaveProperty('_service');
    expect(isInputObjectType(schema.getType('OptionInput'))).toBe(true); // authors set the key; nobody reads it back
  });

  it('answers no key to the router, to _entities, or to a direct call without the internal credential', async () => {
    const author = await registerPlayer('Key Keeper', 'AUTHOR');
    const quiz = await publishQuiz(author, 2);

    const viaRouter = await api(`query ($id: ID!) { quiz(id: $id) { questions { options { id label isCorrect } } } }`, { variables: { id: quiz.id } });
    expect(viaRouter.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const entitiesViaRouter = await api(`{ _entities(representations: [{ __typename: "Quiz", id: "${quiz.id}" }]) { __typename } }`);
    expect(entitiesViaRouter.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const { quizzes } = stack.services;
    const direct = await graphqlRequest(
      quizzes.url,
      `{ _entities(representations: [{ __typename: "Quiz", id: "${quiz.id}" }]) { ... on Quiz { questions { options { id label } } } } }`,
    );
    expect(direct.status).toBe(401);
    expect(JSON.stringify(direct)).not.toContain(quiz.questions[0]!.right);

    const keyUrl = `${quizzes.origin}/internal/quizzes/${quiz.id}/answer-key`;
    expect((await fetch(keyUrl)).status).toBe(401);
    // Even a credential the router would use is not enough: only the results service reads keys.
    const strangers = await createTestKeys();
    expect((await fetch(keyUrl, { headers: { [SERVICE_CREDENTIAL_HEADER]: strangers.signer('results').credentialFor('quizzes') } })).status).toBe(401);
  });

  it('refuses a bad access token at the router with UNAUTHENTICATED before any subgraph is asked', async () => {
    const response = await api('{ leaderboard(first: 1) { totalCount } }', { accessToken: 'not.a.token' });
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('no N+1 across subgraphs', () => {
  it('costs users one batched lookup for a leaderboard, whatever its length', async () => {
    const author = await registerPlayer('Batch Author', 'AUTHOR');
    const small = await publishQuiz(author, 1);
    const large = await publishQuiz(author, 1);
    const players = await Promise.all(Array.from({ length: 12 }, (_, i) => registerPlayer(`Batch Player ${i}`)));
    for (const player of players.slice(0, 2)) await submit(player, small, 1);
    for (const player of players) await submit(player, large, 1);

    const cost = async (quiz: PublishedQuiz, expected: number) => {
      const before = { users: stack.services.users.sqlStatements(), results: stack.services.results.sqlStatements() };
      const { quiz: read } = await ok(`query ($id: ID!) { quiz(id: $id) { leaderboard(first: 50) { edges { node { user { displayName } } } } } }`, {
        variables: { id: quiz.id },
      });
      expect(read.leaderboard.edges).toHaveLength(expected);
      expect(read.leaderboard.edges.every((e: { node: { user: { displayName: string } } }) => e.node.user.displayName.startsWith('Batch Player'))).toBe(true);
      return {
        users: stack.services.users.sqlStatements() - before.users,
        results: stack.services.results.sqlStatements() - before.results,
      };
    };
    const two = await cost(small, 2);
    const twelve = await cost(large, 12);
    expect(twelve.users).toBe(1);
    expect(twelve).toEqual(two);
  });
});
