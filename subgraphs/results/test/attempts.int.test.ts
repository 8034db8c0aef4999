import type { AnyJson } from '@quizgraph/service-kit';
import { DEFAULT_SETTINGS, type AnswerInput, type KeyedQuestion, type QuizSettings } from '@quizgraph/assessment';
import { openServiceDatabase, type ServiceDatabase } from '@quizgraph/prisma';
import { issueAccessToken, type RunningService } from '@quizgraph/service-kit';
import { createTestKeys, silentLogger, subgraphClient, type TestKeys } from '@quizgraph/service-kit/testing';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '../src/__generated__/prisma/client.js';
import { closeExpiredAttempts, SUBMIT_GRACE_MS } from '../src/expiry.js';
import type { AnswerKey, AnswerKeySource } from '../src/quizKeys.js';
import { startResultsService } from '../src/server.js';

/**
 * Attempts through the results subgraph over HTTP, against real Postgres: start, submit, deadlines,
 * limits, shuffling, review and history. Answer keys come from an in-memory quizzes side (every
 * version of every quiz); time comes from a clock the tests move, so nothing waits.
 */
const versions = new Map<string, AnswerKey>();
const current = new Map<string, number>();
/** How many times results asked "quizzes" for a key, by `quizId@version` (`@current` for the current one). */
const asked = new Map<string, number>();
const keySource: AnswerKeySource = {
  async answerKey(quizId, version) {
    const name = `${quizId}@${version ?? 'current'}`;
    asked.set(name, (asked.get(name) ?? 0) + 1);
    const wanted = version ?? current.get(quizId);
    return (wanted !== undefined && versions.get(`${quizId}@${wanted}`)) || null;
  },
};

let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);
/** Moves the service's clock (and only its clock) forward. */
const advance = (ms: number) => {
  offsetMs += ms;
};

let keys: TestKeys;
let results: RunningService;
let database: ServiceDatabase<PrismaClient>;
let asRouter: ReturnType<typeof subgraphClient>;

function player(role: 'PLAYER' | 'ADMIN' = 'PLAYER') {
  const userId = randomUUID();
  return { userId, token: issueAccessToken(keys.accessTokenKeys.signing, { userId, role }, 3600).token };
}
type Player = ReturnType<typeof player>;

const ids = (n: number): string[] => Array.from({ length: n }, () => randomUUID());

function choice(position: number, optionCount = 4, points = 1): KeyedQuestion {
  const options = ids(optionCount).map((id, i) => ({ id, label: `option ${i + 1}` }));
  return {
    id: randomUUID(),
    position,
    prompt: `Question ${position}`,
    explanation: `Explanation ${position}`,
    type: 'SINGLE_CHOICE',
    points,
    content: { options },
    key: { correctOptionIds: [options[0]!.id] },
  };
}

/** One question of every type, each with its own points. */
function everyType(): KeyedQuestion[] {
  const mc = ids(4);
  const items = ids(3);
  const base = (position: number, points: number) => ({ id: randomUUID(), position, points, prompt: `Q${position}`, explanation: `Why ${position}` });
  return [
    choice(1, 3, 1),
    {
      ...base(2, 2),
      type: 'MULTIPLE_CHOICE',
      content: { options: mc.map((id, i) => ({ id, label: `m${i}` })), scoring: 'PARTIAL' },
      key: { weights: mc.map((optionId, i) => ({ optionId, weight: i < 2 ? 0.5 : -0.5 })) },
    },
    { ...base(3, 3), type: 'TRUE_FALSE', content: {}, key: { correctAnswer: true } },
    { ...base(4, 4), type: 'NUMERIC', content: {}, key: { value: 3.14, tolerance: 0.01 } },
    { ...base(5, 5), type: 'SHORT_TEXT', content: {}, key: { acceptedAnswers: ['Paris'], caseSensitive: false } },
    {
      ...base(6, 6),
      type: 'ORDERING',
      content: { items: [...items].reverse().map((id, i) => ({ id, label: `i${i}` })), scoring: 'PARTIAL' },
      key: { order: items },
    },
  ];
}

/** The fully right answer to a question. */
function rightAnswer(q: KeyedQuestion): AnswerInput {
  switch (q.type) {
    case 'SINGLE_CHOICE':
      return { questionId: q.id, optionIds: q.key.correctOptionIds };
    case 'MULTIPLE_CHOICE':
      return { questionId: q.id, optionIds: q.key.weights.filter((w) => w.weight > 0).map((w) => w.optionId) };
    case 'TRUE_FALSE':
      return { questionId: q.id, boolean: q.key.correctAnswer };
    case 'NUMERIC':
      return { questionId: q.id, number: q.key.value };
    case 'SHORT_TEXT':
      return { questionId: q.id, text: q.key.acceptedAnswers[0]! };
    case 'ORDERING':
      return { questionId: q.id, order: q.key.order };
  }
}

/** A wrong answer to a choice question: its last option. */
function wrongChoice(q: KeyedQuestion): AnswerInput {
  if (q.type !== 'SINGLE_CHOICE') throw new Error('a choice question');
  return { questionId: q.id, optionIds: [q.content.options.at(-1)!.id] };
}

function publish(questions: KeyedQuestion[], settings: Partial<QuizSettings> = {}, quizId: string = randomUUID()): AnswerKey {
  const version = (current.get(quizId) ?? 0) + 1;
  const key: AnswerKey = {
    quizId,
    authorId: randomUUID(),
    version,
    currentVersion: version,
    status: 'PUBLISHED',
    settings: { ...DEFAULT_SETTINGS, ...settings },
    questions,
  };
  versions.set(`${quizId}@${version}`, key);
  current.set(quizId, version);
  return key;
}

const GIVEN = 'optionIds order boolean number tolerance text acceptedTexts';
const ATTEMPT = `id status number quizVersion startedAt deadline submittedAt score maxScore percentage correctCount questionCount timeTakenMs
  player { id } quiz { id }
  questions { id position type prompt points partialCredit options { id label } items { id label }
    review { answer { ${GIVEN} } correct score correctAnswer { ${GIVEN} } explanation } }`;

const START = `mutation ($quizId: ID!, $key: String) { startAttempt(quizId: $quizId, idempotencyKey: $key) { ${ATTEMPT} } }`;
const SUBMIT = `mutation ($id: ID!, $answers: [AnswerInput!]!, $key: String) {
  submitAttempt(attemptId: $id, answers: $answers, idempotencyKey: $key) { ${ATTEMPT} } }`;
const SUBMIT_QUIZ = `mutation ($quizId: ID!, $answers: [AnswerInput!]!, $key: String) {
  submitQuiz(quizId: $quizId, answers: $answers, idempotencyKey: $key) { ${ATTEMPT} } }`;
const READ = `query ($id: ID!) { attempt(id: $id) { ${ATTEMPT} } }`;

type AttemptData = AnyJson;

async function start(who: Player, key: AnswerKey, idempotencyKey?: string) {
  return asRouter<{ startAttempt: AttemptData }>(START, { accessToken: who.token, variables: { quizId: key.quizId, key: idempotencyKey } });
}

async function started(who: Player, key: AnswerKey, idempotencyKey?: string): Promise<AttemptData> {
  const { data, errors } = await start(who, key, idempotencyKey);
  expect(errors).toBeUndefined();
  return data!.startAttempt;
}

async function submit(who: Player, attemptId: string, answers: AnswerInput[], idempotencyKey?: string) {
  return asRouter<{ submitAttempt: AttemptData }>(SUBMIT, { accessToken: who.token, variables: { id: attemptId, answers, key: idempotencyKey } });
}

async function submitted(who: Player, attemptId: string, answers: AnswerInput[], idempotencyKey?: string): Promise<AttemptData> {
  const { data, errors } = await submit(who, attemptId, answers, idempotencyKey);
  expect(errors).toBeUndefined();
  return data!.submitAttempt;
}

async function submitQuiz(who: Player, key: AnswerKey, answers: AnswerInput[], idempotencyKey?: string) {
  return asRouter<{ submitQuiz: AttemptData }>(SUBMIT_QUIZ, { accessToken: who.token, variables: { quizId: key.quizId, answers, key: idempotencyKey } });
}

async function read(who: Player | null, attemptId: string): Promise<AttemptData | null> {
  const { data, errors } = await asRouter<{ attempt: AttemptData | null }>(READ, { accessToken: who?.token, variables: { id: attemptId } });
  expect(errors).toBeUndefined();
  return data!.attempt;
}

async function statusInDatabase(attemptId: string): Promise<string | undefined> {
  return (await database.db.attempt.findUnique({ where: { id: attemptId } }))?.status;
}

beforeAll(async () => {
  keys = await createTestKeys();
  const databaseUrl = inject('databaseUrls').results;
  results = await startResultsService({
    databaseUrl,
    port: 0,
    host: '127.0.0.1',
    logger: silentLogger,
    accessKeys: keys.accessKeys,
    serviceKeys: keys.serviceKeys,
    answerKeys: keySource,
    serviceSigner: keys.signer('results'),
    eventSubscribers: () => [],
    clock,
    // The tests sweep themselves, at the moments they choose.
    expirySweepIntervalMs: 0,
  });
  database = openServiceDatabase(databaseUrl, (adapter) => new PrismaClient({ adapter }), 2);
  asRouter = subgraphClient(results.url, 'results', keys.signer('router'));
});

afterAll(async () => {
  await results?.close();
  await database?.close();
});

describe('startAttempt and submitAttempt', () => {
  it('scores every question type against the key, with partial credit', async () => {
    const questions = everyType();
    const key = publish(questions, { reviewPolicy: 'EXPLANATIONS' });
    const who = player();

    const right = await started(who, key);
    expect(right).toMatchObject({ status: 'IN_PROGRESS', number: 1, quizVersion: 1, maxScore: 21, questionCount: 6, deadline: null });
    expect(right).toMatchObject({ score: null, percentage: null, correctCount: null, submittedAt: null, timeTakenMs: null });
    expect(right.questions.map((q: AttemptData) => q.review)).toEqual(Array(6).fill(null));
    expect(await submitted(who, right.id, questions.map(rightAnswer))).toMatchObject({
      status: 'SUBMITTED',
      score: 21,
      percentage: 100,
      correctCount: 6,
    });

    // One of two right options (½ of 2), the wrong number, a text in another case, one of three items in place.
    const [single, multi, tf, numeric, text, ordering] = questions as [KeyedQuestion, ...KeyedQuestion[]];
    const items = ordering!.type === 'ORDERING' ? ordering!.key.order : [];
    const partial = await started(who, key);
    expect(partial.number).toBe(2);
    const scored = await submitted(who, partial.id, [
      wrongChoice(single),
      { questionId: multi!.id, optionIds: [rightAnswer(multi!).optionIds![0]!] },
      { questionId: tf!.id, boolean: true },
      { questionId: numeric!.id, number: 3.2 },
      { questionId: text!.id, text: '  paris ' },
      { questionId: ordering!.id, order: [items[0]!, items[2]!, items[1]!] },
    ]);
    expect(scored).toMatchObject({ score: 11, maxScore: 21, percentage: 52.38, correctCount: 2 }); // 0 + 1 + 3 + 0 + 5 + 2
    expect(scored.questions.map((q: AttemptData) => q.review.score)).toEqual([0, 1, 3, 0, 5, 2]);
    expect(scored.questions.map((q: AttemptData) => q.review.correct)).toEqual([false, false, true, false, true, false]);
  });

  it('shows each type’s answer and right answer in its own field', async () => {
    const questions = everyType();
    const key = publish(questions, { reviewPolicy: 'CORRECT_ANSWERS' });
    const who = player();
    const attempt = await started(who, key);
    const result = await submitted(who, attempt.id, questions.map(rightAnswer));
    const [single, multi, tf, numeric, text, ordering] = result.questions as AttemptData[];
    expect(single!.review.answer.optionIds).toEqual(rightAnswer(questions[0]!).optionIds);
    expect(multi!.review.correctAnswer.optionIds).toHaveLength(2);
    expect(tf!.review.correctAnswer).toMatchObject({ boolean: true, optionIds: [], order: [], number: null });
    expect(numeric!.review).toMatchObject({ answer: { number: 3.14, tolerance: null }, correctAnswer: { number: 3.14, tolerance: 0.01 } });
    expect(text!.review).toMatchObject({ answer: { text: 'Paris', acceptedTexts: [] }, correctAnswer: { text: null, acceptedTexts: ['Paris'] } });
    expect(ordering!.review.correctAnswer.order).toEqual(rightAnswer(questions[5]!).order);
    expect(ordering!.partialCredit).toBe(true);
    expect(single!.partialCredit).toBe(false);
  });

  it('scores the pinned version, not one published later', async () => {
    const v1 = publish([choice(1), choice(2)]);
    const who = player();
    const attempt = await started(who, v1);
    const v2 = publish([choice(1), choice(2), choice(3)], {}, v1.quizId);
    expect(v2.version).toBe(2);
    // A question of the new version is not part of this attempt.
    const foreign = await submit(who, attempt.id, [rightAnswer(v2.questions[2]!)]);
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers.0.questionId' });
    const result = await submitted(who, attempt.id, v1.questions.map(rightAnswer));
    expect(result).toMatchObject({ quizVersion: 1, score: 2, maxScore: 2, questionCount: 2 });
    expect(result.questions.map((q: AttemptData) => q.id)).toEqual(v1.questions.map((q) => q.id));
    // The next attempt takes the current version.
    expect(await started(who, v2)).toMatchObject({ quizVersion: 2, number: 2, maxScore: 3 });
  });

  it('returns the same attempt to a retried start and refuses its key on another quiz', async () => {
    const key = publish([choice(1)]);
    const who = player();
    const idempotencyKey = randomUUID();
    const [first, second] = await Promise.all([started(who, key, idempotencyKey), started(who, key, idempotencyKey)]);
    expect(second.id).toBe(first.id);
    await submitted(who, first.id, []);
    // After submission too: the key names the attempt it started, whatever became of it.
    expect((await started(who, key, idempotencyKey)).id).toBe(first.id);
    const elsewhere = await start(who, publish([choice(1)]), idempotencyKey);
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
  });

  it('resumes the open attempt rather than opening another, and starts a new one once it is submitted', async () => {
    const key = publish([choice(1)], { maxAttempts: 2 });
    const who = player();
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => started(who, key)));
    expect(new Set(concurrent.map((a) => a.id)).size).toBe(1);
    expect(concurrent[0]!.number).toBe(1);
    await submitted(who, concurrent[0]!.id, []);
    const next = await started(who, key);
    expect(next.number).toBe(2);
    expect((await started(who, key)).id).toBe(next.id);
  });

  it('scores an attempt once, also under 10 concurrent submissions', async () => {
    const key = publish([choice(1), choice(2)]);
    const who = player();
    const attempt = await started(who, key);
    const answers = [rightAnswer(key.questions[0]!), wrongChoice(key.questions[1]!)];
    const all = await Promise.all(Array.from({ length: 10 }, (_, i) => submit(who, attempt.id, answers, i % 2 ? randomUUID() : undefined)));
    const errors = all.flatMap((r) => r.errors ?? []);
    // Keys sent by submissions that lost the race name nothing: only the winner's key is kept.
    expect(errors).toEqual([]);
    const resultsSeen = all.map((r) => r.data!.submitAttempt);
    expect(new Set(resultsSeen.map((r) => JSON.stringify([r.id, r.score, r.submittedAt, r.timeTakenMs])))).toEqual(
      new Set([JSON.stringify([attempt.id, 1, resultsSeen[0]!.submittedAt, resultsSeen[0]!.timeTakenMs])]),
    );
    expect(await database.db.attemptAnswer.count({ where: { attemptId: attempt.id } })).toBe(2);
    const tally = await database.db.quizTally.findUnique({ where: { quizId: key.quizId } });
    expect(tally).toMatchObject({ attempts: 1, players: 1 });
    const events = await database.db.outboxEvent.count({ where: { type: 'QuizPlayed', payload: { path: ['quizId'], equals: key.quizId } } });
    expect(events).toBe(1);
  });

  it('returns the first result to a later submission, with any key or none, and refuses a key of another attempt', async () => {
    const key = publish([choice(1), choice(2)]);
    const who = player();
    const idempotencyKey = randomUUID();
    const attempt = await started(who, key);
    const first = await submitted(who, attempt.id, key.questions.map(rightAnswer), idempotencyKey);
    expect(first.score).toBe(2);
    expect(await submitted(who, attempt.id, [], idempotencyKey)).toMatchObject({ id: attempt.id, score: 2 });
    expect(await submitted(who, attempt.id, [])).toMatchObject({ id: attempt.id, score: 2 });
    const other = await started(who, key);
    const reused = await submit(who, other.id, [], idempotencyKey);
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    expect(await statusInDatabase(other.id)).toBe('IN_PROGRESS');
  });

  it('hides another player’s attempt, and needs a signed-in player', async () => {
    const key = publish([choice(1)]);
    const owner = player();
    const attempt = await started(owner, key);
    const stranger = await submit(player(), attempt.id, []);
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(await statusInDatabase(attempt.id)).toBe('IN_PROGRESS');
    const anonymous = await asRouter(SUBMIT, { variables: { id: attempt.id, answers: [] } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const anonymousStart = await asRouter(START, { variables: { quizId: key.quizId } });
    expect(anonymousStart.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a draft (NOT_FOUND), an archived quiz (CONFLICT), an unknown quiz and answers that do not fit', async () => {
    const who = player();
    const draft = publish([choice(1)]);
    versions.set(`${draft.quizId}@1`, { ...draft, status: 'DRAFT' });
    expect((await start(who, draft)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const archived = publish([choice(1)]);
    versions.set(`${archived.quizId}@1`, { ...archived, status: 'ARCHIVED' });
    expect((await start(who, archived)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const missing = await asRouter(START, { accessToken: who.token, variables: { quizId: randomUUID() } });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const key = publish([choice(1)]);
    const attempt = await started(who, key);
    const wrong = await submit(who, attempt.id, [{ questionId: key.questions[0]!.id, boolean: true }]);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answers.0.boolean' });
    // Refused answers leave the attempt open.
    expect(await statusInDatabase(attempt.id)).toBe('IN_PROGRESS');
  });
});

describe('deadlines', () => {
  it('records the server’s start and deadline, and the time taken up to the submission', async () => {
    const key = publish([choice(1)], { timeLimitSeconds: 60 });
    const who = player();
    const before = clock().getTime();
    const attempt = await started(who, key);
    const startedAt = Date.parse(attempt.startedAt);
    expect(startedAt).toBeGreaterThanOrEqual(before);
    expect(Date.parse(attempt.deadline)).toBe(startedAt + 60_000);
    advance(20_000);
    const result = await submitted(who, attempt.id, [rightAnswer(key.questions[0]!)]);
    expect(result.timeTakenMs).toBeGreaterThanOrEqual(20_000);
    expect(result.timeTakenMs).toBeLessThan(25_000);
    expect(Date.parse(result.submittedAt) - startedAt).toBe(result.timeTakenMs);
  });

  it('takes answers within the grace after the deadline', async () => {
    const key = publish([choice(1)], { timeLimitSeconds: 10 });
    const who = player();
    const attempt = await started(who, key);
    advance(10_000 + SUBMIT_GRACE_MS - 1_000);
    expect(await submitted(who, attempt.id, [rightAnswer(key.questions[0]!)])).toMatchObject({ status: 'SUBMITTED', score: 1 });
  });

  it('refuses answers after the grace with DEADLINE_EXCEEDED and closes the attempt as EXPIRED', async () => {
    const key = publish([choice(1)], { timeLimitSeconds: 10 });
    const who = player();
    const attempt = await started(who, key);
    advance(10_000 + SUBMIT_GRACE_MS + 1_000);
    const late = await submit(who, attempt.id, [rightAnswer(key.questions[0]!)]);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'DEADLINE_EXCEEDED', attemptId: attempt.id });
    expect(await statusInDatabase(attempt.id)).toBe('EXPIRED');
    // Closed for good: a second try fails the same way, and the attempt reads as expired and unscored.
    expect((await submit(who, attempt.id, [])).errors?.[0]?.extensions?.code).toBe('DEADLINE_EXCEEDED');
    expect(await read(who, attempt.id)).toMatchObject({ status: 'EXPIRED', score: null, submittedAt: null, correctCount: null });
    expect(await database.db.quizTally.findUnique({ where: { quizId: key.quizId } })).toBeNull();
  });

  it('closes attempts nobody submits: the sweeper, and any read before it', async () => {
    const key = publish([choice(1)], { timeLimitSeconds: 10 });
    const [swept, readFirst, inTime] = [player(), player(), player()];
    const sweptAttempt = await started(swept, key);
    const readAttempt = await started(readFirst, key);
    advance(10_000 + SUBMIT_GRACE_MS + 1_000);
    const inTimeAttempt = await started(inTime, key);

    // A read closes what it shows before any sweep, and history reads the same.
    expect(await statusInDatabase(readAttempt.id)).toBe('IN_PROGRESS');
    expect((await read(readFirst, readAttempt.id))!.status).toBe('EXPIRED');
    expect(await statusInDatabase(readAttempt.id)).toBe('EXPIRED');

    expect(await statusInDatabase(sweptAttempt.id)).toBe('IN_PROGRESS');
    expect(await closeExpiredAttempts(database.db, clock())).toBeGreaterThanOrEqual(1);
    expect(await statusInDatabase(sweptAttempt.id)).toBe('EXPIRED');
    // One still within its time stays open.
    expect(await statusInDatabase(inTimeAttempt.id)).toBe('IN_PROGRESS');
    expect(await closeExpiredAttempts(database.db, clock())).toBe(0);
  });

  it('starts a new attempt once the open one ran out, counting the expired one', async () => {
    const key = publish([choice(1)], { timeLimitSeconds: 10, maxAttempts: 2 });
    const who = player();
    const first = await started(who, key);
    advance(11_000);
    // Past the deadline (within grace): not resumed.
    const second = await started(who, key);
    expect(second).toMatchObject({ number: 2, status: 'IN_PROGRESS' });
    advance(10_000 + SUBMIT_GRACE_MS);
    const third = await start(who, key);
    expect(third.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', maxAttempts: 2 });
    expect(await statusInDatabase(first.id)).toBe('EXPIRED');
    expect(await statusInDatabase(second.id)).toBe('EXPIRED');
  });
});

describe('answers that arrived in time', () => {
  it('stand although a sweep closed the attempt while they waited for the player’s lock', async () => {
    const key = publish([choice(1)], { timeLimitSeconds: 60 });
    const who = player();
    const attempt = await started(who, key);
    advance(50_000);
    // Hold the player's lock, as another submission of theirs would, so these answers wait.
    const holder = new pg.Client({ connectionString: inject('databaseUrls').results });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [who.userId]);
      const pending = submit(who, attempt.id, [rightAnswer(key.questions[0]!)]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      advance(60_000);
      expect(await closeExpiredAttempts(database.db, clock())).toBeGreaterThanOrEqual(1);
      await holder.query('COMMIT');
      const { data, errors } = await pending;
      expect(errors).toBeUndefined();
      expect(data!.submitAttempt).toMatchObject({ status: 'SUBMITTED', score: 1 });
      expect(data!.submitAttempt.timeTakenMs).toBeLessThan(60_000);
    } finally {
      await holder.end();
    }
  });
});

describe('SPEED scoring', () => {
  it('gives a right answer all its points at once, and half at the time limit or later', async () => {
    const key = publish([choice(1, 4, 10), choice(2, 4, 10)], { timeLimitSeconds: 100, scoringPolicy: 'SPEED' });
    const answers = [rightAnswer(key.questions[0]!), wrongChoice(key.questions[1]!)];
    const [fast, half, late] = [player(), player(), player()];
    const fastAttempt = await started(fast, key);
    expect((await submitted(fast, fastAttempt.id, answers)).score).toBeGreaterThan(9.99);

    const halfAttempt = await started(half, key);
    const lateAttempt = await started(late, key);
    advance(50_000);
    const halfway = await submitted(half, halfAttempt.id, answers);
    // 10 × (0.5 + 0.5 × (1 − t/100 s)), t a little over 50 s.
    expect(halfway.score).toBeCloseTo(10 * (0.5 + 0.5 * (1 - halfway.timeTakenMs / 100_000)), 3);
    expect(halfway.score).toBeGreaterThan(7.4);
    expect(halfway.score).toBeLessThanOrEqual(7.5);
    advance(50_000 + SUBMIT_GRACE_MS - 1_000);
    expect(await submitted(late, lateAttempt.id, answers)).toMatchObject({ score: 5, maxScore: 20 });
  });
});

describe('attempt limits', () => {
  it('refuses an attempt beyond maxAttempts with FORBIDDEN', async () => {
    const key = publish([choice(1)], { maxAttempts: 2 });
    const who = player();
    for (let n = 0; n < 2; n++) await submitted(who, (await started(who, key)).id, []);
    const refused = await start(who, key);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', maxAttempts: 2 });
    expect(refused.errors?.[0]?.message).toMatch(/2 attempts per player/);
    // Others are not affected.
    expect((await started(player(), key)).number).toBe(1);
  });

  it('never exceeds maxAttempts nor repeats a number under concurrent attempts', async () => {
    const key = publish([choice(1)], { maxAttempts: 3 });
    const who = player();
    const all = await Promise.all(Array.from({ length: 10 }, () => submitQuiz(who, key, [rightAnswer(key.questions[0]!)])));
    const accepted = all.filter((r) => !r.errors).map((r) => r.data!.submitQuiz.number);
    expect(accepted.sort()).toEqual([1, 2, 3]);
    expect(all.filter((r) => r.errors?.[0]?.extensions?.code === 'FORBIDDEN')).toHaveLength(7);
    expect(await database.db.attempt.count({ where: { userId: who.userId, quizId: key.quizId } })).toBe(3);
  });
});

describe('shuffling', () => {
  const NUMBER_OF_QUESTIONS = 12;
  const order = (attempt: AttemptData) => attempt.questions.map((q: AttemptData) => q.id).join();
  const optionOrder = (attempt: AttemptData) => attempt.questions.map((q: AttemptData) => q.options.map((o: AttemptData) => o.id).join()).join(';');

  it('shows questions and options in an order of the attempt’s own, always the same for it', async () => {
    const questions = Array.from({ length: NUMBER_OF_QUESTIONS }, (_, i) => choice(i + 1, 6));
    const key = publish(questions, { shuffleQuestions: true, shuffleOptions: true });
    const [a, b] = [player(), player()];
    const first = await started(a, key);
    const other = await started(b, key);
    const again = await read(a, first.id);
    expect(order(again!)).toBe(order(first));
    expect(optionOrder(again!)).toBe(optionOrder(first));
    expect(first.questions.map((q: AttemptData) => q.position)).toEqual(questions.map((_, i) => i + 1));
    // Different attempts, different orders (12! and 6!^12 orders: equal ones would be a bug).
    expect(order(other)).not.toBe(order(first));
    expect(optionOrder(other)).not.toBe(optionOrder(first));
    expect(order(first)).not.toBe(questions.map((q) => q.id).join());
    // The same order after submission, with the review.
    const result = await submitted(a, first.id, []);
    expect(order(result)).toBe(order(first));
    expect(optionOrder(result)).toBe(optionOrder(first));
  });

  it('keeps the quiz’s order when the quiz does not shuffle', async () => {
    const questions = Array.from({ length: 5 }, (_, i) => choice(i + 1));
    const key = publish(questions);
    const attempt = await started(player(), key);
    expect(order(attempt)).toBe(questions.map((q) => q.id).join());
    expect(attempt.questions[0].options.map((o: AttemptData) => o.id)).toEqual(
      questions[0]!.type === 'SINGLE_CHOICE' ? questions[0]!.content.options.map((o) => o.id) : [],
    );
  });

  it('never shows ORDERING items in their right order', async () => {
    const questions: KeyedQuestion[] = Array.from({ length: 10 }, (_, i) => {
      const items = ids(2);
      return {
        id: randomUUID(),
        position: i + 1,
        prompt: `Order ${i}`,
        explanation: null,
        type: 'ORDERING',
        points: 1,
        content: { items: [...items].reverse().map((id) => ({ id, label: id })), scoring: 'ALL_OR_NOTHING' },
        key: { order: items },
      };
    });
    const key = publish(questions, { shuffleOptions: true });
    const rightOrder = new Map(questions.map((q) => [q.id, q.type === 'ORDERING' ? q.key.order.join() : '']));
    for (let n = 0; n < 5; n++) {
      const attempt = await started(player(), key);
      for (const q of attempt.questions) expect(q.items.map((i: AttemptData) => i.id).join()).not.toBe(rightOrder.get(q.id));
    }
  });
});

describe('review', () => {
  const policies = ['SCORE_ONLY', 'QUESTION_RESULTS', 'CORRECT_ANSWERS', 'EXPLANATIONS'] as const;

  it.each(policies)('shows what %s allows, and nothing before submission', async (reviewPolicy) => {
    const questions = [choice(1), choice(2)];
    const key = publish(questions, { reviewPolicy });
    const who = player();
    const attempt = await started(who, key);
    expect(attempt.questions.map((q: AttemptData) => q.review)).toEqual([null, null]);
    const result = await submitted(who, attempt.id, [rightAnswer(questions[0]!), wrongChoice(questions[1]!)]);
    const level = policies.indexOf(reviewPolicy);
    expect(result.score).toBe(1);
    expect(result.correctCount).toBe(level >= 1 ? 1 : null);
    const [right, wrong] = result.questions as AttemptData[];
    // The player's own answer is always shown.
    expect(wrong!.review.answer.optionIds).toEqual(wrongChoice(questions[1]!).optionIds);
    expect(right!.review).toEqual({
      answer: expect.objectContaining({ optionIds: rightAnswer(questions[0]!).optionIds }),
      correct: level >= 1 ? true : null,
      score: level >= 1 ? 1 : null,
      correctAnswer: level >= 2 ? expect.objectContaining({ optionIds: rightAnswer(questions[0]!).optionIds }) : null,
      explanation: level >= 3 ? 'Explanation 1' : null,
    });
    expect(wrong!.review).toMatchObject({ correct: level >= 1 ? false : null, score: level >= 1 ? 0 : null });
    // Read back later, the same.
    expect((await read(who, attempt.id))!.questions).toEqual(result.questions);
  });

  it('lets the player and admins read an attempt, nobody else', async () => {
    const key = publish([choice(1)]);
    const who = player();
    const attempt = await started(who, key);
    await submitted(who, attempt.id, []);
    expect((await read(who, attempt.id))!.id).toBe(attempt.id);
    expect((await read(player('ADMIN'), attempt.id))!.id).toBe(attempt.id);
    expect(await read(player(), attempt.id)).toBeNull();
    expect(await read(null, attempt.id)).toBeNull();
    const entity = await asRouter(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Attempt { id } } }`, {
      accessToken: player().token,
      variables: { r: [{ __typename: 'Attempt', id: attempt.id }] },
    });
    expect(entity.data!._entities).toEqual([null]);
  });

  it('reads many attempts with their questions and review in a constant number of statements, without asking quizzes again', async () => {
    const key = publish([choice(1), choice(2), choice(3)], { shuffleQuestions: true, shuffleOptions: true, reviewPolicy: 'EXPLANATIONS' });
    const who = player();
    const attemptIds: string[] = [];
    for (let n = 0; n < 5; n++) {
      const attempt = await started(who, key);
      attemptIds.push(attempt.id);
      if (n < 4) await submitted(who, attempt.id, [rightAnswer(key.questions[n % 3]!)]);
    }
    const pinned = `${key.quizId}@1`;
    const askedBefore = asked.get(pinned) ?? 0;
    const cost = async (n: number) => {
      const before = results.sqlStatements();
      const { data, errors } = await asRouter(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Attempt { ${ATTEMPT} } } }`, {
        accessToken: who.token,
        variables: { r: attemptIds.slice(0, n).map((id) => ({ __typename: 'Attempt', id })) },
      });
      expect(errors).toBeUndefined();
      expect(data!._entities).toHaveLength(n);
      expect(data!._entities[0].questions[0].review.explanation).toMatch(/Explanation/);
      return results.sqlStatements() - before;
    };
    expect(await cost(5)).toBe(await cost(1));
    // The pinned version's key was kept from the start: quizzes was not asked for it again.
    expect(asked.get(pinned) ?? 0).toBe(askedBefore);
  });
});

describe('User.attempts', () => {
  const HISTORY = `query ($r: [_Any!]!, $first: Int, $after: String, $quizId: ID) { _entities(representations: $r) { ... on User {
    id attempts(first: $first, after: $after, quizId: $quizId) { edges { cursor node { id number status score percentage startedAt quiz { id } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`;

  async function history(viewer: Player | null, userIds: string[], variables: Record<string, unknown> = {}) {
    return asRouter(HISTORY, { accessToken: viewer?.token, variables: { r: userIds.map((id) => ({ __typename: 'User', id })), ...variables } });
  }

  it('pages a player’s attempts newest first, by quiz if asked', async () => {
    const [q1, q2] = [publish([choice(1)]), publish([choice(1)])];
    const who = player();
    const taken: string[] = [];
    for (const key of [q1, q2, q1, q2, q1]) {
      const attempt = await started(who, key);
      taken.push(attempt.id);
      await submitted(who, attempt.id, [rightAnswer(key.questions[0]!)]);
      advance(1); // distinct start times, as real ones are
    }
    const newestFirst = [...taken].reverse();
    const firstPage = await history(who, [who.userId], { first: 2 });
    expect(firstPage.errors).toBeUndefined();
    const page1 = firstPage.data!._entities[0].attempts;
    expect(page1.edges.map((e: AttemptData) => e.node.id)).toEqual(newestFirst.slice(0, 2));
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const page2 = (await history(who, [who.userId], { first: 2, after: page1.pageInfo.endCursor })).data!._entities[0].attempts;
    expect(page2.edges.map((e: AttemptData) => e.node.id)).toEqual(newestFirst.slice(2, 4));
    const page3 = (await history(who, [who.userId], { first: 2, after: page2.pageInfo.endCursor })).data!._entities[0].attempts;
    expect(page3.edges.map((e: AttemptData) => e.node.id)).toEqual(newestFirst.slice(4));
    expect(page3.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    // Read as the attempts they are (a raw statement returns the same types as the client's own reads).
    expect(page1.edges[0].node).toMatchObject({ status: 'SUBMITTED', score: 1, percentage: 100 });
    expect(Date.parse(page1.edges[0].node.startedAt)).toBeGreaterThan(Date.parse(page1.edges[1].node.startedAt));

    const atQ1 = (await history(who, [who.userId], { quizId: q1.quizId })).data!._entities[0].attempts;
    expect(atQ1.edges.map((e: AttemptData) => [e.node.quiz.id, e.node.number])).toEqual([
      [q1.quizId, 3],
      [q1.quizId, 2],
      [q1.quizId, 1],
    ]);

    const bad = await history(who, [who.userId], { after: 'nope' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('is for the player and admins only: FORBIDDEN and null for anyone else', async () => {
    const key = publish([choice(1)]);
    const who = player();
    await started(who, key);
    const admin = await history(player('ADMIN'), [who.userId]);
    expect(admin.data!._entities[0].attempts.edges).toHaveLength(1);
    for (const viewer of [player(), null]) {
      const refused = await history(viewer, [who.userId]);
      expect(refused.data!._entities[0]).toEqual({ id: who.userId, attempts: null });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('shows an attempt whose time ran out as EXPIRED', async () => {
    const key = publish([choice(1)], { timeLimitSeconds: 10 });
    const who = player();
    const attempt = await started(who, key);
    advance(10_000 + SUBMIT_GRACE_MS + 1);
    const page = (await history(who, [who.userId])).data!._entities[0].attempts;
    expect(page.edges[0].node).toMatchObject({ id: attempt.id, status: 'EXPIRED' });
    expect(await statusInDatabase(attempt.id)).toBe('EXPIRED');
  });

  it('costs the same number of statements for one player as for many', async () => {
    const admin = player('ADMIN');
    const players = [player(), player(), player(), player()];
    const key = publish([choice(1)]);
    for (const p of players) await submitted(p, (await started(p, key)).id, []);
    const cost = async (n: number) => {
      const before = results.sqlStatements();
      const { errors, data } = await history(
        admin,
        players.slice(0, n).map((p) => p.userId),
        { first: 5 },
      );
      expect(errors).toBeUndefined();
      expect(data!._entities.every((u: AttemptData) => u.attempts.edges.length === 1)).toBe(true);
      return results.sqlStatements() - before;
    };
    expect(await cost(4)).toBe(await cost(1));
  });
});

describe('submitQuiz', () => {
  it('refuses a timed quiz: the server must measure the time', async () => {
    const key = publish([choice(1)], { timeLimitSeconds: 60 });
    const { errors } = await submitQuiz(player(), key, []);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quizId' });
    expect(errors?.[0]?.message).toMatch(/startAttempt/);
  });

  it('answers retries that raced the first submission with its result, even at the attempt limit', async () => {
    const key = publish([choice(1)], { maxAttempts: 1 });
    const who = player();
    const idempotencyKey = randomUUID();
    const answers = [rightAnswer(key.questions[0]!)];
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => asRouter(SUBMIT_QUIZ, { accessToken: who.token, variables: { quizId: key.quizId, answers, key: idempotencyKey } })),
    );
    for (const response of responses) expect(response.errors).toBeUndefined();
    expect(new Set(responses.map((r) => r.data!.submitQuiz.id)).size).toBe(1);
  });

  it('starts and submits in one step, numbered with the player’s other attempts', async () => {
    const key = publish([choice(1), choice(2)]);
    const who = player();
    await submitted(who, (await started(who, key)).id, []);
    const { data, errors } = await submitQuiz(who, key, key.questions.map(rightAnswer));
    expect(errors).toBeUndefined();
    expect(data!.submitQuiz).toMatchObject({ status: 'SUBMITTED', number: 2, score: 2, timeTakenMs: 0, deadline: null });
    expect(data!.submitQuiz.questions[1].review).toMatchObject({ correct: true, score: 1 });
  });
});

describe('probing cannot buy a rank', () => {
  /**
   * The strategy that recovered a 5-question, 4-option key in 9 to 15 submissions: one answer per
   * submission, reading the score back to learn whether that option is right, then a perfect run. A
   * quiz for competition says maxAttempts 3, FIRST attempt ranks, SCORE_ONLY review.
   */
  it('gets three attempts, learns little from them, and ranks by its first', async () => {
    const questions = Array.from({ length: 5 }, (_, i) => choice(i + 1, 4));
    const key = publish(questions, { maxAttempts: 3, leaderboardAttempt: 'FIRST', reviewPolicy: 'SCORE_ONLY' });
    const [prober, honest] = [player(), player()];
    const honestResult = await submitQuiz(honest, key, [rightAnswer(questions[0]!), rightAnswer(questions[1]!), rightAnswer(questions[2]!)]);
    expect(honestResult.data!.submitQuiz.score).toBe(3);

    const probes = questions.flatMap((q) => (q.type === 'SINGLE_CHOICE' ? q.content.options.map((o) => ({ questionId: q.id, optionIds: [o.id] })) : []));
    const outcomes: Array<{ score: number | null; refused: string | null }> = [];
    for (const probe of probes) {
      const attempt = await start(prober, key);
      if (attempt.errors) {
        outcomes.push({ score: null, refused: attempt.errors[0]!.extensions!.code as string });
        continue;
      }
      const result = await submitted(prober, attempt.data!.startAttempt.id, [probe]);
      // The score only: which question earned it is not said.
      expect(result.correctCount).toBeNull();
      expect(result.questions.every((q: AttemptData) => q.review.correct === null && q.review.correctAnswer === null)).toBe(true);
      outcomes.push({ score: result.score, refused: null });
    }
    expect(outcomes.filter((o) => o.refused === null)).toHaveLength(3);
    expect(outcomes.slice(3).every((o) => o.refused === 'FORBIDDEN')).toBe(true);
    // The perfect run that would follow is refused too.
    expect((await submitQuiz(prober, key, questions.map(rightAnswer))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The board ranks each player's first attempt: the prober's first probe (one option of question 1).
    const { data, errors } = await asRouter(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Quiz { leaderboard(first: 10) { edges { rank node { score user { id } } } } } } }`,
      { variables: { r: [{ __typename: 'Quiz', id: key.quizId }] } },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities[0].leaderboard.edges.map((e: AttemptData) => [e.rank, e.node.user.id, e.node.score])).toEqual([
      [1, honest.userId, 3],
      [2, prober.userId, outcomes[0]!.score],
    ]);
  });
});
