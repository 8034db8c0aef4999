import { parseAnswerKey } from '@quizgraph/assessment';
import type { CredentialHolder } from '@quizgraph/service-kit';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  KEYED_QUESTION_FIELDS,
  KEYED_QUESTIONS_OF_EVERY_TYPE,
  ONE_QUESTION,
  QUESTIONS_OF_EVERY_TYPE,
  SETTINGS_FIELDS,
  startQuizzesFixture,
  type QuizzesFixture,
} from './fixtures.js';

let fx: QuizzesFixture;
let sql: pg.Pool;

beforeAll(async () => {
  fx = await startQuizzesFixture(inject('databaseUrls').quizzes);
  sql = new pg.Pool({ connectionString: inject('databaseUrls').quizzes, max: 2 });
});

afterAll(async () => {
  await sql?.end();
  await fx?.close();
});

interface KeyedQuestion {
  id: string;
  position: number;
  type: string;
  options: Array<{ id: string; label: string; correct: boolean; weight: number | null }>;
  items: Array<{ id: string; label: string }>;
  [field: string]: unknown;
}

interface QuizVersionView {
  version: number;
  settings: Record<string, unknown>;
  totalPoints: number;
  questions: KeyedQuestion[];
}

const VERSIONS = `query ($id: ID!, $version: Int) { quiz(id: $id) { id status version
  versions(version: $version) { version settings { ${SETTINGS_FIELDS} } totalPoints questions { ${KEYED_QUESTION_FIELDS} } } } }`;

/** The author view of every version, newest first; expects no error. */
async function versionsOf(token: string, id: string): Promise<QuizVersionView[]> {
  const { data, errors } = await fx.asRouter(VERSIONS, { accessToken: token, variables: { id } });
  expect(errors).toBeUndefined();
  return data!.quiz.versions;
}

/** A keyed question without its ids, to compare versions and imports. */
function withoutIds({ id: _id, position: _position, options, items, ...rest }: KeyedQuestion) {
  return { ...rest, options: options.map(({ id: _o, ...o }) => o), items: items.map(({ id: _i, ...i }) => i) };
}

const PLAYER_VIEW = `query ($id: ID!) { quiz(id: $id) { id status version questionCount totalPoints
  questions { id position type prompt points options { id label } items { id label } partialCredit } } }`;

async function playerView(id: string, token?: string) {
  const { data, errors } = await fx.asRouter(PLAYER_VIEW, { variables: { id }, ...(token ? { accessToken: token } : {}) });
  expect(errors).toBeUndefined();
  return data!.quiz;
}

const ADD = `mutation ($quizId: ID!, $question: QuestionInput!, $position: Int) {
  addQuestion(quizId: $quizId, question: $question, position: $position) { id version status questions { id prompt } } }`;
const UPDATE_QUESTION = `mutation ($questionId: ID!, $question: QuestionInput!) {
  updateQuestion(questionId: $questionId, question: $question) { id version questions { id prompt } } }`;
const REMOVE = `mutation ($questionId: ID!) { removeQuestion(questionId: $questionId) { id version questions { id prompt } } }`;
const REORDER = `mutation ($quizId: ID!, $ids: [ID!]!) { reorderQuestions(quizId: $quizId, questionIds: $ids) { id version questions { id prompt } } }`;
const UPDATE_QUIZ = `mutation ($id: ID!, $input: UpdateQuizInput!) {
  updateQuiz(id: $id, input: $input) { id title version settings { ${SETTINGS_FIELDS} } } }`;
const PUBLISH = `mutation ($id: ID!) { publishQuiz(id: $id) { id status version publishedAt } }`;
const ARCHIVE = `mutation ($id: ID!) { archiveQuiz(id: $id) { id status archivedAt } }`;
const DELETE = `mutation ($id: ID!) { deleteQuiz(id: $id) }`;
const EXPORT = `query ($id: ID!) { exportQuiz(id: $id) }`;
const IMPORT = `mutation ($input: ImportQuizInput!) { importQuiz(input: $input) {
  id status version title description category tags difficulty author { id } settings { ${SETTINGS_FIELDS} } } }`;

const tf = (prompt: string, correctAnswer = true) => ({ type: 'TRUE_FALSE', prompt, correctAnswer });
const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;

describe('questions of every type', () => {
  it('stores each type and serves players the questions without their answers', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createQuiz(author.token, { questions: QUESTIONS_OF_EVERY_TYPE });
    const view = await playerView(quiz.id, author.token);
    expect(view).toMatchObject({ status: 'DRAFT', version: 1, questionCount: 6, totalPoints: 2 + 1 + 3 + 1 + 1 + 1 });
    expect(view.questions.map((q: { type: string }) => q.type)).toEqual(QUESTIONS_OF_EVERY_TYPE.map((q) => q.type));
    expect(view.questions.map((q: { position: number }) => q.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(view.questions.map((q: { partialCredit: boolean }) => q.partialCredit)).toEqual([false, false, true, false, false, true]);
    const [single, trueFalse, multiple, numeric, shortText, ordering] = view.questions;
    expect(single.options.map((o: { label: string }) => o.label)).toEqual(['Venus', 'Mars', 'Pluto']);
    expect(multiple.options.map((o: { label: string }) => o.label)).toEqual(['Jupiter', 'Saturn', 'Mars']);
    for (const q of [trueFalse, numeric, shortText]) expect([q.options, q.items]).toEqual([[], []]);
    expect(ordering.options).toEqual([]);
    expect([...ordering.items.map((i: { label: string }) => i.label)].sort()).toEqual(['Earth', 'Mars', 'Mercury', 'Venus']);
    expect(ordering.items.map((i: { label: string }) => i.label)).not.toEqual(['Mercury', 'Venus', 'Earth', 'Mars']);

    const [version] = await versionsOf(author.token, quiz.id);
    expect(version!.version).toBe(1);
    expect(version!.totalPoints).toBe(9);
    expect(version!.settings).toEqual({
      timeLimitSeconds: null,
      maxAttempts: null,
      scoringPolicy: 'CORRECTNESS',
      shuffleQuestions: false,
      shuffleOptions: false,
      reviewPolicy: 'QUESTION_RESULTS',
      leaderboardAttempt: 'BEST',
    });
    expect(version!.questions.map(withoutIds)).toEqual(KEYED_QUESTIONS_OF_EVERY_TYPE);
    // The author view names the same questions, options and items as the player view.
    expect(version!.questions.map((q) => q.id)).toEqual(view.questions.map((q: { id: string }) => q.id));
    expect(version!.questions[0]!.options.map((o) => o.id)).toEqual(single.options.map((o: { id: string }) => o.id));
    expect(new Set(version!.questions[5]!.items.map((i) => i.id))).toEqual(new Set(ordering.items.map((i: { id: string }) => i.id)));
  });

  it('never shows ORDERING items in their right order', async () => {
    const author = fx.tokenFor();
    const questions = Array.from({ length: 30 }, (_, i) => ({
      type: 'ORDERING',
      prompt: `Order ${i}`,
      items: Array.from({ length: 2 + (i % 4) }, (_, j) => `item ${j}`),
    }));
    const quiz = await fx.createQuiz(author.token, { questions });
    const view = await playerView(quiz.id, author.token);
    const [version] = await versionsOf(author.token, quiz.id);
    expect(view.questions).toHaveLength(30);
    view.questions.forEach((q: { items: Array<{ id: string }> }, i: number) => {
      const keyOrder = version!.questions[i]!.items.map((item) => item.id);
      expect(q.items.map((item) => item.id)).not.toEqual(keyOrder);
      expect([...q.items.map((item) => item.id)].sort()).toEqual([...keyOrder].sort());
    });
  });

  it('reads a MULTIPLE_CHOICE question without weights as correct options sharing 1 and wrong ones -1', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createQuiz(author.token, {
      questions: [
        { type: 'MULTIPLE_CHOICE', prompt: 'Primes?', options: [{ label: '2', correct: true }, { label: '3', correct: true }, { label: '4' }, { label: '6' }] },
      ],
    });
    const [version] = await versionsOf(author.token, quiz.id);
    expect(version!.questions[0]).toMatchObject({
      scoring: 'ALL_OR_NOTHING',
      options: [
        { label: '2', correct: true, weight: 0.5 },
        { label: '3', correct: true, weight: 0.5 },
        { label: '4', correct: false, weight: -0.5 },
        { label: '6', correct: false, weight: -0.5 },
      ],
    });
    expect((await playerView(quiz.id, author.token)).questions[0].partialCredit).toBe(false);
  });

  it('serves versions to the author and admins only, leaving the rest of the quiz readable', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createPublished(author.token, { questions: QUESTIONS_OF_EVERY_TYPE });
    const QUERY = `query ($id: ID!) { quiz(id: $id) { id title versions { version questions { correctAnswer } } } }`;
    for (const [caller, code] of [
      [fx.tokenFor('PLAYER'), 'FORBIDDEN'],
      [fx.tokenFor('AUTHOR'), 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const response = await fx.asRouter(QUERY, { variables: { id: quiz.id }, ...(caller ? { accessToken: caller.token } : {}) });
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0]).toMatchObject({ path: ['quiz', 'versions'], extensions: { code } });
      expect(response.data!.quiz).toMatchObject({ id: quiz.id, versions: null });
      expect(response.data!.quiz.title).toEqual(expect.any(String));
    }
    const admin = await fx.asRouter(QUERY, { accessToken: fx.tokenFor('ADMIN').token, variables: { id: quiz.id } });
    expect(admin.errors).toBeUndefined();
    expect(admin.data!.quiz.versions).toEqual([{ version: 1, questions: KEYED_QUESTIONS_OF_EVERY_TYPE.map((q) => ({ correctAnswer: q.correctAnswer })) }]);
  });
});

describe('editing a draft', () => {
  it('edits in place: version 1 throughout, untouched questions keep their ids', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createQuiz(author.token, { questions: [tf('A'), tf('B'), tf('C')] });
    const [a, b, c] = quiz.questions.map((q) => q.id);

    const updated = await fx.asRouter(UPDATE_QUESTION, { accessToken: author.token, variables: { questionId: b, question: tf('B2', false) } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateQuestion).toMatchObject({
      version: 1,
      questions: [
        { id: a, prompt: 'A' },
        { id: b, prompt: 'B2' },
        { id: c, prompt: 'C' },
      ],
    });

    const added = await fx.asRouter(ADD, { accessToken: author.token, variables: { quizId: quiz.id, question: tf('D'), position: 1 } });
    expect(added.errors).toBeUndefined();
    const d = added.data!.addQuestion.questions[0].id;
    expect(added.data!.addQuestion).toMatchObject({ version: 1, questions: [{ prompt: 'D' }, { id: a }, { id: b }, { id: c }] });

    const appended = await fx.asRouter(ADD, { accessToken: author.token, variables: { quizId: quiz.id, question: tf('E') } });
    expect(appended.data!.addQuestion.questions.map((q: { prompt: string }) => q.prompt)).toEqual(['D', 'A', 'B2', 'C', 'E']);
    const e = appended.data!.addQuestion.questions[4].id;

    const removed = await fx.asRouter(REMOVE, { accessToken: author.token, variables: { questionId: a } });
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeQuestion.questions.map((q: { id: string }) => q.id)).toEqual([d, b, c, e]);

    const reordered = await fx.asRouter(REORDER, { accessToken: author.token, variables: { quizId: quiz.id, ids: [e, c, d, b] } });
    expect(reordered.errors).toBeUndefined();
    expect(reordered.data!.reorderQuestions).toMatchObject({ version: 1, questions: [{ id: e }, { id: c }, { id: d }, { id: b, prompt: 'B2' }] });

    const versions = await versionsOf(author.token, quiz.id);
    expect(versions.map((v) => v.version)).toEqual([1]);
    expect(versions[0]!.questions.map((q) => [q.position, q.id])).toEqual([
      [1, e],
      [2, c],
      [3, d],
      [4, b],
    ]);
    expect(versions[0]!.questions[3]!.correctAnswer).toBe(false);
  });

  it('keeps a draft incomplete: a SINGLE_CHOICE question without a correct option is fine until publishing', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createQuiz(author.token, { questions: [tf('A')] });
    const added = await fx.asRouter(ADD, {
      accessToken: author.token,
      variables: { quizId: quiz.id, question: { prompt: 'No key yet', options: [{ label: 'x' }, { label: 'y' }] } },
    });
    expect(added.errors).toBeUndefined();
    expect(added.data!.addQuestion.version).toBe(1);
  });

  it.each([
    ['misses a question', (ids: string[]) => ids.slice(0, 2)],
    ['repeats a question', (ids: string[]) => [ids[0]!, ids[1]!, ids[1]!]],
    ['repeats one in place of another', (ids: string[]) => [ids[0]!, ids[0]!, ids[1]!]],
    ['names a question of another quiz', (ids: string[]) => [ids[0]!, ids[1]!, randomUUID()]],
    ['adds one', (ids: string[]) => [...ids, randomUUID()]],
  ])('refuses a reorder that %s', async (_case, idsFor) => {
    const author = fx.tokenFor();
    const quiz = await fx.createQuiz(author.token, { questions: [tf('A'), tf('B'), tf('C')] });
    const ids = quiz.questions.map((q) => q.id);
    const response = await fx.asRouter(REORDER, { accessToken: author.token, variables: { quizId: quiz.id, ids: idsFor(ids) } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'questionIds' });
    expect((await playerView(quiz.id, author.token)).questions.map((q: { id: string }) => q.id)).toEqual(ids);
  });

  it('refuses a reorder with something that is not a question id, naming its place', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createQuiz(author.token, { questions: [tf('A'), tf('B')] });
    const response = await fx.asRouter(REORDER, { accessToken: author.token, variables: { quizId: quiz.id, ids: [quiz.questions[0]!.id, 'nope'] } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'questionIds.1' });
  });

  it.each([0, -1, 4, 100])('refuses addQuestion at position %i of a 2-question quiz', async (position) => {
    const author = fx.tokenFor();
    const quiz = await fx.createQuiz(author.token, { questions: [tf('A'), tf('B')] });
    const response = await fx.asRouter(ADD, { accessToken: author.token, variables: { quizId: quiz.id, question: tf('C'), position } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'position' });
    expect((await playerView(quiz.id, author.token)).questionCount).toBe(2);
  });

  it('accepts addQuestion right after the last question', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createQuiz(author.token, { questions: [tf('A'), tf('B')] });
    const response = await fx.asRouter(ADD, { accessToken: author.token, variables: { quizId: quiz.id, question: tf('C'), position: 3 } });
    expect(response.data!.addQuestion.questions.map((q: { prompt: string }) => q.prompt)).toEqual(['A', 'B', 'C']);
  });

  it('refuses a question with fields of another type, naming the argument', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createQuiz(author.token, { questions: [tf('A')] });
    const response = await fx.asRouter(ADD, {
      accessToken: author.token,
      variables: { quizId: quiz.id, question: { type: 'TRUE_FALSE', prompt: 'Q', correctAnswer: true, items: ['a', 'b'] } },
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'question' });
  });
});

describe('publishQuiz', () => {
  it('refuses a draft without questions', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createQuiz(author.token);
    const response = await fx.asRouter(PUBLISH, { accessToken: author.token, variables: { id: quiz.id } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: ['A quiz needs at least one question.'] });
    expect((await playerView(quiz.id, author.token)).status).toBe('DRAFT');
  });

  it('refuses a draft whose SINGLE_CHOICE question has no correct option, naming the question', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createQuiz(author.token, {
      questions: [
        tf('Fine'),
        { prompt: 'No key', options: [{ label: 'x' }, { label: 'y' }] },
        {
          prompt: 'Two keys',
          options: [
            { label: 'x', correct: true },
            { label: 'y', correct: true },
          ],
        },
      ],
    });
    const response = await fx.asRouter(PUBLISH, { accessToken: author.token, variables: { id: quiz.id } });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.problems).toEqual([
      expect.stringMatching(/^Question 2 needs exactly one correct option \(it has 0\)/),
      expect.stringMatching(/^Question 3 needs exactly one correct option \(it has 2\)/),
    ]);
    const view = await playerView(quiz.id, author.token);
    expect(view.status).toBe('DRAFT');
  });
});

describe('editing a published quiz', () => {
  it('makes a new version with new question ids, keeping the old version and its key for the internal channel', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createPublished(author.token, { questions: [...ONE_QUESTION, tf('Sun is a star')] });
    const headers = fx.credentialFrom('results');
    const keyV1 = parseAnswerKey(await (await fetch(fx.answerKeyUrl(quiz.id, 1), { headers })).json());
    expect(keyV1).toMatchObject({ version: 1, currentVersion: 1, status: 'PUBLISHED' });
    const [q1, q2] = quiz.questions.map((q) => q.id);

    const updated = await fx.asRouter(UPDATE_QUESTION, { accessToken: author.token, variables: { questionId: q2, question: tf('Moon is a star', false) } });
    expect(updated.errors).toBeUndefined();
    const v2 = updated.data!.updateQuestion;
    expect(v2.version).toBe(2);
    expect(v2.questions.map((q: { prompt: string }) => q.prompt)).toEqual(['Red planet?', 'Moon is a star']);
    // Every question of the new version has a new id, the untouched one too.
    expect(v2.questions.map((q: { id: string }) => q.id)).not.toContain(q1);
    expect(v2.questions.map((q: { id: string }) => q.id)).not.toContain(q2);

    const oldKey = await fetch(fx.answerKeyUrl(quiz.id, 1), { headers });
    expect(oldKey.status).toBe(200);
    const keyV1Again = parseAnswerKey(await oldKey.json());
    expect({ ...keyV1Again, currentVersion: 1 }).toEqual(keyV1);
    expect(keyV1Again.currentVersion).toBe(2);

    const current = parseAnswerKey(await (await fetch(fx.answerKeyUrl(quiz.id), { headers })).json());
    expect(current).toMatchObject({ version: 2, currentVersion: 2 });
    expect(current.questions.map((q) => q.id)).toEqual(v2.questions.map((q: { id: string }) => q.id));
    expect(current.questions[1]).toMatchObject({ type: 'TRUE_FALSE', key: { correctAnswer: false } });
    // Options keep their ids across versions: "option X" means the same choice in each.
    expect(current.questions[0]).toEqual({ ...keyV1.questions[0], id: current.questions[0]!.id });

    const versions = await versionsOf(author.token, quiz.id);
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[1]!.questions.map((q) => q.id)).toEqual([q1, q2]);
    expect(versions[1]!.questions[1]).toMatchObject({ prompt: 'Sun is a star', correctAnswer: true });
    const only = await fx.asRouter(VERSIONS, { accessToken: author.token, variables: { id: quiz.id, version: 1 } });
    expect(only.data!.quiz.versions.map((v: { version: number }) => v.version)).toEqual([1]);

    expect((await fetch(fx.answerKeyUrl(quiz.id, 3), { headers })).status).toBe(404);
    expect((await fetch(fx.answerKeyUrl(quiz.id, 0), { headers })).status).toBe(400);
  });

  it('answers a conditional request for the current key with 304 until a version is published or the quiz archived', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createPublished(author.token, { questions: [...ONE_QUESTION, tf('Sun is a star')] });
    const headers = fx.credentialFrom('results');
    const first = await fetch(fx.answerKeyUrl(quiz.id), { headers });
    expect(first.headers.get('etag')).toBe('"1-PUBLISHED"');
    const conditional = (tag: string) => fetch(fx.answerKeyUrl(quiz.id), { headers: { ...headers, 'if-none-match': tag } });
    const unchanged = await conditional('"1-PUBLISHED"');
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');

    const q2 = quiz.questions[1]!.id;
    await fx.asRouter(UPDATE_QUESTION, { accessToken: author.token, variables: { questionId: q2, question: tf('Moon is a star', false) } });
    const moved = await conditional('"1-PUBLISHED"');
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).toBe('"2-PUBLISHED"');
    expect(parseAnswerKey(await moved.json())).toMatchObject({ version: 2, status: 'PUBLISHED' });
    expect((await conditional('"2-PUBLISHED"')).status).toBe(304);
    // A pinned version is always sent whole: the tag names the current key only.
    expect((await fetch(fx.answerKeyUrl(quiz.id, 2), { headers: { ...headers, 'if-none-match': '"2-PUBLISHED"' } })).status).toBe(200);

    await fx.asRouter(ARCHIVE, { accessToken: author.token, variables: { id: quiz.id } });
    const archived = await conditional('"2-PUBLISHED"');
    expect(archived.status).toBe(200);
    expect(parseAnswerKey(await archived.json())).toMatchObject({ version: 2, status: 'ARCHIVED' });
  });

  it('refuses an edit that would break the key, leaving the version as it was', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createPublished(author.token, { questions: [...ONE_QUESTION, tf('B')] });
    const broken = { prompt: 'No key', options: [{ label: 'x' }, { label: 'y' }] };

    const update = await fx.asRouter(UPDATE_QUESTION, { accessToken: author.token, variables: { questionId: quiz.questions[1]!.id, question: broken } });
    expect(update.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [expect.stringMatching(/^Question 2 needs exactly one correct option/)],
    });
    const add = await fx.asRouter(ADD, { accessToken: author.token, variables: { quizId: quiz.id, question: broken, position: 1 } });
    expect(add.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [expect.stringMatching(/^Question 1 needs/)] });
    // Removing the last question would leave nothing to play.
    await fx.asRouter(REMOVE, { accessToken: author.token, variables: { questionId: quiz.questions[1]!.id } });
    const { data } = await fx.asRouter(`query ($id: ID!) { quiz(id: $id) { version questions { id } } }`, {
      accessToken: author.token,
      variables: { id: quiz.id },
    });
    const last = await fx.asRouter(REMOVE, { accessToken: author.token, variables: { questionId: data!.quiz.questions[0].id } });
    expect(last.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: ['A quiz needs at least one question.'] });

    const versions = await versionsOf(author.token, quiz.id);
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]!.questions).toHaveLength(1);
  });

  it('refuses an edit naming a question of an older version as CONFLICT', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createPublished(author.token, { questions: [...ONE_QUESTION, tf('B'), tf('C')] });
    const [old1, old2, old3] = quiz.questions.map((q) => q.id);
    expect((await fx.asRouter(UPDATE_QUESTION, { accessToken: author.token, variables: { questionId: old3, question: tf('C2') } })).errors).toBeUndefined();

    const update = await fx.asRouter(UPDATE_QUESTION, { accessToken: author.token, variables: { questionId: old2, question: tf('B2') } });
    expect(codeOf(update)).toBe('CONFLICT');
    expect(codeOf(await fx.asRouter(REMOVE, { accessToken: author.token, variables: { questionId: old1 } }))).toBe('CONFLICT');
    const reorder = await fx.asRouter(REORDER, { accessToken: author.token, variables: { quizId: quiz.id, ids: [old3, old2, old1] } });
    expect(reorder.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'questionIds' });
    expect(codeOf(await fx.asRouter(REMOVE, { accessToken: author.token, variables: { questionId: randomUUID() } }))).toBe('NOT_FOUND');
    expect((await versionsOf(author.token, quiz.id)).map((v) => v.version)).toEqual([2, 1]);
  });

  it('reorders and removes as new versions', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createPublished(author.token, { questions: [tf('A'), tf('B'), tf('C')] });
    const [a, b, c] = quiz.questions.map((q) => q.id);
    const reordered = await fx.asRouter(REORDER, { accessToken: author.token, variables: { quizId: quiz.id, ids: [c, a, b] } });
    expect(reordered.data!.reorderQuestions).toMatchObject({ version: 2, questions: [{ prompt: 'C' }, { prompt: 'A' }, { prompt: 'B' }] });
    const removed = await fx.asRouter(REMOVE, { accessToken: author.token, variables: { questionId: reordered.data!.reorderQuestions.questions[1].id } });
    expect(removed.data!.removeQuestion).toMatchObject({ version: 3, questions: [{ prompt: 'C' }, { prompt: 'B' }] });
    const versions = await versionsOf(author.token, quiz.id);
    expect(versions.map((v) => v.questions.map((q) => q.prompt))).toEqual([
      ['C', 'B'],
      ['C', 'A', 'B'],
      ['A', 'B', 'C'],
    ]);
  });

  it('versions settings changes only: metadata in place, same settings no new version', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createPublished(author.token);
    const update = (input: Record<string, unknown>) => fx.asRouter(UPDATE_QUIZ, { accessToken: author.token, variables: { id: quiz.id, input } });

    const retitled = await update({ title: 'Renamed', description: 'New words', tags: ['x'], difficulty: 'HARD' });
    expect(retitled.errors).toBeUndefined();
    expect(retitled.data!.updateQuiz).toMatchObject({ title: 'Renamed', version: 1 });

    const timed = await update({ settings: { timeLimitSeconds: 60 } });
    expect(timed.data!.updateQuiz).toMatchObject({ version: 2, settings: { timeLimitSeconds: 60, scoringPolicy: 'CORRECTNESS' } });

    const same = await update({ settings: { timeLimitSeconds: 60, scoringPolicy: 'CORRECTNESS' } });
    expect(same.data!.updateQuiz.version).toBe(2);
    const titleAndSame = await update({ title: 'Renamed again', settings: { shuffleQuestions: false } });
    expect(titleAndSame.data!.updateQuiz).toMatchObject({ title: 'Renamed again', version: 2 });

    const speed = await update({ settings: { scoringPolicy: 'SPEED' } });
    expect(speed.data!.updateQuiz).toMatchObject({ version: 3, settings: { scoringPolicy: 'SPEED', timeLimitSeconds: 60 } });

    const versions = await versionsOf(author.token, quiz.id);
    expect(versions.map((v) => [v.version, v.settings.timeLimitSeconds, v.settings.scoringPolicy])).toEqual([
      [3, 60, 'SPEED'],
      [2, 60, 'CORRECTNESS'],
      [1, null, 'CORRECTNESS'],
    ]);
    // Each version has its own copy of the questions.
    expect(new Set(versions.map((v) => v.questions[0]!.id)).size).toBe(3);
  });

  it('leaves a field sent as null as it is, except the category, which null clears', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createPublished(author.token, { description: 'About', category: 'Space', tags: ['Sun', 'moon'], difficulty: 'HARD' });
    const FIELDS = 'title description category tags difficulty version';
    const update = (input: Record<string, unknown>) =>
      fx.asRouter(`mutation ($id: ID!, $input: UpdateQuizInput!) { updateQuiz(id: $id, input: $input) { ${FIELDS} } }`, {
        accessToken: author.token,
        variables: { id: quiz.id, input },
      });
    const kept = await update({ title: 'Kept', description: null, tags: null, difficulty: null, settings: null });
    expect(kept.errors).toBeUndefined();
    expect(kept.data!.updateQuiz).toEqual({ title: 'Kept', description: 'About', category: 'space', tags: ['sun', 'moon'], difficulty: 'HARD', version: 1 });
    const replaced = await update({ tags: ['Moon', ' moon ', 'Stars'], category: '' });
    expect(replaced.data!.updateQuiz).toMatchObject({ tags: ['moon', 'stars'], category: null, version: 1 });
    const cleared = await update({ tags: [], category: 'Astro' });
    expect(cleared.data!.updateQuiz).toMatchObject({ tags: [], category: 'astro' });
    expect((await update({ category: null })).data!.updateQuiz.category).toBeNull();
    const tooMany = await update({ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.tags' });
  });

  it('refuses SPEED scoring without a time limit, naming the setting', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createPublished(author.token);
    const update = (input: Record<string, unknown>) => fx.asRouter(UPDATE_QUIZ, { accessToken: author.token, variables: { id: quiz.id, input } });
    const speed = await update({ settings: { scoringPolicy: 'SPEED' } });
    expect(speed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.settings.scoringPolicy' });
    // Removing the limit from a SPEED quiz is the same mistake.
    expect((await update({ settings: { scoringPolicy: 'SPEED', timeLimitSeconds: 30 } })).data!.updateQuiz.version).toBe(2);
    const untimed = await update({ settings: { timeLimitSeconds: null } });
    expect(untimed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.settings.scoringPolicy' });
    const tooShort = await update({ settings: { timeLimitSeconds: 5 } });
    expect(tooShort.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.settings.timeLimitSeconds' });
    expect((await versionsOf(author.token, quiz.id)).map((v) => v.version)).toEqual([2, 1]);
  });

  it("edits a draft's settings in place", async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createQuiz(author.token, { questions: ONE_QUESTION });
    const response = await fx.asRouter(UPDATE_QUIZ, { accessToken: author.token, variables: { id: quiz.id, input: { settings: { maxAttempts: 3 } } } });
    expect(response.data!.updateQuiz).toMatchObject({ version: 1, settings: { maxAttempts: 3 } });
    expect((await versionsOf(author.token, quiz.id)).map((v) => v.version)).toEqual([1]);
  });

  it('serialises concurrent edits: each makes its own version and none is lost', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createPublished(author.token);
    const prompts = ['P1', 'P2', 'P3', 'P4', 'P5'];
    const responses = await Promise.all(
      prompts.map((prompt) => fx.asRouter(ADD, { accessToken: author.token, variables: { quizId: quiz.id, question: tf(prompt) } })),
    );
    for (const response of responses) expect(response.errors).toBeUndefined();
    expect(responses.map((r) => r.data!.addQuestion.version).sort((x: number, y: number) => x - y)).toEqual([2, 3, 4, 5, 6]);

    const versions = await versionsOf(author.token, quiz.id);
    expect(versions.map((v) => v.version)).toEqual([6, 5, 4, 3, 2, 1]);
    // Version n holds n questions: each edit built on the one before it.
    expect(versions.map((v) => v.questions.length)).toEqual([6, 5, 4, 3, 2, 1]);
    expect([...versions[0]!.questions.map((q) => q.prompt)].sort()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'Red planet?']);
    expect((await playerView(quiz.id)).questionCount).toBe(6);
  });
});

describe('concurrent requests', () => {
  it('keeps every one of several parallel edits of a draft, in place', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createQuiz(author.token, { questions: [tf('A')] });
    const prompts = ['P1', 'P2', 'P3', 'P4', 'P5'];
    const responses = await Promise.all(
      prompts.map((prompt) => fx.asRouter(ADD, { accessToken: author.token, variables: { quizId: quiz.id, question: tf(prompt), position: 1 } })),
    );
    for (const response of responses) expect(response.errors).toBeUndefined();
    const versions = await versionsOf(author.token, quiz.id);
    expect(versions.map((v) => v.version)).toEqual([1]);
    expect(versions[0]!.questions.map((q) => q.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...versions[0]!.questions.map((q) => q.prompt)].sort()).toEqual(['A', 'P1', 'P2', 'P3', 'P4', 'P5']);
    expect(versions[0]!.questions.at(-1)!.id).toBe(quiz.questions[0]!.id);
  });

  it('creates one quiz for parallel retries with the same idempotency key', async () => {
    const author = fx.tokenFor();
    const idempotencyKey = randomUUID();
    const title = `Once ${randomUUID()}`;
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        fx.asRouter(`mutation ($input: CreateQuizInput!) { createQuiz(input: $input) { id } }`, {
          accessToken: author.token,
          variables: { input: { title, idempotencyKey, questions: ONE_QUESTION } },
        }),
      ),
    );
    for (const response of responses) expect(response.errors).toBeUndefined();
    expect(new Set(responses.map((r) => r.data!.createQuiz.id)).size).toBe(1);
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "Quiz" WHERE "authorId" = $1`, [author.userId]);
    expect(rows[0].n).toBe(1);
  });

  it('archives once and writes one event when archived in parallel', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createPublished(author.token);
    const responses = await Promise.all(Array.from({ length: 5 }, () => fx.asRouter(ARCHIVE, { accessToken: author.token, variables: { id: quiz.id } })));
    for (const response of responses) expect(response.errors).toBeUndefined();
    expect(new Set(responses.map((r) => r.data!.archiveQuiz.archivedAt)).size).toBe(1);
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "OutboxEvent" WHERE type = 'QuizArchived' AND payload->>'quizId' = $1`, [quiz.id]);
    expect(rows[0].n).toBe(1);
  });

  it('publishes once when published in parallel', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createQuiz(author.token, { questions: ONE_QUESTION });
    const responses = await Promise.all(Array.from({ length: 5 }, () => fx.asRouter(PUBLISH, { accessToken: author.token, variables: { id: quiz.id } })));
    for (const response of responses) expect(response.errors).toBeUndefined();
    expect(new Set(responses.map((r) => r.data!.publishQuiz.publishedAt)).size).toBe(1);
    expect(responses.map((r) => r.data!.publishQuiz.version)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('archiveQuiz', () => {
  const outboxRows = async (quizId: string) =>
    (await sql.query(`SELECT type, payload FROM "OutboxEvent" WHERE payload->>'quizId' = $1`, [quizId])).rows as Array<{
      type: string;
      payload: { quizId: string; archivedAt: string };
    }>;

  it('archives a published quiz once, with one QuizArchived event, and refuses drafts', async () => {
    const author = fx.tokenFor();
    const draft = await fx.createQuiz(author.token, { questions: ONE_QUESTION });
    expect(codeOf(await fx.asRouter(ARCHIVE, { accessToken: author.token, variables: { id: draft.id } }))).toBe('CONFLICT');
    expect(await outboxRows(draft.id)).toEqual([]);

    const quiz = await fx.createPublished(author.token);
    const first = await fx.asRouter(ARCHIVE, { accessToken: author.token, variables: { id: quiz.id } });
    expect(first.errors).toBeUndefined();
    expect(first.data!.archiveQuiz).toMatchObject({ status: 'ARCHIVED', archivedAt: expect.any(String) });
    const again = await fx.asRouter(ARCHIVE, { accessToken: author.token, variables: { id: quiz.id } });
    expect(again.data!.archiveQuiz).toEqual(first.data!.archiveQuiz);

    expect(await outboxRows(quiz.id)).toEqual([{ type: 'QuizArchived', payload: { quizId: quiz.id, archivedAt: first.data!.archiveQuiz.archivedAt } }]);
  });

  it('lets the author or an admin archive, no one else', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createPublished(author.token);
    expect(codeOf(await fx.asRouter(ARCHIVE, { accessToken: fx.tokenFor().token, variables: { id: quiz.id } }))).toBe('FORBIDDEN');
    expect(codeOf(await fx.asRouter(ARCHIVE, { accessToken: fx.tokenFor('PLAYER').token, variables: { id: quiz.id } }))).toBe('FORBIDDEN');
    expect(codeOf(await fx.asRouter(ARCHIVE, { variables: { id: quiz.id } }))).toBe('UNAUTHENTICATED');
    const admin = await fx.asRouter(ARCHIVE, { accessToken: fx.tokenFor('ADMIN').token, variables: { id: quiz.id } });
    expect(admin.data!.archiveQuiz.status).toBe('ARCHIVED');
  });

  it('freezes an archived quiz, which stays visible to everyone', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createPublished(author.token, { questions: [...ONE_QUESTION, tf('B')] });
    await fx.asRouter(ARCHIVE, { accessToken: author.token, variables: { id: quiz.id } });
    const [q1, q2] = quiz.questions.map((q) => q.id);
    const as = { accessToken: author.token };
    const attempts = [
      await fx.asRouter(UPDATE_QUIZ, { ...as, variables: { id: quiz.id, input: { title: 'New title' } } }),
      await fx.asRouter(UPDATE_QUIZ, { ...as, variables: { id: quiz.id, input: { settings: { maxAttempts: 2 } } } }),
      await fx.asRouter(ADD, { ...as, variables: { quizId: quiz.id, question: tf('C') } }),
      await fx.asRouter(UPDATE_QUESTION, { ...as, variables: { questionId: q1, question: tf('A2') } }),
      await fx.asRouter(REMOVE, { ...as, variables: { questionId: q2 } }),
      await fx.asRouter(REORDER, { ...as, variables: { quizId: quiz.id, ids: [q2, q1] } }),
      await fx.asRouter(PUBLISH, { ...as, variables: { id: quiz.id } }),
      await fx.asRouter(DELETE, { ...as, variables: { id: quiz.id } }),
    ];
    expect(attempts.map(codeOf)).toEqual(Array(attempts.length).fill('CONFLICT'));

    for (const token of [undefined, fx.tokenFor('PLAYER').token, fx.tokenFor().token]) {
      const view = await playerView(quiz.id, token);
      expect(view).toMatchObject({ id: quiz.id, status: 'ARCHIVED', version: 1, questionCount: 2 });
      expect(view.questions.map((q: { id: string }) => q.id)).toEqual([q1, q2]);
    }
    expect((await versionsOf(author.token, quiz.id)).map((v) => v.version)).toEqual([1]);
  });
});

describe('deleteQuiz', () => {
  it('deletes a draft for its author, and hides it from others as NOT_FOUND', async () => {
    const author = fx.tokenFor();
    const draft = await fx.createQuiz(author.token, { questions: ONE_QUESTION });
    expect(codeOf(await fx.asRouter(DELETE, { accessToken: fx.tokenFor().token, variables: { id: draft.id } }))).toBe('NOT_FOUND');
    expect(codeOf(await fx.asRouter(DELETE, { variables: { id: draft.id } }))).toBe('UNAUTHENTICATED');

    const deleted = await fx.asRouter(DELETE, { accessToken: author.token, variables: { id: draft.id } });
    expect(deleted).toMatchObject({ data: { deleteQuiz: draft.id } });
    expect((await fx.asRouter(`query ($id: ID!) { quiz(id: $id) { id } }`, { accessToken: author.token, variables: { id: draft.id } })).data!.quiz).toBeNull();
    expect(codeOf(await fx.asRouter(DELETE, { accessToken: author.token, variables: { id: draft.id } }))).toBe('NOT_FOUND');
    expect((await fetch(fx.answerKeyUrl(draft.id), { headers: fx.credentialFrom('results') })).status).toBe(404);
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "Question" WHERE "quizId" = $1`, [draft.id]);
    expect(rows[0].n).toBe(0);
  });

  it('refuses to delete a published quiz', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createPublished(author.token);
    expect(codeOf(await fx.asRouter(DELETE, { accessToken: author.token, variables: { id: quiz.id } }))).toBe('CONFLICT');
    expect(codeOf(await fx.asRouter(DELETE, { accessToken: fx.tokenFor().token, variables: { id: quiz.id } }))).toBe('FORBIDDEN');
    expect((await playerView(quiz.id)).status).toBe('PUBLISHED');
  });

  it("lets an admin delete anyone's draft", async () => {
    const draft = await fx.createQuiz(fx.tokenFor().token);
    expect((await fx.asRouter(DELETE, { accessToken: fx.tokenFor('ADMIN').token, variables: { id: draft.id } })).data).toEqual({ deleteQuiz: draft.id });
  });
});

describe('who may write', () => {
  it('lets only authors and admins import', async () => {
    const input = { format: 'GIFT', content: 'The Sun is a star. {T}', title: 'Imported' };
    expect(codeOf(await fx.asRouter(IMPORT, { variables: { input } }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await fx.asRouter(IMPORT, { accessToken: fx.tokenFor('PLAYER').token, variables: { input } }))).toBe('FORBIDDEN');
    for (const role of ['AUTHOR', 'ADMIN'] as const) {
      const caller = fx.tokenFor(role);
      const response = await fx.asRouter(IMPORT, { accessToken: caller.token, variables: { input } });
      expect(response.errors).toBeUndefined();
      expect(response.data!.importQuiz).toMatchObject({ status: 'DRAFT', title: 'Imported', author: { id: caller.userId } });
    }
  });

  it('lets the author and admins edit a published quiz; another author gets FORBIDDEN, anonymous UNAUTHENTICATED', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createPublished(author.token, { questions: [tf('A'), tf('B')] });
    const [a, b] = quiz.questions.map((q) => q.id);
    const edits = (token?: string) => {
      const as = token ? { accessToken: token } : {};
      return Promise.all([
        fx.asRouter(UPDATE_QUIZ, { ...as, variables: { id: quiz.id, input: { title: 'Taken over' } } }),
        fx.asRouter(ADD, { ...as, variables: { quizId: quiz.id, question: tf('C') } }),
        fx.asRouter(UPDATE_QUESTION, { ...as, variables: { questionId: a, question: tf('A2') } }),
        fx.asRouter(REMOVE, { ...as, variables: { questionId: b } }),
        fx.asRouter(REORDER, { ...as, variables: { quizId: quiz.id, ids: [b, a] } }),
      ]);
    };
    expect((await edits(fx.tokenFor().token)).map(codeOf)).toEqual(Array(5).fill('FORBIDDEN'));
    expect((await edits(fx.tokenFor('PLAYER').token)).map(codeOf)).toEqual(Array(5).fill('FORBIDDEN'));
    expect((await edits()).map(codeOf)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect((await versionsOf(author.token, quiz.id)).map((v) => v.version)).toEqual([1]);

    const admin = await fx.asRouter(ADD, { accessToken: fx.tokenFor('ADMIN').token, variables: { quizId: quiz.id, question: tf('By admin') } });
    expect(admin.data!.addQuestion).toMatchObject({ version: 2 });
    const own = await fx.asRouter(UPDATE_QUIZ, { accessToken: author.token, variables: { id: quiz.id, input: { title: 'Mine' } } });
    expect(own.data!.updateQuiz).toMatchObject({ title: 'Mine', version: 2 });
  });

  it("hides a draft from other authors' edits as NOT_FOUND", async () => {
    const author = fx.tokenFor();
    const draft = await fx.createQuiz(author.token, { questions: [tf('A')] });
    const stranger = fx.tokenFor().token;
    const responses = [
      await fx.asRouter(UPDATE_QUIZ, { accessToken: stranger, variables: { id: draft.id, input: { title: 'x' } } }),
      await fx.asRouter(ADD, { accessToken: stranger, variables: { quizId: draft.id, question: tf('C') } }),
      await fx.asRouter(UPDATE_QUESTION, { accessToken: stranger, variables: { questionId: draft.questions[0]!.id, question: tf('x') } }),
      await fx.asRouter(PUBLISH, { accessToken: stranger, variables: { id: draft.id } }),
      await fx.asRouter(EXPORT, { accessToken: stranger, variables: { id: draft.id } }),
    ];
    expect(responses.map(codeOf)).toEqual(Array(responses.length).fill('NOT_FOUND'));
  });
});

describe('exportQuiz and importQuiz', () => {
  const SETTINGS = {
    timeLimitSeconds: 120,
    maxAttempts: 3,
    scoringPolicy: 'SPEED',
    shuffleQuestions: true,
    shuffleOptions: true,
    reviewPolicy: 'EXPLANATIONS',
    leaderboardAttempt: 'FIRST',
  };

  it('round-trips a quiz of every type into a new draft with the same key, settings and metadata', async () => {
    const author = fx.tokenFor();
    const unweighted = {
      type: 'MULTIPLE_CHOICE',
      prompt: 'Odd ones?',
      options: [{ label: '1', correct: true }, { label: '2' }, { label: '3', correct: true }],
    };
    const quiz = await fx.createQuiz(author.token, {
      title: `Round trip ${randomUUID()}`,
      description: 'Everything\nwe know about the sky.',
      category: 'Astronomy',
      tags: ['space', 'planets'],
      difficulty: 'HARD',
      settings: SETTINGS,
      questions: [...QUESTIONS_OF_EVERY_TYPE, unweighted],
    });
    await fx.publish(author.token, quiz.id);

    const exported = await fx.asRouter(EXPORT, { accessToken: author.token, variables: { id: quiz.id } });
    expect(exported.errors).toBeUndefined();
    const text: string = exported.data!.exportQuiz;
    const document = JSON.parse(text);
    expect(document).toMatchObject({ format: 'quizgraph.quiz', formatVersion: 1, quiz: { category: 'astronomy', settings: SETTINGS } });
    // A document never carries ids: import assigns new ones.
    expect(text).not.toMatch(/"id"/);
    expect(text).not.toContain(quiz.id);

    const importer = fx.tokenFor();
    const imported = await fx.asRouter(IMPORT, { accessToken: importer.token, variables: { input: { format: 'JSON', content: text } } });
    expect(imported.errors).toBeUndefined();
    const copy = imported.data!.importQuiz;
    expect(copy.id).not.toBe(quiz.id);
    expect(copy).toMatchObject({
      status: 'DRAFT',
      version: 1,
      title: document.quiz.title,
      description: 'Everything\nwe know about the sky.',
      category: 'astronomy',
      tags: ['space', 'planets'],
      difficulty: 'HARD',
      author: { id: importer.userId },
      settings: SETTINGS,
    });

    const [original] = await versionsOf(author.token, quiz.id);
    const [copied] = await versionsOf(importer.token, copy.id);
    expect(copied!.settings).toEqual(original!.settings);
    expect(copied!.totalPoints).toBe(original!.totalPoints);
    expect(copied!.questions.map(withoutIds)).toEqual(original!.questions.map(withoutIds));
    expect(copied!.questions.map(withoutIds).slice(0, 6)).toEqual(KEYED_QUESTIONS_OF_EVERY_TYPE);
    // New ids throughout.
    const ids = (v: QuizVersionView) => v.questions.flatMap((q) => [q.id, ...q.options.map((o) => o.id), ...q.items.map((i) => i.id)]);
    expect(ids(copied!).filter((id) => ids(original!).includes(id))).toEqual([]);

    // And the copy exports as the same document.
    const again = await fx.asRouter(EXPORT, { accessToken: importer.token, variables: { id: copy.id } });
    expect(again.data!.exportQuiz).toBe(text);
  });

  it('exports the current version of an edited quiz', async () => {
    const author = fx.tokenFor();
    const quiz = await fx.createPublished(author.token, { questions: [tf('A'), tf('B')] });
    await fx.asRouter(UPDATE_QUESTION, { accessToken: author.token, variables: { questionId: quiz.questions[0]!.id, question: tf('A2', false) } });
    const { data } = await fx.asRouter(EXPORT, { accessToken: author.token, variables: { id: quiz.id } });
    expect(JSON.parse(data!.exportQuiz).quiz.questions).toEqual([
      { type: 'TRUE_FALSE', prompt: 'A2', points: 1, correctAnswer: false },
      { type: 'TRUE_FALSE', prompt: 'B', points: 1, correctAnswer: true },
    ]);
  });

  it('exports for the author and admins only', async () => {
    const quiz = await fx.createPublished(fx.tokenFor().token);
    expect(codeOf(await fx.asRouter(EXPORT, { accessToken: fx.tokenFor('PLAYER').token, variables: { id: quiz.id } }))).toBe('FORBIDDEN');
    expect(codeOf(await fx.asRouter(EXPORT, { accessToken: fx.tokenFor().token, variables: { id: quiz.id } }))).toBe('FORBIDDEN');
    expect(codeOf(await fx.asRouter(EXPORT, { variables: { id: quiz.id } }))).toBe('UNAUTHENTICATED');
    expect((await fx.asRouter(EXPORT, { accessToken: fx.tokenFor('ADMIN').token, variables: { id: quiz.id } })).errors).toBeUndefined();
    expect(codeOf(await fx.asRouter(EXPORT, { accessToken: fx.tokenFor('ADMIN').token, variables: { id: randomUUID() } }))).toBe('NOT_FOUND');
  });

  it('reports every problem of a JSON document with its path', async () => {
    const content = JSON.stringify({
      format: 'quizgraph.quiz',
      formatVersion: 1,
      quiz: {
        title: '',
        colour: 'red',
        settings: { timeLimit: 30 },
        questions: [
          { type: 'SINGLE_CHOICE', prompt: 'Only one option', options: [{ label: 'a', correct: true }] },
          { type: 'NUMERIC', prompt: 'N', numericAnswer: 1, items: ['a', 'b'] },
          { type: 'TRUE_FALSE', prompt: 'T' },
        ],
      },
    });
    const response = await fx.asRouter(IMPORT, { accessToken: fx.tokenFor().token, variables: { input: { format: 'JSON', content } } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });
    const problems = response.errors![0]!.extensions!.problems as Array<{ path: string; message: string }>;
    expect(problems.map((p) => p.path).sort()).toEqual(
      ['quiz.colour', 'quiz.settings.timeLimit', 'quiz.title', 'quiz.questions.0.options', 'quiz.questions.1.items', 'quiz.questions.2.correctAnswer'].sort(),
    );
    for (const problem of problems) expect(problem.message).toEqual(expect.any(String));
    expect(response.errors![0]!.message).toMatch(/and 3 more/);
  });

  it('reports a document that is not JSON at the document', async () => {
    const response = await fx.asRouter(IMPORT, { accessToken: fx.tokenFor().token, variables: { input: { format: 'JSON', content: '{ "format": ' } } });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: '', message: expect.stringMatching(/^Not valid JSON/) }],
    });
  });

  it('reports GIFT problems with their lines', async () => {
    const content = [
      'Fine. {T}', // 1
      '', // 2
      'Match the capitals. {', // 3
      '  =France -> Paris', // 4
      '  =Italy -> Rome', // 5
      '}', // 6
      '', // 7
      '// a comment', // 8
      'What is 2 + 2? {', // 9
      '  =4', // 10
      '  ~%150%6', // 11
      '}', // 12
    ].join('\n');
    const response = await fx.asRouter(IMPORT, { accessToken: fx.tokenFor().token, variables: { input: { format: 'GIFT', content } } });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.extensions!.problems).toEqual([
      { line: 3, message: expect.stringContaining('Matching questions are not supported') },
      { line: 11, message: expect.stringContaining('Syntax error at column 5') },
    ]);
  });

  it('imports valid GIFT of several types', async () => {
    const content = [
      '$CATEGORY: $course$/top/Astronomy/Planets',
      '',
      '::Red:: Which planet is red? {=Mars ~Venus ~Jupiter ####Iron oxide.}',
      '',
      'The Sun is a star. {T}',
      '',
      'How many planets? {#8:0.5}',
      '',
      'Closest star? {=Sun =The Sun}',
      '',
      'Which are gas giants? {=Jupiter =Saturn ~Mars}',
    ].join('\n');
    const author = fx.tokenFor();
    const response = await fx.asRouter(IMPORT, { accessToken: author.token, variables: { input: { format: 'GIFT', content } } });
    expect(response.errors).toBeUndefined();
    const quiz = response.data!.importQuiz;
    expect(quiz).toMatchObject({ status: 'DRAFT', title: 'Planets', difficulty: 'MEDIUM' });
    const [version] = await versionsOf(author.token, quiz.id);
    expect(version!.questions.map(withoutIds)).toEqual([
      expect.objectContaining({
        type: 'SINGLE_CHOICE',
        prompt: 'Which planet is red?',
        explanation: 'Iron oxide.',
        options: [
          { label: 'Mars', correct: true, weight: null },
          { label: 'Venus', correct: false, weight: null },
          { label: 'Jupiter', correct: false, weight: null },
        ],
      }),
      expect.objectContaining({ type: 'TRUE_FALSE', correctAnswer: true }),
      expect.objectContaining({ type: 'NUMERIC', numericAnswer: 8, tolerance: 0.5 }),
      expect.objectContaining({ type: 'SHORT_TEXT', acceptedAnswers: ['Sun', 'The Sun'], caseSensitive: false }),
      expect.objectContaining({
        type: 'MULTIPLE_CHOICE',
        scoring: 'PARTIAL',
        options: [
          { label: 'Jupiter', correct: true, weight: 0.5 },
          { label: 'Saturn', correct: true, weight: 0.5 },
          { label: 'Mars', correct: false, weight: -1 },
        ],
      }),
    ]);
    // What GIFT imports is complete: it publishes as it is.
    await fx.publish(author.token, quiz.id);
  });

  it('returns the first import when retried with the same idempotency key', async () => {
    const author = fx.tokenFor();
    const input = { format: 'GIFT', content: 'The Sun is a star. {T}', title: 'Once', idempotencyKey: randomUUID() };
    const first = await fx.asRouter(IMPORT, { accessToken: author.token, variables: { input } });
    const again = await fx.asRouter(IMPORT, { accessToken: author.token, variables: { input } });
    expect(again.data!.importQuiz.id).toBe(first.data!.importQuiz.id);
  });
});

describe('QuizPlayed events', () => {
  const attemptCount = async (id: string) =>
    (await fx.asRouter(`query ($id: ID!) { quiz(id: $id) { attemptCount } }`, { variables: { id } })).data!.quiz.attemptCount as number;

  it('stores the attempt count once per event and never lowers it', async () => {
    const quiz = await fx.createPublished(fx.tokenFor().token);
    expect(await attemptCount(quiz.id)).toBe(0);

    const id = randomUUID();
    expect(await fx.deliverQuizPlayed({ id, quizId: quiz.id, attempts: 7, players: 3 })).toBe(204);
    expect(await attemptCount(quiz.id)).toBe(7);
    // A redelivery, even one that says something else, changes nothing.
    expect(await fx.deliverQuizPlayed({ id, quizId: quiz.id, attempts: 7, players: 3 })).toBe(204);
    expect(await fx.deliverQuizPlayed({ id, quizId: quiz.id, attempts: 9, players: 3 })).toBe(204);
    expect(await attemptCount(quiz.id)).toBe(7);
    // A late event with an older count.
    expect(await fx.deliverQuizPlayed({ quizId: quiz.id, attempts: 4, players: 2 })).toBe(204);
    expect(await attemptCount(quiz.id)).toBe(7);
    expect(await fx.deliverQuizPlayed({ quizId: quiz.id, attempts: 12, players: 5 })).toBe(204);
    expect(await attemptCount(quiz.id)).toBe(12);
    const { rows } = await sql.query(`SELECT "playerCount" FROM "Quiz" WHERE id = $1`, [quiz.id]);
    expect(rows[0].playerCount).toBe(5);
  });

  it('takes events from the results service only', async () => {
    const quiz = await fx.createPublished(fx.tokenFor().token);
    for (const caller of ['users', 'router', 'quizzes'] as const) {
      expect([401, 403]).toContain(await fx.deliverQuizPlayed({ quizId: quiz.id, attempts: 50 }, caller));
    }
    const anonymous = await fetch(`${fx.service.origin}/internal/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: randomUUID(), type: 'QuizPlayed', payload: { quizId: quiz.id, attempts: 50, players: 1 } }),
    });
    expect(anonymous.status).toBe(401);
    expect(await attemptCount(quiz.id)).toBe(0);
  });

  it('refuses what is not a QuizPlayed event, and ignores one for an unknown quiz', async () => {
    const post = (body: unknown) =>
      fetch(`${fx.service.origin}/internal/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...fx.credentialFrom('results') },
        body: JSON.stringify(body),
      }).then((r) => r.status);
    const quizId = randomUUID();
    expect(await post({ id: randomUUID(), type: 'QuizPlayed', payload: { quizId, attempts: -1, players: 0 } })).toBe(400);
    expect(await post({ id: 'not-a-uuid', type: 'QuizPlayed', payload: { quizId, attempts: 1, players: 1 } })).toBe(400);
    expect(await post({ id: randomUUID(), type: 'QuizArchived', payload: { quizId, archivedAt: new Date().toISOString() } })).toBe(400);
    expect(await fx.deliverQuizPlayed({ quizId, attempts: 3 })).toBe(204);
  });
});

describe('UserDeleted events', () => {
  const deliverUserDeleted = (userId: string, caller: CredentialHolder = 'users') =>
    fetch(`${fx.service.origin}/internal/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...fx.credentialFrom(caller) },
      body: JSON.stringify({ id: randomUUID(), type: 'UserDeleted', payload: { userId } }),
    }).then((r) => r.status);

  it('stops a deleted account’s still-valid token from creating, changing or publishing quizzes', async () => {
    const author = fx.tokenFor();
    const draft = await fx.createQuiz(author.token, { questions: ONE_QUESTION });
    expect(await deliverUserDeleted(author.userId)).toBe(204);
    // Delivered twice (a redelivery): no harm.
    expect(await deliverUserDeleted(author.userId)).toBe(204);

    const refused = [
      await fx.asRouter(`mutation { createQuiz(input: { title: "After deletion" }) { id } }`, { accessToken: author.token }),
      await fx.asRouter(PUBLISH, { accessToken: author.token, variables: { id: draft.id } }),
      await fx.asRouter(UPDATE_QUIZ, { accessToken: author.token, variables: { id: draft.id, input: { title: 'Renamed' } } }),
      await fx.asRouter(IMPORT, { accessToken: author.token, variables: { input: { format: 'GIFT', content: 'The Sun is a star. {T}', title: 'Imported' } } }),
    ];
    for (const response of refused) {
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.errors?.[0]?.message).toBe('This account no longer exists.');
    }
    const { rows } = await sql.query(`SELECT status, title FROM "Quiz" WHERE "authorId" = $1`, [author.userId]);
    expect(rows).toEqual([{ status: 'DRAFT', title: expect.stringMatching(/^Quiz /) }]);
    // Other authors are unaffected.
    const other = fx.tokenFor();
    expect((await fx.createPublished(other.token)).id).toBeTruthy();
  });

  it('takes UserDeleted from the users service only', async () => {
    const author = fx.tokenFor();
    for (const caller of ['results', 'router', 'quizzes'] as const) expect([401, 403]).toContain(await deliverUserDeleted(author.userId, caller));
    expect((await fx.createQuiz(author.token)).id).toBeTruthy();
  });
});
