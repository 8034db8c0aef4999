import { parseAnswerKey } from '@quizgraph/assessment';
import { graphqlRequest, issueAccessToken, SERVICE_CREDENTIAL_HEADER, type CredentialHolder, type RunningService } from '@quizgraph/service-kit';
import { createTestKeys, silentLogger, subgraphClient, type TestKeys } from '@quizgraph/service-kit/testing';
import { randomUUID } from 'node:crypto';
import { Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startQuizzesService } from '../src/server.js';

let keys: TestKeys;
let quizzes: RunningService;
let asRouter: ReturnType<typeof subgraphClient>;

function tokenFor(role: 'PLAYER' | 'AUTHOR' | 'ADMIN' = 'AUTHOR', userId = randomUUID()) {
  return { userId, token: issueAccessToken(keys.accessTokenKeys.signing, { userId, role }, 600).token };
}

const CREATE = `mutation ($input: CreateQuizInput!) {
  createQuiz(input: $input) { id status version questionCount totalPoints questions { id prompt options { id label } } }
}`;

function quizInput(overrides: Record<string, unknown> = {}) {
  return {
    title: `Quiz ${randomUUID()}`,
    category: ' Science ',
    tags: ['Space', 'space', 'planets'],
    questions: [
      {
        prompt: 'Red planet?',
        points: 2,
        options: [
          { label: 'Venus', correct: false },
          { label: 'Mars', correct: true },
        ],
      },
      {
        prompt: 'Largest planet?',
        options: [
          { label: 'Jupiter', correct: true },
          { label: 'Saturn', correct: false },
        ],
      },
    ],
    ...overrides,
  };
}

async function createQuiz(token: string, overrides: Record<string, unknown> = {}) {
  const { data, errors } = await asRouter(CREATE, { accessToken: token, variables: { input: quizInput(overrides) } });
  expect(errors).toBeUndefined();
  return data!.createQuiz;
}

async function publish(token: string, id: string) {
  return asRouter(`mutation ($id: ID!) { publishQuiz(id: $id) { id status publishedAt } }`, { accessToken: token, variables: { id } });
}

beforeAll(async () => {
  keys = await createTestKeys();
  quizzes = await startQuizzesService({
    databaseUrl: inject('databaseUrls').quizzes,
    port: 0,
    host: '127.0.0.1',
    logger: silentLogger,
    accessKeys: keys.accessKeys,
    serviceKeys: keys.serviceKeys,
    serviceSigner: keys.signer('quizzes'),
    // No subscriber: QuizArchived events stay in the outbox, where the tests read them.
    eventSubscribers: () => [],
  });
  asRouter = subgraphClient(quizzes.url, 'quizzes', keys.signer('router'));
});

afterAll(async () => {
  await quizzes?.close();
});

describe('createQuiz and publishQuiz', () => {
  it('creates a draft by the caller, normalised, with questions in order', async () => {
    const author = tokenFor();
    const quiz = await createQuiz(author.token);
    expect(quiz).toMatchObject({ status: 'DRAFT', version: 1, questionCount: 2, totalPoints: 3 });
    expect(quiz.questions.map((q: { prompt: string }) => q.prompt)).toEqual(['Red planet?', 'Largest planet?']);
    const { data } = await asRouter(`query ($id: ID!) { quiz(id: $id) { category tags difficulty author { id } } }`, {
      accessToken: author.token,
      variables: { id: quiz.id },
    });
    expect(data!.quiz).toEqual({ category: 'science', tags: ['space', 'planets'], difficulty: 'MEDIUM', author: { id: author.userId } });
  });

  it('needs a signed-in author or admin', async () => {
    const { errors } = await asRouter(CREATE, { variables: { input: quizInput() } });
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const player = await asRouter(CREATE, { accessToken: tokenFor('PLAYER').token, variables: { input: quizInput() } });
    expect(player.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await asRouter(CREATE, { accessToken: tokenFor('ADMIN').token, variables: { input: quizInput() } });
    expect(admin.errors).toBeUndefined();
  });

  it.each([
    ['a field of another question type', { questions: [{ type: 'NUMERIC', prompt: 'Q', numericAnswer: 1, items: ['a', 'b'] }] }, 'input.questions.0'],
    ['a TRUE_FALSE question without its answer', { questions: [{ type: 'TRUE_FALSE', prompt: 'Q' }] }, 'input.questions.0.correctAnswer'],
    ['one option', { questions: [{ prompt: 'Q', options: [{ label: 'a', correct: true }] }] }, 'input.questions.0.options'],
    ['an empty title', { title: '  ' }, 'input.title'],
    ['SPEED scoring without a time limit', { settings: { scoringPolicy: 'SPEED' } }, 'input.settings.scoringPolicy'],
  ])('rejects a quiz with %s as BAD_USER_INPUT naming the field', async (_case, overrides, field) => {
    const { errors } = await asRouter(CREATE, { accessToken: tokenFor().token, variables: { input: quizInput(overrides) } });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('returns the first quiz when a create is retried with the same idempotency key', async () => {
    const author = tokenFor();
    const idempotencyKey = randomUUID();
    const first = await createQuiz(author.token, { idempotencyKey });
    const again = await createQuiz(author.token, { idempotencyKey });
    expect(again.id).toBe(first.id);
    const { data } = await asRouter(`query ($a: ID!) { quizzes(filter: { authorId: $a }) { totalCount } }`, {
      accessToken: author.token,
      variables: { a: author.userId },
    });
    expect(data!.quizzes.totalCount).toBe(1);
  });

  it('publishes for the author only; a draft stays hidden from everyone else', async () => {
    const author = tokenFor();
    const quiz = await createQuiz(author.token);
    const stranger = tokenFor();
    expect((await publish(stranger.token, quiz.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const seen = await asRouter(`query ($id: ID!) { quiz(id: $id) { id } }`, { accessToken: stranger.token, variables: { id: quiz.id } });
    expect(seen.data!.quiz).toBeNull();

    const published = await publish(author.token, quiz.id);
    expect(published.data!.publishQuiz.status).toBe('PUBLISHED');
    expect((await publish(author.token, quiz.id)).data!.publishQuiz.publishedAt).toBe(published.data!.publishQuiz.publishedAt);
    expect((await publish(stranger.token, quiz.id)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await asRouter(`query ($id: ID!) { quiz(id: $id) { status } }`, { variables: { id: quiz.id } });
    expect(anonymous.data!.quiz).toEqual({ status: 'PUBLISHED' });
  });

  it('lets an admin publish any draft', async () => {
    const quiz = await createQuiz(tokenFor().token);
    expect((await publish(tokenFor('ADMIN').token, quiz.id)).data!.publishQuiz.status).toBe('PUBLISHED');
  });
});

describe('lists', () => {
  it('pages the quizzes of a filter with cursors, drafts only for their author', async () => {
    const author = tokenFor();
    const tag = `tag-${randomUUID().slice(0, 8)}`;
    const created = [];
    for (let i = 0; i < 3; i++) created.push(await createQuiz(author.token, { tags: [tag], title: `Paging ${i} ${tag}` }));
    for (const quiz of created.slice(0, 2)) await publish(author.token, quiz.id);

    const QUERY = `query ($a: ID!, $after: String) { quizzes(first: 1, after: $after, filter: { authorId: $a }) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { title status } } } }`;
    const anonymous = await asRouter(QUERY, { variables: { a: author.userId } });
    expect(anonymous.data!.quizzes.totalCount).toBe(2);
    expect(anonymous.data!.quizzes.edges[0].node.title).toBe(`Paging 1 ${tag}`);
    const next = await asRouter(QUERY, { variables: { a: author.userId, after: anonymous.data!.quizzes.pageInfo.endCursor } });
    expect(next.data!.quizzes).toMatchObject({ pageInfo: { hasNextPage: false, hasPreviousPage: true }, edges: [{ node: { title: `Paging 0 ${tag}` } }] });

    const own = await asRouter(QUERY, { accessToken: author.token, variables: { a: author.userId } });
    expect(own.data!.quizzes.totalCount).toBe(3);

    const search = await asRouter(`query ($s: String!) { quizzes(filter: { search: $s }) { totalCount } }`, { variables: { s: `paging ${tag}` } });
    expect(search.data!.quizzes.totalCount).toBe(2);
  });

  it('rejects a page size over 100 and a cursor it did not give out', async () => {
    const big = await asRouter('{ quizzes(first: 101) { totalCount } }');
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await asRouter('{ quizzes(after: "bm9wZQ") { totalCount } }');
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('serves User.authoredQuizzes for many users with a constant number of statements', async () => {
    const authors = [tokenFor(), tokenFor(), tokenFor(), tokenFor()];
    for (const author of authors) await publish(author.token, (await createQuiz(author.token)).id);
    const QUERY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { authoredQuizzes(first: 5) { totalCount edges { node { title questionCount } } } } } }`;
    const cost = async (n: number) => {
      const before = quizzes.sqlStatements();
      const { data, errors } = await asRouter(QUERY, { variables: { r: authors.slice(0, n).map((a) => ({ __typename: 'User', id: a.userId })) } });
      expect(errors).toBeUndefined();
      expect(data!._entities.map((u: { authoredQuizzes: { totalCount: number } }) => u.authoredQuizzes.totalCount)).toEqual(Array(n).fill(1));
      return quizzes.sqlStatements() - before;
    };
    expect(await cost(4)).toBe(await cost(1));
  });
});

describe('the answer key never leaves through the public graph', () => {
  it('keeps every field that could carry correctness on author-only types, reached only through Quiz.versions', async () => {
    const { data } = await asRouter('{ _service { sdl } }');
    const objects = parse(data!._service.sdl as string).definitions.flatMap((definition) =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION ? [definition] : [],
    );
    const fields = objects.flatMap((definition) => (definition.fields ?? []).map((field) => `${definition.name.value}.${field.name.value}`));
    expect(fields).toContain('Option.label');
    const AUTHOR_ONLY = ['QuizVersion', 'KeyedQuestion', 'KeyedOption'];
    expect(fields.filter((f) => /correct|answerKey|explanation|weight|accepted|tolerance/i.test(f) && !AUTHOR_ONLY.includes(f.split('.')[0]!))).toEqual([]);
    // The only way in to the author-only types is Quiz.versions, whose resolver checks the caller.
    const leadingIn = objects.flatMap((definition) =>
      (definition.fields ?? [])
        .filter((field) => !AUTHOR_ONLY.includes(definition.name.value) && AUTHOR_ONLY.some((t) => JSON.stringify(field.type).includes(`"value":"${t}"`)))
        .map((field) => `${definition.name.value}.${field.name.value}`),
    );
    expect(leadingIn).toEqual(['Quiz.versions']);
  });

  it('serves the key on the internal channel to the results service only', async () => {
    const author = tokenFor();
    const quiz = await createQuiz(author.token);
    const url = `${quizzes.origin}/internal/quizzes/${quiz.id}/answer-key`;
    const withCredential = (caller: CredentialHolder) => ({ headers: { [SERVICE_CREDENTIAL_HEADER]: keys.signer(caller).credentialFor('quizzes') } });

    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, withCredential('router'))).status).toBe(401);
    const response = await fetch(url, withCredential('results'));
    expect(response.status).toBe(200);
    const key = parseAnswerKey(await response.json());
    expect(key.version).toBe(1);
    expect(key.questions.map((q) => 'correctOptionIds' in q.key && q.key.correctOptionIds)).toEqual([
      [quiz.questions[0].options[1].id],
      [quiz.questions[1].options[0].id],
    ]);
    expect((await fetch(`${quizzes.origin}/internal/quizzes/${randomUUID()}/answer-key`, withCredential('results'))).status).toBe(404);
  });

  it('refuses _entities without a service credential', async () => {
    const response = await graphqlRequest(quizzes.url, `{ _entities(representations: [{ __typename: "Quiz", id: "${randomUUID()}" }]) { __typename } }`);
    expect(response.status).toBe(401);
  });

  it('shows a timed quiz’s questions to its author and admins only: players get them inside an attempt', async () => {
    const author = tokenFor();
    const quiz = await createQuiz(author.token, { settings: { timeLimitSeconds: 60 } });
    await publish(author.token, quiz.id);
    const QUERY = `query ($id: ID!) { quiz(id: $id) { questionCount questions { id } } }`;
    const seen = async (token?: string) => (await asRouter(QUERY, { accessToken: token, variables: { id: quiz.id } })).data!.quiz;
    expect(await seen()).toEqual({ questionCount: 2, questions: [] });
    expect(await seen(tokenFor('PLAYER').token)).toEqual({ questionCount: 2, questions: [] });
    expect((await seen(author.token)).questions).toHaveLength(2);
    expect((await seen(tokenFor('ADMIN').token)).questions).toHaveLength(2);
  });

  it('resolves Quiz references in one batch, hiding drafts from strangers', async () => {
    const author = tokenFor();
    const draft = await createQuiz(author.token);
    const live = await createQuiz(author.token);
    await publish(author.token, live.id);
    const QUERY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Quiz { id questions { options { id label } } } } }`;
    const r = [draft, live].map((q) => ({ __typename: 'Quiz', id: q.id }));
    const anonymous = await asRouter(QUERY, { variables: { r } });
    expect(anonymous.data!._entities.map((q: { id: string } | null) => q?.id ?? null)).toEqual([null, live.id]);
    const own = await asRouter(QUERY, { accessToken: author.token, variables: { r } });
    expect(own.data!._entities.map((q: { id: string }) => q.id)).toEqual([draft.id, live.id]);
  });
});
