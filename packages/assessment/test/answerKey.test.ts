import { describe, expect, it } from 'vitest';
import { answerKeySchema, DEFAULT_SETTINGS, parseAnswerKey, QUESTION_TYPES, type KeyedQuestion } from '../src/index.js';
import { build, FULL_DRAFTS, ids } from './fixtures.js';

/** One keyed question of each type, built from the full drafts. */
const QUESTIONS: KeyedQuestion[] = QUESTION_TYPES.map((type, i) => {
  const { shape, ...rest } = build(FULL_DRAFTS[type], ids(`q${i + 1}-`));
  return { ...shape, ...rest, id: `q${i + 1}`, position: i + 1 };
});

const KEY = {
  quizId: 'quiz-1',
  authorId: 'author-1',
  version: 2,
  currentVersion: 3,
  status: 'PUBLISHED',
  settings: { ...DEFAULT_SETTINGS, timeLimitSeconds: 300, scoringPolicy: 'SPEED' },
  questions: QUESTIONS,
} as const;

const withQuestion = (index: number, patch: Record<string, unknown>) => ({
  ...KEY,
  questions: KEY.questions.map((q, i) => (i === index ? { ...q, ...patch } : q)),
});
const refusedAt = (body: unknown) => {
  const result = answerKeySchema.safeParse(body);
  if (result.success) throw new Error('expected the answer key to be refused');
  return result.error.issues.map((issue) => issue.path.join('.'));
};
const indexOf = (type: string) => QUESTION_TYPES.indexOf(type as (typeof QUESTION_TYPES)[number]);

describe('parseAnswerKey', () => {
  it('accepts a well-formed key with a question of every type, unchanged', () => {
    expect(parseAnswerKey(KEY)).toStrictEqual(KEY);
  });

  it('survives a JSON round trip (as it crosses the internal channel)', () => {
    expect(parseAnswerKey(JSON.parse(JSON.stringify(KEY)))).toStrictEqual(KEY);
  });

  it('accepts a key without questions, and a question worth 0 points', () => {
    expect(parseAnswerKey({ ...KEY, questions: [] }).questions).toEqual([]);
    expect(parseAnswerKey(withQuestion(0, { points: 0 })).questions[0]?.points).toBe(0);
  });

  it('throws on a malformed key', () => {
    expect(() => parseAnswerKey({ ...KEY, version: 0 })).toThrow();
  });
});

describe('answerKeySchema', () => {
  it.each([
    ['NUMERIC', { correctOptionIds: ['a'] }],
    ['SINGLE_CHOICE', { weights: [{ optionId: 'a', weight: 1 }] }],
    ['MULTIPLE_CHOICE', { correctOptionIds: ['a'] }],
    ['TRUE_FALSE', { value: 1, tolerance: 0 }],
    ['SHORT_TEXT', { acceptedAnswers: ['x'] }],
    ['ORDERING', { correctOptionIds: ['a'] }],
    ['NUMERIC', { value: 1, tolerance: -1 }],
    ['TRUE_FALSE', { correctAnswer: 'yes' }],
  ])('refuses a %s question whose key is %o', (type, key) => {
    const index = indexOf(type);
    expect(refusedAt(withQuestion(index, { key })).some((path) => path.startsWith(`questions.${index}`))).toBe(true);
  });

  it('refuses content that does not match the type', () => {
    expect(refusedAt(withQuestion(indexOf('ORDERING'), { content: { options: [] } })).length).toBeGreaterThan(0);
    expect(refusedAt(withQuestion(indexOf('MULTIPLE_CHOICE'), { content: { options: [] } })).length).toBeGreaterThan(0);
  });

  it('refuses an unknown question type', () => {
    expect(refusedAt(withQuestion(0, { type: 'ESSAY' })).length).toBeGreaterThan(0);
  });

  it.each([
    ['version', { version: 0 }],
    ['version', { version: 1.5 }],
    ['currentVersion', { currentVersion: -1 }],
    ['status', { status: 'DELETED' }],
    ['quizId', { quizId: 7 }],
    ['settings.scoringPolicy', { settings: { ...DEFAULT_SETTINGS, scoringPolicy: 'SPEED' } }],
    ['settings.maxAttempts', { settings: { ...DEFAULT_SETTINGS, maxAttempts: 0 } }],
  ])('refuses a bad %s', (path, patch) => {
    expect(refusedAt({ ...KEY, ...patch })).toContain(path);
  });

  it.each([
    ['position', { position: 0 }],
    ['points', { points: -1 }],
    ['points', { points: 1.5 }],
    ['explanation', { explanation: undefined }],
    ['prompt', { prompt: null }],
    ['id', { id: undefined }],
  ])('refuses a question with a bad %s', (field, patch) => {
    expect(refusedAt(withQuestion(1, patch))).toContain(`questions.1.${field}`);
  });
});
